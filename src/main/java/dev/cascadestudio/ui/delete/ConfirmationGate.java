package dev.cascadestudio.ui.delete;

import dev.cascadestudio.ui.Counts;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Type-to-confirm for large deletes: from {@code threshold} affected rows on, confirm stays disabled
 * until the administrator has typed the root's name (or, for several roots or a root without a
 * name, the number of rows the delete removes).
 */
final class ConfirmationGate {

    private final long threshold;
    private final ReadOnlyBooleanWrapper required = new ReadOnlyBooleanWrapper(this, "required");
    private final ReadOnlyStringWrapper expected = new ReadOnlyStringWrapper(this, "expected", "");
    private final ReadOnlyStringWrapper prompt = new ReadOnlyStringWrapper(this, "prompt", "");
    private final StringProperty typed = new SimpleStringProperty(this, "typed", "");
    private boolean countExpected;
    private final BooleanBinding satisfied;

    ConfirmationGate(long threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1 row");
        }
        this.threshold = threshold;
        satisfied = Bindings.createBooleanBinding(() -> !required.get() || matches(typed.get()), required, expected, typed);
    }

    /** Arms or disarms the gate for a plan shown (again); whatever was typed is cleared. */
    void reset(PlanPreview preview) {
        long affected = preview.plan().affectedRowCount();
        String name = preview.rootNames().size() == 1 ? preview.rootNames().get(0) : null;
        countExpected = name == null;
        // a repair that only sets values to NULL deletes nothing: then the rows it changes are typed
        boolean deletes = preview.plan().deletedCount() > 0;
        typed.set("");
        expected.set(countExpected ? Counts.number(deletes ? preview.plan().deletedCount() : affected) : name);
        required.set(affected >= threshold);
        prompt.set("This delete changes " + Counts.of(affected, "row") + ". To confirm, type "
                + (countExpected ? "the number of rows it " + (deletes ? "deletes:" : "changes:") : "the " + RootsText.kind(preview.plan().roots().get(0).table())
                + "'s name:"));
    }

    private boolean matches(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        if (!countExpected) {
            return text.equals(expected.get());
        }
        // "12,345", "12 345" and "12345" all mean the count; anything else does not.
        return text.strip().matches("[0-9][0-9,.' ]*")
                && text.replaceAll("[^0-9]", "").equals(expected.get().replaceAll("[^0-9]", ""));
    }

    long threshold() { return threshold; }
    ReadOnlyBooleanProperty requiredProperty() { return required.getReadOnlyProperty(); }
    ReadOnlyStringProperty expectedProperty() { return expected.getReadOnlyProperty(); }
    ReadOnlyStringProperty promptProperty() { return prompt.getReadOnlyProperty(); }
    StringProperty typedProperty() { return typed; }
    BooleanBinding satisfiedBinding() { return satisfied; }
}
