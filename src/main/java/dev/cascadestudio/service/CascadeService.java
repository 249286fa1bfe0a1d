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

    public CascadeService(Database database) {
        this(database, AppDirectories.snapshotDirectory());
    }

    public CascadeService(Database database, Path snapshotDirectory) {
        this.graph = CascadeGraph.fromMapping(database.sessionFactory().getMetamodel());
        this.planner = new Planner(database, graph);
        this.executor = new Executor(database, planner, snapshotDirectory);
        this.restorer = new Restorer(database, graph);
        this.auditor = new Auditor(database, graph);
    }

    public CascadeGraph graph() { return graph; }

    public DeletePlan plan(List<Root> roots) { return planner.plan(roots); }

    public List<AffectedRow> page(DeletePlan plan, DeletePlan.Effect effect, int offset, int limit) {
        return planner.page(plan, effect, offset, limit);
    }

    public List<dev.cascadestudio.cascade.RowKey> allRows(DeletePlan plan, DeletePlan.Effect effect) {
        return planner.allRows(plan, effect);
    }

    public ExecutionResult execute(DeletePlan plan, ProgressListener progress) { return executor.execute(plan, progress); }

    public Restorer.RestoreResult restore(Path snapshot) { return restorer.restore(snapshot); }

    public Restorer.RestoreResult restore(Path snapshot, boolean intoOtherDatabase) { return restorer.restore(snapshot, intoOtherDatabase); }

    public List<Auditor.Finding> audit() { return auditor.audit(); }
}
