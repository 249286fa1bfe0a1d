package dev.cascadestudio.ui.delete;

import dev.cascadestudio.service.DisplayNames;
import dev.cascadestudio.ui.Counts;
import dev.cascadestudio.cascade.AffectedRow;
import dev.cascadestudio.ui.StyleClasses;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One line of the affected-rows tree. Builds its nodes once; {@link #updateItem} only sets texts
 * and toggles the {@code :will-delete}, {@code :set-null}, {@code :cascade-root},
 * {@code :effect-group} and {@code :more} pseudo-classes.
 */
final class AffectedRowCell extends TreeCell<PreviewNode> {

    private static final String DELETE_ICON = "mdoal-delete_outline";
    private static final String NULL_ICON = "mdoal-link_off";
    private static final String ROOT_ICON = "mdomz-radio_button_checked";
    private static final String REACHED_ICON = "mdomz-subdirectory_arrow_right";

    private final FontIcon icon = new FontIcon(DELETE_ICON);
    private final Label name = new Label();
    private final Label key = new Label();
    private final Label route = new Label();
    private final Hyperlink more = new Hyperlink();
    private final Tooltip routeTooltip = new Tooltip();
    private final HBox graphic = new HBox(icon, name, key, route, more);

    AffectedRowCell() {
        getStyleClass().add(StyleClasses.AFFECTED_ROW_CELL);
        icon.getStyleClass().add(StyleClasses.AFFECTED_ROW_ICON);
        name.getStyleClass().add(StyleClasses.AFFECTED_ROW_NAME);
        key.getStyleClass().add(StyleClasses.AFFECTED_ROW_KEY);
        route.getStyleClass().add(StyleClasses.AFFECTED_ROW_ROUTE);
        more.getStyleClass().add(StyleClasses.SHOW_MORE);
        name.setMinWidth(Label.USE_PREF_SIZE);
        key.setMinWidth(Label.USE_PREF_SIZE);
        route.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
        route.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(route, Priority.ALWAYS);
        route.setTooltip(routeTooltip);
        graphic.setFillHeight(false);
        graphic.setAlignment(Pos.CENTER_LEFT);
        graphic.setSpacing(8);
        more.setOnAction(event -> {
            if (getItem() instanceof PreviewNode.More line) {
                line.group().loadMore();
            }
        });
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(PreviewNode item, boolean empty) {
        super.updateItem(item, empty);
        more.textProperty().unbind();
        boolean showing = !empty && item != null;
        setGraphic(showing ? graphic : null);
        boolean nulling = showing && item.group().nulling();
        pseudoClassStateChanged(StyleClasses.WILL_DELETE, showing && !nulling);
        pseudoClassStateChanged(StyleClasses.SET_NULL, nulling);
        pseudoClassStateChanged(StyleClasses.EFFECT_GROUP, item instanceof PreviewNode.Group);
        pseudoClassStateChanged(StyleClasses.MORE, item instanceof PreviewNode.More);
        pseudoClassStateChanged(StyleClasses.CASCADE_ROOT, item instanceof PreviewNode.Row row && row.root());
        if (!showing) {
            return;
        }
        if (item instanceof PreviewNode.Group group) {
            showGroup(group.group());
        } else if (item instanceof PreviewNode.Row row) {
            showRow(row);
        } else {
            showMore(item.group());
        }
    }

    private void showGroup(EffectGroup group) {
        SummaryLine line = group.line();
        show(group.nulling() ? NULL_ICON : DELETE_ICON, line.label(),
                Counts.of(line.count(), "row") + (group.nulling() ? " set to NULL" : " deleted"), line.via());
        routeTooltip.setText(line.routes());
    }

    private void showRow(PreviewNode.Row row) {
        AffectedRow affected = row.row();
        String path = affected.route() == null ? "" : affected.route().describe();
        show(row.root() ? ROOT_ICON : REACHED_ICON, DisplayNames.of(affected.name()),
                affected.key().display(), path);
        routeTooltip.setText(path);
    }

    private void showMore(EffectGroup group) {
        shown(false, icon, name, key, route);
        shown(true, more);
        more.textProperty().bind(group.moreTextBinding());
    }

    private void show(String iconLiteral, String nameText, String keyText, String routeText) {
        icon.setIconLiteral(iconLiteral);
        name.setText(nameText);
        key.setText(keyText);
        route.setText(routeText);
        shown(true, icon, name, key, route);
        shown(false, more);
    }

    private static void shown(boolean shown, Node... nodes) {
        for (Node node : nodes) {
            node.setVisible(shown);
            node.setManaged(shown);
        }
    }
}
