package dev.cascadestudio.ui.history;

import dev.cascadestudio.service.CascadeService;
import dev.cascadestudio.service.HistoryService;
import dev.cascadestudio.ui.StyleClasses;
import dev.cascadestudio.ui.task.TaskExecutor;
import java.util.Objects;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The History window: opened from the main window (Ctrl+H), closed by Esc, Ctrl+W or Ctrl+H. */
public final class HistoryWindow {

    private static final double WIDTH = 1100;
    private static final double HEIGHT = 760;

    private HistoryWindow() {}

    /**
     * Opens the History of the audit log over {@code owner}, showing the records of {@code databaseUrl}
     * first; Restore puts a delete back through {@code cascade} (null: nothing open, nothing to restore
     * into), then calls {@code onRestored} on the FX thread.
     */
    public static Stage show(Window owner, HistoryService history, CascadeService cascade, String databaseUrl,
                             TaskExecutor executor, Runnable onRestored) {
        HistoryView view = new HistoryView(new HistoryViewModel(history, cascade, databaseUrl, executor, onRestored));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view.root(), Math.min(WIDTH, screen.getWidth() - 40), Math.min(HEIGHT, screen.getHeight() - 40));
        scene.getStylesheets().addAll(stylesheet(StyleClasses.APP_STYLESHEET), stylesheet(StyleClasses.DELETE_PREVIEW_STYLESHEET),
                stylesheet(StyleClasses.HISTORY_STYLESHEET));
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("History — Cascade Studio");
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        stage.setScene(scene);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), stage::hide);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), stage::hide);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN), stage::hide);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), view.viewModel()::reload);
        stage.show();
        return stage;
    }

    private static String stylesheet(String path) {
        return Objects.requireNonNull(HistoryWindow.class.getResource(path), path).toExternalForm();
    }
}
