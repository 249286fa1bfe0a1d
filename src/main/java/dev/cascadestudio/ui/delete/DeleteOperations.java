package dev.cascadestudio.ui.delete;

import dev.cascadestudio.cascade.AffectedRow;
import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.ExecutionResult;
import dev.cascadestudio.cascade.ProgressListener;
import dev.cascadestudio.cascade.Restorer;
import dev.cascadestudio.cascade.Repair;
import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.report.ImpactReport;
import dev.cascadestudio.report.ReportFiles;
import dev.cascadestudio.report.ReportFormat;
import dev.cascadestudio.service.CascadeService;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The part of {@link CascadeService} the delete preview uses. Every method may block on the database
 * and is only ever called from background work. An interface so that tests can hold a call back
 * (to prove the window stays responsive) or make it fail.
 */
public interface DeleteOperations {

    DeletePlan plan(List<Root> roots);

    /** The plan of repairing the dangling values of {@code repairs} ({@link CascadeService#planRepair}). */
    default DeletePlan planRepair(List<Repair> repairs) {
        throw new UnsupportedOperationException("these operations do not repair");
    }

    List<AffectedRow> page(DeletePlan plan, DeletePlan.Effect effect, int offset, int limit);

    /** The repaired columns whose values Undo could not put back ({@link CascadeService#undoCannotPutBack}). */
    default List<String> undoCannotPutBack(DeletePlan plan) {
        return List.of();
    }

    ExecutionResult execute(DeletePlan plan, ProgressListener progress);

    /** The rows {@code plan} reaches, read a parent and an edge at a time (its methods block). */
    dev.cascadestudio.ui.graph.ReachedRowsSource reachedRows(DeletePlan plan);

    /** Commits with the reason the administrator gave (null if none), which the audit log records. */
    default ExecutionResult execute(DeletePlan plan, String reason, ProgressListener progress) {
        return execute(plan, progress);
    }

    Restorer.RestoreResult restore(Path snapshot);

    /** Restores, telling {@code progress} how far it got (the file read twice: the check, then the write). */
    default Restorer.RestoreResult restore(Path snapshot, ProgressListener progress) {
        return restore(snapshot);
    }

    /**
     * Writes an impact report of {@code plan} to {@code file} (replacing it), as HTML, Markdown or JSON
     * by the file's name ({@link ReportFormat#ofFile}), listing at most {@code rowsPerTable} rows per
     * table and column.
     */
    void exportReport(DeletePlan plan, Path file, int rowsPerTable) throws java.io.IOException;

    static DeleteOperations of(CascadeService service) {
        Objects.requireNonNull(service);
        return new DeleteOperations() {
            @Override
            public DeletePlan plan(List<Root> roots) {
                return service.plan(roots);
            }

            @Override
            public DeletePlan planRepair(List<Repair> repairs) {
                return service.planRepair(repairs);
            }

            @Override
            public List<String> undoCannotPutBack(DeletePlan plan) {
                return service.undoCannotPutBack(plan);
            }

            @Override
            public List<AffectedRow> page(DeletePlan plan, DeletePlan.Effect effect, int offset, int limit) {
                return service.page(plan, effect, offset, limit);
            }

            @Override
            public ExecutionResult execute(DeletePlan plan, ProgressListener progress) {
                return service.execute(plan, progress);
            }

            @Override
            public dev.cascadestudio.ui.graph.ReachedRowsSource reachedRows(DeletePlan plan) {
                return dev.cascadestudio.ui.graph.ReachedRowsSource.of(service, plan);
            }

            @Override
            public ExecutionResult execute(DeletePlan plan, String reason, ProgressListener progress) {
                return service.execute(plan, reason, progress);
            }

            @Override
            public Restorer.RestoreResult restore(Path snapshot) {
                return service.restore(snapshot);
            }

            @Override
            public void exportReport(DeletePlan plan, Path file, int rowsPerTable) throws java.io.IOException {
                ReportFormat format = ReportFormat.ofFile(file).orElseThrow(() -> new IllegalArgumentException(
                        "A report's file name ends in .html, .md or .json: " + file.getFileName() + "."));
                ImpactReport report = ImpactReport.of(plan, service, rowsPerTable, java.time.Instant.now());
                ReportFiles.write(file, format.render(report), true);
            }

            @Override
            public Restorer.RestoreResult restore(Path snapshot, ProgressListener progress) {
                return service.restore(snapshot, false, null, progress);
            }
        };
    }
}
