package dev.cascadestudio.ui.graph;

import dev.cascadestudio.diagram.GraphDiagram;
import dev.cascadestudio.diagram.PlanHighlight;
import dev.cascadestudio.domain.ForeignKeyRule;
import dev.cascadestudio.ui.task.BackgroundTask;
import dev.cascadestudio.ui.task.TaskExecutor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Dimension2D;
import javafx.geometry.Point2D;
import javafx.scene.layout.Pane;

/**
 * The drawing: one {@link TableNodeView} per table and one {@link EdgeView} per edge of a
 * {@link GraphDiagram}, placed by {@link LayeredLayout}. Placing waits for the first layout pass
 * after a change, when CSS has sized the nodes, then computes the layout on the executor (ELK's
 * first run loads for a second or more, too long for the FX thread); a new drawing stays hidden
 * until it is placed. A preview only restyles, it never moves anything.
 */
final class DiagramPane extends Pane {

    private final TaskExecutor layoutExecutor;
    private final Map<String, TableNodeView> nodes = new LinkedHashMap<>();
    private final List<EdgeView> edges = new ArrayList<>();
    private GraphDiagram diagram;
    private Map<String, Long> rowCounts = Map.of();
    private PlanHighlight highlight;
    private boolean placed = true;
    private double drawingWidth;
    private double drawingHeight;
    private int generation;
    private Runnable onPlaced = () -> {};
    private Consumer<Throwable> onLayoutFailed = failure -> {};

    DiagramPane(TaskExecutor layoutExecutor) {
        this.layoutExecutor = layoutExecutor;
        getStyleClass().add(GraphStyleClasses.GRAPH_CANVAS);
    }

    /** Runs on the FX thread each time a layout has been applied. */
    void setOnPlaced(Runnable action) {
        onPlaced = action;
    }

    void setOnLayoutFailed(Consumer<Throwable> action) {
        onLayoutFailed = action;
    }

    void show(GraphDiagram newDiagram) {
        diagram = newDiagram;
        nodes.clear();
        edges.clear();
        getChildren().clear();
        setVisible(false);
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
        generation++; // a layout still running was computed for an older drawing
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

    /** Sizes every node and label under CSS, then has the diagram laid out; once per change. */
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
        int ticket = generation;
        layoutExecutor.execute(BackgroundTask.of(() -> LayeredLayout.layout(boxes, links))
                .onSuccess(result -> {
                    if (ticket == generation) {
                        apply(result);
                    }
                })
                .onFailure(onLayoutFailed::accept));
    }

    private void apply(LayeredLayout.Result result) {
        result.boxes().forEach((table, corner) -> nodes.get(table).relocate(corner.getX(), corner.getY()));
        for (int i = 0; i < edges.size(); i++) {
            LayeredLayout.Route route = result.routes().get(i);
            edges.get(i).place(route.points(), route.label());
        }
        drawingWidth = result.width();
        drawingHeight = result.height();
        setVisible(true);
        onPlaced.run();
    }

    /** The size of the placed drawing; asks for a layout if the drawing has changed. */
    Point2D drawingSize() {
        place();
        return new Point2D(drawingWidth, drawingHeight);
    }
}
