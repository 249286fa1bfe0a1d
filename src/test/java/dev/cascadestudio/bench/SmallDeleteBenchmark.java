package dev.cascadestudio.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.ProgressListener;
import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.persistence.AppDirectories;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.H2DeleteJournalSwitch;
import dev.cascadestudio.persistence.demo.DataGenerator;
import dev.cascadestudio.persistence.demo.RowBuilder;
import dev.cascadestudio.service.CascadeService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The commit of small deletes (a data source: 1 row; a workflow with its schedules, runs, sessions
 * and labels: 28 rows) on the 1,000,000-row H2 file, as the window commits them: {@code
 * CascadeService.execute}, recheck, snapshot, guard and statements included, the plan made before
 * (untimed). Median of 5, each on another row of the same open file. Then the same with every delete
 * backing the whole file up, as each did before the commit watch (median of 3: each takes seconds).
 * Writes {@code target/bench/small-delete.json}; a missed target is reported there, never failed on.
 */
@Tag("bench")
class SmallDeleteBenchmark {

    private static final long TOTAL_ROWS = 1_000_000;
    /** What {@code cascade-studio generate --rows 1000000} gives the big project (its default). */
    private static final long BIG_PROJECT_ROWS = 20_000;
    private static final int REPETITIONS = 5;
    private static final int BACKUP_REPETITIONS = 3;
    private static final long TARGET_MS = 500;

    private final Path benchDir = Path.of(System.getProperty("basedir", ".")).resolve("target").resolve("bench");

    /** One kind of small delete: the table of its root and how the n-th root of the generated file is named. */
    private record Kind(String table, String nameFormat) {
        Root root(int n) {
            return new Root(table, RowBuilder.uid(table, String.format(nameFormat, n)));
        }
    }

    private static final List<Kind> KINDS = List.of(new Kind("data_source", "source-%07d"), new Kind("workflow", "workflow-%07d"));

    private record Measured(String kind, long affectedRows, long ms) {}

    @Test
    void smallDeletesOnAMillionRowH2File() throws Exception {
        Files.createDirectories(benchDir);
        Path file = benchDir.resolve("small-delete-1m");
        String url = AppDirectories.h2Url(file);
        Files.deleteIfExists(Path.of(file + ".mv.db"));
        Files.deleteIfExists(Path.of(file + ".trace.db"));
        long t0 = System.nanoTime();
        long rows;
        try (Database database = Database.open(url, null, null, Database.EmptyDatabase.CREATE_SCHEMA)) {
            rows = DataGenerator.generate(database, TOTAL_ROWS, BIG_PROJECT_ROWS).rows();
        }
        Database.compactH2(url);
        long generateMs = (System.nanoTime() - t0) / 1_000_000;
        long fileBytes = Files.size(Path.of(file + ".mv.db"));

        List<Measured> watched = new ArrayList<>();
        List<Measured> backedUp = new ArrayList<>();
        try (Database database = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
            CascadeService service = new CascadeService(database, benchDir.resolve("small-delete-snapshots"));
            int next = 1000; // rows far from the big project's blocks
            for (Kind kind : KINDS) {
                for (int i = 0; i < REPETITIONS; i++) {
                    watched.add(commit(service, kind, kind.root(next++)));
                }
            }
            H2DeleteJournalSwitch.alwaysBackUp(true);
            try {
                for (Kind kind : KINDS) {
                    for (int i = 0; i < BACKUP_REPETITIONS; i++) {
                        backedUp.add(commit(service, kind, kind.root(next++)));
                    }
                }
            } finally {
                H2DeleteJournalSwitch.alwaysBackUp(false);
            }
        }

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("database", "H2 " + org.h2.engine.Constants.VERSION + ", file, generated with DataGenerator(" + TOTAL_ROWS
                + ", " + BIG_PROJECT_ROWS + "), compacted");
        json.put("rows_in_database", rows);
        json.put("file_mb", fileBytes / (1024 * 1024));
        json.put("generate_ms", generateMs);
        json.put("target_ms", TARGET_MS);
        long worst = 0;
        Map<String, Object> kinds = new LinkedHashMap<>();
        for (Kind kind : KINDS) {
            List<Measured> now = watched.stream().filter(m -> m.kind().equals(kind.table())).toList();
            List<Measured> before = backedUp.stream().filter(m -> m.kind().equals(kind.table())).toList();
            long median = BenchFigures.median(now.stream().map(Measured::ms).toList());
            worst = Math.max(worst, median);
            Map<String, Object> k = new LinkedHashMap<>();
            k.put("rows_affected", now.get(0).affectedRows());
            k.put("commit_ms_median", median);
            k.put("commit_ms_runs", now.stream().map(Measured::ms).toList());
            k.put("met", median <= TARGET_MS);
            k.put("with_backup_commit_ms_median", BenchFigures.median(before.stream().map(Measured::ms).toList()));
            k.put("with_backup_commit_ms_runs", before.stream().map(Measured::ms).toList());
            kinds.put(kind.table(), k);
        }
        json.put("commit_ms", worst);
        json.put("met", worst <= TARGET_MS);
        json.put("deletes", kinds);
        json.put("note", "commit_ms: the larger of the medians of " + REPETITIONS + " commits of each kind of delete, "
                + "CascadeService.execute as the window calls it (recheck of the plan, snapshot written and forced to disk, "
                + "crash guard, statements, commit), each on another row of the same open file; the plan is made before, "
                + "untimed. with_backup_*: the same, each on yet another row, with every delete backing the whole file "
                + "up first (H2's online BACKUP into a zip, then its SHA-256), as every delete on an H2 file did before the "
                + "commit watch; median of " + BACKUP_REPETITIONS + ". Figures taken on a shared 2-core machine are noisy.");
        Path out = benchDir.resolve("small-delete.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), json);
        System.out.println("SmallDeleteBenchmark: " + Files.readString(out));
        assertThat(watched).allMatch(m -> m.affectedRows() > 0 && m.affectedRows() <= 1_000);
    }

    private static Measured commit(CascadeService service, Kind kind, Root root) {
        DeletePlan plan = service.plan(List.of(root));
        long t0 = System.nanoTime();
        service.execute(plan, ProgressListener.NONE);
        return new Measured(kind.table(), plan.affectedRowCount(), (System.nanoTime() - t0) / 1_000_000);
    }
}
