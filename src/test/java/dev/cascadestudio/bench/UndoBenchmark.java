package dev.cascadestudio.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.ExecutionResult;
import dev.cascadestudio.cascade.Restorer;
import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.persistence.AppDirectories;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DataGenerator;
import dev.cascadestudio.service.CascadeService;
import dev.cascadestudio.testsupport.DatabaseFingerprint;
import dev.cascadestudio.testsupport.EngineDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The undo of a big delete against that delete's commit, on the same file: a project with about
 * 270,000 affected rows in a database of about 1,000,000 ({@link DataGenerator}), deleted through
 * {@link CascadeService} and then restored from its snapshot, as the window's Undo does. Issue 11's
 * target: the undo takes no longer than the commit. Each product's database is generated once and
 * copied for every repetition. Writes {@code target/bench/undo.json}; a missed target is reported
 * there, never failed on. {@code -Dundo.bench.kinds=SQLITE} picks the products (default SQLite and
 * H2), {@code -Dundo.bench.repetitions=1} the repetitions (default 3, the median is reported).
 */
@Tag("bench")
class UndoBenchmark {

    private static final long TOTAL_ROWS = 1_000_000;
    private static final long BIG_PROJECT_ROWS = 270_000;

    private final Path benchDir = Path.of(System.getProperty("basedir", ".")).resolve("target").resolve("bench");
    private final Path workDir = benchDir.resolve("undo");

    @Test
    void undoOfABigDeleteTakesNoLongerThanItsCommit() throws Exception {
        int repetitions = Integer.getInteger("undo.bench.repetitions", 3);
        List<String> kinds = Arrays.stream(System.getProperty("undo.bench.kinds", "SQLITE,H2").split(",")).map(String::strip).toList();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("what", "Delete of the project '" + DataGenerator.BIG_PROJECT + "' (DataGenerator(" + TOTAL_ROWS + ", "
                + BIG_PROJECT_ROWS + ")) through CascadeService.execute, then CascadeService.restore of its snapshot, on a "
                + "fresh copy of the generated file each repetition; commit_ms and undo_ms are wall-clock medians of "
                + repetitions + ", in one JVM. Target: undo_ms <= commit_ms.");
        for (String kind : kinds) {
            json.put(kind.toLowerCase(), measure(Product.valueOf(kind), repetitions));
        }
        Files.createDirectories(benchDir);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(benchDir.resolve("undo.json").toFile(), json);
    }

    /** The two embedded products, each a file that can be copied. */
    private enum Product {
        SQLITE("sql.db") {
            @Override Database create(Path dir) { return EngineDatabases.controllerSqlite(dir); }
            @Override Database open(Path dir) {
                return Database.open("jdbc:sqlite:" + dir.resolve(file), null, null, Database.EmptyDatabase.REFUSE);
            }
        },
        H2("cascade.mv.db") {
            @Override Database create(Path dir) { return EngineDatabases.h2(dir); }
            @Override Database open(Path dir) {
                return Database.open(AppDirectories.h2Url(dir.resolve("cascade")), null, null, Database.EmptyDatabase.REFUSE);
            }
        };

        final String file;

        Product(String file) {
            this.file = file;
        }

        abstract Database create(Path dir);

        abstract Database open(Path dir);
    }

    private Map<String, Object> measure(Product product, int repetitions) throws IOException {
        Path source = workDir.resolve(product.name().toLowerCase() + "-source");
        long generateMs = -1;
        if (!Files.exists(source.resolve(product.file))) {
            BenchFigures.deleteTree(source);
            Files.createDirectories(source);
            long t0 = System.nanoTime();
            String url;
            try (Database database = product.create(source)) {
                DataGenerator.generate(database, TOTAL_ROWS, BIG_PROJECT_ROWS);
                url = database.url();
            }
            Database.compactH2(url); // H2 leaves a freshly generated file ~25 times its data's size; nothing on SQLite
            generateMs = millisSince(t0);
        }
        List<Long> commits = new ArrayList<>();
        List<Long> undos = new ArrayList<>();
        List<Long> halves = new ArrayList<>(); // until the restore had read half the file
        Map<String, Object> figures = new LinkedHashMap<>();
        DatabaseFingerprint original = null;
        boolean sameAfterUndo = true;
        for (int i = 0; i < repetitions; i++) {
            Path copy = workDir.resolve(product.name().toLowerCase() + "-copy");
            BenchFigures.deleteTree(copy);
            Files.createDirectories(copy);
            Files.copy(source.resolve(product.file), copy.resolve(product.file));
            try (Database database = product.open(copy)) {
                if (original == null) {
                    original = DatabaseFingerprint.of(database);
                }
                CascadeService service = new CascadeService(database, copy.resolve("snapshots"));
                DeletePlan plan = service.plan(List.of(new Root("project", bigProjectUid(database))));
                long t0 = System.nanoTime();
                ExecutionResult result = service.execute(plan, (done, total, message) -> { });
                commits.add(millisSince(t0));
                long t1 = System.nanoTime();
                long[] halfAt = new long[1];
                Restorer.RestoreResult restored = service.restore(result.snapshot(), false, null, (done, total, message) -> {
                    if (halfAt[0] == 0 && done * 2 >= total) halfAt[0] = System.nanoTime();
                });
                undos.add(millisSince(t1));
                halves.add((halfAt[0] - t1) / 1_000_000);
                assertThat(restored.rowsInserted()).as("every deleted row came back").isEqualTo(plan.deletedCount());
                if (i == 0) {
                    figures.put("rows_in_database", original.totalRows());
                    figures.put("rows_deleted", plan.deletedCount());
                    figures.put("values_nulled", plan.nulledValueCount());
                    figures.put("snapshot_mb", Files.size(result.snapshot()) / (1024 * 1024));
                    sameAfterUndo = DatabaseFingerprint.of(database).equals(original);
                }
            }
            BenchFigures.deleteTree(copy);
        }
        long commitMs = BenchFigures.median(commits);
        long undoMs = BenchFigures.median(undos);
        figures.put("generate_ms", generateMs);
        figures.put("commit_runs_ms", commits);
        figures.put("undo_runs_ms", undos);
        figures.put("undo_half_of_the_file_runs_ms", halves); // one pass: the time until the progress reached half the file
        figures.put("commit_ms", commitMs);
        figures.put("undo_ms", undoMs);
        figures.put("target", "undo_ms <= commit_ms");
        figures.put("met", undoMs <= commitMs);
        figures.put("undo_restores_the_database_exactly", sameAfterUndo);
        return figures;
    }

    private static String bigProjectUid(Database database) {
        return database.fromConnection(c -> {
            var names = database.sqlNames();
            try (var ps = c.prepareStatement("SELECT " + names.quote("uid") + " FROM " + names.quote("project") + " WHERE "
                    + names.quote("name") + " = ?")) {
                ps.setString(1, DataGenerator.BIG_PROJECT);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
