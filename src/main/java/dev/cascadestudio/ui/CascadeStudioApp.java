package dev.cascadestudio.ui;

/** Placeholder replaced by the UI work; keeps Main compiling. */
public final class CascadeStudioApp {
    private CascadeStudioApp() {}
    public static void launchApp(String[] args) {
        throw new UnsupportedOperationException("window not built yet");
    }
}
