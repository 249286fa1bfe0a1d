package dev.cascadestudio.ui.details;

import dev.cascadestudio.service.EditableRow;
import java.util.Objects;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One column in the editor: the value as the form holds it (text; null for a reference set to none),
 * the value it had when loaded, and the error shown next to it. Editing the value clears its error.
 */
public final class FieldEditor {

    private final EditableRow.Field field;
    private final String initial;
    private final StringProperty text = new SimpleStringProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanBinding changed;

    FieldEditor(EditableRow.Field field) {
        this.field = field;
        this.initial = initialText(field);
        text.set(initial);
        changed = Bindings.createBooleanBinding(() -> !Objects.equals(text.get(), initial), text);
        text.addListener((o, old, now) -> error.set(""));
    }

    /** The form shows NULL text as empty; a reference keeps null (none). */
    private static String initialText(EditableRow.Field field) {
        if (field.type() == EditableRow.Type.REFERENCE) {
            return field.value();
        }
        if (field.type() == EditableRow.Type.JSON) {
            return field.value() == null ? "" : JsonText.pretty(field.value());
        }
        return field.value() == null ? "" : field.value();
    }

    void revert() {
        text.set(initial);
        error.set("");
    }

    void showError(String message) {
        error.set(message);
    }

    public EditableRow.Field field() { return field; }
    public String column() { return field.column(); }
    public StringProperty textProperty() { return text; }
    public ReadOnlyStringProperty errorProperty() { return error; }
    public BooleanBinding changedProperty() { return changed; }
}
