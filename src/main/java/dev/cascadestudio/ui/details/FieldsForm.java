package dev.cascadestudio.ui.details;

import dev.cascadestudio.service.EditableRow;
import dev.cascadestudio.service.EditableRow.Choice;
import dev.cascadestudio.ui.StyleClasses;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Fills the details pane's field grid for one row: a name per line, and a control that fits the
 * column (read-only text for keys and timestamps, a text field, a text area for the description, a
 * check box, a choice of rows for a reference) with its error right below it. Rebuilt per row shown.
 */
final class FieldsForm {

    private static final Choice NONE = new Choice(null, "— none —");

    private final GridPane grid;

    FieldsForm(GridPane grid) {
        this.grid = grid;
    }

    /** @param creating whether the row is new: its {@code created} is then set by Create, not NULL */
    void fill(List<FieldEditor> fields, boolean creating) {
        grid.getChildren().clear();
        int row = 0;
        for (FieldEditor field : fields) {
            Label name = new Label(field.column());
            name.getStyleClass().add(StyleClasses.FACT_NAME);
            name.setId("name-" + field.column());
            field.changedProperty().addListener((o, was, changed) -> name.pseudoClassStateChanged(StyleClasses.CHANGED, changed));
            if (!field.field().editable()) {
                grid.addRow(row++, name, readOnly(field, creating));
                continue;
            }
            Control control = control(field);
            control.setId("field-" + field.column());
            control.setMaxWidth(Double.MAX_VALUE);
            control.getStyleClass().add(StyleClasses.FIELD_EDITOR);
            Label error = new Label();
            error.setId("error-" + field.column());
            error.getStyleClass().add(StyleClasses.FIELD_ERROR);
            error.setWrapText(true);
            error.textProperty().bind(field.errorProperty());
            error.visibleProperty().bind(field.errorProperty().isNotEmpty());
            error.managedProperty().bind(error.visibleProperty());
            field.errorProperty().addListener((o, old, now) -> control.pseudoClassStateChanged(StyleClasses.INVALID, !now.isEmpty()));
            VBox cell = new VBox(4, control, error);
            cell.getStyleClass().add("field-cell");
            GridPane.setHgrow(cell, Priority.ALWAYS);
            grid.addRow(row++, name, cell);
        }
    }

    /** Keys and timestamps: selectable text that reads like text. */
    private static Node readOnly(FieldEditor field, boolean creating) {
        FieldLineView line = new FieldLineView(creating && field.column().equals("created")
                ? new RowDetailsViewModel.FieldLine("created", "set when created", false, true)
                : RowDetailsViewModel.line(field.field()));
        line.field().setId("field-" + field.column());
        GridPane.setHgrow(line.field(), Priority.ALWAYS);
        return line.field();
    }

    private static Control control(FieldEditor field) {
        EditableRow.Field f = field.field();
        return switch (f.type()) {
            case LONG_TEXT -> {
                TextArea area = new TextArea();
                area.setWrapText(true);
                area.setPrefRowCount(3);
                area.textProperty().bindBidirectional(field.textProperty());
                yield area;
            }
            case BOOLEAN -> {
                CheckBox box = new CheckBox();
                box.setSelected("true".equals(field.textProperty().get()));
                box.selectedProperty().addListener((o, was, selected) -> field.textProperty().set(String.valueOf(selected)));
                field.textProperty().addListener((o, old, now) -> box.setSelected("true".equals(now)));
                yield box;
            }
            case REFERENCE -> reference(field);
            default -> f.choices().isEmpty() ? textField(field) : suggestions(field);
        };
    }

    private static TextField textField(FieldEditor field) {
        TextField text = new TextField();
        text.textProperty().bindBidirectional(field.textProperty());
        if (field.field().type() == EditableRow.Type.JSON) {
            text.getStyleClass().add(StyleClasses.FACT_CODE);
        }
        text.setPromptText(prompt(field.field()));
        return text;
    }

    /**
     * What an empty NOT NULL text field says: "required" where it holds no value yet (a new row), "empty"
     * where it holds the empty string, which is a value (a controller stores '' in project.source).
     */
    private static String prompt(EditableRow.Field field) {
        return !field.required() ? null : field.value() == null ? "required" : "empty";
    }

    /** A short text with the values other rows use offered in a list; any other value can be typed. */
    private static ComboBox<String> suggestions(FieldEditor field) {
        ComboBox<String> box = new ComboBox<>();
        box.setEditable(true);
        box.getItems().setAll(field.field().choices().stream().map(Choice::value).toList());
        box.getEditor().textProperty().bindBidirectional(field.textProperty());
        box.setValue(field.textProperty().get());
        box.setPromptText(prompt(field.field()));
        return box;
    }

    /** A foreign key: one of the referenced table's rows by name, or none where the column allows NULL. */
    private static ComboBox<Choice> reference(FieldEditor field) {
        List<Choice> choices = new ArrayList<>();
        if (!field.field().required()) {
            choices.add(NONE);
        }
        choices.addAll(field.field().choices());
        ComboBox<Choice> box = new ComboBox<>();
        box.getItems().setAll(choices);
        StringConverter<Choice> converter = new StringConverter<>() {
            @Override public String toString(Choice choice) { return choice == null ? "" : choice.label(); }
            @Override public Choice fromString(String text) { return null; }
        };
        box.setConverter(converter);
        box.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Choice choice, boolean empty) {
                super.updateItem(choice, empty);
                setText(empty || choice == null ? null : choice.label());
                setTooltip(empty || choice == null || choice.value() == null ? null : new Tooltip("uid " + choice.value()));
            }
        });
        Runnable select = () -> box.setValue(choices.stream()
                .filter(c -> Objects.equals(c.value(), field.textProperty().get())).findFirst().orElse(null));
        select.run();
        box.valueProperty().addListener((o, old, choice) -> {
            if (choice != null && !Objects.equals(choice.value(), field.textProperty().get())) {
                field.textProperty().set(choice.value());
            }
        });
        field.textProperty().addListener((o, old, now) -> select.run());
        Tooltip uid = new Tooltip();
        uid.textProperty().bind(field.textProperty().map(v -> "uid " + v).orElse("not set"));
        box.setTooltip(uid);
        return box;
    }
}
