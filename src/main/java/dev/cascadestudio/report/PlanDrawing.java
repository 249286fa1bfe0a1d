package dev.cascadestudio.report;

import dev.cascadestudio.cascade.CascadeGraph;
import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.diagram.DiagramLayout;
import dev.cascadestudio.diagram.GraphDiagram;
import dev.cascadestudio.diagram.PlanHighlight;
import dev.cascadestudio.domain.ForeignKeyRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The cascade graph with a plan drawn over it, as the window's graph view draws it (the same
 * {@link GraphDiagram}, {@link PlanHighlight} and ELK {@link DiagramLayout}), written as SVG: tables
 * that lose rows red, tables where a key is set to NULL amber, the root darker, each edge on the
 * plan's path thick and labelled with its column and the rows it reaches, everything else grey. Text
 * is measured by an estimate of its width (there is no font engine here), generous so nothing overlaps.
 */
public final class PlanDrawing {

    /** The window's colours (AtlantaFX Primer light). */
    static final String DANGER = "#cf222e";
    static final String DANGER_SUBTLE = "#ffebe9";
    static final String DANGER_MUTED = "#ffcecb";
    static final String WARNING = "#9a6700";
    static final String WARNING_EMPHASIS = "#bf8700";
    static final String WARNING_SUBTLE = "#fff8c5";
    static final String MUTED_FG = "#6e7781";
    static final String BORDER = "#d0d7de";
    static final String SUBTLE_BG = "#f6f8fa";
    static final String FG = "#1f2328";

    private static final double NAME_CHAR = 8.2;
    private static final double TEXT_CHAR = 7.0;
    private static final double LABEL_CHAR = 6.6;
    private static final double NODE_PADDING = 12;
    private static final double LINE = 18;
    private static final double ARROW_LENGTH = 9;
    private static final double ARROW_HALF_WIDTH = 4.5;
    private static final double CORNER_RADIUS = 6;

    private final GraphDiagram diagram;
    private final PlanHighlight highlight;
    private final DiagramLayout.Result layout;
    private final List<Node> nodes;

    private record Node(String table, List<String> lines, double width, double height) {}

    private PlanDrawing(GraphDiagram diagram, PlanHighlight highlight, DiagramLayout.Result layout, List<Node> nodes) {
        this.diagram = diagram;
        this.highlight = highlight;
        this.layout = layout;
        this.nodes = nodes;
    }

    /** Lays the graph out with the plan's counts (label tables folded into their table, as the window shows them). */
    public static PlanDrawing of(CascadeGraph graph, DeletePlan plan) {
        GraphDiagram diagram = GraphDiagram.of(graph, false, false);
        PlanHighlight highlight = PlanHighlight.of(plan);
        List<Node> nodes = new ArrayList<>();
        List<DiagramLayout.Box> boxes = new ArrayList<>();
        for (String table : diagram.tables()) {
            List<String> lines = new ArrayList<>();
            long deleted = highlight.deletedFrom(table);
            long nulled = highlight.nulledIn(table);
            long labels = diagram.labelTableOf(table).map(highlight::deletedFrom).orElse(0L);
            List<String> effect = new ArrayList<>();
            if (deleted > 0) {
                effect.add("−" + Text.number(deleted) + " deleted");
            }
            if (nulled > 0) {
                effect.add("∅ " + Text.number(nulled) + " set to NULL");
            }
            lines.add(effect.isEmpty() ? "untouched" : String.join(" · ", effect));
            if (labels > 0) {
                lines.add("−" + Text.number(labels) + " label" + (labels == 1 ? "" : "s"));
            }
            double width = Math.max(table.length() * NAME_CHAR, lines.stream().mapToDouble(l -> l.length() * TEXT_CHAR).max().orElse(0))
                    + 2 * NODE_PADDING;
            double height = NODE_PADDING * 2 + LINE * (1 + lines.size()) - 4;
            Node node = new Node(table, lines, Math.ceil(Math.max(width, 96)), height);
            nodes.add(node);
            boxes.add(new DiagramLayout.Box(table, node.width(), node.height()));
        }
        List<DiagramLayout.Link> links = new ArrayList<>();
        for (ForeignKeyRule edge : diagram.edges()) {
            String count = countText(edge, Math.max(highlight.countAlong(edge), 9));
            double width = Math.max(edge.column().length(), count.length()) * LABEL_CHAR + 10;
            links.add(new DiagramLayout.Link(edge.parentTable(), edge.childTable(), edge.column(), Math.ceil(width), 32));
        }
        return new PlanDrawing(diagram, highlight, DiagramLayout.layout(boxes, links), nodes);
    }

    private static String countText(ForeignKeyRule edge, long rows) {
        return (edge.action() == ForeignKeyRule.Action.DELETE ? "−" : "∅ ") + Text.number(rows);
    }

    public double width() {
        return layout.width();
    }

    public double height() {
        return layout.height();
    }

    /** The tables drawn, parents first. */
    public List<String> tables() {
        return diagram.tables();
    }

    /** The drawing as an {@code <svg>} element, well-formed XML, every name escaped; no scripts, no links. */
    public String svg() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg class=\"plan-graph\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" "
                + "role=\"img\" aria-label=\"The cascade graph with the plan drawn over it\" "
                + "font-family=\"-apple-system, 'Segoe UI', Helvetica, Arial, sans-serif\" font-size=\"13\">\n",
                width(), height(), width(), height()));
        s.append("<title>").append(Text.xml(highlight.summary())).append("</title>\n");
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < diagram.edges().size(); i++) {
            if (!highlight.isOnPath(diagram.edges().get(i))) {
                order.add(i); // dimmed edges first, so the path is drawn over them
            }
        }
        for (int i = 0; i < diagram.edges().size(); i++) {
            if (highlight.isOnPath(diagram.edges().get(i))) {
                order.add(i);
            }
        }
        s.append("<g class=\"edges\">\n");
        for (int i : order) {
            edge(s, diagram.edges().get(i), layout.routes().get(i));
        }
        s.append("</g>\n<g class=\"tables\">\n");
        for (Node node : nodes) {
            table(s, node, layout.boxes().get(node.table()));
        }
        s.append("</g>\n</svg>");
        return s.toString();
    }

    private void edge(StringBuilder s, ForeignKeyRule edge, DiagramLayout.Route route) {
        boolean onPath = highlight.isOnPath(edge);
        boolean delete = edge.action() == ForeignKeyRule.Action.DELETE;
        String colour = !onPath ? BORDER : delete ? DANGER : WARNING;
        List<DiagramLayout.Point> points = route.points();
        DiagramLayout.Point end = points.get(points.size() - 1);
        DiagramLayout.Point before = points.get(points.size() - 2);
        double dx = end.x() - before.x();
        double dy = end.y() - before.y();
        double length = Math.max(1e-9, Math.hypot(dx, dy));
        dx /= length;
        dy /= length;
        DiagramLayout.Point base = new DiagramLayout.Point(end.x() - dx * ARROW_LENGTH, end.y() - dy * ARROW_LENGTH);
        List<DiagramLayout.Point> line = new ArrayList<>(points);
        line.set(line.size() - 1, base);
        s.append("<g class=\"edge").append(onPath ? " on-path" : "").append("\" data-column=\"")
                .append(Text.xml(edge.childTable() + "." + edge.column())).append("\">");
        s.append("<path d=\"").append(path(line)).append("\" fill=\"none\" stroke=\"").append(colour)
                .append("\" stroke-width=\"").append(onPath ? "2.5" : "1.2").append('"')
                .append(delete ? "" : " stroke-dasharray=\"6 4\"").append(" stroke-linejoin=\"round\"/>");
        s.append(String.format(Locale.ROOT, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"%s\"/>",
                end.x(), end.y(), base.x() - dy * ARROW_HALF_WIDTH, base.y() + dx * ARROW_HALF_WIDTH,
                base.x() + dy * ARROW_HALF_WIDTH, base.y() - dx * ARROW_HALF_WIDTH, colour));
        String count = onPath ? countText(edge, highlight.countAlong(edge)) : null;
        double width = Math.max(edge.column().length(), count == null ? 0 : count.length()) * LABEL_CHAR + 10;
        double x = route.label().x();
        double y = route.label().y();
        double height = count == null ? 18 : 32;
        s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"3\" fill=\"#ffffff\" fill-opacity=\"0.92\"/>",
                x, y, width, height));
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"11\" fill=\"%s\"%s>",
                x + width / 2, y + 13, onPath ? colour : MUTED_FG, onPath ? " font-weight=\"600\"" : ""))
                .append(Text.xml(edge.column())).append("</text>");
        if (count != null) {
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"11\" fill=\"%s\">",
                    x + width / 2, y + 27, colour)).append(Text.xml(count)).append("</text>");
        }
        s.append("</g>\n");
    }

    private void table(StringBuilder s, Node node, DiagramLayout.Point corner) {
        long deleted = highlight.deletedFrom(node.table());
        long nulled = highlight.nulledIn(node.table());
        boolean root = highlight.roots().contains(node.table());
        boolean labels = diagram.labelTableOf(node.table()).map(highlight::deletedFrom).orElse(0L) > 0;
        boolean touched = deleted > 0 || nulled > 0 || labels;
        String fill = root ? DANGER_MUTED : deleted > 0 ? DANGER_SUBTLE : nulled > 0 ? WARNING_SUBTLE : SUBTLE_BG;
        String stroke = deleted > 0 || labels ? DANGER : nulled > 0 ? WARNING_EMPHASIS : BORDER;
        s.append("<g class=\"table").append(deleted > 0 ? " will-delete" : "").append(nulled > 0 ? " set-null" : "")
                .append(root ? " cascade-root" : "").append("\" data-table=\"").append(Text.xml(node.table())).append("\">");
        s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"6\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>",
                corner.x(), corner.y(), node.width(), node.height(), fill, stroke, touched ? "1.6" : "1"));
        double x = corner.x() + NODE_PADDING;
        double y = corner.y() + NODE_PADDING + 12;
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-weight=\"600\" fill=\"%s\">", x, y, touched ? FG : MUTED_FG))
                .append(Text.xml(node.table())).append("</text>");
        for (int i = 0; i < node.lines().size(); i++) {
            String colour = !touched ? MUTED_FG : i == 0 && deleted == 0 && nulled > 0 ? WARNING : i == 0 && deleted == 0 ? MUTED_FG : DANGER;
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" fill=\"%s\">", x, y + LINE * (i + 1), colour))
                    .append(Text.xml(node.lines().get(i))).append("</text>");
        }
        s.append("</g>\n");
    }

    /** An orthogonal polyline with slightly rounded corners, as the window draws its edges. */
    private static String path(List<DiagramLayout.Point> points) {
        StringBuilder d = new StringBuilder();
        DiagramLayout.Point first = points.get(0);
        d.append(String.format(Locale.ROOT, "M%.1f %.1f", first.x(), first.y()));
        for (int i = 1; i < points.size() - 1; i++) {
            DiagramLayout.Point previous = points.get(i - 1);
            DiagramLayout.Point corner = points.get(i);
            DiagramLayout.Point next = points.get(i + 1);
            double radius = Math.min(CORNER_RADIUS, Math.min(distance(corner, previous), distance(corner, next)) / 2);
            DiagramLayout.Point in = toward(corner, previous, radius);
            DiagramLayout.Point out = toward(corner, next, radius);
            d.append(String.format(Locale.ROOT, " L%.1f %.1f Q%.1f %.1f %.1f %.1f", in.x(), in.y(), corner.x(), corner.y(), out.x(), out.y()));
        }
        DiagramLayout.Point last = points.get(points.size() - 1);
        d.append(String.format(Locale.ROOT, " L%.1f %.1f", last.x(), last.y()));
        return d.toString();
    }

    private static double distance(DiagramLayout.Point a, DiagramLayout.Point b) {
        return Math.hypot(a.x() - b.x(), a.y() - b.y());
    }

    private static DiagramLayout.Point toward(DiagramLayout.Point from, DiagramLayout.Point to, double by) {
        double length = distance(from, to);
        if (length == 0) {
            return from;
        }
        return new DiagramLayout.Point(from.x() + (to.x() - from.x()) / length * by, from.y() + (to.y() - from.y()) / length * by);
    }
}
