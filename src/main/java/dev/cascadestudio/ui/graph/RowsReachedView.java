package dev.cascadestudio.ui.graph;

import atlantafx.base.theme.Styles;
import dev.cascadestudio.cascade.ReachedRows;
import dev.cascadestudio.service.DisplayNames;
import dev.cascadestudio.ui.graph.RowsReachedViewModel.RowItem;
import dev.cascadestudio.ui.task.TaskExecutor;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/**
 * The rows a delete reaches, drawn: the roots on the left, their children and grandchildren to the
 * right along the plan's edges, folded groups unfolding on a click; a side panel shows the row clicked.
 * Everything is read and laid out on the executor. Used by the delete preview ("Rows reached" tab) and
 * by the cascade graph window ("Rows" while a plan is lit up).
 */
public final class RowsReachedView extends BorderPane {

    private final RowsReachedViewModel viewModel;
    private final RowsPane drawing;
    private final Label summary = new Label();
    private final Label placeholder = new Label();
    private final Label error = new Label();
    private final VBox panel = new VBox();
    /** The next layout is the first of a new plan: show its first root. */
    private boolean scrollToRoot;

    public RowsReachedView(TaskExecutor executor) {
        this(new RowsReachedViewModel(executor), executor);
    }

    public RowsReachedView(RowsReachedViewModel viewModel, TaskExecutor layoutExecutor) {
        this.viewModel = viewModel;
        this.drawing = new RowsPane(viewModel, layoutExecutor);
        getStylesheets().add(Objects.requireNonNull(RowsReachedView.class.getResource(GraphStyleClasses.STYLESHEET)).toExternalForm());
        getStyleClass().addAll(GraphStyleClasses.GRAPH_VIEW, GraphStyleClasses.ROWS_VIEW);
        setId("rowsReached");

        ProgressIndicator busy = new ProgressIndicator();
        busy.visibleProperty().bind(viewModel.busyProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        summary.textProperty().bind(viewModel.summaryProperty());
        summary.getStyleClass().add(GraphStyleClasses.GRAPH_SUMMARY);
        summary.setId("rowsSummary");
        summary.setMinWidth(Region.USE_PREF_SIZE);
        Label hint = new Label("Click a row to see it · double-click draws its children · click “+ more” to unfold");
        hint.getStyleClass().add(GraphStyleClasses.ROW_DETAIL);
        hint.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(summary, busy, spacer, hint);
        toolbar.getStyleClass().addAll(GraphStyleClasses.GRAPH_TOOLBAR, GraphStyleClasses.ROWS_TOOLBAR);
        setTop(toolbar);

        ScrollPane scroll = new ScrollPane(drawing);
        scroll.setPannable(true);
        scroll.getStyleClass().add(GraphStyleClasses.ROWS_CANVAS);
        placeholder.getStyleClass().add(GraphStyleClasses.GRAPH_PLACEHOLDER);
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.when(viewModel.busyProperty())
                .then("Reading the rows this delete reaches…").otherwise("The rows appear here once the plan is ready."));
        placeholder.visibleProperty().bind(viewModel.revisionProperty().map(r -> viewModel.items().isEmpty()
                && viewModel.errorProperty().get().isEmpty()));
        error.textProperty().bind(viewModel.errorProperty());
        error.getStyleClass().addAll(GraphStyleClasses.GRAPH_PLACEHOLDER, Styles.DANGER);
        error.setWrapText(true);
        error.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        error.setId("rowsError");
        setCenter(new StackPane(scroll, placeholder, error));
        drawing.setOnPlaced(() -> {
            if (scrollToRoot && !viewModel.roots().isEmpty()) {
                scrollToRoot = false;
                // after the pass that gives the drawing its new size
                javafx.application.Platform.runLater(() -> showRoot(scroll));
            }
        });
        panel.getStyleClass().add(GraphStyleClasses.ROW_PANEL);
        panel.setId("rowPanel");
        panel.setPrefWidth(250);
        panel.setMinWidth(200);
        setRight(panel);
        viewModel.selectedProperty().addListener((o, old, row) -> showRow(row));
        viewModel.revisionProperty().addListener((o, old, r) -> showRow(viewModel.selectedProperty().get()));
        showRow(null);
    }

    public RowsReachedViewModel viewModel() {
        return viewModel;
    }

    /** Draws the rows {@code source}'s plan reaches; null clears. */
    public void show(ReachedRowsSource source) {
        scrollToRoot = true;
        viewModel.load(source);
    }

    /** The node drawn for an item id (tests and the demo). */
    Region node(String id) {
        return drawing.node(id);
    }

    /** Scrolls so that the first root is in view, at the left, as high up as it can be shown centred. */
    private void showRoot(ScrollPane scroll) {
        if (viewModel.roots().isEmpty()) {
            return;
        }
        Region root = drawing.node(viewModel.roots().get(0).id());
        double viewport = scroll.getViewportBounds().getHeight();
        double hidden = drawing.getBoundsInLocal().getHeight() - viewport;
        double middle = root.getBoundsInParent().getCenterY() - viewport / 2;
        scroll.setVvalue(hidden <= 0 ? 0 : Math.max(0, Math.min(1, middle / hidden)));
        scroll.setHvalue(0);
    }

    private void showRow(RowItem item) {
        panel.getChildren().clear();
        if (item == null) {
            Label none = new Label("Click a row to see it here.");
            none.getStyleClass().add(GraphStyleClasses.ROW_DETAIL);
            none.setWrapText(true);
            panel.getChildren().add(none);
            return;
        }
        ReachedRows.Row row = item.row();
        Label name = new Label(DisplayNames.of(row.name()));
        name.getStyleClass().add(GraphStyleClasses.ROW_PANEL_TITLE);
        name.setWrapText(true);
        name.setId("rowPanelName");
        Label effect = new Label(row.nulled() ? "Stays; " + row.key().table() + "." + row.via().column() + " is set to NULL"
                : item.isRoot() ? "Deleted — chosen for deletion" : "Deleted");
        effect.getStyleClass().add(row.nulled() ? GraphStyleClasses.NULL_BADGE : GraphStyleClasses.DELETE_BADGE);
        effect.setWrapText(true);
        effect.setId("rowPanelEffect");
        GridPane facts = new GridPane();
        facts.setHgap(8);
        facts.setVgap(4);
        int line = 0;
        line = fact(facts, line, "Table", row.key().table(), "rowPanelTable");
        line = fact(facts, line, "Key", row.key().display(), "rowPanelKey");
        if (item.parent() != null) {
            line = fact(facts, line, "Reached from", item.parent().row().key().table() + " "
                    + DisplayNames.of(item.parent().row().name()) + " through " + row.via().column(), "rowPanelVia");
        }
        long children = item.groups().stream().mapToLong(RowsReachedViewModel.Group::count).sum();
        if (item.expanded()) {
            fact(facts, line, "Children", dev.cascadestudio.ui.Counts.of(children, "row"), "rowPanelChildren");
        }
        panel.getChildren().addAll(name, effect, facts);
        if (item.expandable()) {
            Button expand = new Button("Draw its children", new FontIcon(Material2OutlinedAL.ACCOUNT_TREE));
            expand.setId("rowPanelExpand");
            expand.setOnAction(e -> viewModel.expand(item));
            VBox.setMargin(expand, new Insets(6, 0, 0, 0));
            panel.getChildren().add(expand);
        }
    }

    private static int fact(GridPane grid, int line, String key, String value, String id) {
        Label k = new Label(key);
        k.getStyleClass().add(GraphStyleClasses.ROW_PANEL_KEY);
        k.setMinWidth(Region.USE_PREF_SIZE);
        Label v = new Label(value);
        v.getStyleClass().add(GraphStyleClasses.ROW_PANEL_VALUE);
        v.setWrapText(true);
        v.setId(id);
        grid.addRow(line, k, v);
        return line + 1;
    }
}
