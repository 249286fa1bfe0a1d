package dev.cascadestudio.ui.search;

import dev.cascadestudio.service.RowRef;
import dev.cascadestudio.ui.StyleClasses;
import dev.cascadestudio.ui.tree.EntityKind;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** One search result: kind icon, name, and the table it is in. Nodes are built once. */
final class SearchResultCell extends ListCell<RowRef> {

    private final FontIcon icon = new FontIcon(Material2OutlinedMZ.PERSON);
    private final Label name = new Label();
    private final Label table = new Label();
    private final HBox content;

    SearchResultCell() {
        getStyleClass().add(StyleClasses.SEARCH_RESULT);
        icon.getStyleClass().add(StyleClasses.SEARCH_RESULT_ICON);
        name.getStyleClass().add(StyleClasses.SEARCH_RESULT_NAME);
        table.getStyleClass().add(StyleClasses.SEARCH_RESULT_TABLE);
        name.setMinWidth(0);
        name.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(name, Priority.ALWAYS);
        table.setMinWidth(Label.USE_PREF_SIZE);
        content = new HBox(icon, name, table);
        content.setAlignment(Pos.CENTER_LEFT);
        content.setSpacing(8);
        setText(null);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(RowRef row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null) {
            setGraphic(null);
            return;
        }
        icon.setIconCode(EntityKind.of(row.table()).icon());
        name.setText(row.name());
        table.setText(row.table());
        setGraphic(content);
    }
}
