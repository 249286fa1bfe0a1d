package dev.cascadestudio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar cascade-studio.jar} opens its window in a second JVM that maps the jar's class-data archive,
 * as the script and the packaged launcher start it. The plan is tested as a function of the start's arguments;
 * the relaunch itself with real JVMs started from a small jar whose main does what {@link Main} does before the
 * window ({@link RelaunchProbe}).
 */
class ClassDataRelaunchTest {

    private static final String JAVA_HOME = System.getProperty("java.home");
    private static final String JAVA = Path.of(JAVA_HOME, "bin", "java").toString();

    @TempDir
    static Path shared;
    private static Path probeJar;

    @BeforeAll
    static void buildProbeJar() throws IOException {
        probeJar = shared.resolve("probe.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, RelaunchProbe.class.getName());
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(probeJar), manifest)) {
            for (String name : List.of("ClassDataRelaunch.class", "ClassDataRelaunch$Plan.class", "RelaunchProbe.class",
                    "persistence/AppDirectories.class", "persistence/AppDirectories$Content.class")) {
                jar.putNextEntry(new JarEntry("dev/cascadestudio/" + name));
                try (InputStream in = ClassDataRelaunch.class.getResourceAsStream("/dev/cascadestudio/" + name)) {
                    in.transferTo(jar);
                }
                jar.closeEntry();
            }
        }
    }

    // --- the plan -----------------------------------------------------------------------------------------

    @Test
    void aFirstJarStartRecordsAnArchiveAndKeepsTheStartsOptionsAndArgumentsInOrder(@TempDir Path cache) throws IOException {
        List<String> start = List.of("-Xmx2g", "-Dcascade.home=/data", "-jar", probeJar.toString(), "--db", "jdbc:sqlite:sql.db");

        ClassDataRelaunch.Plan plan = plan(start, cache).orElseThrow();

        String archive = cache.resolve(ClassDataRelaunch.archiveName(probeJar, "17.0.15")).toString();
        List<String> expected = new ArrayList<>();
        expected.add(JAVA);
        expected.addAll(List.of("-XX:Tier4InvocationThreshold=50000", "-XX:Tier4MinInvocationThreshold=6000",
                "-XX:Tier4CompileThreshold=150000", "-XX:Tier4BackEdgeThreshold=400000"));
        expected.add("-XX:ArchiveClassesAtExit=" + archive + ".recording-4242");
        expected.addAll(List.of("-Xlog:disable", "-Xlog:all=error:stderr", "-Dcascade.relaunched=true"));
        expected.addAll(start);
        assertThat(plan.command()).containsExactlyElementsOf(expected);
        assertThat(plan.recording()).as("one recording per launcher").isEqualTo(Path.of(archive + ".recording-4242"));
    }

    @Test
    void aStartAfterTheArchiveWasRecordedMapsIt(@TempDir Path cache) throws IOException {
        Path archive = cache.resolve(ClassDataRelaunch.archiveName(probeJar, "17.0.15"));
        Files.writeString(archive, "an archive");

        ClassDataRelaunch.Plan plan = plan(List.of("-jar", probeJar.toString()), cache).orElseThrow();

        assertThat(plan.command()).contains("-XX:SharedArchiveFile=" + archive).noneMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit"));
        assertThat(plan.recording()).isNull();
    }

    @Test
    void anArchiveOrACacheFolderOthersCanWriteToIsNeverMapped(@TempDir Path cache) throws IOException {
        Path archive = cache.resolve(ClassDataRelaunch.archiveName(probeJar, "17.0.15"));
        Files.writeString(archive, "an archive another user could have changed");
        Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("rw-rw-rw-"));

        assertThat(plan(List.of("-jar", probeJar.toString()), cache).orElseThrow().command())
                .as("recorded anew instead").noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"))
                .contains("-XX:ArchiveClassesAtExit=" + archive + ".recording-4242");

        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThat(plan(List.of("-jar", probeJar.toString()), cache)).as("no relaunch from a folder others write to").isEmpty();
    }

    @Test
    void aRebuiltJarOrAnotherJavaGetsAnArchiveOfItsOwn() throws IOException {
        String before = ClassDataRelaunch.archiveName(probeJar, "17.0.15");
        Path copy = shared.resolve("copy").resolve("probe.jar");
        Files.createDirectories(copy.getParent());
        Files.copy(probeJar, copy);
        Files.setLastModifiedTime(copy, FileTime.fromMillis(Files.getLastModifiedTime(probeJar).toMillis() + 60_000));

        assertThat(ClassDataRelaunch.archiveName(copy, "17.0.15")).isNotEqualTo(before).startsWith("probe-");
        assertThat(ClassDataRelaunch.archiveName(probeJar, "21.0.2")).isNotEqualTo(before).endsWith("-java21.0.2.jsa");
    }

    @Test
    void noRelaunchWhereTheStartHasAnArchiveIsNotAJarStartOrIsToldNot(@TempDir Path cache) throws IOException {
        String jar = probeJar.toString();
        // the script and the packaged launcher give the archive themselves
        assertThat(plan(List.of("-XX:SharedArchiveFile=/x.jsa", "-jar", jar), cache)).isEmpty();
        assertThat(plan(List.of("-XX:ArchiveClassesAtExit=/x.jsa", "-jar", jar), cache)).isEmpty();
        assertThat(plan(List.of("-Xshare:off", "-jar", jar), cache)).isEmpty();
        // tests and IDEs start the class path
        assertThat(plan(List.of("-cp", jar, "dev.cascadestudio.Main"), cache)).isEmpty();
        // the relaunched JVM itself
        assertThat(plan(List.of("-Dcascade.relaunched=true", "-jar", jar), cache)).isEmpty();
        // -jar naming no jar there
        assertThat(plan(List.of("-jar", shared.resolve("gone.jar").toString()), cache)).isEmpty();
        // a platform that does not tell a process's arguments (Windows), or the user's -Dcascade.relaunch=false
        assertThat(ClassDataRelaunch.plan(Optional.empty(), JAVA_HOME, "17.0.15", cache, null, null, 4242)).isEmpty();
        assertThat(ClassDataRelaunch.plan(Optional.of(List.of("-jar", jar)), JAVA_HOME, "17.0.15", cache, "false", null, 4242)).isEmpty();
    }

    @Test
    void olderBuildsArchivesAndRecordingsOfLaunchersGoneAreDeletedAndNothingElse(@TempDir Path cache) throws IOException {
        String current = ClassDataRelaunch.archiveName(probeJar, "17.0.15");
        long gone = 999_999_999L; // above the largest pid Linux gives (2^22): no such process
        String ownPid = String.valueOf(ProcessHandle.current().pid());
        List<String> names = List.of(current, "probe-1-2-java17.0.1.jsa", current + ".recording-" + gone,
                current + ".recording-" + ownPid, "probe-1-2-java17.0.1.jsa.recording-x", "other-1-2-java17.0.1.jsa");
        for (String name : names) {
            Files.writeString(cache.resolve(name), "x");
        }

        ClassDataRelaunch.forgetOlderArchives(cache.resolve(current));

        try (var files = Files.list(cache)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("the archive, a recording still waited for, another jar's")
                    .containsExactlyInAnyOrder(current, current + ".recording-" + ownPid, "other-1-2-java17.0.1.jsa");
        }
    }

    @Test
    void theRelaunchUsesTheSameJvmOptionsAsTheScriptAndThePackage() throws IOException {
        assertThat(dev.cascadestudio.testsupport.ScriptJvmOptions.startOptions())
                .containsExactlyElementsOf(ClassDataRelaunch.START_OPTIONS);
    }

    // --- the relaunch, with real JVMs ---------------------------------------------------------------------

    @Test
    void theFirstStartRecordsTheArchiveAndTheNextOneMapsItWithTheWindowsExitStatus(@TempDir Path home) throws Exception {
        Path seen = home.resolve("seen.txt");

        Process first = probe(home, seen.toString(), "7");
        assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(first.exitValue()).as("the launcher ends with the window's exit status").isEqualTo(7);
        List<String> firstWindow = Files.readAllLines(seen);
        assertThat(firstWindow).contains("-Dcascade.relaunched=true", "-Dprobe.mark=kept")
                .anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit="));
        Path archive = home.resolve("cache/class-data").resolve(ClassDataRelaunch.archiveName(probeJar, System.getProperty("java.version")));
        assertThat(archive).as("the archive the first window recorded").isNotEmptyFile();
        try (var files = Files.list(home.resolve("cache/class-data"))) {
            assertThat(files.map(f -> f.getFileName().toString())).as("the recording became the archive").containsExactly(archive.getFileName().toString());
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("cache/class-data"))))
                .as("the cache folder is its owner's alone").isEqualTo("rwx------");

        Process second = probe(home, seen.toString(), "0");
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(second.exitValue()).isZero();
        assertThat(Files.readAllLines(seen)).contains("-XX:SharedArchiveFile=" + archive);
        // -Xshare:on: the JVM refuses to start unless it maps the archive (made for this jar and this Java)
        Process mapped = new ProcessBuilder(JAVA, "-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-Dcascade.relaunch=false",
                "-Dcascade.home=" + home, "-jar", probeJar.toString(), home.resolve("mapped.txt").toString(), "0")
                .redirectErrorStream(true).redirectOutput(home.resolve("mapped.log").toFile()).start();
        assertThat(mapped.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(mapped.exitValue()).as(Files.readString(home.resolve("mapped.log"))).isZero();
    }

    @Test
    void theWindowEndsWithTheLauncherStoppedOrKilled(@TempDir Path home) throws Exception {
        for (boolean killed : new boolean[] {false, true}) {
            Path seen = home.resolve("seen-" + killed + ".txt");
            Process launcher = probe(home, seen.toString(), "sleep");
            ProcessHandle window = windowOf(launcher, seen);

            if (killed) {
                launcher.destroyForcibly(); // SIGKILL: no shutdown hook runs; the window notices its launcher is gone
            } else {
                launcher.destroy(); // SIGTERM: the launcher ends the window first
            }

            assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(window.onExit().get(60, TimeUnit.SECONDS).isAlive()).as("the window's JVM, launcher killed: " + killed).isFalse();
        }
    }

    @Test
    void withRelaunchOffTheWindowOpensInTheSameJvm(@TempDir Path home) throws Exception {
        Path seen = home.resolve("seen.txt");
        Process process = new ProcessBuilder(JAVA, "-Dcascade.relaunch=false", "-Dcascade.home=" + home, "-jar", probeJar.toString(),
                seen.toString(), "3").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isEqualTo(3);
        assertThat(Files.readAllLines(seen)).doesNotContain("-Dcascade.relaunched=true").noneMatch(a -> a.startsWith("-XX:"));
        assertThat(home.resolve("cache")).doesNotExist();
    }

    private static Optional<ClassDataRelaunch.Plan> plan(List<String> start, Path cache) throws IOException {
        return ClassDataRelaunch.plan(Optional.of(start), JAVA_HOME, "17.0.15", cache, null, null, 4242);
    }

    private static Process probe(Path home, String seen, String exit) throws IOException {
        return new ProcessBuilder(JAVA, "-Dcascade.home=" + home, "-Dprobe.mark=kept", "-jar", probeJar.toString(), seen, exit)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("probe.log").toFile())).start();
    }

    /** The relaunched JVM, once it has written what it was started with. */
    private static ProcessHandle windowOf(Process launcher, Path seen) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> child = launcher.children().findFirst();
            if (child.isPresent() && Files.exists(seen) && !Files.readString(seen, StandardCharsets.UTF_8).isEmpty()) {
                return child.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no relaunched JVM within 60 s");
    }
}
