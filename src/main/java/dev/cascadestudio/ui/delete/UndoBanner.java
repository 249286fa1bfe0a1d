package dev.cascadestudio.ui.delete;

import dev.cascadestudio.cascade.ExecutionResult;
import dev.cascadestudio.service.CascadeService;
import dev.cascadestudio.ui.StyleClasses;
import dev.cascadestudio.ui.delete.UndoViewModel.State;
import dev.cascadestudio.ui.task.TaskExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * An in-window banner that offers to undo the last delete. The main window places {@link #node()}
 * where it wants it (it stays hidden and takes no space until {@link #offer} is called) and passes
 * {@code banner::offer} to {@link DeletePreviewDialog#show}. Loads {@code fxml/UndoBanner.fxml}.
 */
public final class UndoBanner {

    private static final String FXML_PATH = "/fxml/UndoBanner.fxml";

    @FXML private HBox root;
    @FXML private FontIcon icon;
    @FXML private Label messageLabel;
    @FXML private ProgressBar restoreProgress;
    @FXML private Button undoButton;
    @FXML private Button dismissButton;

    private final UndoViewModel viewModel;

    /** @param onRestored called on the FX thread after an undo, so the window can read the data again */
    public UndoBanner(CascadeService service, TaskExecutor executor, Runnable onRestored) {
        this(new UndoViewModel(DeleteOperations.of(service), executor, onRestored));
    }

    UndoBanner(UndoViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel);
        FXMLLoader loader = new FXMLLoader(UndoBanner.class.getResource(FXML_PATH));
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + FXML_PATH, e);
        }
    }

    public Parent node() {
        return root;
    }

    /** Shows the banner for this committed delete (replacing an earlier offer). */
    public void offer(ExecutionResult result) {
        viewModel.offer(result);
    }

    public UndoViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        root.getStylesheets().add(Objects.requireNonNull(
                UndoBanner.class.getResource(StyleClasses.DELETE_PREVIEW_STYLESHEET)).toExternalForm());
        root.visibleProperty().bind(viewModel.stateProperty().isNotEqualTo(State.HIDDEN));
        root.managedProperty().bind(root.visibleProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        restoreProgress.progressProperty().bind(viewModel.progressProperty());
        restoreProgress.visibleProperty().bind(viewModel.stateProperty().isEqualTo(State.RESTORING));
        restoreProgress.managedProperty().bind(restoreProgress.visibleProperty());
        undoButton.visibleProperty().bind(viewModel.canUndoBinding());
        undoButton.managedProperty().bind(undoButton.visibleProperty());
        dismissButton.disableProperty().bind(viewModel.stateProperty().isEqualTo(State.RESTORING));
        viewModel.stateProperty().addListener((o, old, state) -> showState(state));
        showState(viewModel.stateProperty().get());
    }

    private void showState(State state) {
        root.pseudoClassStateChanged(StyleClasses.SUCCEEDED, state == State.RESTORED);
        root.pseudoClassStateChanged(StyleClasses.FAILED, state == State.FAILED);
        icon.setIconLiteral(state == State.FAILED ? "mdoal-error_outline" : state == State.RESTORED ? "mdomz-undo" : "mdoal-check_circle");
    }

    @FXML
    private void undo() {
        viewModel.undo();
    }

    @FXML
    private void dismiss() {
        viewModel.dismiss();
    }
}
