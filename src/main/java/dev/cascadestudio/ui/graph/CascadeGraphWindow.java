package dev.cascadestudio.ui.graph;

import dev.cascadestudio.cascade.CascadeGraph;
import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.ui.task.CurrentThreadTaskExecutor;
import dev.cascadestudio.ui.task.TaskExecutor;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens a {@link CascadeGraphView} in a window of its own, beside the window that asked for it. */
public final class CascadeGraphWindow {

    /** The size it opens at when nothing says otherwise. */
    public static final double WIDTH = 1200;
    public static final double HEIGHT = 800;

    /** Escape and Ctrl+W (⌘W on a Mac) close the window: it holds nothing to lose. */
    public static final List<KeyCombination> CLOSE_KEYS = List.of(
            new KeyCodeCombination(KeyCode.ESCAPE), new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN));

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
        return show(owner, layoutExecutor, graph, rowCounts, plan, stage -> {});
    }

    /**
     * As {@link #show(Window, TaskExecutor, CascadeGraph, Map, DeletePlan)}; {@code beforeShowing}
     * gets the window, its scene set, before it shows: to place it, or to add keys of the caller's.
     */
    public static CascadeGraphView show(Window owner, TaskExecutor layoutExecutor, CascadeGraph graph,
                                        Map<String, Long> rowCounts, DeletePlan plan, Consumer<Stage> beforeShowing) {
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
        Scene scene = new Scene(view, WIDTH, HEIGHT);
        CLOSE_KEYS.forEach(keys -> scene.getAccelerators().put(keys, stage::hide));
        stage.setScene(scene);
        beforeShowing.accept(stage);
        stage.show();
        return view;
    }
}
