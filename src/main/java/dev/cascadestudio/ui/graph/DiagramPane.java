package dev.cascadestudio.ui.graph;

import dev.cascadestudio.domain.ForeignKeyRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Dimension2D;
import javafx.geometry.Point2D;
import javafx.scene.layout.Pane;

/**
 * The drawing: one {@link TableNodeView} per table and one {@link EdgeView} per edge of a
 * {@link GraphDiagram}, placed by {@link LayeredLayout}. Placing waits for the first layout pass
 * after a change, when CSS has sized the nodes; a preview only restyles, it never moves anything.
 */
final class DiagramPane extends Pane {

    private final Map<String, TableNodeView> nodes = new LinkedHashMap<>();
    private final List<EdgeView> edges = new ArrayList<>();
    private GraphDiagram diagram;
    private Map<String, Long> rowCounts = Map.of();
    private PlanHighlight highlight;
    private boolean placed = true;
    private double drawingWidth;
    private double drawingHeight;
    private Runnable onPlaced = () -> {};

    DiagramPane() {
        getStyleClass().add(GraphStyleClasses.GRAPH_CANVAS);
    }

    void setOnPlaced(Runnable action) {
        onPlaced = action;
    }

    void show(GraphDiagram newDiagram) {
        diagram = newDiagram;
        nodes.clear();
        edges.clear();
        getChildren().clear();
        if (diagram != null) {
            diagram.edges().forEach(rule -> edges.add(new EdgeView(rule)));
            diagram.tables().forEach(t -> nodes.put(t, new TableNodeView(t, diagram.isLabelTable(t))));
            getChildren().addAll(edges);
            getChildren().addAll(nodes.values());
        }
        applyRowCounts();
        applyHighlight();
        replace();
    }

    void setRowCounts(Map<String, Long> counts) {
        rowCounts = Map.copyOf(counts);
        applyRowCounts();
        replace();
    }

    void highlight(PlanHighlight newHighlight) {
        highlight = newHighlight;
        applyHighlight();
    }

    List<TableNodeView> tableNodes() {
        return List.copyOf(nodes.values());
    }

    List<EdgeView> edgeViews() {
        return List.copyOf(edges);
    }

    private void applyRowCounts() {
        nodes.forEach((table, node) -> {
            node.setRowCount(rowCounts.get(table));
            node.setLabelCount(diagram.labelTableOf(table).map(l -> rowCounts.getOrDefault(l, 0L)).orElse(null));
        });
    }

    private void applyHighlight() {
        if (highlight == null) {
            nodes.values().forEach(TableNodeView::clearEffect);
            edges.forEach(EdgeView::clear);
            return;
        }
        nodes.forEach((table, node) -> node.showEffect(highlight.deletedFrom(table), highlight.nulledIn(table),
                diagram.labelTableOf(table).map(highlight::deletedFrom).orElse(0L), highlight.roots().contains(table)));
        for (EdgeView edge : edges) {
            if (highlight.isOnPath(edge.rule())) {
                edge.showCount(highlight.countAlong(edge.rule()));
            } else {
                edge.dim();
            }
        }
    }

    private void replace() {
        placed = false;
        requestLayout();
    }

    @Override
    protected double computePrefWidth(double height) {
        place();
        return drawingWidth;
    }

    @Override
    protected double computePrefHeight(double width) {
        place();
        return drawingHeight;
    }

    @Override
    protected void layoutChildren() {
        place();
        nodes.values().forEach(node -> node.resize(node.prefWidth(-1), node.prefHeight(-1)));
    }

    /** Sizes every node and label under CSS, then lays the diagram out; once per change. */
    private void place() {
        if (placed || getScene() == null) {
            return;
        }
        placed = true;
        List<LayeredLayout.Box> boxes = new ArrayList<>();
        nodes.forEach((table, node) -> {
            Dimension2D size = node.measure();
            boxes.add(new LayeredLayout.Box(table, size.getWidth(), size.getHeight()));
        });
        List<LayeredLayout.Link> links = new ArrayList<>();
        for (EdgeView edge : edges) {
            ForeignKeyRule rule = edge.rule();
            Dimension2D label = edge.measureLabel(rowCounts.getOrDefault(rule.childTable(), 999L));
            links.add(new LayeredLayout.Link(rule.parentTable(), rule.childTable(), rule.column(), label.getWidth(), label.getHeight()));
        }
        LayeredLayout.Result result = LayeredLayout.layout(boxes, links);
        result.boxes().forEach((table, corner) -> nodes.get(table).relocate(corner.getX(), corner.getY()));
        for (int i = 0; i < edges.size(); i++) {
            LayeredLayout.Route route = result.routes().get(i);
            edges.get(i).place(route.points(), route.label());
        }
        drawingWidth = result.width();
        drawingHeight = result.height();
        onPlaced.run();
    }

    Point2D drawingSize() {
        place();
        return new Point2D(drawingWidth, drawingHeight);
    }
}
