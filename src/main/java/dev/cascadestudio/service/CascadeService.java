package dev.cascadestudio.service;

import dev.cascadestudio.cascade.AffectedRow;
import dev.cascadestudio.cascade.Auditor;
import dev.cascadestudio.cascade.CascadeGraph;
import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.ExecutionResult;
import dev.cascadestudio.cascade.Executor;
import dev.cascadestudio.cascade.Planner;
import dev.cascadestudio.cascade.ProgressListener;
import dev.cascadestudio.cascade.Restorer;
import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.persistence.AppDirectories;
import dev.cascadestudio.persistence.Database;
import java.nio.file.Path;
import java.util.List;

/** The delete use cases: plan, page through a plan, execute, restore, audit. */
public final class CascadeService {

    private final CascadeGraph graph;
    private final Planner planner;
    private final Executor executor;
    private final Restorer restorer;
    private final Auditor auditor;
    private final WriteGate gate;

    public CascadeService(Database database) {
        this(database, AppDirectories.snapshotDirectory());
    }

    public CascadeService(Database database, Path snapshotDirectory) {
        this.graph = CascadeGraph.fromMapping(database.sessionFactory().getMetamodel());
        this.planner = new Planner(database, graph);
        this.executor = new Executor(database, planner, snapshotDirectory);
        this.restorer = new Restorer(database);
        this.auditor = new Auditor(database, graph);
        this.gate = WriteGate.of(database);
    }

    /** Whether this service may delete and restore (the database is open for editing). */
    public boolean writable() { return gate.writable(); }

    public CascadeGraph graph() { return graph; }

    public DeletePlan plan(List<Root> roots) { return planner.plan(roots); }

    public List<AffectedRow> page(DeletePlan plan, DeletePlan.Effect effect, int offset, int limit) {
        return planner.page(plan, effect, offset, limit);
    }

    public List<dev.cascadestudio.cascade.RowKey> allRows(DeletePlan plan, DeletePlan.Effect effect) {
        return planner.allRows(plan, effect);
    }

    /** Commits {@code plan}; refused before any SQL if the database is open read-only ({@link WriteGate}). */
    public ExecutionResult execute(DeletePlan plan, ProgressListener progress) {
        gate.check();
        return executor.execute(plan, progress);
    }

    /** Puts a snapshot back; refused before any SQL if the database is open read-only ({@link WriteGate}). */
    public Restorer.RestoreResult restore(Path snapshot) {
        gate.check();
        return restorer.restore(snapshot);
    }

    public List<Auditor.Finding> audit() { return auditor.audit(); }
}
