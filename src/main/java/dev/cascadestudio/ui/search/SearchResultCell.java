package dev.cascadestudio.ui.search;

import dev.cascadestudio.service.DisplayNames;
import dev.cascadestudio.service.Placement;
import dev.cascadestudio.ui.StyleClasses;
import dev.cascadestudio.ui.tree.EntityKind;
import dev.cascadestudio.ui.tree.TreeTexts;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.OverrunStyle;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * One search result: kind icon, name and the table it is in, and below them where the row sits
 * (user / project / workflow …), so that rows of the same name can be told apart. Nodes are built once.
 */
final class SearchResultCell extends ListCell<Placement> {

    /** Between the owners of a result's place. */
    static final String SEPARATOR = " / ";

    private final FontIcon icon = new FontIcon(Material2OutlinedMZ.PERSON);
    private final Label name = new Label();
    private final Label table = new Label();
    private final Label where = new Label();
    private final HBox content;

    SearchResultCell() {
        getStyleClass().add(StyleClasses.SEARCH_RESULT);
        icon.getStyleClass().add(StyleClasses.SEARCH_RESULT_ICON);
        name.getStyleClass().add(StyleClasses.SEARCH_RESULT_NAME);
        table.getStyleClass().add(StyleClasses.SEARCH_RESULT_TABLE);
        where.getStyleClass().add(StyleClasses.SEARCH_RESULT_WHERE);
        name.setMinWidth(0);
        name.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(name, Priority.ALWAYS);
        table.setMinWidth(Label.USE_PREF_SIZE);
        where.setMinWidth(0);
        where.setMaxWidth(Double.MAX_VALUE);
        where.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
        HBox firstLine = new HBox(8, name, table);
        firstLine.setAlignment(Pos.CENTER_LEFT);
        VBox lines = new VBox(1, firstLine, where);
        lines.setMinWidth(0);
        HBox.setHgrow(lines, Priority.ALWAYS);
        content = new HBox(icon, lines);
        content.setAlignment(Pos.CENTER_LEFT);
        content.setSpacing(8);
        setText(null);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(Placement hit, boolean empty) {
        super.updateItem(hit, empty);
        if (empty || hit == null) {
            setGraphic(null);
            return;
        }
        icon.setIconCode(EntityKind.of(hit.row().table()).icon());
        name.setText(DisplayNames.of(hit.row().name()));
        table.setText(hit.row().table());
        String place = whereText(hit);
        where.setText(place);
        where.setVisible(!place.isEmpty());
        where.setManaged(!place.isEmpty());
        setGraphic(content);
    }

    /** "in alice / customer-support-assistant", "in Unowned / …", or "" for a user. */
    static String whereText(Placement hit) {
        String place = hit.where(SEPARATOR, TreeTexts.UNOWNED);
        return place.isEmpty() ? "" : "in " + place;
    }
}
