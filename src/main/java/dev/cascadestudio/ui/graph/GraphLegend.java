package dev.cascadestudio.ui.graph;

import dev.cascadestudio.diagram.GraphDiagram;
import dev.cascadestudio.domain.ForeignKeyRule;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Line;

/**
 * The key to the drawing, as a strip under it: one entry per kind of edge the diagram actually
 * draws (colour says the action, a dashed line the database's ON DELETE clause, a solid one the
 * controller's ORM), then what the preview badges mean.
 */
final class GraphLegend extends FlowPane {

    private static final double SWATCH_LENGTH = 28;

    GraphLegend() {
        getStyleClass().add(GraphStyleClasses.LEGEND);
    }

    void show(GraphDiagram diagram) {
        getChildren().clear();
        if (diagram == null) {
            return;
        }
        Label title = new Label("Deleting a parent row:");
        title.getStyleClass().add(GraphStyleClasses.LEGEND_TITLE);
        getChildren().add(title);
        for (List<String> kind : kindsOf(diagram.edges())) {
            getChildren().add(entry(swatch(kind), describe(kind)));
        }
        getChildren().add(entry(badge("−3", GraphStyleClasses.DELETE_BADGE), "rows a previewed delete removes"));
        getChildren().add(entry(badge("∅ 6", GraphStyleClasses.NULL_BADGE), "values it sets to NULL"));
    }

    /** The distinct style-class sets of the edges, plain rules before owner and label rules. */
    private static Set<List<String>> kindsOf(List<ForeignKeyRule> edges) {
        Set<List<String>> kinds = new LinkedHashSet<>();
        edges.stream().sorted(Comparator.comparing((ForeignKeyRule e) -> e.isOwnerRule() || e.isLabelRule())
                        .thenComparing(ForeignKeyRule::action).thenComparing(ForeignKeyRule::level))
                .forEach(e -> kinds.add(EdgeView.styleClassesOf(e)));
        return kinds;
    }

    private static String describe(List<String> kind) {
        boolean deletes = kind.contains(GraphStyleClasses.EDGE_DELETE);
        String what = deletes ? "deletes child rows" : "sets child column to NULL";
        String by = kind.contains(GraphStyleClasses.EDGE_ORM) ? "ORM"
                : deletes ? "ON DELETE CASCADE" : "ON DELETE SET NULL";
        if (kind.contains(GraphStyleClasses.EDGE_OWNER)) {
            return "owner_id to NULL";
        }
        if (kind.contains(GraphStyleClasses.EDGE_LABELS)) {
            return "deletes label rows";
        }
        return what + " (" + by + ")";
    }

    private static Node entry(Node key, String text) {
        HBox entry = new HBox(key, new Label(text));
        entry.getStyleClass().add(GraphStyleClasses.LEGEND_ROW);
        return entry;
    }

    private static Node swatch(List<String> kind) {
        Line line = new Line(0, 0, SWATCH_LENGTH, 0);
        line.getStyleClass().add(GraphStyleClasses.LEGEND_SWATCH);
        line.getStyleClass().addAll(kind);
        return line;
    }

    private static Node badge(String text, String styleClass) {
        Label badge = new Label(text);
        badge.getStyleClass().add(styleClass);
        return badge;
    }
}
