package dev.cascadestudio.ui.details;

import dev.cascadestudio.ui.StyleClasses;
import dev.cascadestudio.ui.details.RowDetailsViewModel.FieldLine;
import javafx.scene.control.TextField;

/** A value that cannot be edited here (key, timestamp): selectable text, muted when NULL or empty. */
final class FieldLineView {

    private final TextField field;

    FieldLineView(FieldLine line) {
        field = new TextField(line.value());
        field.setEditable(false);
        field.setFocusTraversable(false);
        field.getStyleClass().add(StyleClasses.FACT_VALUE);
        if (line.code()) {
            field.getStyleClass().add(StyleClasses.FACT_CODE);
        }
        field.pseudoClassStateChanged(StyleClasses.ABSENT_VALUE, line.absent());
    }

    TextField field() {
        return field;
    }
}
