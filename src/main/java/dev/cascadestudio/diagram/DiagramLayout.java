package dev.cascadestudio.diagram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Top-down layered (Sugiyama) layout by Eclipse ELK: parents above children, few crossings,
 * orthogonal edges, and room reserved for each edge's label so labels never overlap. The only
 * class that knows ELK; it takes boxes and links and returns coordinates. Without JavaFX, so that
 * the window's graph and the impact report's SVG are laid out by the same code.
 */
public final class DiagramLayout {

    /** A point of the drawing. */
    public record Point(double x, double y) {}

    /** A node to place, with the size it will be drawn at. */
    public record Box(String id, double width, double height) {}

    /** An edge from {@code source} to {@code target} with a label of the given size in its middle. */
    public record Link(String source, String target, String label, double labelWidth, double labelHeight) {}

    /** A placed edge: start, bend points and end, and the label's top-left corner. */
    public record Route(List<Point> points, Point label) {
        public Route {
            points = List.copyOf(points);
        }
    }

    /** Top-left corners of the boxes by id, the links' routes in the order given, and the drawing's size. */
    public record Result(Map<String, Point> boxes, List<Route> routes, double width, double height) {
        public Result {
            boxes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(boxes));
            routes = List.copyOf(routes);
        }
    }

    private static final double PADDING = 24;
    private static final double NODE_SPACING = 28;
    private static final double LAYER_SPACING = 36;
    private static final double EDGE_SPACING = 14;

    private DiagramLayout() {}

    public static Result layout(List<Box> boxes, List<Link> links) {
        return layout(boxes, links, false);
    }

    /**
     * As {@link #layout(List, List)}; with {@code leftToRight} the layers run from left to right and
     * nodes keep the order they are given in within a layer (a tree of rows, whose siblings are sorted).
     */
    public static Result layout(List<Box> boxes, List<Link> links, boolean leftToRight) {
        ElkNode graph = ElkGraphUtil.createGraph();
        configure(graph);
        if (leftToRight) {
            graph.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
            graph.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NODES_AND_EDGES);
            // a tree can be drawn without crossings in many orders: the order given (siblings sorted) breaks the tie
            graph.setProperty(LayeredOptions.CROSSING_MINIMIZATION_FORCE_NODE_MODEL_ORDER, true);
            graph.setProperty(LayeredOptions.SPACING_NODE_NODE, 10.0);
            graph.setProperty(LayeredOptions.SPACING_EDGE_EDGE, 6.0);
            graph.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, 6.0);
            // a parent's arrows to its children share one trunk, as a tree is drawn
            graph.setProperty(LayeredOptions.MERGE_EDGES, true);
            // a parent centred on its children, not level with the first or the last
            graph.setProperty(LayeredOptions.NODE_PLACEMENT_BK_FIXED_ALIGNMENT, org.eclipse.elk.alg.layered.options.FixedAlignment.BALANCED);
        }
        Map<String, ElkNode> nodes = new LinkedHashMap<>();
        for (Box box : boxes) {
            ElkNode node = ElkGraphUtil.createNode(graph);
            node.setIdentifier(box.id());
            node.setDimensions(box.width(), box.height());
            if (leftToRight) {
                node.setProperty(CoreOptions.ALIGNMENT, org.eclipse.elk.core.options.Alignment.LEFT);
            }
            nodes.put(box.id(), node);
        }
        List<ElkEdge> edges = new ArrayList<>();
        for (Link link : links) {
            ElkEdge edge = ElkGraphUtil.createSimpleEdge(node(nodes, link.source()), node(nodes, link.target()));
            // ELK leaves a label without text out of the layout, so it needs one even though we draw our own
            ElkLabel label = ElkGraphUtil.createLabel(link.label(), edge);
            label.setDimensions(link.labelWidth(), link.labelHeight());
            label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
            // on its line (the label's background masks it), so a label never floats between two edges
            label.setProperty(LayeredOptions.EDGE_LABELS_INLINE, true);
            edges.add(edge);
        }
        new RecursiveGraphLayoutEngine().layout(graph, new BasicProgressMonitor());
        return result(graph, nodes, edges);
    }

    private static void configure(ElkNode graph) {
        graph.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        graph.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
        graph.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        graph.setProperty(CoreOptions.PADDING, new ElkPadding(PADDING));
        graph.setProperty(LayeredOptions.SPACING_NODE_NODE, NODE_SPACING);
        graph.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, LAYER_SPACING);
        graph.setProperty(LayeredOptions.SPACING_EDGE_EDGE, EDGE_SPACING);
        graph.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, EDGE_SPACING);
        graph.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, EDGE_SPACING);
        graph.setProperty(LayeredOptions.SPACING_EDGE_LABEL, 2.0);
    }

    private static ElkNode node(Map<String, ElkNode> nodes, String id) {
        ElkNode node = nodes.get(id);
        if (node == null) {
            throw new IllegalArgumentException("No box '" + id + "' for a link");
        }
        return node;
    }

    private static Result result(ElkNode graph, Map<String, ElkNode> nodes, List<ElkEdge> edges) {
        Map<String, Point> placed = new LinkedHashMap<>();
        nodes.forEach((id, node) -> placed.put(id, new Point(node.getX(), node.getY())));
        List<Route> routes = new ArrayList<>();
        for (ElkEdge edge : edges) {
            List<Point> points = new ArrayList<>();
            for (ElkEdgeSection section : edge.getSections()) {
                points.add(new Point(section.getStartX(), section.getStartY()));
                section.getBendPoints().forEach(b -> points.add(new Point(b.getX(), b.getY())));
                points.add(new Point(section.getEndX(), section.getEndY()));
            }
            ElkLabel label = edge.getLabels().get(0);
            routes.add(new Route(points, new Point(label.getX(), label.getY())));
        }
        return new Result(placed, routes, graph.getWidth(), graph.getHeight());
    }
}
