package dev.cascadestudio.ui.main;

import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.service.CascadeService;
import dev.cascadestudio.service.DatabaseSession;
import dev.cascadestudio.service.FailureMessages;
import dev.cascadestudio.ui.delete.DeletePreviewDialog;
import dev.cascadestudio.ui.graph.CascadeGraphView;
import dev.cascadestudio.ui.task.BackgroundTask;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.util.Duration;

/**
 * Keeps an open cascade graph lit up with what a delete would do: the plan of the rows selected in
 * the tree, worked out in the background once the selection has settled (a newer selection makes an
 * older plan moot), or — while the delete preview is open — exactly the plan that preview shows.
 * Called on the FX thread only.
 */
final class GraphFollower {

    /** Arrow keys held down move the selection row by row: plan only once it rests. */
    static final Duration SETTLE = Duration.millis(150);

    private final MainWindowViewModel viewModel;
    private final PauseTransition settle = new PauseTransition(SETTLE);
    /** Bumped on every change; planning work that started for an older one gives up. Read by background work. */
    private final AtomicInteger generation = new AtomicInteger();
    private CascadeGraphView view;
    private DatabaseSession session;
    private ObservableValue<DeletePlan> previewPlan;
    private ChangeListener<DeletePlan> previewListener;

    GraphFollower(MainWindowViewModel viewModel) {
        this.viewModel = viewModel;
        settle.setOnFinished(event -> planSelection());
        viewModel.tree().selection().addListener((InvalidationListener) o -> selectionChanged());
    }

    /** Lights up {@code graph} from now on, until {@link #stop()}: at once with the current selection's plan. */
    void follow(CascadeGraphView graph, DatabaseSession database) {
        view = graph;
        session = database;
        generation.incrementAndGet();
        settle.stop();
        planSelection();
    }

    /** The graph window closed, or its database did. */
    void stop() {
        view = null;
        session = null;
        generation.incrementAndGet();
        settle.stop();
    }

    boolean isFollowing() {
        return view != null;
    }

    /** While {@code dialog} is open the graph shows its plan; afterwards it follows the selection again. */
    void showPreview(DeletePreviewDialog dialog) {
        previewPlan = dialog.planProperty();
        previewListener = (o, old, plan) -> {
            if (plan != null && view != null) {
                generation.incrementAndGet(); // a selection plan still running must not overwrite the preview's
                view.highlight(plan);
            }
        };
        previewPlan.addListener(previewListener);
        dialog.showingProperty().addListener((o, was, showing) -> {
            if (!showing && previewPlan != null) {
                previewPlan.removeListener(previewListener);
                previewPlan = null;
                selectionChanged();
            }
        });
    }

    /** Rows were deleted or put back: the graph's row counts are read again. */
    void dataChanged() {
        if (view != null && session != null) {
            DatabaseSession database = session;
            view.loadRowCounts(viewModel.executor(), () -> database.browse().rowCounts());
        }
    }

    private void selectionChanged() {
        if (view == null || previewPlan != null) {
            return;
        }
        generation.incrementAndGet();
        settle.playFromStart();
    }

    private void planSelection() {
        CascadeGraphView graph = view;
        if (graph == null || previewPlan != null) {
            return;
        }
        List<Root> roots = viewModel.selectedRoots();
        int request = generation.incrementAndGet();
        if (roots.isEmpty()) {
            graph.clearHighlight();
            return;
        }
        CascadeService cascade = session.cascade();
        viewModel.executor().execute(BackgroundTask.of(() -> request == generation.get() ? cascade.plan(roots) : null)
                .onSuccess(plan -> {
                    if (plan != null && request == generation.get() && view == graph) {
                        graph.highlight(plan);
                    }
                })
                .onFailure(failure -> {
                    if (request == generation.get() && view == graph) {
                        graph.viewModel().highlightFailed(FailureMessages.describe(failure));
                    }
                }));
    }
}
