package dev.cascadestudio.ui.details;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One line of the editable labels table. */
public final class LabelDraft {

    private final StringProperty name;
    private final StringProperty value;

    public LabelDraft(String name, String value) {
        this.name = new SimpleStringProperty(name == null ? "" : name);
        this.value = new SimpleStringProperty(value == null ? "" : value);
    }

    public StringProperty nameProperty() { return name; }
    public StringProperty valueProperty() { return value; }
    public String name() { return name.get(); }
    public String value() { return value.get(); }
}
