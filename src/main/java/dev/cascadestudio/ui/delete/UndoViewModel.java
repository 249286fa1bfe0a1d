package dev.cascadestudio.ui.delete;

import dev.cascadestudio.ui.Counts;
import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.ExecutionResult;
import dev.cascadestudio.cascade.RestoreConflictException;
import dev.cascadestudio.service.FailureMessages;
import dev.cascadestudio.ui.task.BackgroundTask;
import dev.cascadestudio.ui.task.TaskExecutor;
import dev.cascadestudio.ui.task.WorkProgress;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The offer to undo the last committed delete: restores its snapshot on background work and says
 * plainly what happened, including why a restore was refused.
 */
public final class UndoViewModel {

    public enum State { HIDDEN, OFFERED, RESTORING, RESTORED, FAILED }

    private final DeleteOperations operations;
    private final TaskExecutor executor;
    private final Runnable onRestored;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.HIDDEN);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    /** How far a restore got, 0 to 1, or -1 before it has said; the banner's progress bar shows it. */
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final BooleanBinding canUndo = Bindings.createBooleanBinding(() -> state.get() == State.OFFERED, state);
    private ExecutionResult offered;

    /** @param onRestored called on the FX thread after a restore, so the window can read the data again */
    public UndoViewModel(DeleteOperations operations, TaskExecutor executor, Runnable onRestored) {
        this.operations = Objects.requireNonNull(operations);
        this.executor = Objects.requireNonNull(executor);
        this.onRestored = Objects.requireNonNull(onRestored);
    }

    /** Offers to undo this delete; replaces any earlier offer (only the latest delete can be undone here). */
    public void offer(ExecutionResult result) {
        if (state.get() == State.RESTORING) {
            return;
        }
        offered = Objects.requireNonNull(result);
        DeletePlan plan = result.plan();
        message.set(plan.deletedCount() == 0 && plan.nulledValueCount() > 0
                ? "Set " + Counts.of(plan.nulledValueCount(), "value") + " in " + Counts.of(plan.nulledRowCount(), "row")
                  + " to NULL. A snapshot was saved first."
                : "Deleted " + Counts.of(plan.deletedCount(), "row")
                + (plan.nulledValueCount() == 0 ? "" : " and set " + Counts.of(plan.nulledValueCount(), "value") + " in "
                        + Counts.of(plan.nulledRowCount(), "row") + " to NULL") + ". A snapshot was saved first.");
        state.set(State.OFFERED);
    }

    public void undo() {
        if (!canUndo.get()) {
            return;
        }
        ExecutionResult undone = offered;
        state.set(State.RESTORING);
        message.set(undone.plan().deletedCount() == 0 ? "Setting " + Counts.of(undone.plan().nulledValueCount(), "value") + " back…"
                : "Restoring " + Counts.of(undone.plan().deletedCount(), "row") + "…");
        progress.set(-1);
        executor.execute(BackgroundTask.reporting(reporter -> operations.restore(undone.snapshot(), WorkProgress.of(reporter)))
                .onProgress(p -> {
                    progress.set(p.fraction());
                    message.set(p.message());
                })
                .onSuccess(restored -> {
                    message.set("Undone: " + Counts.of(restored.rowsInserted(), "row") + " restored and "
                            + Counts.of(restored.valuesRestored(), "value") + " set back.");
                    state.set(State.RESTORED);
                    onRestored.run();
                })
                .onFailure(failure -> {
                    message.set(failure instanceof RestoreConflictException ? failure.getMessage()
                            : "Cannot undo. " + FailureMessages.describe(failure) + " Nothing was changed; the snapshot "
                              + "is kept at " + undone.snapshot() + ".");
                    state.set(State.FAILED);
                }));
    }

    public void dismiss() {
        if (state.get() != State.RESTORING) {
            state.set(State.HIDDEN);
        }
    }

    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public BooleanBinding canUndoBinding() { return canUndo; }
}
