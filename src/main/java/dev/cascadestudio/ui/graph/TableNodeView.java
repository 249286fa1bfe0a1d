package dev.cascadestudio.ui.graph;

import javafx.geometry.Dimension2D;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * One table of the diagram: its name and row count, a chip with its label rows when label tables
 * are folded in, and during a preview the "−N" (deleted) and "∅ N" (set to NULL) badges.
 * Its size is fixed at layout time with room for the largest badges the counts allow, so that
 * lighting up a preview never moves anything.
 */
final class TableNodeView extends VBox {

    private final String table;
    private final Label name = new Label();
    private final Label rowCount = new Label();
    private final Label labelsChip = new Label();
    private final Label deleteBadge = new Label();
    private final Label nullBadge = new Label();
    private final Tooltip tooltip = new Tooltip();
    private Long rows;
    private Long labelRows;

    TableNodeView(String table, boolean labelTable) {
        this.table = table;
        getStyleClass().add(GraphStyleClasses.TABLE_NODE);
        if (labelTable) {
            getStyleClass().add(GraphStyleClasses.LABEL_TABLE);
        }
        name.setText(table);
        name.getStyleClass().add(GraphStyleClasses.TABLE_NAME);
        name.setMinWidth(USE_PREF_SIZE); // should a node ever come out too narrow, the name is the last thing to cut
        name.setGraphic(new FontIcon(labelTable ? Material2OutlinedAL.LABEL : Material2OutlinedMZ.TABLE_CHART));
        rowCount.getStyleClass().add(GraphStyleClasses.ROW_COUNT);
        labelsChip.getStyleClass().add(GraphStyleClasses.LABELS_CHIP);
        labelsChip.setGraphic(new FontIcon(Material2OutlinedAL.LOCAL_OFFER));
        deleteBadge.getStyleClass().add(GraphStyleClasses.DELETE_BADGE);
        nullBadge.getStyleClass().add(GraphStyleClasses.NULL_BADGE);
        showOnlyIfText(labelsChip, deleteBadge, nullBadge);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(name, spacer, labelsChip);
        HBox footer = new HBox(rowCount, deleteBadge, nullBadge);
        header.getStyleClass().add(GraphStyleClasses.NODE_LINE);
        footer.getStyleClass().add(GraphStyleClasses.NODE_LINE);
        getChildren().addAll(header, footer);
        Tooltip.install(this, tooltip);
        setRowCount(null);
    }

    String table() {
        return table;
    }

    void setRowCount(Long count) {
        rows = count;
        rowCount.setText(count == null ? "… rows" : Counts.rows(count));
        tooltip.setText(table + (count == null ? "" : " — " + Counts.rows(count)));
    }

    /** The number of label rows of this table, shown in the chip; null hides the chip. */
    void setLabelCount(Long count) {
        labelRows = count;
        labelsChip.setText(count == null ? "" : Counts.plain(count));
        labelsChip.setTooltip(count == null ? null : new Tooltip(Counts.plain(count) + " label rows"));
    }

    /** Lights the node up for a preview: rows deleted here, values nulled here, label rows deleted. */
    void showEffect(long deleted, long nulled, long labelsDeleted, boolean root) {
        pseudoClassStateChanged(GraphStyleClasses.WILL_DELETE, deleted > 0);
        pseudoClassStateChanged(GraphStyleClasses.SET_NULL, nulled > 0);
        pseudoClassStateChanged(GraphStyleClasses.CASCADE_ROOT, root);
        pseudoClassStateChanged(GraphStyleClasses.DIMMED, deleted == 0 && nulled == 0 && labelsDeleted == 0);
        deleteBadge.setText(deleted > 0 ? Counts.deleted(deleted) : "");
        nullBadge.setText(nulled > 0 ? Counts.nulled(nulled) : "");
        if (labelRows != null) {
            labelsChip.setText(labelsDeleted > 0 ? Counts.deleted(labelsDeleted) : Counts.plain(labelRows));
            labelsChip.pseudoClassStateChanged(GraphStyleClasses.WILL_DELETE, labelsDeleted > 0);
        }
    }

    void clearEffect() {
        showEffect(0, 0, 0, false);
        pseudoClassStateChanged(GraphStyleClasses.DIMMED, false);
    }

    String rowCountText() {
        return rowCount.getText();
    }

    String labelChipText() {
        return labelsChip.getText();
    }

    String deleteBadgeText() {
        return deleteBadge.getText();
    }

    String nullBadgeText() {
        return nullBadge.getText();
    }

    /**
     * The size this node needs with the largest badges its counts allow (at most every row deleted,
     * at most every row nulled in two columns), the chip drawn as a preview draws it (bold, when its
     * label rows will go). Call with the node in a scene, so that CSS applies.
     */
    Dimension2D measure() {
        String deleted = deleteBadge.getText();
        String nulled = nullBadge.getText();
        String chip = labelsChip.getText();
        boolean chipWillDelete = labelsChip.getPseudoClassStates().contains(GraphStyleClasses.WILL_DELETE);
        long most = rows == null ? 999 : Math.max(rows, 9);
        deleteBadge.setText(Counts.deleted(most));
        nullBadge.setText(Counts.nulled(2 * most));
        if (labelRows != null) {
            labelsChip.setText(Counts.deleted(Math.max(labelRows, 9)));
            labelsChip.pseudoClassStateChanged(GraphStyleClasses.WILL_DELETE, true);
        }
        setMinSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setPrefSize(USE_COMPUTED_SIZE, USE_COMPUTED_SIZE);
        applyCss();
        Dimension2D size = new Dimension2D(Math.ceil(prefWidth(-1)), Math.ceil(prefHeight(-1)));
        deleteBadge.setText(deleted);
        nullBadge.setText(nulled);
        labelsChip.setText(chip);
        labelsChip.pseudoClassStateChanged(GraphStyleClasses.WILL_DELETE, chipWillDelete);
        setPrefSize(size.getWidth(), size.getHeight());
        setMinSize(size.getWidth(), size.getHeight());
        return size;
    }

    private static void showOnlyIfText(Label... labels) {
        for (Label label : labels) {
            label.visibleProperty().bind(label.textProperty().isNotEmpty());
            label.managedProperty().bind(label.visibleProperty());
        }
    }
}
