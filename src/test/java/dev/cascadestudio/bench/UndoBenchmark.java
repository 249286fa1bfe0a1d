package dev.cascadestudio.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.ExecutionResult;
import dev.cascadestudio.cascade.Restorer;
import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DataGenerator;
import dev.cascadestudio.service.CascadeService;
import dev.cascadestudio.testsupport.DatabaseFingerprint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The undo of a big delete against that delete's commit, on the same database: a project with about
 * 270,000 affected rows in a database of about 1,000,000 ({@link DataGenerator}), deleted through
 * {@link CascadeService} and then restored from its snapshot, as the window's Undo does. Issue 11's
 * target: the undo takes no longer than the commit, on every product. Each product's database is generated once
 * ({@link ControllerCopies}: the controller's own DDL on SQLite, PostgreSQL and MariaDB; the mapping's schema on H2)
 * and copied for every repetition. Writes {@code target/bench/undo.json}; a missed target is reported there, never
 * failed on, and a server that cannot be reached is reported as not measured. {@code -Dundo.bench.kinds=SQLITE}
 * picks the products (default SQLite and H2; POSTGRESQL and MARIADB too), {@code -Dundo.bench.repetitions=1} the
 * repetitions (default 3, the median is reported). On the controller's layouts each repetition also measures the
 * floor, on a copy of its own: the hand-written delete and a hand-written undo with the data already on the server
 * ({@link HandWrittenUndo}), {@code floor_hand_written}.
 */
@Tag("bench")
class UndoBenchmark {

    private static final long TOTAL_ROWS = 1_000_000;
    private static final long BIG_PROJECT_ROWS = 270_000;
    /** The restore's progress message: "Restoring: 94,157 rows and values put back". */
    private static final java.util.regex.Pattern PUT_BACK = java.util.regex.Pattern.compile("([0-9,]+) rows and values");

    private final Path benchDir = Path.of(System.getProperty("basedir", ".")).resolve("target").resolve("bench");
    private final Path workDir = benchDir.resolve("undo");

    @Test
    void undoOfABigDeleteTakesNoLongerThanItsCommit() throws Exception {
        int repetitions = Integer.getInteger("undo.bench.repetitions", 3);
        List<String> kinds = Arrays.stream(System.getProperty("undo.bench.kinds", "SQLITE,H2").split(",")).map(String::strip).toList();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("what", "Delete of the project '" + DataGenerator.BIG_PROJECT + "' (DataGenerator(" + TOTAL_ROWS + ", "
                + BIG_PROJECT_ROWS + ")) through CascadeService.execute, then CascadeService.restore of its snapshot, on a "
                + "fresh copy of the generated database each repetition; commit_ms and undo_ms are wall-clock medians of "
                + repetitions + ", in one JVM. Target: undo_ms <= commit_ms.");
        Files.createDirectories(workDir);
        for (String kind : kinds) {
            Map<String, Object> figures;
            try (ControllerCopies.Fixture fixture = ControllerCopies.fixture(kind, workDir)) {
                figures = measure(fixture, repetitions, !"H2".equals(kind));
            } catch (org.opentest4j.TestAbortedException unreachable) {
                figures = Map.of("measured", false, "why", unreachable.getMessage());
            }
            json.put(kind.toLowerCase(), figures);
            Files.createDirectories(benchDir); // after each product, so a later failure keeps the figures so far
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(benchDir.resolve("undo.json").toFile(), json);
        }
    }

    private Map<String, Object> measure(ControllerCopies.Fixture fixture, int repetitions, boolean controllerLayout) throws Exception {
        long t0 = System.nanoTime();
        fixture.generate(TOTAL_ROWS, BIG_PROJECT_ROWS);
        long generateMs = millisSince(t0);
        List<Long> commits = new ArrayList<>();
        List<Long> undos = new ArrayList<>();
        List<Long> halves = new ArrayList<>(); // until the restore had read half the file
        List<Long> rowPhases = new ArrayList<>(); // until every deleted row was back
        List<Map<String, Long>> commitSteps = new ArrayList<>();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("database", fixture.describe());
        DatabaseFingerprint original = null;
        boolean sameAfterUndo = true;
        List<long[]> floors = new ArrayList<>(); // hand-written: delete, undo, its rows, its values
        for (int i = 0; i < repetitions; i++) {
            try (ControllerCopies.Copy copy = fixture.copy(); Database database = copy.open()) {
                if (original == null) {
                    original = DatabaseFingerprint.of(database);
                }
                CascadeService service = new CascadeService(database, workDir.resolve("snapshots"));
                DeletePlan plan = service.plan(List.of(new Root("project", fixture.bigProject)));
                StepTimes steps = new StepTimes(); // the commit's time per step
                long t1 = System.nanoTime();
                ExecutionResult result = service.execute(plan, steps);
                commits.add(millisSince(t1));
                commitSteps.add(steps.end()); // before the undo, which the last step must not include
                long t2 = System.nanoTime();
                long[] halfAt = new long[1];
                long[] rowsAt = new long[1];
                Restorer.RestoreResult restored = service.restore(result.snapshot(), false, null, (done, total, message) -> {
                    if (halfAt[0] == 0 && done * 2 >= total) halfAt[0] = System.nanoTime();
                    // "Restoring: 94,157 rows and values put back": every deleted row is back, the values come next
                    java.util.regex.Matcher count = PUT_BACK.matcher(message);
                    if (rowsAt[0] == 0 && count.find() && Long.parseLong(count.group(1).replace(",", "")) >= plan.deletedCount()) {
                        rowsAt[0] = System.nanoTime();
                    }
                });
                undos.add(millisSince(t2));
                halves.add((halfAt[0] - t2) / 1_000_000);
                rowPhases.add((rowsAt[0] - t2) / 1_000_000);
                assertThat(restored.rowsInserted()).as("every deleted row came back").isEqualTo(plan.deletedCount());
                if (i == 0) {
                    figures.put("rows_in_database", original.totalRows());
                    figures.put("rows_deleted", plan.deletedCount());
                    figures.put("values_nulled", plan.nulledValueCount());
                    figures.put("snapshot_mb", Files.size(result.snapshot()) / (1024 * 1024));
                    sameAfterUndo = DatabaseFingerprint.of(database).equals(original);
                }
                Files.deleteIfExists(result.snapshot());
            }
            if (controllerLayout) {
                try (ControllerCopies.Copy copy = fixture.copy()) {
                    floors.add(handWritten(copy, fixture.bigProject, original));
                }
            }
        }
        long commitMs = BenchFigures.median(commits);
        long undoMs = BenchFigures.median(undos);
        figures.put("generate_ms", generateMs);
        figures.put("commit_runs_ms", commits);
        figures.put("undo_runs_ms", undos);
        figures.put("undo_half_of_the_file_runs_ms", halves); // one pass: the time until the progress reached half the file
        // the undo in its two parts: the deleted rows inserted, then the values put back (the rest of undo_runs_ms)
        figures.put("undo_rows_runs_ms", rowPhases);
        List<Long> valuePhases = new ArrayList<>();
        for (int i = 0; i < rowPhases.size(); i++) valuePhases.add(undos.get(i) - rowPhases.get(i));
        figures.put("undo_values_runs_ms", valuePhases);
        // the commit's steps, for comparison: its snapshot, each statement (nulling, deleting), the commit itself
        figures.put("commit_steps_runs_ms", commitSteps);
        figures.put("commit_ms", commitMs);
        figures.put("undo_ms", undoMs);
        figures.put("target", "undo_ms <= commit_ms");
        figures.put("met", undoMs <= commitMs);
        figures.put("undo_restores_the_database_exactly", sameAfterUndo);
        if (!floors.isEmpty()) {
            List<Long> deletes = floors.stream().map(f -> f[0]).toList();
            List<Long> floorUndos = floors.stream().map(f -> f[1]).toList();
            Map<String, Object> floor = new LinkedHashMap<>();
            floor.put("what", "HandWrittenDelete's statements in one transaction, timed to their commit, on a fresh copy whose "
                    + "deleted rows and nulled values were first copied into tables of the same database (in key order); then "
                    + "HandWrittenUndo in one transaction: INSERT ... SELECT the rows back, parents first, and the nulled values "
                    + "set back from their copies, one UPDATE per table for all its columns on PostgreSQL and MariaDB (each row "
                    + "written once, as the engine's undo does there), one per column on SQLite, timed to the commit. No file "
                    + "read, nothing checked: the least an undo of this delete takes on this server. ratio = undo_ms / "
                    + "delete_ms; the database after it is compared with the original.");
            floor.put("delete_ms", BenchFigures.median(deletes));
            floor.put("undo_ms", BenchFigures.median(floorUndos));
            floor.put("delete_runs_ms", deletes);
            floor.put("undo_runs_ms", floorUndos);
            floor.put("undo_rows_runs_ms", floors.stream().map(f -> f[2]).toList());
            floor.put("undo_values_runs_ms", floors.stream().map(f -> f[3]).toList());
            floor.put("ratio", BenchFigures.round((double) BenchFigures.median(floorUndos) / Math.max(1, BenchFigures.median(deletes))));
            figures.put("floor_hand_written", floor);
        }
        return figures;
    }

    /**
     * The hand-written delete and undo of the big project on {@code copy} (HandWrittenUndo): milliseconds of the delete, the
     * undo, the undo's rows and its values. The database after the undo must be {@code original} again.
     */
    private static long[] handWritten(ControllerCopies.Copy copy, String project, DatabaseFingerprint original) throws Exception {
        long[] ms = new long[4];
        try (Connection connection = DriverManager.getConnection(copy.url(), copy.user(), null)) {
            List<HandWrittenUndo.Saved> saved = HandWrittenUndo.save(connection, project, copy.mariaDb());
            connection.setAutoCommit(false);
            long t0 = System.nanoTime();
            HandWrittenDelete.run(connection, project, copy.mariaDb());
            connection.commit();
            ms[0] = millisSince(t0);
            long t1 = System.nanoTime();
            HandWrittenUndo.insertRows(connection, saved, copy.mariaDb());
            ms[2] = millisSince(t1);
            HandWrittenUndo.setValues(connection, saved, copy.mariaDb(), !copy.url().startsWith("jdbc:sqlite:"));
            connection.commit();
            ms[1] = millisSince(t1);
            ms[3] = ms[1] - ms[2];
            connection.setAutoCommit(true);
            HandWrittenUndo.drop(connection, saved, copy.mariaDb());
        }
        try (Database database = copy.open()) {
            assertThat(DatabaseFingerprint.of(database)).as("the hand-written undo puts the database back as it was").isEqualTo(original);
        }
        return ms;
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
