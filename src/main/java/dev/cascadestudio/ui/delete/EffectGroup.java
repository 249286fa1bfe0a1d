package dev.cascadestudio.ui.delete;

import dev.cascadestudio.ui.Counts;
import dev.cascadestudio.cascade.AffectedRow;
import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.service.FailureMessages;
import dev.cascadestudio.ui.task.BackgroundTask;
import dev.cascadestudio.ui.task.TaskExecutor;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The rows of one effect of the plan (a table's deleted rows, or one column's nulled rows), read
 * page by page on background work: nothing is read until the group is opened, then
 * {@value #PAGE_SIZE} rows per "Show more". Stays small however many rows the effect has.
 */
final class EffectGroup {

    static final int PAGE_SIZE = 200;

    private final RowSource operations;
    private final TaskExecutor executor;
    private final DeletePlan plan;
    private final DeletePlan.Effect effect;
    private final SummaryLine line;
    private final ObservableList<AffectedRow> rows = FXCollections.observableArrayList();
    private final ObservableList<AffectedRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyLongWrapper remaining = new ReadOnlyLongWrapper(this, "remaining");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private final StringBinding moreText = Bindings.createStringBinding(this::describeMore, loading, remaining, failure);

    EffectGroup(RowSource operations, TaskExecutor executor, DeletePlan plan, DeletePlan.Effect effect) {
        this.operations = operations;
        this.executor = executor;
        this.plan = plan;
        this.effect = effect;
        this.line = SummaryLine.of(effect);
        remaining.set(effect.count());
    }

    /** Reads the next page unless one is being read or every row is shown. */
    void loadMore() {
        if (loading.get() || remaining.get() == 0) {
            return;
        }
        int offset = rows.size();
        loading.set(true);
        failure.set("");
        executor.execute(BackgroundTask.of(() -> operations.page(plan, effect, offset, PAGE_SIZE))
                .onSuccess(this::append)
                .onFailure(f -> failure.set("Cannot read these rows. " + FailureMessages.describe(f)))
                .onFinished(() -> loading.set(false)));
    }

    private void append(List<AffectedRow> page) {
        rows.addAll(page);
        // A short page means the data changed under the plan; stop offering more than there is.
        remaining.set(page.size() < PAGE_SIZE ? 0 : Math.max(0, effect.count() - rows.size()));
    }

    private String describeMore() {
        if (loading.get()) {
            return "Loading…";
        }
        if (!failure.get().isEmpty()) {
            return failure.get() + " Try again";
        }
        long left = remaining.get();
        return left <= PAGE_SIZE ? "Show the last " + Counts.of(left, "row")
                : "Show " + Counts.number(PAGE_SIZE) + " more (" + Counts.number(left) + " not shown yet)";
    }

    /** Whether nothing has been read yet (the group was never opened). */
    boolean untouched() {
        return rows.isEmpty() && !loading.get() && remaining.get() == effect.count();
    }

    DeletePlan.Effect effect() { return effect; }
    SummaryLine line() { return line; }
    boolean nulling() { return effect.isNulling(); }
    ObservableList<AffectedRow> rows() { return readOnlyRows; }
    ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    ReadOnlyLongProperty remainingProperty() { return remaining.getReadOnlyProperty(); }
    ReadOnlyStringProperty failureProperty() { return failure.getReadOnlyProperty(); }
    StringBinding moreTextBinding() { return moreText; }
}
