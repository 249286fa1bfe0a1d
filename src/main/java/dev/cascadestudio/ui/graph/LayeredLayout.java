package dev.cascadestudio.ui.graph;

import dev.cascadestudio.diagram.DiagramLayout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;

/**
 * {@link DiagramLayout} (ELK's top-down layered layout) in JavaFX's coordinates: the window's graph
 * and the impact report's SVG are placed by the same code.
 */
final class LayeredLayout {

    /** A node to place, with the size it will be drawn at. */
    record Box(String id, double width, double height) {}

    /** An edge from {@code source} to {@code target} with a label of the given size in its middle. */
    record Link(String source, String target, String label, double labelWidth, double labelHeight) {}

    /** A placed edge: start, bend points and end, and the label's top-left corner. */
    record Route(List<Point2D> points, Point2D label) {}

    /** Top-left corners of the boxes by id, the links' routes in the order given, and the drawing's size. */
    record Result(Map<String, Point2D> boxes, List<Route> routes, double width, double height) {}

    private LayeredLayout() {}

    static Result layout(List<Box> boxes, List<Link> links) {
        return layout(boxes, links, false);
    }

    /** With {@code leftToRight}, a tree: layers from left to right, siblings in the order given. */
    static Result layout(List<Box> boxes, List<Link> links, boolean leftToRight) {
        DiagramLayout.Result placed = DiagramLayout.layout(
                boxes.stream().map(b -> new DiagramLayout.Box(b.id(), b.width(), b.height())).toList(),
                links.stream().map(l -> new DiagramLayout.Link(l.source(), l.target(), l.label(), l.labelWidth(), l.labelHeight())).toList(),
                leftToRight);
        Map<String, Point2D> corners = new LinkedHashMap<>();
        placed.boxes().forEach((id, p) -> corners.put(id, point(p)));
        List<Route> routes = placed.routes().stream()
                .map(r -> new Route(r.points().stream().map(LayeredLayout::point).toList(), point(r.label()))).toList();
        return new Result(corners, routes, placed.width(), placed.height());
    }

    private static Point2D point(DiagramLayout.Point p) {
        return new Point2D(p.x(), p.y());
    }
}
