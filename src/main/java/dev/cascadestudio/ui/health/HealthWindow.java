package dev.cascadestudio.ui.health;

import dev.cascadestudio.service.HealthService;
import dev.cascadestudio.service.RowRef;
import dev.cascadestudio.ui.StyleClasses;
import dev.cascadestudio.ui.task.TaskExecutor;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The Health window: what is broken in the open database. Closed by Esc or Ctrl+W; F5 checks again. */
public final class HealthWindow {

    private static final double WIDTH = 1040;
    private static final double HEIGHT = 640;

    private HealthWindow() {}

    /** Opens it over {@code owner} and checks the database at once; {@code reveal} shows a row in the main tree. */
    public static Stage show(Window owner, HealthService health, TaskExecutor executor, String database, Consumer<RowRef> reveal) {
        return show(owner, health, executor, database, reveal, repairs -> { });
    }

    /**
     * The same, with {@code fix} opening the preview of a fix. The stage's user data is its {@link HealthViewModel},
     * so that whoever commits a fix can have it check again ({@link HealthViewModel#check}).
     */
    public static Stage show(Window owner, HealthService health, TaskExecutor executor, String database, Consumer<RowRef> reveal,
                             Consumer<java.util.List<dev.cascadestudio.cascade.Repair>> fix) {
        return show(owner, health, executor, database, reveal, fix, "");
    }

    /** The same, where {@code fixRefused} says why no fix can be made (empty where they can). */
    public static Stage show(Window owner, HealthService health, TaskExecutor executor, String database, Consumer<RowRef> reveal,
                             Consumer<java.util.List<dev.cascadestudio.cascade.Repair>> fix, String fixRefused) {
        HealthView view = new HealthView(new HealthViewModel(health, executor, reveal, fix, fixRefused));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view.root(), Math.min(WIDTH, screen.getWidth() - 40), Math.min(HEIGHT, screen.getHeight() - 40));
        scene.getStylesheets().addAll(stylesheet(StyleClasses.APP_STYLESHEET), stylesheet(StyleClasses.HEALTH_STYLESHEET));
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("Health — " + database + " — Cascade Studio");
        stage.setMinWidth(720);
        stage.setMinHeight(420);
        stage.setScene(scene);
        stage.setUserData(view.viewModel());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), stage::hide);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), stage::hide);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), view.viewModel()::check);
        stage.show();
        view.focusFindings();
        view.viewModel().check();
        return stage;
    }

    private static String stylesheet(String path) {
        return Objects.requireNonNull(HealthWindow.class.getResource(path), path).toExternalForm();
    }
}
