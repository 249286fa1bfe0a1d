package dev.cascadestudio.ui.graph;

import dev.cascadestudio.diagram.GraphDiagram;
import dev.cascadestudio.cascade.CascadeGraph;
import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.ui.task.BackgroundTask;
import dev.cascadestudio.ui.task.CurrentThreadTaskExecutor;
import dev.cascadestudio.ui.task.TaskExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

/**
 * The cascade graph as a diagram: tables as nodes with their row counts, foreign-key rules as
 * arrows coloured by action and dashed by level, laid out top-down. {@link #highlight} lights up
 * what a delete plan touches, with its counts, and dims the rest. A node like any other: the main
 * window can embed it, the delete dialog can show it beside a plan, {@link CascadeGraphWindow}
 * opens it in its own window. Loads {@code fxml/CascadeGraph.fxml}; all state is in
 * {@link CascadeGraphViewModel}.
 */
public final class CascadeGraphView extends BorderPane {

    private static final String FXML_PATH = "/fxml/CascadeGraph.fxml";

    @FXML private ToggleButton labelTablesToggle;
    @FXML private ToggleButton ownerEdgesToggle;
    @FXML private ToggleButton rowsToggle;
    @FXML private javafx.scene.control.Button fitButton;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label summaryLabel;
    @FXML private StackPane canvas;
    @FXML private Label placeholder;

    private final CascadeGraphViewModel viewModel;
    private final DiagramPane diagram;
    private final ZoomPane viewport;
    private final GraphLegend legend = new GraphLegend();
    private java.util.function.Function<DeletePlan, ReachedRowsSource> rowsSource;
    private RowsReachedView rowsView;
    private DeletePlan plan;

    /** A view that lays the graph out on the FX thread (the first layout takes a second or more). */
    public CascadeGraphView() {
        this(new CascadeGraphViewModel(), new CurrentThreadTaskExecutor());
    }

    /** A view that computes its layouts with {@code layoutExecutor}, as the application's windows do. */
    public CascadeGraphView(CascadeGraphViewModel viewModel, TaskExecutor layoutExecutor) {
        this.viewModel = viewModel;
        this.diagram = new DiagramPane(layoutExecutor);
        this.viewport = new ZoomPane(diagram);
        getStylesheets().add(Objects.requireNonNull(CascadeGraphView.class.getResource(GraphStyleClasses.STYLESHEET))
                .toExternalForm());
        FXMLLoader loader = new FXMLLoader(CascadeGraphView.class.getResource(FXML_PATH));
        loader.setRoot(this);
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + FXML_PATH, e);
        }
    }

    @FXML
    private void initialize() {
        canvas.getChildren().add(0, viewport);
        setBottom(legend);
        diagram.setOnPlaced(viewport::requestLayout);
        diagram.setOnLayoutFailed(viewModel::layoutFailed);
        labelTablesToggle.selectedProperty().bindBidirectional(viewModel.showLabelTablesProperty());
        ownerEdgesToggle.selectedProperty().bindBidirectional(viewModel.showOwnerEdgesProperty());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        busyIndicator.managedProperty().bind(busyIndicator.visibleProperty());
        placeholder.visibleProperty().bind(viewModel.diagramProperty().isNull());
        legend.visibleProperty().bind(placeholder.visibleProperty().not());
        viewModel.diagramProperty().addListener((o, old, d) -> showDiagram(d));
        viewModel.rowCountsProperty().addListener((o, old, counts) -> diagram.setRowCounts(counts));
        viewModel.highlightProperty().addListener((o, old, h) -> diagram.highlight(h));
        showDiagram(viewModel.diagramProperty().get());
        rowsToggle.selectedProperty().addListener((o, was, on) -> showRowsOrTables());
    }

    /**
     * Lets "Rows reached" draw the rows of the plan lit up, read from {@code source} on {@code executor};
     * until then the toggle stays disabled.
     */
    public void enableRows(TaskExecutor executor, java.util.function.Function<DeletePlan, ReachedRowsSource> source) {
        rowsSource = Objects.requireNonNull(source);
        rowsView = new RowsReachedView(executor);
        rowsView.setVisible(false);
        canvas.getChildren().add(rowsView);
        updateRowsToggle();
    }

    /** The rows view, once {@link #enableRows} has been called; null before. */
    public RowsReachedView rowsView() {
        return rowsView;
    }

    private void updateRowsToggle() {
        rowsToggle.setDisable(rowsSource == null || plan == null);
        if (rowsToggle.isDisable()) {
            rowsToggle.setSelected(false);
        }
        showRowsOrTables();
    }

    private void showRowsOrTables() {
        boolean rows = rowsView != null && rowsToggle.isSelected() && plan != null;
        if (rows && rowsView.viewModel().plan() != plan) {
            rowsView.show(rowsSource.apply(plan));
        }
        if (rowsView != null) {
            rowsView.setVisible(rows);
        }
        viewport.setVisible(!rows);
        labelTablesToggle.setDisable(rows);
        ownerEdgesToggle.setDisable(rows);
        fitButton.setDisable(rows);
        setBottom(rows ? null : legend);
    }

    private void showDiagram(GraphDiagram d) {
        diagram.show(d);
        legend.show(d);
        viewport.fit();
    }

    public CascadeGraphViewModel viewModel() {
        return viewModel;
    }

    public void setGraph(CascadeGraph graph) {
        viewModel.graphProperty().set(graph);
    }

    /** Rows per table, label tables included (as {@code BrowseService.rowCounts()} returns them). */
    public void setRowCounts(Map<String, Long> counts) {
        viewModel.setRowCounts(counts);
    }

    /** Counts the rows on the executor's thread, then shows them. */
    public void loadRowCounts(TaskExecutor executor, BackgroundTask.Work<Map<String, Long>> counting) {
        viewModel.loadRowCounts(executor, counting);
    }

    /** Lights up the tables and rules {@code plan} touches, with its counts; null clears. */
    public void highlight(DeletePlan plan) {
        viewModel.highlight(plan);
        this.plan = plan;
        updateRowsToggle();
    }

    public void clearHighlight() {
        viewModel.clearHighlight();
        plan = null;
        updateRowsToggle();
    }

    /** Shows the whole graph again after zooming or panning. */
    @FXML
    public void fit() {
        viewport.fit();
    }

    double zoomFactor() {
        return viewport.zoomFactor();
    }
}
