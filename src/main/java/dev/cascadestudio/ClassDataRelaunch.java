package dev.cascadestudio;

import dev.cascadestudio.persistence.AppDirectories;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * The window started with a plain {@code java -jar cascade-studio.jar}: the JVM is started once more, with the
 * class-data archive of this jar and the start's JVM options, as {@code ./cascade-studio} and the packaged
 * launcher start it. A jar cannot give its JVM options of its own, and without the archive every start loads
 * and verifies JavaFX's, Hibernate's and the drivers' classes again (the window's first frame 2.1 s instead
 * of 1.5 s on the machine of the README's table).
 *
 * <p>The archive is kept per user in a cache folder, one per jar and Java version: the first window records it
 * as it closes ({@code -XX:ArchiveClassesAtExit}, into a temporary name that becomes the archive once the
 * window's JVM has ended, so that a start killed while it was written leaves none), every later window maps it.
 * This JVM waits for the window's and ends with its exit status; ended itself (a signal, the task manager),
 * it ends the window's JVM first; the window's JVM ends when this one is gone
 * ({@link #endWithTheLauncher}).
 *
 * <p>No relaunch where it cannot help or cannot be done faithfully: a command-line verb (the window only), a JVM
 * that already has an archive (the script, the packaged launcher), a start that is not {@code -jar} (tests, an
 * IDE), a platform that does not give a process's arguments (Windows: its installer's launcher has the archive),
 * {@code -Dcascade.relaunch=false}, or a failure to start the second JVM (then this one opens the window).
 */
final class ClassDataRelaunch {

    /** Set on the relaunched JVM: it must not relaunch again, and it watches the JVM that started it. */
    static final String RELAUNCHED = "cascade.relaunched";
    /** {@code -Dcascade.relaunch=false}: open the window in this JVM. */
    static final String SWITCH = "cascade.relaunch";

    /**
     * The JVM options of every start, the same as {@code installer/jvm-options.sh} gives the script and the
     * packaged launcher (a test keeps the two equal): C2 later, which took a 2-core machine's first tree level
     * from 3.1 s to 2.5 s (README, "Start-up and speed").
     */
    static final List<String> START_OPTIONS = List.of("-XX:Tier4InvocationThreshold=50000",
            "-XX:Tier4MinInvocationThreshold=6000", "-XX:Tier4CompileThreshold=150000", "-XX:Tier4BackEdgeThreshold=400000");

    /** What a recording archive's name adds to the archive's, before the pid of the launcher that waits for it. */
    private static final String RECORDING = ".recording-";

    /** The JVM's own messages about the archive (made, mapped, refused as stale) stay out of the window's output. */
    private static final List<String> QUIET = List.of("-Xlog:disable", "-Xlog:all=error:stderr");

    private ClassDataRelaunch() {}

    /**
     * What to start instead of opening the window here: the JVM's command and the archive it maps or records,
     * or empty where this JVM opens the window itself.
     *
     * @param jvmArguments this process's arguments after the {@code java} executable (JVM options, {@code -jar},
     *                     the jar, the application's arguments), empty where the platform does not give them
     * @param cacheFolder  where this user's archives are kept
     */
    static Optional<Plan> plan(Optional<List<String>> jvmArguments, String javaHome, String javaVersion, Path cacheFolder,
                               String relaunchSwitch, String relaunched, long launcherPid) throws IOException {
        if (jvmArguments.isEmpty() || "false".equalsIgnoreCase(relaunchSwitch) || relaunched != null) {
            return Optional.empty();
        }
        List<String> arguments = jvmArguments.get();
        int jarAt = arguments.indexOf("-jar");
        if (jarAt < 0 || jarAt + 1 >= arguments.size()) {
            return Optional.empty();
        }
        for (String argument : arguments.subList(0, jarAt)) {
            if (argument.startsWith("-XX:SharedArchiveFile") || argument.startsWith("-XX:ArchiveClassesAtExit")
                    || argument.startsWith("-Xshare") || argument.startsWith("-XX:SharedClassListFile")
                    || argument.startsWith("-D" + RELAUNCHED)) {
                return Optional.empty();
            }
        }
        Path jar = Path.of(arguments.get(jarAt + 1)).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            return Optional.empty();
        }
        if (Files.exists(cacheFolder) && !AppDirectories.writableByOwnerOnly(cacheFolder)) {
            return Optional.empty(); // a folder others could write to: an archive there could run their code in this JVM
        }
        Path archive = cacheFolder.resolve(archiveName(jar, javaVersion));
        boolean exists = Files.isRegularFile(archive, LinkOption.NOFOLLOW_LINKS) && Files.size(archive) > 0
                && AppDirectories.writableByOwnerOnly(archive);
        // one recording per launcher: two first windows at once must not move each other's half-written archive
        Path recording = cacheFolder.resolve(archive.getFileName() + RECORDING + launcherPid);
        List<String> command = new ArrayList<>();
        command.add(Path.of(javaHome, "bin", "java").toString());
        command.addAll(START_OPTIONS);
        command.add(exists ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + recording);
        command.addAll(QUIET);
        command.add("-D" + RELAUNCHED + "=true");
        command.addAll(arguments);
        return Optional.of(new Plan(command, archive, exists ? null : recording));
    }

    /**
     * The archive's name: the jar's name, size and time of change, and the Java version, so that a rebuilt jar or
     * another Java records an archive of its own (the JVM would refuse to map the old one, and start without).
     */
    static String archiveName(Path jar, String javaVersion) throws IOException {
        String jarName = jar.getFileName().toString().replaceAll("\\.jar$", "");
        long size = Files.size(jar);
        long changed = Files.getLastModifiedTime(jar).toMillis();
        return (jarName + "-" + size + "-" + changed + "-java" + javaVersion).replaceAll("[^A-Za-z0-9._-]", "_") + ".jsa";
    }

    /** The second JVM's command; where {@code recording} is not null, it records the archive there. */
    record Plan(List<String> command, Path archive, Path recording) {}

    /**
     * Starts the window in a second JVM where that helps, waits for it and gives its exit status; empty where
     * this JVM should open the window itself.
     */
    static OptionalInt relaunchIfUseful() {
        Optional<Plan> plan;
        try {
            plan = plan(ProcessHandle.current().info().arguments().map(List::of), System.getProperty("java.home"),
                    System.getProperty("java.version"), cacheFolder(), System.getProperty(SWITCH), System.getProperty(RELAUNCHED),
                    ProcessHandle.current().pid());
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty(); // the jar or the cache cannot be looked at: the window opens here, as it always could
        }
        if (plan.isEmpty()) {
            return OptionalInt.empty();
        }
        return run(plan.get());
    }

    private static OptionalInt run(Plan plan) {
        Process window;
        try {
            AppDirectories.createPrivateDirectories(plan.archive().getParent()); // rwx------: an archive is trusted code (plan)
            forgetOlderArchives(plan.archive());
            window = new ProcessBuilder(plan.command()).inheritIO().start();
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
        Thread endWindowToo = new Thread(() -> {
            window.destroy();
            try {
                window.waitFor(60, TimeUnit.SECONDS); // a first window writes the archive as it ends
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            keepArchive(plan);
        }, "cascade-end-window");
        Runtime.getRuntime().addShutdownHook(endWindowToo);
        int status;
        try {
            status = window.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 1;
        }
        keepArchive(plan);
        try {
            Runtime.getRuntime().removeShutdownHook(endWindowToo);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway, and finds the window's JVM ended
        }
        return OptionalInt.of(status);
    }

    /**
     * The recorded archive becomes the archive once the JVM that recorded it has ended (the JVM writes it as it
     * exits, also when ended by a signal; a JVM killed outright may have left a part of one, which is never used).
     */
    static synchronized void keepArchive(Plan plan) {
        Path recording = plan.recording();
        try {
            if (recording == null || !Files.isRegularFile(recording) || Files.size(recording) == 0) {
                return;
            }
            AppDirectories.moveOver(recording, plan.archive());
        } catch (IOException e) {
            // the next start records it again
        }
    }

    /**
     * The archives of this jar's earlier builds or of another Java, never mapped again, and recordings whose launcher
     * is gone (killed while its window wrote one), never moved into place.
     */
    static void forgetOlderArchives(Path archive) {
        String jarName = archive.getFileName().toString().replaceAll("-\\d+-\\d+-java.*$", "");
        try (DirectoryStream<Path> files = Files.newDirectoryStream(archive.getParent(), jarName + "-*.jsa*")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                int recording = name.lastIndexOf(RECORDING);
                boolean stale = recording < 0 ? !file.equals(archive)
                        : ProcessHandle.of(pidOf(name.substring(recording + RECORDING.length()))).isEmpty();
                if (stale) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException | RuntimeException e) {
            // left for the next start
        }
    }

    private static long pidOf(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1; // no process: a name this class did not give
        }
    }

    /**
     * The relaunched window's JVM ends when the JVM that started it is gone without ending it (killed outright),
     * so that no window outlives what its user or a script started and then stopped.
     */
    static void endWithTheLauncher() {
        if (System.getProperty(RELAUNCHED) == null) {
            return;
        }
        ProcessHandle.current().parent().ifPresent(launcher -> launcher.onExit().thenRun(() -> Runtime.getRuntime().exit(143)));
    }

    /** This user's folder of archives, in {@link AppDirectories#cacheHome()}. */
    static Path cacheFolder() {
        return AppDirectories.cacheHome().resolve("class-data");
    }
}
