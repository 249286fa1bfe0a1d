package dev.cascadestudio.ui.delete;

import atlantafx.base.controls.Spacer;
import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.ui.Counts;
import dev.cascadestudio.ui.StyleClasses;
import dev.cascadestudio.ui.task.TaskExecutor;
import java.util.Objects;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The delete preview's summary cards and affected-rows tree ({@link SummaryPanel}, {@link AffectedRowsTree},
 * with the same style classes), for any plan and any source of rows, without the dialog around them. The
 * History window shows a past delete's snapshot in it; rows are read a page at a time on {@code executor}.
 */
public final class PlanSummaryPane {

    private final TaskExecutor executor;
    private final TabPane root = new TabPane();
    private final Tab rowsTab = new Tab("Affected rows");
    private final Label deletedTotal = new Label();
    private final Label nulledTotal = new Label();
    private final ObservableList<SummaryLine> deletedLines = FXCollections.observableArrayList();
    private final ObservableList<SummaryLine> nulledLines = FXCollections.observableArrayList();
    private final ObservableList<EffectGroup> groups = FXCollections.observableArrayList();

    /** @param deletedTitle the first card's title, e.g. "Deleted"; {@code nulledTitle} the second's, e.g. "Set to NULL" */
    public PlanSummaryPane(TaskExecutor executor, String deletedTitle, String nulledTitle) {
        this.executor = Objects.requireNonNull(executor);
        VBox deletedBox = new VBox();
        VBox nulledBox = new VBox();
        VBox deletedCard = card("mdoal-delete_outline", deletedTitle, deletedTotal, deletedBox);
        VBox nulledCard = card("mdoal-link_off", nulledTitle, nulledTotal, nulledBox);
        deletedCard.pseudoClassStateChanged(StyleClasses.WILL_DELETE, true);
        nulledCard.pseudoClassStateChanged(StyleClasses.SET_NULL, true);
        SummaryPanel.bind(deletedBox, deletedLines, "No rows were deleted.");
        SummaryPanel.bind(nulledBox, nulledLines, "No foreign key was set to NULL.");
        HBox cards = new HBox(16, deletedCard, nulledCard);
        cards.setFillHeight(false);
        HBox.setHgrow(deletedCard, Priority.ALWAYS);
        HBox.setHgrow(nulledCard, Priority.ALWAYS);
        VBox summary = new VBox(cards);
        summary.getStyleClass().add(StyleClasses.SUMMARY);
        ScrollPane scroll = new ScrollPane(summary);
        scroll.setFitToWidth(true);
        Tab summaryTab = new Tab("Summary", scroll);
        summaryTab.setGraphic(new FontIcon("mdoal-format_list_bulleted"));

        TreeView<PreviewNode> tree = new TreeView<>();
        tree.getStyleClass().add(StyleClasses.AFFECTED_ROWS);
        AffectedRowsTree.bind(tree, groups);
        rowsTab.setContent(tree);
        rowsTab.setGraphic(new FontIcon("mdoal-account_tree"));

        root.getTabs().setAll(summaryTab, rowsTab);
        root.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.getStyleClass().addAll(StyleClasses.DELETE_PREVIEW, StyleClasses.DELETE_TABS);
    }

    private static VBox card(String icon, String title, Label total, VBox lines) {
        FontIcon graphic = new FontIcon(icon);
        graphic.getStyleClass().add(StyleClasses.SUMMARY_CARD_ICON);
        Label name = new Label(title);
        name.getStyleClass().add(StyleClasses.SUMMARY_CARD_TITLE);
        total.getStyleClass().add(StyleClasses.SUMMARY_TOTAL);
        HBox header = new HBox(graphic, name, new Spacer(), total);
        header.getStyleClass().add(StyleClasses.SUMMARY_CARD_HEADER);
        lines.getStyleClass().add(StyleClasses.SUMMARY_LINES);
        VBox card = new VBox(header, lines);
        card.getStyleClass().add(StyleClasses.SUMMARY_CARD);
        return card;
    }

    public Node root() {
        return root;
    }

    /** Shows the plan; its rows come from {@code rows} when a group is opened. Call on the FX thread. */
    public void show(DeletePlan plan, RowSource rows) {
        deletedLines.setAll(SummaryLine.deleted(plan));
        nulledLines.setAll(SummaryLine.nulled(plan));
        deletedTotal.setText(Counts.of(plan.deletedCount(), "row"));
        nulledTotal.setText(Counts.of(plan.nulledRowCount(), "row") + " · " + Counts.of(plan.nulledValueCount(), "value"));
        groups.setAll(plan.deleted().stream().filter(e -> e.count() > 0).map(e -> new EffectGroup(rows, executor, plan, e)).toList());
        groups.addAll(plan.nulled().stream().filter(e -> e.count() > 0).map(e -> new EffectGroup(rows, executor, plan, e)).toList());
        rowsTab.setText("Affected rows · " + Counts.number(plan.affectedRowCount()));
    }

    /** Shows nothing. */
    public void clear() {
        deletedLines.clear();
        nulledLines.clear();
        groups.clear();
        deletedTotal.setText("");
        nulledTotal.setText("");
        rowsTab.setText("Affected rows");
    }
}
