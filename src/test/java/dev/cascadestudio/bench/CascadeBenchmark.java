package dev.cascadestudio.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.management.GarbageCollectionNotificationInfo;
import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.ExecutionResult;
import dev.cascadestudio.cascade.Restorer;
import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.domain.Project;
import dev.cascadestudio.domain.VersionedKey;
import dev.cascadestudio.persistence.AppDirectories;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DataGenerator;
import dev.cascadestudio.persistence.demo.RowBuilder;
import dev.cascadestudio.service.CascadeService;
import dev.cascadestudio.testsupport.CanonicalDump;
import dev.cascadestudio.testsupport.DatabaseFingerprint;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Deleting a project with about 200,000 affected rows: the engine's plan and commit against the same
 * delete as hand-written bulk SQL and as Hibernate's own cascade; then the restore of that delete's
 * snapshot, in the same heap. Run with {@code mvn -Pbench verify};
 * writes {@code target/bench/cascade.json}. Missed targets are reported there, never failed on.
 */
@Tag("bench")
class CascadeBenchmark {

    private static final long TOTAL_ROWS = 300_000;
    private static final long BIG_PROJECT_ROWS = 200_000;
    private static final int REPETITIONS = 3;
    /** Hibernate's cascade is first timed on a project this many times smaller, to decide whether the full one is affordable. */
    private static final int HIBERNATE_PROBE_SCALE = 10;
    private static final long HIBERNATE_FULL_RUN_LIMIT_MS = 10 * 60 * 1000;

    private static final long PLAN_TARGET_MS = 500;
    private static final double COMMIT_VS_RAW_SQL_TARGET = 2.0;
    private static final double HIBERNATE_VS_COMMIT_TARGET = 50.0;
    private static final long HEAP_TARGET_MB = 256;
    /** A small project of the generated database (50 workflow blocks), planned once before each timed plan. */
    private static final String WARM_UP_PROJECT = "project-00000";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Path benchDir = Path.of(System.getProperty("basedir", ".")).resolve("target").resolve("bench");

    @Test
    void deleteOfABigProject() throws Exception {
        Files.createDirectories(benchDir);
        Path source = benchDir.resolve("source");
        long started = System.nanoTime();
        String project = generate(source, TOTAL_ROWS, BIG_PROJECT_ROWS);
        long generateMs = millisSince(started);
        String warmUpProject = RowBuilder.uid("project", WARM_UP_PROJECT);
        ColdPlan cold = planCold(copy(source, "engine-cold"), project);

        List<EngineRun> engineRuns = new ArrayList<>();
        List<Long> rawRuns = new ArrayList<>();
        List<RawRun> rawDetails = new ArrayList<>();
        String engineHash = null;
        String rawHash = null;
        for (int i = 0; i < REPETITIONS; i++) {
            // interleaved, so that JIT warm-up and file-cache state favour neither side
            EngineRun engine = runEngine(copy(source, "engine-" + i), project, warmUpProject, i == 0, i == 0);
            engineRuns.add(engine);
            engineHash = engineHash == null ? engine.resultHash() : engineHash;
            RawRun raw = runRawSql(copy(source, "raw-" + i), project, i == 0);
            rawRuns.add(raw.ms());
            rawDetails.add(raw);
            rawHash = rawHash == null ? raw.resultHash() : rawHash;
        }
        assertThat(rawHash).as("the hand-written SQL leaves the database exactly as the engine does").isEqualTo(engineHash);

        HibernateMeasurement hibernate = measureHibernate(source, project, engineRuns.get(0).affectedRows(), engineHash);
        // the first engine run's copy, after its delete, and that delete's snapshot
        RestoreRun restore = runRestore(benchDir.resolve("copies").resolve("engine-0"), engineRuns.get(0).snapshot(), source);

        EngineRun median = engineRuns.stream().sorted(Comparator.comparingLong(EngineRun::commitMs)).toList().get(REPETITIONS / 2);
        long planMs = BenchFigures.median(engineRuns.stream().map(EngineRun::planMs).toList());
        long commitMs = BenchFigures.median(engineRuns.stream().map(EngineRun::commitMs).toList());
        long rawMs = BenchFigures.median(rawRuns);
        long peakHeapMb = engineRuns.stream().mapToLong(EngineRun::peakHeapMb).max().orElseThrow();
        long maxHeapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        long liveHeapMb = engineRuns.stream().mapToLong(EngineRun::liveHeapAfterGcMb).max().orElseThrow();

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("database", "H2 " + org.h2.engine.Constants.VERSION + ", file, generated with DataGenerator(" + TOTAL_ROWS + ", " + BIG_PROJECT_ROWS + ")");
        json.put("rows_in_database", engineRuns.get(0).rowsBefore());
        json.put("generate_ms", generateMs);
        json.put("rows_affected", median.affectedRows());
        json.put("rows_deleted", median.deleted());
        json.put("rows_nulled", median.plan().nulledRowCount());
        json.put("values_nulled", median.nulled());
        json.put("repetitions", REPETITIONS);
        json.put("plan_ms", planMs);
        json.put("plan_note", "plan_ms: the big project's plan on a freshly opened copy of the database (H2's cache cold "
                + "for it), after planning the small project '" + WARM_UP_PROJECT + "' on that copy once, untimed, so the JIT "
                + "has compiled the planner and H2's query code (a running application has done so already); median of "
                + REPETITIONS + ". plan_cold_ms: the very first plan in this JVM on a fresh copy, no warm-up at all. "
                + "plan_repeat_ms: the same plan again at once on that copy (JIT and H2 cache warm).");
        json.put("plan_cold_ms", cold.firstMs());
        json.put("plan_repeat_ms", cold.repeatMs());
        json.put("plan_cpu_ms", BenchFigures.median(engineRuns.stream().map(EngineRun::planCpuMs).toList()));
        json.put("plan_cold_cpu_ms", cold.firstCpuMs());
        json.put("commit_ms", commitMs);
        json.put("snapshot_ms", BenchFigures.median(engineRuns.stream().map(EngineRun::snapshotMs).toList()));
        json.put("recheck_ms", BenchFigures.median(engineRuns.stream().map(EngineRun::recheckMs).toList()));
        json.put("statements_ms", BenchFigures.median(engineRuns.stream().map(EngineRun::statementsMs).toList()));
        json.put("raw_sql_ms", rawMs);
        json.put("raw_sql_same_result", rawHash.equals(engineHash));
        json.put("hibernate_cascade_ms", hibernate.ms());
        json.put("hibernate_cascade_measured", hibernate.measuredFull());
        json.put("hibernate_cascade_same_result", hibernate.sameResult());
        json.put("hibernate_cascade_note", hibernate.note() + " What it measures: session.remove(project) with the mapping "
                + "as DATABASE_SCHEMA.md gives it: Hibernate loads and deletes the ~70,000 rows reached by ORM cascades "
                + "(batched), while H2's own ON DELETE SET NULL (the DB-level @OnDelete rules) does the ~130,000 nullings "
                + "for it, as a database would for the controller's ORM.");
        json.put("hibernate_vs_raw_sql_ratio", BenchFigures.round((double) hibernate.ms() / Math.max(1, rawMs)));
        json.put("peak_heap_mb", peakHeapMb);
        json.put("jvm_max_heap_mb", maxHeapMb);
        json.put("heap_method", "The benchmark JVM runs with -Xmx" + maxHeapMb + "m (surefire argLine of the bench profile), "
                + "so plan+commit completing at all shows they fit in that heap. peak_heap_mb: the largest heap in use "
                + "during plan+commit, taken where the used heap peaks, i.e. just before each GC (the heap pools' usage "
                + "before GC, from GC notifications) and at the end of the phase; it includes garbage not yet collected. "
                + "live_heap_after_gc_mb: the largest heap in use right after a GC during plan+commit (the live data, "
                + "near enough; 0 if no GC ran). heap_before_mb: the heap in use after a full GC just before planning. "
                + "H2 runs in this JVM, so its page cache and transaction memory count too. Max over the repetitions.");
        json.put("live_heap_after_gc_mb", liveHeapMb);
        json.put("heap_before_mb", engineRuns.stream().mapToLong(EngineRun::baselineHeapMb).max().orElseThrow());
        json.put("planning_statements", median.plan().planningStatements());
        json.put("commit_statements", median.plan().statements().size());
        json.put("engine_runs", engineRuns.stream().map(EngineRun::asJson).toList());
        json.put("raw_sql_runs_ms", rawRuns);
        // The same measurement around the hand-written SQL: what H2 itself holds for such a transaction.
        json.put("raw_sql_peak_heap_mb", rawDetails.stream().mapToLong(RawRun::peakHeapMb).max().orElseThrow());
        json.put("raw_sql_live_heap_after_gc_mb", rawDetails.stream().mapToLong(RawRun::liveHeapAfterGcMb).max().orElseThrow());
        json.put("restore_outcome", restore.outcome());
        json.put("restore_ms", restore.ms());
        json.put("restore_peak_heap_mb", restore.peakHeapMb());
        json.put("restore_live_heap_after_gc_mb", restore.liveHeapAfterGcMb());
        json.put("restore_heap_before_mb", restore.baselineHeapMb());
        json.put("restore_snapshot_mb", restore.snapshotMb());
        json.put("restore_rows_inserted", restore.rowsInserted());
        json.put("restore_values_restored", restore.valuesRestored());
        json.put("restore_same_as_original", restore.sameAsOriginal());
        json.put("restore_fingerprints", restore.fingerprints());
        json.put("restore_note", "The snapshot of the first engine run's delete, restored on that run's copy (the database "
                + "after the delete), in this JVM (-Xmx" + maxHeapMb + "m). restore_ms: Restorer.restore, conflict check and "
                + "inserts, one transaction. restore_peak_heap_mb, restore_live_heap_after_gc_mb, restore_heap_before_mb: "
                + "taken as for plan+commit (heap_method). restore_same_as_original: the restored database's fingerprint "
                + "(row count per table and SHA-256 of its canonical dump) equals the original's, before any delete.");

        Map<String, Object> targets = new LinkedHashMap<>();
        targets.put("plan_ms_max", PLAN_TARGET_MS);
        targets.put("commit_vs_raw_sql_max_ratio", COMMIT_VS_RAW_SQL_TARGET);
        targets.put("hibernate_vs_commit_min_ratio", HIBERNATE_VS_COMMIT_TARGET);
        targets.put("peak_heap_mb_max", HEAP_TARGET_MB);
        json.put("targets", targets);
        double commitVsRaw = (double) commitMs / Math.max(1, rawMs);
        double hibernateVsCommit = (double) hibernate.ms() / Math.max(1, commitMs);
        json.put("commit_vs_raw_sql_ratio", BenchFigures.round(commitVsRaw));
        json.put("hibernate_vs_commit_ratio", BenchFigures.round(hibernateVsCommit));
        Map<String, Object> met = new LinkedHashMap<>();
        met.put("plan", planMs <= PLAN_TARGET_MS);
        met.put("plan_cold", cold.firstMs() <= PLAN_TARGET_MS);
        met.put("commit_vs_raw_sql", commitVsRaw <= COMMIT_VS_RAW_SQL_TARGET);
        met.put("commit_vs_hibernate", hibernateVsCommit >= HIBERNATE_VS_COMMIT_TARGET);
        met.put("heap", peakHeapMb <= HEAP_TARGET_MB);
        met.put("restore_heap", "restored".equals(restore.outcome()) && restore.peakHeapMb() <= HEAP_TARGET_MB);
        met.put("restore_same_as_original", Boolean.TRUE.equals(restore.sameAsOriginal()));
        json.put("target_met", met);

        Path out = benchDir.resolve("cascade.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), json);
        System.out.println("CascadeBenchmark wrote " + out + ":\n" + Files.readString(out));
        cleanCopies();
        Files.deleteIfExists(engineRuns.get(0).snapshot());
    }

    // --- the engine -----------------------------------------------------------------------------

    record EngineRun(long rowsBefore, DeletePlan plan, long affectedRows, long deleted, long nulled, long planMs,
                     long planCpuMs, long commitMs, long recheckMs, long snapshotMs, long statementsMs, long baselineHeapMb,
                     long peakHeapMb, long liveHeapAfterGcMb, String resultHash, Path snapshot) {
        Map<String, Object> asJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("plan_ms", planMs);
            m.put("plan_cpu_ms", planCpuMs);
            m.put("commit_ms", commitMs);
            m.put("recheck_ms", recheckMs);
            m.put("snapshot_ms", snapshotMs);
            m.put("statements_ms", statementsMs);
            m.put("heap_before_mb", baselineHeapMb);
            m.put("peak_heap_mb", peakHeapMb);
            m.put("live_heap_after_gc_mb", liveHeapAfterGcMb);
            return m;
        }
    }

    /** With {@code keepSnapshot}, the returned run holds the delete's snapshot (else null, the file gone). */
    private EngineRun runEngine(Path file, String project, String warmUpProject, boolean hashResult, boolean keepSnapshot)
            throws IOException {
        try (Database database = open(file)) {
            long rowsBefore = countRows(database);
            CascadeService service = new CascadeService(database, benchDir.resolve("snapshots"));
            service.plan(List.of(new Root("project", warmUpProject)));
            HeapWatch heap = new HeapWatch();
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            DeletePlan plan = service.plan(List.of(new Root("project", project)));
            long planMs = millisSince(t0);
            long planCpuMs = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1_000_000;
            long[] marks = new long[3]; // snapshot starts, first statement starts, transaction commit starts
            long t1 = System.nanoTime();
            ExecutionResult result = service.execute(plan, (done, total, message) -> {
                long now = System.nanoTime();
                if (message.startsWith("Writing the snapshot")) {
                    marks[0] = now;
                } else if (marks[1] == 0 && (message.startsWith("Setting ") || message.startsWith("Deleting "))) {
                    marks[1] = now;
                } else if (done == total) {
                    marks[2] = now;
                }
            });
            long commitMs = millisSince(t1);
            heap.stop();
            if (!keepSnapshot) {
                Files.deleteIfExists(result.snapshot());
            }
            String hash = hashResult ? CanonicalDump.sha256(database) : null;
            return new EngineRun(rowsBefore, plan, plan.affectedRowCount(), plan.deletedCount(),
                    plan.nulledValueCount(), planMs, planCpuMs, commitMs, (marks[0] - t1) / 1_000_000, (marks[1] - marks[0]) / 1_000_000,
                    (marks[2] - marks[1]) / 1_000_000, heap.baselineMb(), heap.peakMb(), heap.liveAfterGcMb(), hash,
                    keepSnapshot ? result.snapshot() : null);
        }
    }

    record ColdPlan(long firstMs, long firstCpuMs, long repeatMs) {}

    // --- restore ---------------------------------------------------------------------------------

    record RestoreRun(String outcome, long ms, long baselineHeapMb, long peakHeapMb, long liveHeapAfterGcMb, long snapshotMb,
                      long rowsInserted, long valuesRestored, Boolean sameAsOriginal, Map<String, String> fingerprints) {}

    /**
     * Restores {@code snapshot} on {@code deleted} (a copy after the delete) and compares the result with
     * {@code source}, the database before it. A failure, running out of heap included, is reported, not thrown.
     */
    private RestoreRun runRestore(Path deleted, Path snapshot, Path source) throws IOException {
        DatabaseFingerprint original = DatabaseFingerprint.ofH2File(copy(source, "original"));
        long snapshotMb = Files.size(snapshot) / (1024 * 1024);
        try (Database database = open(deleted)) {
            CascadeService service = new CascadeService(database, benchDir.resolve("snapshots"));
            HeapWatch heap = new HeapWatch();
            long t0 = System.nanoTime();
            Restorer.RestoreResult result = null;
            String outcome;
            try {
                result = service.restore(snapshot);
                outcome = "restored";
            } catch (OutOfMemoryError | RuntimeException e) {
                outcome = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            long ms = millisSince(t0);
            heap.stop();
            if (result == null) {
                return new RestoreRun(outcome, ms, heap.baselineMb(), heap.peakMb(), heap.liveAfterGcMb(), snapshotMb, -1, -1,
                        null, Map.of("original", original.toString()));
            }
            DatabaseFingerprint restored = DatabaseFingerprint.of(database);
            Map<String, String> fingerprints = new LinkedHashMap<>();
            fingerprints.put("original", original.toString());
            fingerprints.put("restored", restored.toString());
            return new RestoreRun(outcome, ms, heap.baselineMb(), heap.peakMb(), heap.liveAfterGcMb(), snapshotMb,
                    result.rowsInserted(), result.valuesRestored(), restored.equals(original), fingerprints);
        }
    }

    /** The first plan in this JVM, on a freshly opened copy, without any warm-up; then the same plan again. */
    private ColdPlan planCold(Path file, String project) {
        try (Database database = open(file)) {
            CascadeService service = new CascadeService(database, benchDir.resolve("snapshots"));
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            service.plan(List.of(new Root("project", project)));
            long firstMs = millisSince(t0);
            long firstCpuMs = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1_000_000;
            long t1 = System.nanoTime();
            service.plan(List.of(new Root("project", project)));
            return new ColdPlan(firstMs, firstCpuMs, millisSince(t1));
        }
    }

    // --- the same delete as hand-written bulk SQL -------------------------------------------------

    record RawRun(long ms, String resultHash, long peakHeapMb, long liveHeapAfterGcMb) {
        RawRun(long ms, String resultHash) {
            this(ms, resultHash, -1, -1);
        }
    }

    private RawRun runRawSql(Path file, String project, boolean hashResult) {
        try (Database database = open(file)) {
            HeapWatch heap = new HeapWatch();
            long t0 = System.nanoTime();
            database.fromConnection(connection -> {
                HandWrittenDelete.run(connection, project, false);
                return null;
            });
            long ms = millisSince(t0);
            heap.stop();
            return new RawRun(ms, hashResult ? CanonicalDump.sha256(database) : null, heap.peakMb(), heap.liveAfterGcMb());
        }
    }

    // --- Hibernate's own cascade -----------------------------------------------------------------

    record HibernateMeasurement(long ms, boolean measuredFull, Boolean sameResult, String note) {}

    private HibernateMeasurement measureHibernate(Path source, String project, long affectedRows, String engineHash)
            throws IOException {
        Path probe = benchDir.resolve("hibernate-probe");
        String probeProject = generate(probe, TOTAL_ROWS / HIBERNATE_PROBE_SCALE, BIG_PROJECT_ROWS / HIBERNATE_PROBE_SCALE);
        long probeAffected;
        try (Database database = open(probe)) {
            DeletePlan plan = new CascadeService(database, benchDir.resolve("snapshots")).plan(List.of(new Root("project", probeProject)));
            probeAffected = plan.affectedRowCount();
        }
        long probeMs = hibernateRemove(copy(probe, "hibernate-probe-copy"), probeProject, false).ms();
        long estimate = probeMs * affectedRows / Math.max(1, probeAffected);
        String probeText = String.format("a project of %,d affected rows took %,d ms", probeAffected, probeMs);
        if (estimate > HIBERNATE_FULL_RUN_LIMIT_MS) {
            return new HibernateMeasurement(estimate, false, null, "Extrapolated linearly, not measured: " + probeText
                    + ", so " + String.format("%,d", affectedRows) + " rows would take about " + estimate / 1000 + " s.");
        }
        RawRun full = hibernateRemove(copy(source, "hibernate"), project, true);
        return new HibernateMeasurement(full.ms(), true, full.resultHash().equals(engineHash),
                "Measured on the full project (a probe at 1/" + HIBERNATE_PROBE_SCALE + " scale: " + probeText + ").");
    }

    private RawRun hibernateRemove(Path file, String project, boolean hashResult) {
        try (Database database = open(file)) {
            long t0 = System.nanoTime();
            database.inTransaction(session -> session.remove(session.find(Project.class, new VersionedKey(project, ""))));
            long ms = millisSince(t0);
            return new RawRun(ms, hashResult ? CanonicalDump.sha256(database) : null);
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** Generates and compacts an H2 file; returns the uid of its big project. */
    private static String generate(Path fileWithoutSuffix, long total, long big) throws IOException {
        Files.deleteIfExists(Path.of(fileWithoutSuffix + ".mv.db"));
        Files.deleteIfExists(Path.of(fileWithoutSuffix + ".trace.db"));
        String url = AppDirectories.h2Url(fileWithoutSuffix);
        String uid;
        try (Database database = Database.open(url, null, null, Database.EmptyDatabase.CREATE_SCHEMA)) {
            uid = DataGenerator.generate(database, total, big).bigProjectUid();
        }
        Database.compactH2(url);
        return uid;
    }

    private Path copy(Path source, String name) throws IOException {
        Path target = benchDir.resolve("copies").resolve(name);
        Files.createDirectories(target.getParent());
        Files.deleteIfExists(Path.of(target + ".mv.db"));
        Files.copy(Path.of(source + ".mv.db"), Path.of(target + ".mv.db"));
        return target;
    }

    private void cleanCopies() throws IOException {
        Path copies = benchDir.resolve("copies");
        if (Files.isDirectory(copies)) {
            try (Stream<Path> files = Files.list(copies)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private static Database open(Path fileWithoutSuffix) {
        return Database.open(AppDirectories.h2Url(fileWithoutSuffix), null, null, Database.EmptyDatabase.REFUSE);
    }

    private static long countRows(Database database) {
        return database.fromConnection(connection -> {
            long rows = 0;
            for (var table : dev.cascadestudio.persistence.MappedTables.all()) {
                rows += count(connection, table.name());
            }
            return rows;
        });
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (var ps = connection.prepareStatement("SELECT COUNT(*) FROM \"" + table + "\""); var rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long millisSince(long nanoStart) {
        return (System.nanoTime() - nanoStart) / 1_000_000;
    }

    /**
     * Peak heap during a phase. The used heap only grows between collections, so its peaks are just
     * before each GC and at the end: the largest of those is the peak. (Adding up the pools' own peak
     * usages would add peaks reached at different moments, and can exceed -Xmx.) Also the largest heap
     * in use right after a GC that ran meanwhile (the live data, near enough).
     */
    private static final class HeapWatch {
        private static final long MB = 1024 * 1024;
        private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        private final Set<String> poolNames = pools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        private final AtomicLong liveAfterGc = new AtomicLong();
        private final AtomicLong usedBeforeGc = new AtomicLong();
        private final NotificationListener listener = this::onGc;
        private final List<NotificationEmitter> emitters = new ArrayList<>();
        private final long baseline;
        /** JVM uptime when the phase started: GCs that started earlier (the System.gc() below) do not count. */
        private final long startUptimeMs;
        private long peak;

        HeapWatch() {
            System.gc();
            baseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            startUptimeMs = ManagementFactory.getRuntimeMXBean().getUptime();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener(listener, null, null);
                    emitters.add(emitter);
                }
            }
        }

        private void onGc(Notification notification, Object handback) {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                record(GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo());
            }
        }

        private void record(com.sun.management.GcInfo info) {
            if (info != null && info.getStartTime() >= startUptimeMs) {
                long used = info.getMemoryUsageAfterGc().entrySet().stream().filter(e -> poolNames.contains(e.getKey()))
                        .mapToLong(e -> e.getValue().getUsed()).sum();
                liveAfterGc.accumulateAndGet(used, Math::max);
                long before = info.getMemoryUsageBeforeGc().entrySet().stream().filter(e -> poolNames.contains(e.getKey()))
                        .mapToLong(e -> e.getValue().getUsed()).sum();
                usedBeforeGc.accumulateAndGet(before, Math::max);
            }
        }

        void stop() {
            long atEnd = pools.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
            // notifications arrive asynchronously: each collector's last GC is read directly as well
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof com.sun.management.GarbageCollectorMXBean sunGc) {
                    record(sunGc.getLastGcInfo());
                }
            }
            for (NotificationEmitter emitter : emitters) {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (javax.management.ListenerNotFoundException ignored) {
                    // already gone
                }
            }
            peak = Math.max(atEnd, usedBeforeGc.get());
        }

        long baselineMb() { return baseline / MB; }
        long peakMb() { return peak / MB; }
        long liveAfterGcMb() { return liveAfterGc.get() / MB; }
    }
}
