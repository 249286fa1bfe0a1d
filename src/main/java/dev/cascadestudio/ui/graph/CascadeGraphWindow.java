package dev.cascadestudio.ui.graph;

import dev.cascadestudio.cascade.CascadeGraph;
import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.ui.task.CurrentThreadTaskExecutor;
import dev.cascadestudio.ui.task.TaskExecutor;
import java.util.Map;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens a {@link CascadeGraphView} in a window of its own, beside the window that asked for it. */
public final class CascadeGraphWindow {

    private static final double WIDTH = 1200;
    private static final double HEIGHT = 800;

    private CascadeGraphWindow() {}

    /**
     * Shows {@code graph} with {@code rowCounts} (may be empty: nodes then show "… rows" until
     * {@link CascadeGraphView#setRowCounts} or {@link CascadeGraphView#loadRowCounts}), and the
     * plan lit up when {@code plan} is not null. Returns the view, to update it later.
     */
    public static CascadeGraphView show(Window owner, CascadeGraph graph, Map<String, Long> rowCounts, DeletePlan plan) {
        return show(owner, new CurrentThreadTaskExecutor(), graph, rowCounts, plan);
    }

    /** As {@link #show(Window, CascadeGraph, Map, DeletePlan)}, computing the layout with {@code layoutExecutor}. */
    public static CascadeGraphView show(Window owner, TaskExecutor layoutExecutor, CascadeGraph graph,
                                        Map<String, Long> rowCounts, DeletePlan plan) {
        CascadeGraphView view = new CascadeGraphView(new CascadeGraphViewModel(), layoutExecutor);
        view.setGraph(graph);
        view.setRowCounts(rowCounts);
        view.highlight(plan);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        if (owner instanceof Stage ownerStage) {
            stage.getIcons().setAll(ownerStage.getIcons());
        }
        // the title follows the plan lit up, which may change while the window is open
        stage.titleProperty().bind(view.viewModel().highlightProperty()
                .map(h -> "Cascade graph — " + h.summary()).orElse("Cascade graph"));
        stage.setScene(new Scene(view, WIDTH, HEIGHT));
        stage.show();
        return view;
    }
}
