package dev.cascadestudio.ui.delete;

import dev.cascadestudio.ui.Counts;
import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.ExecutionResult;
import dev.cascadestudio.cascade.Repair;
import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.cascade.StalePlanException;
import dev.cascadestudio.service.AuditLogException;
import dev.cascadestudio.service.FailureMessages;
import dev.cascadestudio.ui.task.BackgroundTask;
import dev.cascadestudio.ui.task.TaskExecutor;
import dev.cascadestudio.ui.task.WorkProgress;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The delete preview without controls: plans on background work, shows that plan, commits exactly
 * that plan, and when the data changed in between shows the new plan instead of committing.
 */
public final class DeletePreviewViewModel {

    /** From this many affected rows (deleted plus nulled) on, the administrator types to confirm. */
    public static final long TYPE_TO_CONFIRM_THRESHOLD = 1_000;

    public enum Phase { PLANNING, PLAN_FAILED, READY, COMMITTING, COMMITTED, CLOSED }

    /** The rows per table and column an exported report lists (the totals count them all). */
    public static final int REPORT_ROWS_PER_TABLE = 1_000;

    private final DeleteOperations operations;
    private final TaskExecutor executor;
    private final List<Root> roots;
    private final List<Repair> repairs;
    private final Consumer<ExecutionResult> onCommitted;
    private final ConfirmationGate gate;

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.PLANNING);
    private final ReadOnlyObjectWrapper<PlanPreview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper(this, "subtitle", "");
    private final ReadOnlyStringWrapper deletedTotal = new ReadOnlyStringWrapper(this, "deletedTotal", "");
    private final ReadOnlyStringWrapper nulledTotal = new ReadOnlyStringWrapper(this, "nulledTotal", "");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper(this, "explanation", "");
    private final ReadOnlyStringWrapper sql = new ReadOnlyStringWrapper(this, "sql", "");
    private final ReadOnlyStringWrapper confirmText = new ReadOnlyStringWrapper(this, "confirmText", "Delete");
    private final ReadOnlyStringWrapper staleNotice = new ReadOnlyStringWrapper(this, "staleNotice", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper exportMessage = new ReadOnlyStringWrapper(this, "exportMessage", "");
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(this, "exporting", false);
    private final ReadOnlyBooleanWrapper exportFailed = new ReadOnlyBooleanWrapper(this, "exportFailed", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper progressMessage = new ReadOnlyStringWrapper(this, "progressMessage", "");
    private final ObservableList<SummaryLine> deletedLines = FXCollections.observableArrayList();
    private final ObservableList<SummaryLine> nulledLines = FXCollections.observableArrayList();
    private final ObservableList<EffectGroup> groups = FXCollections.observableArrayList();
    /** Why: recorded with the delete in the audit log. */
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    /** Whether confirm waits for a reason (production connections will set it; off by default). */
    private final BooleanProperty reasonRequired = new SimpleBooleanProperty(this, "reasonRequired", false);
    private final BooleanBinding canConfirm;

    /**
     * @param threshold   affected rows from which typing to confirm is required
     * @param onCommitted called on the FX thread once the delete is committed
     */
    public DeletePreviewViewModel(DeleteOperations operations, List<Root> roots, TaskExecutor executor, long threshold,
                                  Consumer<ExecutionResult> onCommitted) {
        this(operations, roots, List.of(), executor, threshold, onCommitted);
    }

    /**
     * The preview of deleting {@code roots} or, with no roots, of repairing the dangling values of
     * {@code repairs} ({@link Repair}): the same plan, confirmation, snapshot and Undo.
     */
    public DeletePreviewViewModel(DeleteOperations operations, List<Root> roots, List<Repair> repairs, TaskExecutor executor,
                                  long threshold, Consumer<ExecutionResult> onCommitted) {
        if (roots.isEmpty() && repairs.isEmpty()) {
            throw new IllegalArgumentException("nothing selected to delete");
        }
        this.operations = Objects.requireNonNull(operations);
        this.executor = Objects.requireNonNull(executor);
        this.roots = List.copyOf(roots);
        this.repairs = List.copyOf(repairs);
        this.onCommitted = Objects.requireNonNull(onCommitted);
        this.gate = new ConfirmationGate(threshold);
        name(null, null);
        canConfirm = Bindings.createBooleanBinding(() -> phase.get() == Phase.READY && preview.get() != null
                && !preview.get().plan().isEmpty() && gate.satisfiedBinding().get()
                && (!reasonRequired.get() || !givenReason().isEmpty()),
                phase, preview, gate.satisfiedBinding(), reason, reasonRequired);
    }

    /** Whether this previews a repair of dangling values (no row was chosen) rather than a delete of rows. */
    public boolean isRepair() {
        return roots.isEmpty();
    }

    /** The title and subtitle: the rows chosen (their names once known), or the columns repaired (by the plan once known). */
    private void name(DeletePlan plan, List<String> rootNames) {
        title.set(isRepair() ? RootsText.repairTitle(repairs, plan) : RootsText.title(roots, rootNames));
        subtitle.set(isRepair() ? RootsText.repairSubtitle(repairs) : RootsText.subtitle(roots, rootNames));
    }

    /** Computes the plan on background work; the dialog shows it busy until then. */
    public void start() {
        phase.set(Phase.PLANNING);
        error.set("");
        executor.execute(BackgroundTask.of(() -> PlanPreview.load(operations, roots, repairs))
                .onSuccess(loaded -> {
                    if (phase.get() == Phase.PLANNING) {
                        show(loaded);
                        phase.set(Phase.READY);
                    }
                })
                .onFailure(failure -> {
                    if (phase.get() == Phase.PLANNING) {
                        error.set("Cannot work out what the delete affects. " + FailureMessages.describe(failure));
                        phase.set(Phase.PLAN_FAILED);
                    }
                }));
    }

    /** Plans again after a failed attempt. */
    public void retry() {
        if (phase.get() == Phase.PLAN_FAILED) {
            start();
        }
    }

    /** Commits exactly the plan on screen, or shows the new plan if the data changed since. */
    public void confirm() {
        if (!canConfirm.get()) {
            return;
        }
        DeletePlan plan = preview.get().plan();
        String why = givenReason().isEmpty() ? null : givenReason();
        phase.set(Phase.COMMITTING);
        error.set("");
        progress.set(-1);
        progressMessage.set("Starting");
        confirmText.set("Deleting…");
        executor.execute(BackgroundTask.reporting(reporter -> operations.execute(plan, why, WorkProgress.of(reporter)))
                .onProgress(p -> {
                    progress.set(p.fraction());
                    progressMessage.set(p.message());
                })
                .onSuccess(result -> {
                    phase.set(Phase.COMMITTED);
                    onCommitted.accept(result);
                })
                .onFailure(this::commitFailed));
    }

    private void commitFailed(Throwable failure) {
        if (failure instanceof StalePlanException stale) {
            DeletePlan before = preview.get().plan();
            String now = stale.currentPlan().summary();
            show(preview.get().withPlan(stale.currentPlan()));
            // other rows in the same numbers, or a row edited while the delete ran (a server's isolation refused it)
            staleNotice.set(now.equals(before.summary())
                    ? "Nothing was deleted. Someone changed rows this delete takes while the preview was open or while it ran."
                      + " The rows are read again below, with the same numbers: " + now + ". Review them and confirm again."
                    : "Nothing was deleted. Someone changed the data while this preview was open, so the delete "
                      + "now does something else: " + now + " (the plan you saw: " + before.summary()
                      + "). Review the new plan below and confirm again.");
        } else if (failure instanceof AuditLogException missingRecord) {
            // committed; only its audit line is missing: say exactly that (confirming again finds nothing left to delete)
            error.set(missingRecord.getMessage());
        } else {
            error.set("Nothing was deleted. " + FailureMessages.describe(failure));
            confirmText.set(preview.get().plan().summary());
        }
        phase.set(Phase.READY);
    }

    /**
     * Writes an impact report of the plan on screen to {@code file} on background work (HTML, Markdown
     * or JSON by its name), and says in one line whether it worked. Does nothing before a plan is
     * shown or while a report is being written.
     */
    public void exportReport(java.nio.file.Path file) {
        DeletePlan plan = plan();
        if (plan == null || exporting.get() || file == null) {
            return;
        }
        exporting.set(true);
        exportFailed.set(false);
        exportMessage.set("Writing the report to " + file.getFileName() + "…");
        executor.execute(BackgroundTask.of(() -> {
                    operations.exportReport(plan, file, REPORT_ROWS_PER_TABLE);
                    return java.nio.file.Files.size(file);
                })
                .onSuccess(size -> exportMessage.set("Report saved: " + file.getFileName() + " (" + kilobytes(size) + ") in "
                        + (file.toAbsolutePath().getParent() == null ? "/" : file.toAbsolutePath().getParent()) + "."))
                .onFailure(failure -> {
                    exportFailed.set(true);
                    exportMessage.set("The report was not saved. " + exportFailure(failure));
                })
                .onFinished(() -> exporting.set(false)));
    }

    private static String kilobytes(long bytes) {
        return bytes < 1024 ? Counts.of(bytes, "byte") : Counts.number(Math.max(1, bytes / 1024)) + " KB";
    }

    /** A file failure in a sentence; a database failure as every other one is told. */
    private static String exportFailure(Throwable failure) {
        if (failure instanceof IllegalArgumentException && failure.getMessage() != null) {
            return failure.getMessage();
        }
        if (failure instanceof java.nio.file.AccessDeniedException denied) {
            return "Permission denied: " + denied.getFile() + ".";
        }
        if (failure instanceof java.nio.file.NoSuchFileException missing) {
            return "No such folder: " + missing.getFile() + ".";
        }
        if (failure instanceof java.io.IOException io) {
            return "Cannot write the file" + (io.getMessage() == null ? "." : ": " + io.getMessage() + ".");
        }
        return FailureMessages.describe(failure);
    }

    /** Esc or Cancel: closes unless the commit is running (it cannot be stopped halfway). */
    public boolean cancel() {
        if (phase.get() == Phase.COMMITTING) {
            return false;
        }
        if (phase.get() != Phase.COMMITTED) {
            phase.set(Phase.CLOSED);
        }
        return true;
    }

    private void show(PlanPreview loaded) {
        DeletePlan plan = loaded.plan();
        preview.set(loaded);
        name(plan, loaded.rootNames());
        deletedLines.setAll(SummaryLine.deleted(plan));
        nulledLines.setAll(SummaryLine.nulled(plan));
        deletedTotal.set(Counts.of(plan.deletedCount(), "row"));
        nulledTotal.set(Counts.of(plan.nulledRowCount(), "row") + " · " + Counts.of(plan.nulledValueCount(), "value"));
        explanation.set(plan.isEmpty()
                ? roots.isEmpty() ? "Nothing to repair: no value of these columns names a missing row any more."
                  : "Nothing to delete: the selected rows no longer exist."
                : "Nothing has changed yet. Confirming runs the " + Counts.of(plan.statements().size(), "statement")
                  + " on the SQL tab in one transaction, after saving a snapshot of every row and value it changes,"
                  + (loaded.undoCannotPutBack().isEmpty() ? " so the delete can be undone."
                     : " but Undo will not be offered: this database enforces the foreign key of "
                       + String.join(", ", loaded.undoCannotPutBack()) + ", so it would refuse to take back a value that"
                       + " names no row."));
        sql.set(String.join(";\n\n", plan.statements()) + (plan.statements().isEmpty() ? "" : ";"));
        confirmText.set(plan.summary());
        groups.setAll(plan.deleted().stream().filter(e -> e.count() > 0).map(this::group).toList());
        groups.addAll(plan.nulled().stream().filter(e -> e.count() > 0).map(this::group).toList());
        gate.reset(loaded);
    }

    private EffectGroup group(DeletePlan.Effect effect) {
        return new EffectGroup(operations::page, executor, preview.get().plan(), effect);
    }

    private String givenReason() {
        return reason.get() == null ? "" : reason.get().strip();
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() { return phase.getReadOnlyProperty(); }
    public StringProperty reasonProperty() { return reason; }
    public BooleanProperty reasonRequiredProperty() { return reasonRequired; }
    public BooleanBinding canConfirmBinding() { return canConfirm; }
    public DeletePlan plan() { return preview.get() == null ? null : preview.get().plan(); }

    /** The rows the plan shown reaches, for drawing (read on {@link #executor()}); null while there is no plan. */
    public dev.cascadestudio.ui.graph.ReachedRowsSource reachedRows() {
        DeletePlan plan = plan();
        return plan == null ? null : operations.reachedRows(plan);
    }

    /** The executor the preview's database work runs on. */
    public TaskExecutor executor() { return executor; }
    ReadOnlyObjectProperty<PlanPreview> previewProperty() { return preview.getReadOnlyProperty(); }
    ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }
    ReadOnlyStringProperty subtitleProperty() { return subtitle.getReadOnlyProperty(); }
    ReadOnlyStringProperty deletedTotalProperty() { return deletedTotal.getReadOnlyProperty(); }
    ReadOnlyStringProperty nulledTotalProperty() { return nulledTotal.getReadOnlyProperty(); }
    ReadOnlyStringProperty explanationProperty() { return explanation.getReadOnlyProperty(); }
    ReadOnlyStringProperty sqlProperty() { return sql.getReadOnlyProperty(); }
    ReadOnlyStringProperty confirmTextProperty() { return confirmText.getReadOnlyProperty(); }
    ReadOnlyStringProperty staleNoticeProperty() { return staleNotice.getReadOnlyProperty(); }
    ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    ReadOnlyStringProperty exportMessageProperty() { return exportMessage.getReadOnlyProperty(); }
    javafx.beans.property.ReadOnlyBooleanProperty exportingProperty() { return exporting.getReadOnlyProperty(); }
    javafx.beans.property.ReadOnlyBooleanProperty exportFailedProperty() { return exportFailed.getReadOnlyProperty(); }
    ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    ReadOnlyStringProperty progressMessageProperty() { return progressMessage.getReadOnlyProperty(); }
    ObservableList<SummaryLine> deletedLines() { return deletedLines; }
    ObservableList<SummaryLine> nulledLines() { return nulledLines; }
    ObservableList<EffectGroup> groups() { return groups; }
    ConfirmationGate gate() { return gate; }
}
