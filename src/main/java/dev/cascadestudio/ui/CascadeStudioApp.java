package dev.cascadestudio.ui;

import atlantafx.base.theme.PrimerLight;
import dev.cascadestudio.service.DatabaseSession;
import dev.cascadestudio.ui.main.MainWindowView;
import dev.cascadestudio.ui.main.MainWindowViewModel;
import dev.cascadestudio.ui.task.UiTaskExecutor;
import java.time.Duration;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

/**
 * The desktop application: one window over one database. The window appears at once; the database
 * is opened by a background task, and the window shows progress, the tree, or why it could not.
 */
public final class CascadeStudioApp extends Application {

    private static final double DEFAULT_WIDTH = 1200;
    private static final double DEFAULT_HEIGHT = 760;
    private static final double MIN_WIDTH = 880;
    private static final double MIN_HEIGHT = 560;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    /** The running instance, so that the launcher thread can wait for the database to close. */
    private static volatile CascadeStudioApp running;

    private UiTaskExecutor executor;
    private MainWindowViewModel viewModel;

    /** Opens the window; returns once it has closed and the database with it (or after a timeout). */
    public static void launchApp(String[] args) {
        Application.launch(CascadeStudioApp.class, args);
        CascadeStudioApp app = running;
        if (app != null) {
            app.awaitBackgroundWork(CLOSE_TIMEOUT);
        }
    }

    @Override
    public void start(Stage stage) {
        running = this;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        LaunchOptions options = LaunchOptions.parse(getParameters().getRaw());

        // One background thread: database work runs in order, so closing never overtakes a query.
        executor = new UiTaskExecutor("cascade-database", 1);
        viewModel = new MainWindowViewModel(executor, () -> DatabaseSession.open(options.databaseUrl(), null, null));
        MainWindowView view = new MainWindowView(viewModel);

        Scene scene = new Scene(view.root(), DEFAULT_WIDTH, DEFAULT_HEIGHT);
        scene.getStylesheets().add(Objects.requireNonNull(
                CascadeStudioApp.class.getResource(StyleClasses.APP_STYLESHEET)).toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), viewModel::refresh);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DELETE), view::deleteSelected);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN), view::showGraph);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), view::focusSearch);

        stage.titleProperty().bind(viewModel.windowTitleProperty());
        stage.getIcons().setAll(AppIcon.images());
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.setScene(scene);
        // unsaved edits in the details pane are not lost silently: closing asks first
        stage.setOnCloseRequest(event -> {
            if (viewModel.details().keepsEditing(null)) {
                event.consume();
            }
        });
        stage.show();

        viewModel.open();
    }

    /** Hands the database's close to the background thread; the FX thread does not wait for it. */
    @Override
    public void stop() {
        if (viewModel != null) {
            viewModel.close();
        }
        if (executor != null) {
            executor.shutdown();
        }
    }

    /**
     * Waits until the database work handed over before {@link #stop()} is done; false on timeout.
     * Called by the launcher thread (or a test), never by the FX thread.
     */
    public boolean awaitBackgroundWork(Duration timeout) {
        if (executor == null) {
            return true;
        }
        try {
            return executor.awaitTermination(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
