package dev.cascadestudio.ui.graph;

import dev.cascadestudio.domain.ForeignKeyRule;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Dimension2D;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Polygon;

/**
 * One foreign-key rule drawn as an arrow from parent to child, labelled with the child's column.
 * Its style classes say the action (delete / set NULL) and the level (ORM / DB); during a preview
 * an edge on the plan's path shows the rows it reaches ("−3", "∅ 6") and the others are dimmed.
 * The label box keeps one line free for that count, so lighting up never moves the label.
 */
final class EdgeView extends Group {

    private static final double ARROW_LENGTH = 9;
    private static final double ARROW_HALF_WIDTH = 4.5;

    private final ForeignKeyRule rule;
    private final EdgePath line = new EdgePath();
    private final Polygon arrow = new Polygon();
    private final Label column = new Label();
    private final Label count = new Label();
    private final VBox text = new VBox(column, count);

    EdgeView(ForeignKeyRule rule) {
        this.rule = rule;
        getStyleClass().add(GraphStyleClasses.GRAPH_EDGE);
        getStyleClass().addAll(styleClassesOf(rule));
        line.getStyleClass().add(GraphStyleClasses.EDGE_LINE);
        arrow.getStyleClass().add(GraphStyleClasses.EDGE_ARROW);
        text.getStyleClass().add(GraphStyleClasses.EDGE_TEXT);
        text.setAlignment(Pos.CENTER);
        column.getStyleClass().add(GraphStyleClasses.EDGE_COLUMN);
        count.getStyleClass().add(GraphStyleClasses.EDGE_COUNT);
        column.setText(rule.column());
        count.visibleProperty().bind(count.textProperty().isNotEmpty());
        Tooltip.install(text, new Tooltip(describe(rule)));
        getChildren().addAll(line, arrow, text);
    }

    /** The style classes for a rule: its action, its level, and owner or label when it is one. */
    static List<String> styleClassesOf(ForeignKeyRule rule) {
        String action = rule.action() == ForeignKeyRule.Action.DELETE ? GraphStyleClasses.EDGE_DELETE : GraphStyleClasses.EDGE_SET_NULL;
        String level = rule.level() == ForeignKeyRule.Level.ORM ? GraphStyleClasses.EDGE_ORM : GraphStyleClasses.EDGE_DB;
        if (rule.isOwnerRule()) {
            return List.of(action, level, GraphStyleClasses.EDGE_OWNER);
        }
        return rule.isLabelRule() ? List.of(action, level, GraphStyleClasses.EDGE_LABELS) : List.of(action, level);
    }

    static String describe(ForeignKeyRule rule) {
        String action = rule.action() == ForeignKeyRule.Action.DELETE ? "deletes the " + rule.childTable() + " rows"
                : "sets " + rule.childTable() + "." + rule.column() + " to NULL";
        String by = rule.level() == ForeignKeyRule.Level.ORM ? "the controller's ORM" : "an ON DELETE clause";
        return "Deleting a " + rule.parentTable() + " row " + action + " whose " + rule.column() + " points at it ("
                + by + ").";
    }

    ForeignKeyRule rule() {
        return rule;
    }

    String columnText() {
        return column.getText();
    }

    Node labelBox() {
        return text;
    }

    String countText() {
        return count.getText();
    }

    /** The label's size with a count of up to {@code most} rows; call in a scene so that CSS applies. */
    Dimension2D measureLabel(long most) {
        String shown = count.getText();
        count.setText(Counts.nulled(Math.max(most, 9)));
        text.applyCss();
        Dimension2D size = new Dimension2D(Math.ceil(text.prefWidth(-1)), Math.ceil(text.prefHeight(-1)));
        count.setText(shown);
        text.setMinSize(size.getWidth(), size.getHeight());
        text.setPrefSize(size.getWidth(), size.getHeight());
        text.setMaxSize(size.getWidth(), size.getHeight());
        return size;
    }

    /** The label's size with its column only (no count line), fixed; call in a scene so that CSS applies. */
    Dimension2D measureColumnLabel() {
        count.setText("");
        count.setManaged(false);
        text.applyCss();
        Dimension2D size = new Dimension2D(Math.ceil(text.prefWidth(-1)), Math.ceil(text.prefHeight(-1)));
        text.setMinSize(size.getWidth(), size.getHeight());
        text.setPrefSize(size.getWidth(), size.getHeight());
        text.setMaxSize(size.getWidth(), size.getHeight());
        return size;
    }

    /** Places the edge: its points from the parent's border to the child's, and its label's corner. */
    void place(List<Point2D> points, Point2D labelCorner) {
        Point2D end = points.get(points.size() - 1);
        Point2D before = points.get(points.size() - 2);
        Point2D direction = end.subtract(before).normalize();
        Point2D base = end.subtract(direction.multiply(ARROW_LENGTH));
        Point2D side = new Point2D(-direction.getY(), direction.getX()).multiply(ARROW_HALF_WIDTH);
        arrow.getPoints().setAll(end.getX(), end.getY(), base.getX() + side.getX(), base.getY() + side.getY(),
                base.getX() - side.getX(), base.getY() - side.getY());
        List<Point2D> shortened = new ArrayList<>(points);
        shortened.set(shortened.size() - 1, base);
        line.trace(shortened);
        text.relocate(labelCorner.getX(), labelCorner.getY());
    }

    void showCount(long rows) {
        count.setText(rule.action() == ForeignKeyRule.Action.DELETE ? Counts.deleted(rows) : Counts.nulled(rows));
        pseudoClassStateChanged(GraphStyleClasses.ON_PATH, true);
        pseudoClassStateChanged(GraphStyleClasses.DIMMED, false);
    }

    void dim() {
        count.setText("");
        pseudoClassStateChanged(GraphStyleClasses.ON_PATH, false);
        pseudoClassStateChanged(GraphStyleClasses.DIMMED, true);
    }

    void clear() {
        count.setText("");
        pseudoClassStateChanged(GraphStyleClasses.ON_PATH, false);
        pseudoClassStateChanged(GraphStyleClasses.DIMMED, false);
    }
}
