package dev.cascadestudio.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DataGenerator;
import dev.cascadestudio.service.StartupTimeline;
import dev.cascadestudio.testsupport.EngineDatabases;
import dev.cascadestudio.testsupport.ScriptJvmOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Start-up as a user meets it: the application is launched as a separate process, the way its
 * launcher does, and timed from the moment the process is spawned to the milestones it writes
 * ({@link StartupTimeline}): the window's first frame, and the first frame that shows the tree's
 * first level. For the jar and, when it has been built ({@code installer/build-installer.sh
 * app-image}), the packaged application; on the embedded demo database (second start), on a generated
 * 1M-row H2 file and on a 1M-row SQLite file made from the controller's DDL. The command line's start
 * is timed as a whole process. Medians of {@value #STARTS} starts after one unmeasured start (file
 * cache warm, as at a user's second start). The machine's floor is measured the same way ({@link BareWindow}, and
 * {@code java -version}), and each window figure says how far above it the application is. Writes
 * {@code target/bench/startup.json}; a missed target is reported there, never failed on.
 *
 * <p>Runs after {@code package} (the bench profile runs benchmarks in the integration-test phase), so
 * the jar it launches is the one just built. The window needs a display: {@code DISPLAY}, or an
 * {@code Xvfb} it starts itself.
 */
@Tag("bench")
class StartupBenchmark {

    private static final int STARTS = 5;
    private static final long ROWS = 1_000_000;
    private static final long WINDOW_TARGET_MS = 1000;
    private static final long USERS_TARGET_MS = 1500;
    private static final long BIG_FIRST_LEVEL_TARGET_MS = 2000;
    private static final long TIMEOUT_MS = 120_000;

    private final Path base = Path.of(System.getProperty("basedir", "."));
    private final Path benchDir = base.resolve("target").resolve("bench");
    private final Path work = benchDir.resolve("startup");

    @Test
    void startUp() throws Exception {
        Files.createDirectories(work);
        Path jar = Launcher.jar();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No " + jar + ": the start-up benchmark runs after mvn package.");
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("machine", Runtime.getRuntime().availableProcessors() + " cores, load average at start "
                + String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        json.put("method", "Each start is a new process launched as its launcher does; times run from the spawn to the "
                + "milestone the application writes (-D" + StartupTimeline.PROPERTY + "): window_ms = the window's first "
                + "frame, tree_ms = the first frame showing the tree's first level. Median of " + STARTS
                + " starts after one unmeasured start.");
        Path h2 = h2File();
        Path sqlite = sqliteFile();

        Display display = Display.find();
        List<Launcher> launchers = new ArrayList<>();
        launchers.add(Launcher.javaJar("java_jar"));
        // the README's command: the same jar, with the class-data archive its first window records
        Files.deleteIfExists(base.resolve("target/cascade-studio.jsa"));
        launchers.add(new Launcher("cascade_studio_script", List.of(base.resolve("cascade-studio").toString())));
        Optional<Launcher> image = Launcher.appImage("app-image");
        json.put("launchers", "java_jar: java -jar target/cascade-studio.jar; cascade_studio_script: ./cascade-studio, the "
                + "README's command (the jar with the class-data archive its first window records); app_image: the packaged "
                + "launcher, when built");
        if (image.isPresent()) {
            launchers.add(image.get());
        } else {
            json.put("app_image", "not built (installer/build-installer.sh app-image builds it); only the jar was measured");
        }
        Map<String, Object> window = new LinkedHashMap<>();
        if (display == null) {
            window.put("skipped", "no DISPLAY and no Xvfb: the window cannot be started");
        } else {
            Map<String, Object> floor = floor(display);
            json.put("machine_floor", floor);
            long floorMs = (Long) floor.get("bare_javafx_window_ms");
            for (Launcher launcher : launchers) {
                Map<String, Object> figures = new LinkedHashMap<>();
                Path home = work.resolve("home-" + launcher.name());
                BenchFigures.deleteTree(home);
                figures.put("demo_h2_second_start", windowStarts(launcher, display, home, null, USERS_TARGET_MS, floorMs));
                figures.put("h2_1m_rows", windowStarts(launcher, display, home, "jdbc:h2:file:" + h2, BIG_FIRST_LEVEL_TARGET_MS,
                        floorMs));
                figures.put("controller_sqlite_1m_rows", windowStarts(launcher, display, home, "jdbc:sqlite:" + sqlite,
                        BIG_FIRST_LEVEL_TARGET_MS, floorMs));
                window.put(launcher.name(), figures);
            }
            display.close();
        }
        json.put("window", window);

        Map<String, Object> cli = new LinkedHashMap<>();
        for (Launcher launcher : launchers) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("version_ms", processMs(launcher, List.of("--version")));
            figures.put("rules_ms", processMs(launcher, List.of("rules")));
            figures.put("tree_depth1_controller_sqlite_1m_ms", processMs(launcher,
                    List.of("tree", "--depth", "1", "--db", "jdbc:sqlite:" + sqlite)));
            cli.put(launcher.name(), figures);
        }
        json.put("command_line", cli);
        Path out = benchDir.resolve("startup.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), json);
    }


    /**
     * What this machine takes at the least, so that figures of machines of different speeds can be compared (the same
     * code's window took 0.67 s on one 2-core machine and 1.4 s on another): the JVM alone ({@code java -version}), and
     * {@link BareWindow}, a JavaFX window with a label and a progress bar from the same jar's JavaFX, the same JVM options
     * and a class-data archive of its own (recorded by the unmeasured first start), to its first frame; medians of
     * {@value #STARTS} starts after one unmeasured start.
     */
    private Map<String, Object> floor(Display display) throws Exception {
        String javaExe = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path archive = work.resolve("bare-window.jsa");
        Files.deleteIfExists(archive);
        String classPath = Launcher.jar() + java.io.File.pathSeparator
                + Launcher.testClassesJar(work.resolve("bare-window.jar"), BareWindow.class, BareWindow.Window.class);
        List<String> options = ScriptJvmOptions.startOptions();
        List<Long> runs = new ArrayList<>();
        for (int i = 0; i <= STARTS; i++) {
            List<String> command = new ArrayList<>(List.of(javaExe));
            command.addAll(options);
            command.add(i == 0 ? "-XX:ArchiveClassesAtExit=" + archive : "-XX:SharedArchiveFile=" + archive);
            command.addAll(List.of("-Xlog:disable", "-Xlog:all=error:stderr", "-cp", classPath, BareWindow.class.getName()));
            Map<String, Long> marks = launchWindow(new Launcher("bare_window", command), display, work.resolve("home-bare"), null);
            if (i > 0) {
                runs.add(marks.getOrDefault("window-frame", -1L));
            }
        }
        Map<String, Object> floor = new LinkedHashMap<>();
        floor.put("what", "bare_javafx_window_ms: a JavaFX window (a label, a progress bar, 1200x760) from the same jar's "
                + "JavaFX, the JVM options of installer/jvm-options.sh and a class-data archive of its own, from the spawn to "
                + "its first frame (marked as the application marks its window's); java_version_ms: `java -version` as a "
                + "whole process. Each window figure's window_above_floor_ms is its window_ms less bare_javafx_window_ms.");
        floor.put("bare_javafx_window_ms", BenchFigures.median(runs));
        floor.put("bare_javafx_window_runs_ms", runs);
        floor.put("java_version_ms", processMs(new Launcher("java", List.of(javaExe)), List.of("-version")).get("ms"));
        return floor;
    }

    /** The window's start, {@value #STARTS} times after one unmeasured start: medians, all runs, targets. */
    private Map<String, Object> windowStarts(Launcher launcher, Display display, Path home, String url, long treeTarget,
                                             long floorMs) throws Exception {
        List<Map<String, Long>> runs = new ArrayList<>();
        for (int i = 0; i <= STARTS; i++) {
            Map<String, Long> marks = launchWindow(launcher, display, home, url);
            if (i > 0) {
                runs.add(marks);
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        long windowMs = BenchFigures.median(runs.stream().map(m -> m.getOrDefault("window-frame", -1L)).toList());
        long treeMs = BenchFigures.median(runs.stream().map(m -> m.getOrDefault("tree-frame", -1L)).toList());
        figures.put("window_ms", windowMs);
        figures.put("window_target_ms", WINDOW_TARGET_MS);
        figures.put("window_met", windowMs >= 0 && windowMs <= WINDOW_TARGET_MS);
        if (windowMs >= 0 && floorMs >= 0) {
            figures.put("window_above_floor_ms", windowMs - floorMs);
        }
        figures.put("tree_ms", treeMs);
        figures.put("tree_target_ms", treeTarget);
        figures.put("tree_met", treeMs >= 0 && treeMs <= treeTarget);
        figures.put("runs", runs);
        return figures;
    }

    private Map<String, Long> launchWindow(Launcher launcher, Display display, Path home, String url) throws Exception {
        Path trace = Files.createTempFile(work, "trace", ".txt");
        Files.delete(trace);
        // the same way for every launcher (the script and the packaged launcher take no JVM options of their own)
        List<String> options = List.of("-Dcascade.home=" + home, "-D" + StartupTimeline.PROPERTY + "=" + trace,
                "-Dcascade.keyring=none");
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(launcher.command()));
        builder.environment().put("JAVA_TOOL_OPTIONS", String.join(" ", options));
        if (url != null) {
            builder.command().addAll(List.of("--db", url));
        }
        builder.environment().put("DISPLAY", display.name());
        builder.redirectErrorStream(true).redirectOutput(work.resolve("window-" + launcher.name() + ".log").toFile());
        long spawned = System.currentTimeMillis();
        Process process = builder.start();
        Map<String, Long> marks = new LinkedHashMap<>();
        long deadline = spawned + TIMEOUT_MS;
        try {
            while (System.currentTimeMillis() < deadline && !marks.containsKey("tree-frame") && process.isAlive()) {
                Thread.sleep(10);
                read(trace, spawned, marks);
            }
            read(trace, spawned, marks); // a process that ended by itself (BareWindow) marked before it did
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) { // a first start writes the class-data archive as it exits
                process.destroyForcibly().waitFor();
            }
            Files.deleteIfExists(trace);
        }
        return marks;
    }

    /** The milestones {@code trace} holds so far, in milliseconds since {@code spawned}. */
    private static void read(Path trace, long spawned, Map<String, Long> marks) throws IOException {
        if (Files.exists(trace)) {
            for (String line : Files.readAllLines(trace)) {
                String[] parts = line.split(" ");
                if (parts.length == 2) {
                    marks.put(parts[0], Long.parseLong(parts[1]) - spawned);
                }
            }
        }
    }

    /** A command-line verb as a whole process: median wall time of {@value #STARTS} runs after one unmeasured run. */
    private Map<String, Object> processMs(Launcher launcher, List<String> args) throws Exception {
        List<Long> times = new ArrayList<>();
        int exit = 0;
        for (int i = 0; i <= STARTS; i++) {
            List<String> command = new ArrayList<>(launcher.command());
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(work.resolve("cli-" + launcher.name() + ".log").toFile());
            builder.environment().put("JAVA_TOOL_OPTIONS", "-Dcascade.home=" + work.resolve("home-cli") + " -Dcascade.keyring=none");
            long started = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            exit = process.exitValue();
            if (i > 0) {
                times.add(ms);
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("ms", BenchFigures.median(times));
        figures.put("exit_code", exit);
        figures.put("runs_ms", times);
        return figures;
    }

    /** The generated 1M-row H2 file (DataGenerator), made once and kept under target/bench/startup. */
    private Path h2File() throws IOException {
        Path dir = work.resolve("h2-1m");
        Path file = dir.resolve("cascade");
        if (!Files.exists(dir.resolve("complete"))) {
            BenchFigures.deleteTree(dir);
            Files.createDirectories(dir);
            try (Database db = EngineDatabases.h2(dir)) {
                DataGenerator.generate(db, ROWS, 20_000);
            }
            Database.compactH2("jdbc:h2:file:" + file);
            Files.createFile(dir.resolve("complete"));
        }
        return file;
    }

    /** A 1M-row SQLite file made with the controller's own DDL, filled by DataGenerator; made once. */
    private Path sqliteFile() throws IOException {
        Path dir = work.resolve("sqlite-1m");
        if (!Files.exists(dir.resolve("complete"))) {
            BenchFigures.deleteTree(dir);
            Files.createDirectories(dir);
            try (Database db = EngineDatabases.controllerSqlite(dir)) {
                DataGenerator.generate(db, ROWS, 20_000);
            }
            Files.createFile(dir.resolve("complete"));
        }
        return dir.resolve("sql.db");
    }

    /** The X display the window is shown on: $DISPLAY, or an Xvfb started here (1200x760, as the README's screenshots). */
    record Display(String name, Process xvfb) implements AutoCloseable {
        static Display find() throws IOException, InterruptedException {
            String existing = System.getenv("DISPLAY");
            if (existing != null && !existing.isBlank()) {
                return new Display(existing, null);
            }
            for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
                if (Files.isExecutable(Path.of(dir, "Xvfb"))) {
                    String name = ":" + (90 + (int) (ProcessHandle.current().pid() % 9));
                    Process xvfb = new ProcessBuilder(Path.of(dir, "Xvfb").toString(), name, "-screen", "0", "1200x760x24")
                            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                    Thread.sleep(1000);
                    return xvfb.isAlive() ? new Display(name, xvfb) : null;
                }
            }
            return null;
        }

        @Override
        public void close() {
            if (xvfb != null) {
                xvfb.destroy();
            }
        }
    }

}
