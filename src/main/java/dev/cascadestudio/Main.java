package dev.cascadestudio;

import dev.cascadestudio.cli.Cli;
import dev.cascadestudio.service.StartupTimeline;
import dev.cascadestudio.ui.CascadeStudioApp;

/**
 * Entry point of the jar. With a command-line verb ({@code plan}, {@code delete}, ...) it runs the
 * command line; otherwise it opens the window. Not an {@code Application} subclass on purpose: the
 * JavaFX launcher refuses to start one from a plain classpath jar.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        StartupTimeline.mark("main");
        System.setProperty("org.jboss.logging.provider", "slf4j");
        if (Cli.wantsCommandLine(args)) {
            System.exit(Cli.run(args));
        }
        Cli.refuseWindowWithoutDisplay(System.getenv(), System.getProperty("os.name", "")).ifPresent(System::exit);
        ClassDataRelaunch.relaunchIfUseful().ifPresent(System::exit);
        ClassDataRelaunch.endWithTheLauncher();
        try {
            CascadeStudioApp.launchApp(args);
        } catch (CascadeStudioApp.NoDisplayException e) {
            System.exit(Cli.refuse(e.getMessage()));
        }
    }
}
