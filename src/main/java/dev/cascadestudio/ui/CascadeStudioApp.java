package dev.cascadestudio.ui;

import atlantafx.base.theme.PrimerLight;
import dev.cascadestudio.service.DatabaseSession;
import dev.cascadestudio.service.SettingsStore;
import dev.cascadestudio.service.StartupTimeline;
import dev.cascadestudio.service.UserSummary;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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
    private Startup startup;
    private SettingsStore settings;
    private WindowMemory memory = WindowMemory.NOTHING;
    private ConnectionBook connections;

    /** Test seam: where remembered passwords are kept (the system keyring, or a test's own vault). */
    static volatile Supplier<PasswordVault> vaultFactory = OsKeyring::ofThisMachine;

    /**
     * The start's plan, made before JavaFX starts so that the database opens while the toolkit and the
     * window are being built (two seconds of the start each, before, one after the other); null when
     * the application was started without {@link #launchApp} (tests), which makes it in {@link #start}.
     */
    private static volatile Startup prepared;

    /**
     * The window cannot open: the toolkit found no display to open it on (a {@code DISPLAY} that names
     * no reachable X server, as on a machine reached over ssh without X forwarding).
     */
    public static final class NoDisplayException extends RuntimeException {
        NoDisplayException(String display, Throwable cause) {
            super("the window cannot open: the display " + (display == null || display.isBlank() ? "" : display + " ")
                    + "cannot be reached; the command line works without one, see cascade-studio --help.", cause);
        }
    }

    /** JavaFX's own logger: held, so that the filter below stays set. */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    /**
     * Opens the window; returns once it has closed and the database with it (or after a timeout).
     *
     * @throws NoDisplayException where the toolkit cannot reach the display (the database it began to open is closed first)
     */
    public static void launchApp(String[] args) {
        // JavaFX warns at every start from a class-path jar ("Unsupported JavaFX configuration: classes were
        // loaded from 'unnamed module'"): not the user's to act on, and a second line before any error
        JAVAFX_LOG.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
        Startup startup = Startup.of(LaunchOptions.parse(List.of(args)));
        startup.preopen();
        prepared = startup;
        try {
            Application.launch(CascadeStudioApp.class, args);
        } catch (RuntimeException e) {
            if (!noDisplay(e)) {
                throw e;
            }
            startup.abandon();
            throw new NoDisplayException(System.getenv("DISPLAY"), e);
        }
        CascadeStudioApp app = running;
        if (app != null) {
            app.awaitBackgroundWork(CLOSE_TIMEOUT);
        }
    }

    /** Whether the toolkit failed to start for want of a display (GTK: "Unable to open DISPLAY"). */
    static boolean noDisplay(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnsupportedOperationException && t.getMessage() != null && t.getMessage().contains("Unable to open DISPLAY")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void start(Stage stage) {
        StartupTimeline.mark("fx-start");
        running = this;
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Startup startup = prepared != null ? prepared : Startup.of(LaunchOptions.parse(getParameters().getRaw()));
        prepared = null;
        this.startup = startup;
        settings = startup.settings;
        memory = startup.memory;
        connections = startup.connections;

        // One background thread: database work runs in order, so closing never overtakes a query.
        executor = new UiTaskExecutor("cascade-database", 1);
        viewModel = new MainWindowViewModel(executor, startup, startup.first, startup.fallback);
        viewModel.useConnections(connections);
        graphPlacement = new SideWindowPlacement(memory.graphBounds());

        // The window's first frame is a light one that says what is being opened; the main view, whose
        // controls, skins and CSS are most of the window's start, replaces it right after that frame,
        // while the database opens on its own thread (see Startup).
        Scene scene = new Scene(StartingView.of(startup.first), DEFAULT_WIDTH, DEFAULT_HEIGHT);
        scene.getStylesheets().add(Objects.requireNonNull(
                CascadeStudioApp.class.getResource(StyleClasses.APP_STYLESHEET)).toExternalForm());
        stage.titleProperty().bind(viewModel.windowTitleProperty());
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
        watchFirstLevel(scene, startup);
        viewModel.open();
        afterFirstFrame(stage, scene, () -> {
            view = new MainWindowView(viewModel, graphPlacement);
            StartupTimeline.mark("view-built");
            scene.setRoot(view.root());
            afterPulses(scene, 1, () -> showIcons(stage));
            view.installShortcuts(scene);
            view.focusTree();
            if (!Double.isNaN(memory.divider())) {
                view.setDividerPosition(memory.divider());
            }
        });
    }

    /**
     * Runs {@code work} on the FX thread once the window is on the screen with its first frame drawn: two
     * pulses after it was shown (the starting view's progress bar keeps pulses coming). Building the main
     * view at the first pulse kept the FX thread from answering the window's first expose, and the
     * window stayed blank until the main view was done.
     */
    private static void afterFirstFrame(Stage stage, Scene scene, Runnable work) {
        afterPulses(scene, 2, () -> {
            StartupTimeline.mark("window-frame");
            work.run();
        });
    }

    /**
     * The window's icon, once the main view's first frame is drawn: decoding the seven sizes on a thread of its own,
     * and handing them to the window, took a sixth of the JavaFX thread's time before the first frame (JFR, 1 ms samples).
     */
    private static void showIcons(Stage stage) {
        Thread icons = new Thread(() -> {
            List<javafx.scene.image.Image> images = AppIcon.images();
            javafx.application.Platform.runLater(() -> stage.getIcons().setAll(images));
        }, "cascade-window-icon");
        icons.setDaemon(true);
        icons.start();
    }

    /**
     * Runs {@code work} on the FX thread, after the layout of the {@code count}-th pulse of {@code scene} while its
     * window shows (then taken off the scene's pulse listeners).
     */
    private static void afterPulses(Scene scene, int count, Runnable work) {
        int[] pulses = {0};
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (scene.getWindow() == null || !scene.getWindow().isShowing() || ++pulses[0] < count) {
                return;
            }
            scene.removePostLayoutPulseListener(listener[0]);
            javafx.application.Platform.runLater(work);
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }

    /**
     * The first frame that shows the tree's first level (its users, not "Loading…"): the rest of the open, held
     * by the start's first look until then ({@link Startup#usersShown}), may go on, and the benchmark's milestone
     * is marked. An open that fails lets it go too (the window will show no users).
     */
    private void watchFirstLevel(Scene scene, Startup startup) {
        Runnable[] pulse = new Runnable[1];
        pulse[0] = () -> {
            // the users may be read before the main view is built: the milestone is the frame that shows them
            if (view != null && scene.getRoot() == view.root() && viewModel.tree().firstLevelShown()) {
                StartupTimeline.mark("tree-frame");
                scene.removePostLayoutPulseListener(pulse[0]);
                startup.usersShown();
            } else if (viewModel.phaseProperty().get() == MainWindowViewModel.Phase.FAILED) {
                scene.removePostLayoutPulseListener(pulse[0]);
                startup.usersShown();
            }
        };
        scene.addPostLayoutPulseListener(pulse[0]);
    }

    /**
     * What a start opens and with what: the settings, the remembered window and connections, the
     * database to open first ({@code --db}, else the last one opened, else the embedded one) and the
     * one to fall back on. {@link #preopen} begins opening the first one at once, on a thread of its
     * own; the window's first open then takes that session instead of opening it again.
     */
    private static final class Startup implements MainWindowViewModel.Opener {
        final SettingsStore settings;
        final WindowMemory memory;
        final ConnectionBook connections;
        final LaunchOptions options;
        final DatabaseTarget first;
        final DatabaseTarget fallback;
        private volatile CompletableFuture<DatabaseSession> early;
        /** The users the early open read before its session was ready (never completed where it did not read them). */
        private final CompletableFuture<List<UserSummary>> earlyUsers = new CompletableFuture<>();
        /** Counted down when the window shows the early open's users, or will not: the rest of the open waits for it. */
        private final CountDownLatch usersOnScreen = new CountDownLatch(1);
        /** The longest the open waits for the window: past it, the window is slow for some other reason. */
        private static final Duration HOLD_OPEN_AT_MOST = Duration.ofSeconds(2);

        private Startup(LaunchOptions options, SettingsStore settings, WindowMemory memory, ConnectionBook connections) {
            this.options = options;
            this.settings = settings;
            this.memory = memory;
            this.connections = connections;
            if (options.databaseUrl() != null) {
                first = saved(DatabaseTarget.of(options.databaseUrl()));
                fallback = null;
            } else if (memory.database() != null && !memory.database().isEmbedded()) {
                first = saved(memory.database());
                fallback = DatabaseTarget.EMBEDDED;
            } else {
                first = DatabaseTarget.EMBEDDED;
                fallback = null;
            }
        }

        static Startup of(LaunchOptions options) {
            SettingsStore settings = SettingsStore.inDataHome();
            return new Startup(options, settings, WindowMemory.from(settings.load()),
                    new ConnectionBook(ConnectionList.inDataHome(), vaultFactory.get(), Clock.systemUTC()));
        }

        /**
         * Starts opening the first database on a daemon thread of the common pool. Its failure is not
         * reported here: the window's open meets it again and says why (or falls back). Once its first look
         * has read the users, the rest of the open, and with it the session's first queries (the status bar's
         * counts, the first level read again), waits until the window shows them ({@link #usersShown}), at most
         * {@link #HOLD_OPEN_AT_MOST}: on two cores that work, the JavaFX thread and the JIT compilers share the
         * same cores. When the rest of the open was Hibernate's bootstrap, holding it put the demo's users on the
         * screen about 0.5 s sooner (README, "Start-up and speed").
         */
        void preopen() {
            early = CompletableFuture.supplyAsync(() -> openNow(first, null, users -> {
                earlyUsers.complete(users);
                awaitUsersShown();
            }));
        }

        /** The window shows the first look's users, or will not: the rest of the open may go on. */
        void usersShown() {
            usersOnScreen.countDown();
        }

        private void awaitUsersShown() {
            try {
                usersOnScreen.await(HOLD_OPEN_AT_MOST.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The window will not open: the database {@link #preopen} began is closed once it is open. */
        void abandon() {
            usersShown();
            CompletableFuture<DatabaseSession> started = early;
            early = null;
            if (started != null) {
                try {
                    started.join().close();
                } catch (java.util.concurrent.CompletionException notOpened) {
                    // nothing was opened, nothing to close; the reason the window cannot open is what is told
                }
            }
        }

        /**
         * The window's opener. Its first call for the first database in its default mode takes the session
         * {@link #preopen} began; every other call opens anew. Runs on the window's database thread.
         */
        @Override
        public DatabaseSession open(DatabaseTarget target, DatabaseSession.Mode mode) {
            return open(target, mode, null);
        }

        @Override
        public DatabaseSession open(DatabaseTarget target, DatabaseSession.Mode mode, Consumer<List<UserSummary>> firstUsers) {
            CompletableFuture<DatabaseSession> started = early;
            early = null;
            if (started != null && mode == null && target.equals(first)) {
                if (firstUsers != null) {
                    earlyUsers.thenAccept(firstUsers); // now if they were read already, else when they are
                } else {
                    usersShown(); // nobody shows them
                }
                try {
                    return started.join();
                } catch (java.util.concurrent.CompletionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : e;
                }
            }
            if (started != null) {
                // not wanted after all (the window asked for another database first): closed once it is open
                usersShown();
                started.thenAccept(DatabaseSession::close);
            }
            return openNow(target, mode, firstUsers);
        }

        /**
         * Opens {@code target}; {@code mode} null is its default mode, except that {@code --write} opens the
         * database given with {@code --db} for editing.
         */
        private DatabaseSession openNow(DatabaseTarget target, DatabaseSession.Mode mode, Consumer<List<UserSummary>> firstUsers) {
            DatabaseTarget withPassword = withRememberedPassword(target);
            boolean writeAtStart = options.write() && options.databaseUrl() != null
                    && DatabaseTarget.of(options.databaseUrl()).url().equals(target.url());
            DatabaseSession.Mode chosen = mode != null ? mode
                    : writeAtStart ? DatabaseSession.Mode.EDITING : DatabaseSession.defaultMode(withPassword.url());
            return DatabaseSession.open(withPassword.url(), withPassword.user(), withPassword.password(), chosen, target.tier(),
                    firstUsers);
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
        if (startup != null) {
            startup.usersShown(); // a window closed before it showed them: the open it began goes on without waiting
        }
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
