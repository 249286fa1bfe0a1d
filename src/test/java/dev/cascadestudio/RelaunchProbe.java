package dev.cascadestudio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A stand-in for {@link Main}'s window in {@link ClassDataRelaunchTest}: relaunches as Main does before the
 * window, then, in the JVM that would open the window, writes its JVM's arguments to the file named by its
 * first argument, and exits with the status its second argument gives, or sleeps where it says "sleep".
 */
public final class RelaunchProbe {

    private RelaunchProbe() {}

    public static void main(String[] args) throws Exception {
        ClassDataRelaunch.relaunchIfUseful().ifPresent(System::exit);
        ClassDataRelaunch.endWithTheLauncher();
        List<String> arguments = ProcessHandle.current().info().arguments().map(List::of).orElse(List.of());
        Files.write(Path.of(args[0]), arguments);
        if (args[1].equals("sleep")) {
            Thread.sleep(120_000);
        }
        System.exit(Integer.parseInt(args[1]));
    }
}
