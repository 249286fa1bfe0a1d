package dev.cascadestudio.service;

import dev.cascadestudio.cascade.AffectedRow;
import dev.cascadestudio.cascade.Auditor;
import dev.cascadestudio.cascade.CascadeGraph;
import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.ExecutionResult;
import dev.cascadestudio.cascade.Executor;
import dev.cascadestudio.cascade.Planner;
import dev.cascadestudio.cascade.ProgressListener;
import dev.cascadestudio.cascade.Repair;
import dev.cascadestudio.cascade.Restorer;
import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.cascade.RowKey;
import dev.cascadestudio.cascade.SnapshotContents;
import dev.cascadestudio.persistence.AppDirectories;
import dev.cascadestudio.persistence.Database;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The delete use cases: plan, page through a plan, execute, restore, audit. Every committed delete
 * and restore is recorded in the {@link AuditLog} right after its commit.
 */
public final class CascadeService {

    private final CascadeGraph graph;
    private final Planner planner;
    private final Executor executor;
    private final Restorer restorer;
    private final Auditor auditor;
    private final Database database;
    private final AuditLog auditLog;
    private final WriteGate gate;

    public CascadeService(Database database) {
        this(database, AppDirectories.snapshotDirectory());
    }

    /**
     * Snapshots in {@code snapshotDirectory}, the audit log beside it (in its parent directory): for the
     * default {@code snapshots/} of the data directory that is the data directory's {@code audit.jsonl}.
     */
    public CascadeService(Database database, Path snapshotDirectory) {
        this(database, snapshotDirectory, besideSnapshots(snapshotDirectory));
    }

    private static AuditLog besideSnapshots(Path snapshotDirectory) {
        Path parent = snapshotDirectory.toAbsolutePath().getParent();
        return parent == null ? AuditLog.inDataDirectory() : new AuditLog(parent.resolve(AuditLog.FILE_NAME));
    }

    /** The service of a session, asking the session's {@code gate} (which says why it is read-only). */
    CascadeService(Database database, WriteGate gate) {
        this(database, AppDirectories.snapshotDirectory(), besideSnapshots(AppDirectories.snapshotDirectory()), gate);
    }

    public CascadeService(Database database, Path snapshotDirectory, AuditLog auditLog) {
        this(database, snapshotDirectory, auditLog, WriteGate.of(database));
    }

    private CascadeService(Database database, Path snapshotDirectory, AuditLog auditLog, WriteGate gate) {
        this.database = database;
        this.auditLog = auditLog;
        this.graph = CascadeGraph.fromMapping();
        this.planner = new Planner(database, graph);
        this.executor = new Executor(database, planner, snapshotDirectory);
        this.restorer = new Restorer(database, graph);
        this.auditor = new Auditor(database, graph);
        this.gate = gate;
    }

    /**
     * The repaired columns of {@code plan} whose dangling values Undo could not put back, because the database
     * enforces their foreign key and refuses a value that names no row ({@code run.workflow_id}); empty for a
     * delete of chosen rows. Reads the database's declared keys.
     */
    public List<String> undoCannotPutBack(DeletePlan plan) {
        return plan.repairs().stream().filter(r -> database.enforcesForeignKey(r.table(), r.column())).map(Repair::label).toList();
    }

    /** Whether this service may delete and restore (the database is open for editing). */
    public boolean writable() { return gate.writable(); }

    public CascadeGraph graph() { return graph; }

    public DeletePlan plan(List<Root> roots) { return planner.plan(roots); }

    /**
     * The plan of repairing the dangling values of {@code repairs}: each column's rule applied as if its missing
     * parent had just been deleted (SET NULL columns set to NULL, labels without a parent deleted). It goes the
     * same way as any delete: preview, {@link #execute}, snapshot, Undo.
     */
    public DeletePlan planRepair(List<Repair> repairs) {
        if (repairs.isEmpty()) {
            throw new IllegalArgumentException("Nothing to repair: no column was chosen.");
        }
        return planner.plan(List.of(), repairs);
    }

    public List<AffectedRow> page(DeletePlan plan, DeletePlan.Effect effect, int offset, int limit) {
        return planner.page(plan, effect, offset, limit);
    }

    /**
     * The rows {@code plan} reaches, as a tree read a parent and an edge at a time (counts and a page of
     * rows), with the planner's own conditions; for drawing them. Each call reads the database.
     */
    public dev.cascadestudio.cascade.ReachedRows reachedRows(DeletePlan plan) {
        return new dev.cascadestudio.cascade.ReachedRows(database, graph, plan);
    }

    /** The rows chosen for deletion in {@code plan}, with their names ({@link dev.cascadestudio.cascade.ReachedRows#roots}). */
    public List<dev.cascadestudio.cascade.ReachedRows.Row> reachedRoots(DeletePlan plan) {
        return reachedRows(plan).roots();
    }

    /** The edges from {@code table} along which {@code plan} deletes or nulls rows (reads nothing). */
    public List<dev.cascadestudio.domain.ForeignKeyRule> reachedEdges(DeletePlan plan, String table) {
        return reachedRows(plan).edgesFrom(table);
    }

    /** How many rows {@code plan} reaches through {@code edge} under each parent value, in one GROUP BY. */
    public Map<String, Long> reachedCounts(DeletePlan plan, dev.cascadestudio.domain.ForeignKeyRule edge,
                                           java.util.Collection<String> parentValues) {
        return reachedRows(plan).counts(edge, parentValues);
    }

    /** One parent's children through {@code edge}: their count and {@code limit} of them from {@code offset}, by key. */
    public dev.cascadestudio.cascade.ReachedRows.Group reachedGroup(DeletePlan plan, dev.cascadestudio.domain.ForeignKeyRule edge,
                                                                  String parentValue, int offset, int limit) {
        return reachedRows(plan).group(edge, parentValue, offset, limit);
    }

    /** The next {@code limit} rows of an effect after {@code after} in key order (null: the first); see {@link Planner#pageAfter}. */
    public List<AffectedRow> pageAfter(DeletePlan plan, DeletePlan.Effect effect, RowKey after, int limit) {
        return planner.pageAfter(plan, effect, after, limit);
    }

    public List<dev.cascadestudio.cascade.RowKey> allRows(DeletePlan plan, DeletePlan.Effect effect) {
        return planner.allRows(plan, effect);
    }

    /** The statements committing {@code plan} runs, each with its parameters; the same as {@link DeletePlan#statements()}. */
    public List<dev.cascadestudio.cascade.CommitStatement> commitStatements(DeletePlan plan) {
        return planner.commitStatements(plan.roots(), plan.repairs());
    }

    public ExecutionResult execute(DeletePlan plan, ProgressListener progress) {
        return execute(plan, null, progress);
    }

    /** Commits the plan, then records it in the audit log with {@code reason} (null or blank: none given). */
    public ExecutionResult execute(DeletePlan plan, String reason, ProgressListener progress) {
        gate.check(); // before any SQL: a database open read-only is refused here (WriteGate)
        ExecutionResult result = executor.execute(plan, progress);
        auditLog.append(deleteRecord(result, reason));
        return result;
    }

    public Restorer.RestoreResult restore(Path snapshot) {
        return restore(snapshot, null);
    }

    /** Restores the snapshot, then records it in the audit log with {@code reason} (null or blank: none given). */
    public Restorer.RestoreResult restore(Path snapshot, String reason) {
        return restore(snapshot, false, reason);
    }

    /**
     * Restores the snapshot (one written for another database only with {@code intoOtherDatabase}),
     * then records it in the audit log with {@code reason} (null or blank: none given).
     */
    public Restorer.RestoreResult restore(Path snapshot, boolean intoOtherDatabase, String reason) {
        return restore(snapshot, intoOtherDatabase, reason, ProgressListener.NONE);
    }

    /** As {@link #restore(Path, boolean, String)}, telling {@code progress} how far it got (Restorer says in what units). */
    public Restorer.RestoreResult restore(Path snapshot, boolean intoOtherDatabase, String reason, ProgressListener progress) {
        gate.check(); // before any SQL: a database open read-only is refused here (WriteGate)
        Restorer.RestoreResult result = restorer.restore(snapshot, intoOtherDatabase, progress);
        auditLog.append(restoreRecord(snapshot, result, reason));
        return result;
    }

    public List<Auditor.Finding> audit() { return auditor.audit(); }

    /** As {@link #audit()}, listing up to {@code sampleSize} rows of each finding. */
    public List<Auditor.Finding> audit(int sampleSize) { return auditor.audit(sampleSize); }

    public AuditLog auditLog() { return auditLog; }

    /** The URL of the database this service deletes from and restores into. */
    public String databaseUrl() { return database.url(); }

    private AuditRecord deleteRecord(ExecutionResult result, String reason) {
        DeletePlan plan = result.plan();
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        plan.deleted().stream().filter(e -> e.count() > 0)
                .forEach(e -> counts.computeIfAbsent(e.table(), t -> new LinkedHashMap<>()).merge("deleted", e.count(), Long::sum));
        plan.nulled().stream().filter(e -> e.count() > 0)
                .forEach(e -> counts.computeIfAbsent(e.table(), t -> new LinkedHashMap<>()).merge("nulled", e.count(), Long::sum));
        List<AuditRecord.Row> roots = rootRows(result.snapshot(), plan.roots(), graph);
        return AuditRecord.now(database.url(), AuditRecord.DELETE, roots, counts, repairedColumns(plan.repairs()),
                result.snapshot().toString(), reason);
    }

    /**
     * The restore's audit record, its counts from the restore's own pass over the file (reading the whole file again
     * for them was a third of a large undo's time, JFR).
     */
    private AuditRecord restoreRecord(Path snapshot, Restorer.RestoreResult result, String reason) {
        SnapshotContents contents = SnapshotContents.withSections(snapshot, graph, result.sections());
        return AuditRecord.now(database.url(), AuditRecord.RESTORE, rows(contents, contents.roots()),
                contents.countsPerTable("inserted", "restored"), repairedColumns(contents.repairs()),
                snapshot.toAbsolutePath().toString(), reason);
    }

    /** A repair's columns as the audit record lists them ({@code run.workflow_id}); null for a delete of chosen rows. */
    private static List<String> repairedColumns(List<Repair> repairs) {
        return repairs.isEmpty() ? null : repairs.stream().map(Repair::label).toList();
    }

    /** The roots with the versions the snapshot holds of them; a root it does not hold is listed without a version. */
    private static List<AuditRecord.Row> rootRows(Path snapshot, List<Root> roots, CascadeGraph graph) {
        Map<RowKey, String> found;
        try {
            found = SnapshotContents.rootRows(snapshot, roots, graph);
        } catch (RuntimeException unreadable) {
            found = Map.of();
        }
        return rows(found, roots);
    }

    private static List<AuditRecord.Row> rows(SnapshotContents contents, List<Root> roots) {
        Map<RowKey, String> found = new LinkedHashMap<>();
        contents.rootRows().forEach(k -> found.put(k, contents.rootName(k)));
        return rows(found, roots);
    }

    private static List<AuditRecord.Row> rows(Map<RowKey, String> found, List<Root> roots) {
        List<AuditRecord.Row> rows = new java.util.ArrayList<>();
        for (Root root : roots) {
            List<RowKey> versions = found.keySet().stream().filter(k -> k.table().equals(root.table()) && k.uid().equals(root.uid())).toList();
            if (versions.isEmpty()) {
                rows.add(new AuditRecord.Row(root.table(), root.uid(), null, null));
            }
            versions.forEach(k -> rows.add(new AuditRecord.Row(k.table(), k.uid(), k.version(), found.get(k))));
        }
        return rows;
    }
}
