package dev.cascadestudio.ui.delete;

import dev.cascadestudio.cascade.AffectedRow;
import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.ExecutionResult;
import dev.cascadestudio.cascade.ProgressListener;
import dev.cascadestudio.cascade.Restorer;
import dev.cascadestudio.cascade.Root;
import java.nio.file.Path;
import java.util.List;

/** Real operations that a test overrides one method of (to hold it back or make it fail). */
class ForwardingOperations implements DeleteOperations {

    private final DeleteOperations real;

    ForwardingOperations(DeleteOperations real) {
        this.real = real;
    }

    @Override
    public DeletePlan plan(List<Root> roots) {
        return real.plan(roots);
    }

    @Override
    public List<AffectedRow> page(DeletePlan plan, DeletePlan.Effect effect, int offset, int limit) {
        return real.page(plan, effect, offset, limit);
    }

    @Override
    public ExecutionResult execute(DeletePlan plan, ProgressListener progress) {
        return real.execute(plan, progress);
    }

    @Override
    public dev.cascadestudio.ui.graph.ReachedRowsSource reachedRows(DeletePlan plan) {
        return real.reachedRows(plan);
    }

    @Override
    public Restorer.RestoreResult restore(Path snapshot) {
        return real.restore(snapshot);
    }

    @Override
    public Restorer.RestoreResult restore(Path snapshot, ProgressListener progress) {
        return real.restore(snapshot, progress);
    }

    @Override
    public void exportReport(DeletePlan plan, Path file, int rowsPerTable) throws java.io.IOException {
        real.exportReport(plan, file, rowsPerTable);
    }
}
