package dev.cascadestudio.persistence;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where Cascade Studio keeps its files: the platform's per-user data directory, never the working
 * directory. {@code -Dcascade.home=DIR} or {@code CASCADE_STUDIO_HOME} overrides it (tests, portable use).
 */
public final class AppDirectories {

    private AppDirectories() {}

    public static Path dataHome() {
        String override = System.getProperty("cascade.home", System.getenv("CASCADE_STUDIO_HOME"));
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath();
        }
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "Cascade Studio");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Cascade Studio");
        }
        return xdgDataHome(System.getenv("XDG_DATA_HOME"), home).resolve("cascade-studio");
    }

    /**
     * {@code $XDG_DATA_HOME} where it is an absolute path, else {@code ~/.local/share}: the XDG Base
     * Directory specification says a relative path there is invalid and must be ignored (it would
     * otherwise put the database under whatever directory the program was started from).
     */
    static Path xdgDataHome(String xdgDataHome, String userHome) {
        if (xdgDataHome != null && !xdgDataHome.isBlank() && Path.of(xdgDataHome).isAbsolute()) {
            return Path.of(xdgDataHome);
        }
        return Path.of(userHome, ".local", "share");
    }

    /** The embedded H2 database's file path, without H2's {@code .mv.db} suffix. */
    public static Path defaultDatabaseFile() {
        return dataHome().resolve("cascade-studio");
    }

    public static String defaultDatabaseUrl() {
        return h2Url(defaultDatabaseFile());
    }

    public static String h2Url(Path fileWithoutSuffix) {
        return "jdbc:h2:file:" + fileWithoutSuffix.toAbsolutePath();
    }

    public static Path snapshotDirectory() {
        return dataHome().resolve("snapshots");
    }
}
