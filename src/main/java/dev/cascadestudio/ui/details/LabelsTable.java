package dev.cascadestudio.ui.details;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.TextFieldTableCell;

/**
 * The labels as an editable table: a double-click (or typing on a selected line) edits a name or a
 * value, Enter keeps it; the table shows all its lines without a scroll bar.
 */
final class LabelsTable {

    private static final double ROW_HEIGHT = 32;
    /** The theme's column header and the table's border. */
    private static final double HEADER_HEIGHT = 42;

    private final TableView<LabelDraft> table;
    private final TableColumn<LabelDraft, String> names;
    private final TableColumn<LabelDraft, String> values;
    private final Button remove;
    private final RowEditor editor;

    LabelsTable(TableView<LabelDraft> table, TableColumn<LabelDraft, String> names, TableColumn<LabelDraft, String> values,
                Button remove, RowEditor editor) {
        this.table = table;
        this.names = names;
        this.values = values;
        this.remove = remove;
        this.editor = editor;
    }

    void bind() {
        names.setCellValueFactory(cell -> cell.getValue().nameProperty());
        values.setCellValueFactory(cell -> cell.getValue().valueProperty());
        names.setCellFactory(TextFieldTableCell.forTableColumn());
        values.setCellFactory(TextFieldTableCell.forTableColumn());
        table.setItems(editor.labels());
        table.setFixedCellSize(ROW_HEIGHT);
        table.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(1, editor.labels().size()) * ROW_HEIGHT + HEADER_HEIGHT, editor.labels()));
        table.minHeightProperty().bind(table.prefHeightProperty());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
    }
}
