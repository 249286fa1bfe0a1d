package dev.cascadestudio.ui;

import atlantafx.base.theme.PrimerLight;
import dev.cascadestudio.service.DatabaseSession;
import dev.cascadestudio.service.SettingsStore;
import dev.cascadestudio.service.connections.ConnectionBook;
import dev.cascadestudio.service.connections.ConnectionList;
import dev.cascadestudio.service.connections.OsKeyring;
import dev.cascadestudio.service.connections.PasswordVault;
import dev.cascadestudio.ui.main.DatabaseTarget;
import dev.cascadestudio.ui.main.MainWindowView;
import dev.cascadestudio.ui.main.MainWindowViewModel;
import dev.cascadestudio.ui.task.UiTaskExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
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
    private MainWindowView view;
    private Stage stage;
    private StagePlacement placement;
    private SideWindowPlacement graphPlacement;
    private SettingsStore settings;
    private WindowMemory memory = WindowMemory.NOTHING;
    private ConnectionBook connections;

    /** Test seam: where remembered passwords are kept (the system keyring, or a test's own vault). */
    static volatile Supplier<PasswordVault> vaultFactory = OsKeyring::ofThisMachine;

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
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        LaunchOptions options = LaunchOptions.parse(getParameters().getRaw());
        settings = SettingsStore.inDataHome();
        memory = WindowMemory.from(settings.load());
        connections = new ConnectionBook(ConnectionList.inDataHome(), vaultFactory.get(), Clock.systemUTC());

        // One background thread: database work runs in order, so closing never overtakes a query.
        executor = new UiTaskExecutor("cascade-database", 1);
        viewModel = startDatabase(options);
        viewModel.useConnections(connections);
        graphPlacement = new SideWindowPlacement(memory.graphBounds());
        view = new MainWindowView(viewModel, graphPlacement);

        Scene scene = new Scene(view.root(), DEFAULT_WIDTH, DEFAULT_HEIGHT);
        scene.getStylesheets().add(Objects.requireNonNull(
                CascadeStudioApp.class.getResource(StyleClasses.APP_STYLESHEET)).toExternalForm());
        view.installShortcuts(scene);

        stage.titleProperty().bind(viewModel.windowTitleProperty());
        stage.getIcons().setAll(AppIcon.images());
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.setScene(scene);
        placement = new StagePlacement(stage);
        restoreWindow();
        // unsaved edits in the details pane are not lost silently: closing asks first
        stage.setOnCloseRequest(event -> {
            if (viewModel.details().keepsEditing(null)) {
                event.consume();
            }
        });
        stage.show();

        viewModel.open();
    }

    /**
     * {@code --db} opens that database. Otherwise the last database opened is opened again; if it
     * cannot be any more, the embedded one is, and the window says why.
     */
    private MainWindowViewModel startDatabase(LaunchOptions options) {
        DatabaseTarget writeAtStart = options.write() && options.databaseUrl() != null ? DatabaseTarget.of(options.databaseUrl()) : null;
        MainWindowViewModel.Opener opener = (target, mode) -> {
            DatabaseTarget withPassword = withRememberedPassword(target);
            // --write: the database given with --db opens for editing, when it is opened by default
            DatabaseSession.Mode chosen = mode == null && writeAtStart != null && writeAtStart.url().equals(target.url())
                    ? DatabaseSession.Mode.EDITING : mode;
            return chosen == null ? DatabaseSession.open(withPassword.url(), withPassword.user(), withPassword.password(),
                            DatabaseSession.defaultMode(withPassword.url()), target.tier())
                    : DatabaseSession.open(withPassword.url(), withPassword.user(), withPassword.password(), chosen, target.tier());
        };
        if (options.databaseUrl() != null) {
            return new MainWindowViewModel(executor, opener, saved(DatabaseTarget.of(options.databaseUrl())), null);
        }
        DatabaseTarget last = memory.database();
        if (last != null && !last.isEmbedded()) {
            return new MainWindowViewModel(executor, opener, saved(last), DatabaseTarget.EMBEDDED);
        }
        return new MainWindowViewModel(executor, opener, DatabaseTarget.EMBEDDED, null);
    }

    /** The saved connection's name and tier for a database given by URL (its tier is the list's, not a default). */
    private DatabaseTarget saved(DatabaseTarget target) {
        return connections.forTarget(target.url(), target.user())
                .map(c -> new DatabaseTarget(target.url(), target.user(), target.password(), c.name(), c.tier()))
                .orElse(target);
    }

    /** Background work: a target without a password gets the one the keyring remembers for it, if any. */
    private DatabaseTarget withRememberedPassword(DatabaseTarget target) {
        if (target.isEmbedded() || target.password() != null) {
            return target;
        }
        return connections.forTarget(target.url(), target.user()).flatMap(connections::password)
                .map(target::withPassword).orElse(target);
    }

    /**
     * Size, position, maximised state and divider as they were when the window last closed (the
     * graph window's place is {@link SideWindowPlacement}'s).
     */
    private void restoreWindow() {
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        memory.boundsOn(screens).ifPresentOrElse(bounds -> {
            stage.setX(bounds.getMinX());
            stage.setY(bounds.getMinY());
            stage.setWidth(Math.max(MIN_WIDTH, bounds.getWidth()));
            stage.setHeight(Math.max(MIN_HEIGHT, bounds.getHeight()));
        }, () -> {
            stage.setWidth(DEFAULT_WIDTH);
            stage.setHeight(DEFAULT_HEIGHT);
            stage.centerOnScreen();
        });
        stage.setMaximized(memory.maximized());
        if (!Double.isNaN(memory.divider())) {
            view.setDividerPosition(memory.divider());
        }
    }

    /** Remembers the window for the next start; a failure to write only costs that memory. */
    private void saveWindow() {
        DatabaseTarget database = viewModel.openTargetProperty().get();
        WindowMemory now = new WindowMemory(placement.normalBounds(), stage.isMaximized(), view.dividerPosition(),
                database != null ? database : memory.database(), graphPlacement.remembered());
        try {
            settings.save(now.toSettings());
        } catch (RuntimeException e) {
            System.getLogger(CascadeStudioApp.class.getName()).log(System.Logger.Level.WARNING, e.getMessage());
        }
    }

    /** Remembers the window, then hands the database's close to the background thread; the FX thread does not wait for it. */
    @Override
    public void stop() {
        if (view != null && settings != null) {
            saveWindow();
        }
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
