package dev.cascadestudio.ui.delete;

import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.ExecutionResult;
import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.service.CascadeService;
import dev.cascadestudio.ui.StyleClasses;
import dev.cascadestudio.ui.delete.DeletePreviewViewModel.Phase;
import dev.cascadestudio.ui.task.TaskExecutor;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The delete preview as a window of its own: what deleting the selected rows removes and sets to
 * NULL, the rows themselves, the SQL, and a confirm button that commits exactly that plan. The main
 * window calls {@link #show}; everything slow runs on the given executor. For example:
 *
 * <pre>{@code
 * UndoBanner undo = new UndoBanner(service, executor, this::refresh);   // once, placed in the window
 * DeletePreviewDialog.show(stage, service, selectedRoots, executor, this::refresh, undo::offer);
 * }</pre>
 */
public final class DeletePreviewDialog {

    private static final double WIDTH = 1000;
    private static final double HEIGHT = 720;
    private static final double MIN_WIDTH = 720;
    private static final double MIN_HEIGHT = 520;

    private final Stage stage;
    private final DeletePreviewViewModel viewModel;
    private final DeletePreviewView view;

    private DeletePreviewDialog(Stage stage, DeletePreviewViewModel viewModel, DeletePreviewView view) {
        this.stage = stage;
        this.viewModel = viewModel;
        this.view = view;
    }

    /**
     * Opens the preview for {@code roots} over {@code owner} and starts planning at once. After a
     * commit the dialog closes, then calls {@code onCommitted} (read the data again) and hands the
     * result to {@code offerUndo} (typically {@link UndoBanner#offer}). Call on the FX thread.
     *
     * @param executor the window's database executor; planning, paging and the commit run on it
     */
    public static DeletePreviewDialog show(Window owner, CascadeService service, List<Root> roots, TaskExecutor executor,
                                           Runnable onCommitted, Consumer<ExecutionResult> offerUndo) {
        Objects.requireNonNull(onCommitted);
        Objects.requireNonNull(offerUndo);
        return open(owner, DeleteOperations.of(service), roots, executor,
                DeletePreviewViewModel.TYPE_TO_CONFIRM_THRESHOLD, result -> {
                    onCommitted.run();
                    offerUndo.accept(result);
                });
    }

    /**
     * Opens the preview of repairing the dangling values of {@code repairs} (the Health window's fixes), which
     * then goes as a delete does: confirm, snapshot, commit, {@code onCommitted}, and the Undo offer.
     */
    public static DeletePreviewDialog showRepair(Window owner, CascadeService service, List<dev.cascadestudio.cascade.Repair> repairs,
                                                 TaskExecutor executor, Runnable onCommitted, Consumer<ExecutionResult> offerUndo) {
        Objects.requireNonNull(onCommitted);
        Objects.requireNonNull(offerUndo);
        DeletePreviewDialog[] dialog = new DeletePreviewDialog[1];
        dialog[0] = open(owner, DeleteOperations.of(service), List.of(), repairs, executor,
                DeletePreviewViewModel.TYPE_TO_CONFIRM_THRESHOLD, result -> {
                    onCommitted.run();
                    PlanPreview committed = dialog[0].viewModel.previewProperty().get();
                    if (committed == null || committed.undoCannotPutBack().isEmpty()) {
                        offerUndo.accept(result); // an Undo the database would refuse is not offered (the preview said so)
                    }
                });
        return dialog[0];
    }

    /** The same with any operations and threshold, for tests. */
    static DeletePreviewDialog open(Window owner, DeleteOperations operations, List<Root> roots, TaskExecutor executor,
                                    long threshold, Consumer<ExecutionResult> onCommitted) {
        return open(owner, operations, roots, List.of(), executor, threshold, onCommitted);
    }

    /** The same for a repair ({@code roots} empty), for tests. */
    static DeletePreviewDialog open(Window owner, DeleteOperations operations, List<Root> roots,
                                    List<dev.cascadestudio.cascade.Repair> repairs, TaskExecutor executor,
                                    long threshold, Consumer<ExecutionResult> onCommitted) {
        DeletePreviewViewModel viewModel = new DeletePreviewViewModel(operations, roots, repairs, executor, threshold, onCommitted);
        DeletePreviewView view = new DeletePreviewView(viewModel);
        Scene scene = new Scene(view.root(), WIDTH, HEIGHT);
        scene.getStylesheets().addAll(stylesheet(StyleClasses.APP_STYLESHEET), stylesheet(StyleClasses.DELETE_PREVIEW_STYLESHEET));
        // A filter, so that Esc also closes while the type-to-confirm field has the focus.
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                viewModel.cancel();
                event.consume();
            }
        });

        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle("Delete preview — Cascade Studio");
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.setScene(scene);
        // The commit cannot be stopped halfway: the window stays until it has ended.
        stage.setOnCloseRequest(event -> {
            if (!viewModel.cancel()) {
                event.consume();
            }
        });
        viewModel.phaseProperty().addListener((o, old, phase) -> {
            if (phase == Phase.CLOSED || phase == Phase.COMMITTED) {
                stage.hide();
            }
        });
        stage.show();
        viewModel.start();
        return new DeletePreviewDialog(stage, viewModel, view);
    }

    private static String stylesheet(String path) {
        return Objects.requireNonNull(DeletePreviewDialog.class.getResource(path), path).toExternalForm();
    }

    /** Closes the preview unless a commit is running; false if it is. */
    public boolean close() {
        return viewModel.cancel();
    }

    public boolean isShowing() {
        return stage.isShowing();
    }

    /** False once the preview has closed (cancelled or committed). */
    public ReadOnlyBooleanProperty showingProperty() {
        return stage.showingProperty();
    }

    /** The plan the preview shows: null while it is worked out, a new one after a stale plan. */
    public ObservableValue<DeletePlan> planProperty() {
        return viewModel.previewProperty().map(PlanPreview::plan);
    }

    Stage stage() {
        return stage;
    }

    DeletePreviewViewModel viewModel() {
        return viewModel;
    }

    /** The "Rows reached" tab's view. */
    dev.cascadestudio.ui.graph.RowsReachedView reachedView() {
        return view.reachedView();
    }

    /** Where "Export report…" asks for the file; tests answer without the native chooser. */
    void setReportChooser(java.util.function.Function<Window, java.nio.file.Path> chooser) {
        view.setReportChooser(chooser);
    }

    /** Confirm waits for a reason (a production database: every delete there says why, in the audit log). */
    public void requireReason() {
        viewModel.reasonRequiredProperty().set(true);
    }
}
