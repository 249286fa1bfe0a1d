package dev.cascadestudio.ui.graph;

import dev.cascadestudio.diagram.GraphDiagram;
import dev.cascadestudio.diagram.PlanHighlight;
import dev.cascadestudio.cascade.CascadeGraph;
import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.service.FailureMessages;
import dev.cascadestudio.ui.task.BackgroundTask;
import dev.cascadestudio.ui.task.TaskExecutor;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the cascade graph view shows: the graph, the row counts, the toggles for label tables and
 * owner edges, the diagram that follows from them, and the plan being previewed. No controls here.
 */
public final class CascadeGraphViewModel {

    private final ObjectProperty<CascadeGraph> graph = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Map<String, Long>> rowCounts = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyObjectWrapper<PlanHighlight> highlight = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty showLabelTables = new SimpleBooleanProperty(false);
    private final BooleanProperty showOwnerEdges = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<GraphDiagram> diagram = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private String countProblem;
    private String layoutProblem;
    private String highlightProblem;

    public CascadeGraphViewModel() {
        graph.addListener((o, old, g) -> redraw());
        showLabelTables.addListener((o, old, on) -> redraw());
        showOwnerEdges.addListener((o, old, on) -> redraw());
        highlight.addListener((o, old, h) -> summarise());
        summarise();
    }

    public ObjectProperty<CascadeGraph> graphProperty() { return graph; }
    public ReadOnlyObjectProperty<Map<String, Long>> rowCountsProperty() { return rowCounts.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<PlanHighlight> highlightProperty() { return highlight.getReadOnlyProperty(); }
    public BooleanProperty showLabelTablesProperty() { return showLabelTables; }
    public BooleanProperty showOwnerEdgesProperty() { return showOwnerEdges; }
    public ReadOnlyObjectProperty<GraphDiagram> diagramProperty() { return diagram.getReadOnlyProperty(); }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    /** Rows per table, label tables included; a table missing from the map shows "… rows". */
    public void setRowCounts(Map<String, Long> counts) {
        countProblem = null;
        rowCounts.set(Map.copyOf(counts));
        summarise();
    }

    /** Counts the rows in the background (for example {@code browseService::rowCounts}), then shows them. */
    public void loadRowCounts(TaskExecutor executor, BackgroundTask.Work<Map<String, Long>> counting) {
        executor.execute(BackgroundTask.of(counting)
                .onRunning(() -> {
                    busy.set(true);
                    summarise();
                })
                .onSuccess(this::setRowCounts)
                .onFailure(failure -> {
                    countProblem = "Row counts unavailable: " + FailureMessages.describe(failure);
                    summarise();
                })
                .onFinished(() -> {
                    busy.set(false);
                    summarise();
                }));
    }

    public void highlight(DeletePlan plan) {
        highlightProblem = null;
        highlight.set(plan == null ? null : PlanHighlight.of(plan));
        summarise();
    }

    public void clearHighlight() {
        highlight(null);
    }

    /** The plan to light up could not be worked out: nothing is lit, and the summary says why. */
    public void highlightFailed(String reason) {
        highlight.set(null);
        highlightProblem = "Cannot preview the delete: " + reason;
        summarise();
    }

    /** The diagram could not be laid out; said in the summary until the next drawing. */
    public void layoutFailed(Throwable failure) {
        String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        layoutProblem = "Cannot lay the graph out: " + reason;
        summarise();
    }

    private void redraw() {
        layoutProblem = null;
        CascadeGraph g = graph.get();
        diagram.set(g == null ? null : GraphDiagram.of(g, showLabelTables.get(), showOwnerEdges.get()));
        summarise();
    }

    /** Deleting a user travels along owner edges that may be hidden: say so, the nodes alone would not. */
    private static String hiddenOwnerRules(GraphDiagram d, PlanHighlight h) {
        long hidden = h.edges().keySet().stream().filter(e -> e.isOwnerRule() && !d.edges().contains(e)).count();
        return hidden == 0 ? "" : " · through " + hidden + " hidden owner_id rule" + (hidden == 1 ? "" : "s");
    }

    private void summarise() {
        GraphDiagram d = diagram.get();
        if (d == null) {
            summary.set("No cascade graph");
            return;
        }
        String shape = d.tables().size() + " tables · " + d.edges().size() + " rules";
        if (layoutProblem != null) {
            summary.set(shape + " · " + layoutProblem);
        } else if (busy.get()) {
            summary.set(shape + " · counting rows…");
        } else if (countProblem != null) {
            summary.set(shape + " · " + countProblem);
        } else if (highlightProblem != null) {
            summary.set(shape + " · " + highlightProblem);
        } else if (highlight.get() != null) {
            summary.set("Preview: " + highlight.get().summary() + hiddenOwnerRules(d, highlight.get()));
        } else {
            summary.set(shape);
        }
    }
}
