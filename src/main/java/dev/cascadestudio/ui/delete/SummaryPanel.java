package dev.cascadestudio.ui.delete;

import dev.cascadestudio.ui.Counts;
import dev.cascadestudio.ui.StyleClasses;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Fills one summary card with its lines: table, how many rows, and the path that reaches them. */
final class SummaryPanel {

    private final VBox container;
    private final ObservableList<SummaryLine> lines;
    private final String emptyText;

    private SummaryPanel(VBox container, ObservableList<SummaryLine> lines, String emptyText) {
        this.container = container;
        this.lines = lines;
        this.emptyText = emptyText;
    }

    /** Keeps {@code container} showing {@code lines}; a plan has a few dozen lines at most. */
    static void bind(VBox container, ObservableList<SummaryLine> lines, String emptyText) {
        SummaryPanel panel = new SummaryPanel(container, lines, emptyText);
        lines.addListener((ListChangeListener<SummaryLine>) change -> panel.render());
        panel.render();
    }

    private void render() {
        if (lines.isEmpty()) {
            Label empty = new Label(emptyText);
            empty.getStyleClass().add(StyleClasses.SUMMARY_EMPTY);
            container.getChildren().setAll(empty);
            return;
        }
        container.getChildren().setAll(lines.stream().map(SummaryPanel::lineNode).toList());
    }

    private static HBox lineNode(SummaryLine line) {
        Label label = new Label(line.label());
        label.getStyleClass().add(StyleClasses.SUMMARY_LABEL);
        label.setMinWidth(Label.USE_PREF_SIZE);
        Label via = new Label(line.via());
        via.getStyleClass().add(StyleClasses.SUMMARY_VIA);
        via.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
        via.setMaxWidth(Double.MAX_VALUE);
        via.setMinWidth(0);
        HBox.setHgrow(via, Priority.ALWAYS);
        Label count = new Label(Counts.number(line.count()));
        count.getStyleClass().add(StyleClasses.SUMMARY_COUNT);
        count.setMinWidth(Label.USE_PREF_SIZE);
        HBox node = new HBox(label, via, count);
        node.getStyleClass().add(StyleClasses.SUMMARY_LINE);
        Tooltip.install(node, new Tooltip(line.routes()));
        return node;
    }
}
