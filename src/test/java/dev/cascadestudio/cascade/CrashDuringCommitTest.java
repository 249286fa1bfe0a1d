package dev.cascadestudio.cascade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.persistence.AppDirectories;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DataGenerator;
import dev.cascadestudio.persistence.demo.RowBuilder;
import dev.cascadestudio.service.CascadeService;
import dev.cascadestudio.testsupport.CommitInChildJvm;
import dev.cascadestudio.testsupport.DatabaseFingerprint;
import dev.cascadestudio.testsupport.EngineDatabases;
import dev.cascadestudio.testsupport.HaltDuringCommitInChildJvm;
import dev.cascadestudio.testsupport.HaltingH2Files;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A delete killed with SIGKILL while it runs, while it commits, or after its commit has returned
 * leaves the H2 file exactly as it was before the delete or exactly as a completed delete leaves it,
 * never something in between; and once the commit has returned, it is the latter.
 *
 * <p>Each run copies the same database, starts the delete of its largest project in a child JVM
 * ({@link CommitInChildJvm}), and kills it at a point named by the child's own progress lines — a
 * random moment after the first, a middle or the last UPDATE/DELETE, after the commit began, or
 * after the commit returned — so the kill lands in the intended phase however busy the machine is.
 * The file is then reopened (H2 recovers it) and compared, row by row, with the two possible states.
 *
 * <p>What this found on H2 2.5.252. (1) With H2's default {@code WRITE_DELAY} (500 ms) a commit that
 * had returned could be lost, and a kill a few milliseconds after it returned brought back some tables
 * deleted and others not: H2's background writer saves the store's maps one after another while the
 * session keeps writing (H2 issue #2080). {@code Database.open} now opens every embedded H2 file with
 * {@code WRITE_DELAY=0} ({@code H2FileSettings}). (2) Even so, a kill <em>during</em> H2's commit of
 * the transaction (tens of thousands of undo-log entries, processed one by one; the store is written
 * in between when enough has changed) came back mixed — every row present, part of the
 * {@code run}/{@code session} SET NULLs kept — and internally inconsistent: {@code run}'s rows had
 * NULLs that its {@code workflow_id} index did not (a query through the index counted 0, a scan
 * 10,834). No H2 setting stops those intermediate stores, so the executor backs the file up before the
 * statements of such a delete and journals it ({@code H2DeleteJournal}); an open that finds the journal
 * puts the backup back. (3) The mixed states come only from H2 writing its store in the middle of the
 * commit: with the backup left out, a stop before the 4th of the 7 writes this delete's commit makes
 * gave one, while a small delete's commit writes once, at its end, and comes back whole wherever it is
 * stopped ({@link #aSmallDeleteOnALargeH2FileStoppedAtAnyWriteOfItsCommitComesBackAsBeforeOrAsAfter},
 * which stops the JVM at each write itself rather than timing a kill from outside). So small deletes take
 * no backup: the executor watches that H2 cannot write mid-commit ({@code H2CommitWatch}). A SQLite file
 * is guarded by SQLite's own journal alone ({@link
 * #aDeleteOnASqliteFileKilledAtAnyPointComesBackAsBeforeOrAsAfterAndAsAfterOnceCommitted}). To see the first failure, run with {@code -Dcrash.h2Options=;WRITE_DELAY=500} (a URL that
 * sets the value keeps it); {@code -Dcrash.rounds=N} repeats the eight kill points N times. The kill
 * points are drawn from a seed, printed at the start and named in every failure: {@code -Dcrash.seed=S}
 * replays a run.
 */
class CrashDuringCommitTest {

    private static final long TOTAL_ROWS = 60_000;
    private static final long BIG_PROJECT_ROWS = 40_000;
    private static final long CHILD_TIMEOUT_SECONDS = 120;
    private static final String H2_OPTIONS = System.getProperty("crash.h2Options", "");
    private static final int ROUNDS = Integer.getInteger("crash.rounds", 1);
    /** The seed of the kill points: {@code -Dcrash.seed=S} replays a run, otherwise a new one each time. */
    private static final long SEED = Long.getLong("crash.seed", new Random().nextLong());

    private enum Side { BEFORE, AFTER }

    /** Kill the child {@code delayMs} after it reports {@code event}. */
    private record KillPoint(String event, long delayMs) {
        @Override
        public String toString() {
            return event + " + " + delayMs + " ms";
        }
    }

    private record Run(KillPoint at, boolean childReportedCommit, Side side) {}

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES) // 7.5 min seen in a full verify with the machine's load at 12
    void aDeleteKilledAtAnyPointComesBackAsBeforeOrAsAfterAndAsAfterOnceCommitted(@TempDir Path dir) throws Exception {
        String replay = "seed " + SEED + ", replay with -Dcrash.seed=" + SEED
                + (ROUNDS == 1 ? "" : " -Dcrash.rounds=" + ROUNDS) + (H2_OPTIONS.isEmpty() ? "" : " '-Dcrash.h2Options=" + H2_OPTIONS + "'");
        System.out.println("CrashDuringCommitTest: " + replay); // first, so that a failure or a timeout shows it
        Path original = dir.resolve("original");
        String bigProject;
        try (Database database = Database.open(url(original), null, null, Database.EmptyDatabase.CREATE_SCHEMA)) {
            bigProject = DataGenerator.generate(database, TOTAL_ROWS, BIG_PROJECT_ROWS).bigProjectUid();
        }
        Database.compactH2(url(original));
        DatabaseFingerprint before = DatabaseFingerprint.ofH2File(original);

        Path reference = copy(original, dir.resolve("reference"));
        DatabaseFingerprint after;
        int[] statements = {0};
        long[] commitStartedAt = {0};
        long commitMs;
        try (Database database = Database.open(url(reference), null, null, Database.EmptyDatabase.REFUSE)) {
            CascadeService service = new CascadeService(database, dir.resolve("reference-snapshots"));
            DeletePlan plan = service.plan(List.of(new Root("project", bigProject)));
            assertThat(plan.affectedRowCount()).isGreaterThan(BIG_PROJECT_ROWS / 2);
            service.execute(plan, (done, total, message) -> {
                if (message.startsWith("Setting ") || message.startsWith("Deleting ")) {
                    statements[0]++;
                } else if (message.equals("Committing")) {
                    commitStartedAt[0] = System.nanoTime();
                }
            });
            commitMs = (System.nanoTime() - commitStartedAt[0]) / 1_000_000;
            after = DatabaseFingerprint.of(database);
        }
        assertThat(after).isNotEqualTo(before);
        assertThat(after.rowCounts().get("project")).isEqualTo(before.rowCounts().get("project") - 1);
        assertThat(statements[0]).as("UPDATE/DELETE statements of the delete").isGreaterThan(2);

        List<KillPoint> plan = killPlan(statements[0], commitMs);
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            KillPoint at = plan.get(i);
            Path copy = copy(original, dir.resolve("run-" + i));
            boolean committed = killAt(url(copy), bigProject, "project", at, dir.resolve("run-" + i + "-snapshots"),
                    dir.resolve("run-" + i + ".stderr"), replay);
            DatabaseFingerprint found = DatabaseFingerprint.ofH2File(copy);
            assertThat(found)
                    .as("run %d (killed at %s%s; %s): the database after the crash", i, at,
                            committed ? ", after the child reported its commit" : "", replay)
                    .isIn(before, after);
            Side side = found.equals(before) ? Side.BEFORE : Side.AFTER;
            if (committed) {
                assertThat(side).as("run %d (killed at %s; %s): a commit that returned must survive the kill", i, at, replay)
                        .isEqualTo(Side.AFTER);
            }
            runs.add(new Run(at, committed, side));
            deleteH2Files(copy);
        }

        System.out.printf("CrashDuringCommitTest (seed %d, H2 options '%s'): before %s, after %s; %d statements, "
                + "commit in-process %d ms%n", SEED, H2_OPTIONS, before, after, statements[0], commitMs);
        runs.forEach(r -> System.out.printf("  killed at %-20s -> %s%s%n", r.at(), r.side(),
                r.childReportedCommit() ? " (child had reported its commit)" : ""));
        // The claim means something only if some kills interrupted the delete before its commit
        // returned, and some came after it.
        assertThat(runs).as("runs killed before the commit returned, and rolled back (%s)", replay)
                .anyMatch(r -> !r.childReportedCommit() && r.side() == Side.BEFORE);
        assertThat(runs).as("runs killed after the commit began but before it returned (%s)", replay)
                .anyMatch(r -> r.at().event().equals(CommitInChildJvm.COMMITTING) && !r.childReportedCommit());
        assertThat(runs).as("runs killed after the commit returned (%s)", replay)
                .anyMatch(Run::childReportedCommit);
    }

    // --- small deletes: every write of the commit ---------------------------------------------------

    /** Rows of the H2 file the small deletes run on: see {@link #generateLargeFile}. */
    private static final long LARGE_FILE_ROWS = Long.getLong("crash.largeFileRows", 50_000);
    @TempDir
    static Path shared;
    private static Path largeFile;

    /**
     * Generates the H2 file the small deletes run on, once for the class: 50,000 rows (about 7 MB) by
     * default, so that the default run stays short; {@code -Dcrash.largeFileRows=1000000} runs them on
     * the 1,000,000-row file. The size does not change the path under test: whether a delete is left
     * to H2's own commit depends on what the delete changes (the store's unsaved memory and version),
     * not on the file, and a small commit writes one chunk and one header whatever the file's size.
     * What grows with the file is only the backup, which these deletes must not take (asserted).
     */
    private static synchronized Path generateLargeFile() {
        if (largeFile == null) {
            Path file = shared.resolve("large");
            try (Database database = Database.open(url(file), null, null, Database.EmptyDatabase.CREATE_SCHEMA)) {
                DataGenerator.generate(database, LARGE_FILE_ROWS, SMALL_PROJECT_ROWS);
            }
            Database.compactH2(url(file));
            largeFile = file;
        }
        return largeFile;
    }

    /** Rows generated under the file's {@value DataGenerator#BIG_PROJECT}: its delete affects about 800. */
    private static final long SMALL_PROJECT_ROWS = 1_000;

    /**
     * The small deletes: by default the project {@value DataGenerator#BIG_PROJECT} of this file, about
     * 800 rows (18 workflows with their schedules, runs, sessions and labels, and the project's other
     * children), which changes about 10 MB of H2's pages, close to what the commit watch lets through
     * with this heap (the case its margin is for). {@code
     * -Dcrash.smallRoots=workflow:workflow-0000501,data_source:source-0000500} names others.
     */
    private static List<Root> smallDeletes() {
        String roots = System.getProperty("crash.smallRoots", "project:" + DataGenerator.BIG_PROJECT);
        List<Root> result = new ArrayList<>();
        for (String root : roots.split(",")) {
            String[] parts = root.split(":");
            result.add(new Root(parts[0], RowBuilder.uid(parts[0], parts[1])));
        }
        return result;
    }

    /**
     * A small delete on a large H2 file, stopped before and half-way through each write H2 makes to the
     * file while it commits, comes back as before or as after the delete; run to its end, as after. It
     * takes no backup of the file. (Run on a delete affecting about 40,000 rows with the backup left out, the same test
     * stopped the commit before its 4th of 7 writes and found the file neither: see {@code H2CommitWatch}'s
     * class comment.)
     */
    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void aSmallDeleteOnALargeH2FileStoppedAtAnyWriteOfItsCommitComesBackAsBeforeOrAsAfter(@TempDir Path dir) throws Exception {
        Path original = generateLargeFile();
        for (Root root : smallDeletes()) {
            haltAtEveryWriteOfTheCommit(original, root, dir.resolve(root.table()));
        }
    }

    /**
     * Deletes {@code root} in a child JVM once to count the writes H2 makes to the file while the
     * delete commits, then once more for each of those writes, on a fresh copy, stopping the JVM just
     * before that write and once half-way through it; after each, reopens the file and compares it,
     * row by row, with the database before and after the delete.
     */
    private static void haltAtEveryWriteOfTheCommit(Path original, Root root, Path dir) throws Exception {
        Files.createDirectories(dir);
        DatabaseFingerprint before = DatabaseFingerprint.ofH2File(original);
        Path reference = copy(original, dir.resolve("reference"));
        List<String> lines = runHalting(reference, root, HaltingH2Files.Mode.COUNT, 0, dir.resolve("reference"));
        long planned = Long.parseLong(field(lines, HaltDuringCommitInChildJvm.PLANNED));
        int writes = Integer.parseInt(field(lines, HaltDuringCommitInChildJvm.COMMITTED));
        assertThat(planned).as("rows the delete of %s affects", root).isBetween(1L, 1_000L);
        assertThat(field(lines, HaltDuringCommitInChildJvm.BACKUP)).as("the delete of %s backed the file up", root).isEqualTo("false");
        DatabaseFingerprint after = DatabaseFingerprint.ofH2File(reference);
        assertThat(after).as("the delete of %s, run to its end (the commit returned), is kept", root).isNotEqualTo(before);
        assertThat(after.totalRows()).as("rows after the delete of %s", root).isLessThan(before.totalRows());
        assertThat(writes).as("writes to the H2 file while the delete of %s commits", root).isPositive();

        List<String> outcomes = new ArrayList<>();
        for (int n = 1; n <= writes; n++) {
            for (HaltingH2Files.Mode mode : List.of(HaltingH2Files.Mode.HALT_BEFORE, HaltingH2Files.Mode.HALT_HALF_WAY)) {
                Path run = dir.resolve("run-" + n + "-" + mode);
                Path copy = copy(original, run);
                List<String> out = runHalting(copy, root, mode, n, run);
                assertThat(out).as("stopped at write %d of %d (%s) of the commit of %s", n, writes, mode, root)
                        .noneMatch(l -> l.startsWith(HaltDuringCommitInChildJvm.COMMITTED));
                DatabaseFingerprint found = DatabaseFingerprint.ofH2File(copy);
                assertThat(found).as("the database after a stop at write %d of %d (%s) of the commit of %s", n, writes, mode, root)
                        .isIn(before, after);
                outcomes.add(n + "/" + mode + " -> " + (found.equals(before) ? Side.BEFORE : Side.AFTER));
                deleteH2Files(copy);
            }
        }
        System.out.printf("CrashDuringCommitTest: %s (%d rows affected) on %s: %d writes while committing; %s%n",
                root, planned, before, writes, outcomes);
    }

    private static String field(List<String> lines, String name) {
        return lines.stream().filter(l -> l.startsWith(name + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("the child printed no " + name + " line: " + lines))
                .substring(name.length() + 1);
    }

    /** Runs {@link HaltDuringCommitInChildJvm}; returns its output lines (it exits 0, or {@link HaltingH2Files#HALTED}). */
    private static List<String> runHalting(Path file, Root root, HaltingH2Files.Mode mode, int n, Path work)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-Dorg.jboss.logging.provider=slf4j",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), HaltDuringCommitInChildJvm.class.getName(),
                url(file), root.table(), root.uid(), work + "-snapshots", mode.name(), Integer.toString(n)));
        Path stderr = Path.of(work + ".stderr");
        Process child = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        List<String> lines;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            lines = in.lines().toList();
        }
        assertThat(child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("the child ended").isTrue();
        int expected = mode == HaltingH2Files.Mode.COUNT ? 0 : HaltingH2Files.HALTED;
        assertThat(child.exitValue()).as("the child's exit status (%s at %d; its stderr: %s)", mode, n, tail(stderr)).isEqualTo(expected);
        return lines;
    }

    // --- a SQLite file ----------------------------------------------------------------------------

    /**
     * The same kills on a controller's SQLite file: the delete of a project of about 6,000 rows, killed
     * at the eight points of {@link #killPoints}, comes back as before or as after, and as after once
     * its commit has returned. Nothing of Cascade Studio's guards it: SQLite's own rollback journal does.
     */
    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void aDeleteOnASqliteFileKilledAtAnyPointComesBackAsBeforeOrAsAfterAndAsAfterOnceCommitted(@TempDir Path dir) throws Exception {
        String replay = "seed " + SEED + ", replay with -Dcrash.seed=" + SEED;
        Path originalDir = Files.createDirectories(dir.resolve("original"));
        String project;
        try (Database database = EngineDatabases.open(EngineDatabases.Kind.SQLITE, originalDir)) {
            project = DataGenerator.generate(database, 15_000, 6_000).bigProjectUid();
        }
        Path original = originalDir.resolve("sql.db");
        DatabaseFingerprint before = sqliteFingerprint(original);

        Path reference = copySqlite(original, dir.resolve("reference"));
        int[] statements = {0};
        long[] commitStartedAt = {0};
        DatabaseFingerprint after;
        long commitMs;
        try (Database database = Database.open(sqliteUrl(reference), null, null, Database.EmptyDatabase.REFUSE)) {
            CascadeService service = new CascadeService(database, dir.resolve("reference-snapshots"));
            service.execute(service.plan(List.of(new Root("project", project))), (done, total, message) -> {
                if (message.startsWith("Setting ") || message.startsWith("Deleting ")) {
                    statements[0]++;
                } else if (message.equals("Committing")) {
                    commitStartedAt[0] = System.nanoTime();
                }
            });
            commitMs = (System.nanoTime() - commitStartedAt[0]) / 1_000_000;
            after = DatabaseFingerprint.of(database);
        }
        assertThat(after.rowCounts().get("project")).isEqualTo(before.rowCounts().get("project") - 1);
        assertThat(statements[0]).as("UPDATE/DELETE statements of the delete").isGreaterThan(2);

        List<KillPoint> points = killPlan(statements[0], commitMs);
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            KillPoint at = points.get(i);
            Path copy = copySqlite(original, dir.resolve("run-" + i));
            boolean committed = killAt(sqliteUrl(copy), project, "project", at, dir.resolve("run-" + i + "-snapshots"),
                    dir.resolve("run-" + i + ".stderr"), replay);
            DatabaseFingerprint found = sqliteFingerprint(copy);
            assertThat(found).as("run %d on SQLite (killed at %s; %s): the database after the crash", i, at, replay)
                    .isIn(before, after);
            Side side = found.equals(before) ? Side.BEFORE : Side.AFTER;
            if (committed) {
                assertThat(side).as("run %d on SQLite (killed at %s; %s): a commit that returned must survive the kill", i, at, replay)
                        .isEqualTo(Side.AFTER);
            }
            runs.add(new Run(at, committed, side));
        }
        System.out.printf("CrashDuringCommitTest on SQLite (seed %d): before %s, after %s; %d statements, commit %d ms%n",
                SEED, before, after, statements[0], commitMs);
        runs.forEach(r -> System.out.printf("  killed at %-20s -> %s%s%n", r.at(), r.side(),
                r.childReportedCommit() ? " (child had reported its commit)" : ""));
        assertThat(runs).as("runs killed before the commit returned (%s)", replay).anyMatch(r -> !r.childReportedCommit());
        assertThat(runs).as("runs killed after the commit returned (%s)", replay).anyMatch(Run::childReportedCommit);
    }

    private static String sqliteUrl(Path file) {
        return "jdbc:sqlite:" + file;
    }

    private static DatabaseFingerprint sqliteFingerprint(Path file) {
        try (Database database = Database.open(sqliteUrl(file), null, null, Database.EmptyDatabase.REFUSE)) {
            return DatabaseFingerprint.of(database);
        }
    }

    /** The SQLite file, closed by everyone: no journal beside it. */
    private static Path copySqlite(Path file, Path target) throws IOException {
        assertThat(Path.of(file + "-journal")).doesNotExist();
        assertThat(Path.of(file + "-wal")).doesNotExist();
        Files.copy(file, target);
        return target;
    }

    /**
     * Eight kill points: a random moment in the first, a middle and the last statement; three during
     * the commit (at its start and at random within the first {@code 2 × commitMs}); right after the
     * commit returned, and at random within the next 300 ms, while the child closes the database.
     */
    /** {@value #ROUNDS} rounds of kill points, from {@link #SEED}: the same plan for the same delete. */
    private static List<KillPoint> killPlan(int statements, long commitMs) {
        List<KillPoint> plan = new ArrayList<>();
        Random random = new Random(SEED);
        for (int round = 0; round < ROUNDS; round++) {
            plan.addAll(killPoints(statements, Math.max(50, commitMs), random));
        }
        return plan;
    }

    private static List<KillPoint> killPoints(int statements, long commitMs, Random random) {
        String statement = CommitInChildJvm.STATEMENT + " ";
        return List.of(
                new KillPoint(statement + 1, random.nextInt(200)),
                new KillPoint(statement + (statements + 1) / 2, random.nextInt(200)),
                new KillPoint(statement + statements, random.nextInt(100)),
                new KillPoint(CommitInChildJvm.COMMITTING, 0),
                new KillPoint(CommitInChildJvm.COMMITTING, random.nextLong(commitMs)),
                new KillPoint(CommitInChildJvm.COMMITTING, commitMs + random.nextLong(commitMs)),
                new KillPoint(CommitInChildJvm.COMMITTED, 0),
                new KillPoint(CommitInChildJvm.COMMITTED, random.nextInt(300)));
    }

    /**
     * Starts the delete in a child JVM, waits until it reports {@code at.event()}, waits
     * {@code at.delayMs()} more and kills it with SIGKILL. Returns whether the child had reported a
     * finished commit by then.
     */
    private static boolean killAt(String url, String uid, String table, KillPoint at, Path snapshots, Path stderr, String replay)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-Dorg.jboss.logging.provider=slf4j",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), CommitInChildJvm.class.getName(),
                url, uid, snapshots.toString(), table)
                .redirectError(stderr.toFile());
        Process child = builder.start();
        try {
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Map<String, Boolean> seen = new ConcurrentHashMap<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        seen.put(line, true);
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
            } while (line != null && !line.equals(at.event()) && !line.equals("<eof>"));
            assertThat(line).as("the child's line %s (%s; its stderr: %s)", at.event(), replay, tail(stderr)).isEqualTo(at.event());

            Thread.sleep(at.delayMs());
            child.toHandle().destroyForcibly();
            assertThat(child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("the child died (%s)", replay).isTrue();
            reader.join(TimeUnit.SECONDS.toMillis(CHILD_TIMEOUT_SECONDS));
            return seen.containsKey(CommitInChildJvm.COMMITTED);
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

    private static void deleteH2Files(Path fileWithoutSuffix) throws IOException {
        Files.deleteIfExists(Path.of(fileWithoutSuffix + ".mv.db"));
        Files.deleteIfExists(Path.of(fileWithoutSuffix + ".trace.db"));
        Files.deleteIfExists(Path.of(fileWithoutSuffix + ".delete-journal.lock"));
    }

    private static String url(Path fileWithoutSuffix) {
        return AppDirectories.h2Url(fileWithoutSuffix) + H2_OPTIONS;
    }
}
