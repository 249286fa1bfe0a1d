package dev.cascadestudio.ui.main;

import dev.cascadestudio.service.BrowseService;
import dev.cascadestudio.service.DatabaseSession;
import dev.cascadestudio.service.FailureMessages;
import dev.cascadestudio.service.connections.ConnectionBook;
import dev.cascadestudio.service.connections.ConnectionList;
import dev.cascadestudio.service.connections.PasswordVault;
import dev.cascadestudio.ui.details.RowDetailsViewModel;
import dev.cascadestudio.ui.search.SearchViewModel;
import dev.cascadestudio.ui.task.Activity;
import dev.cascadestudio.ui.task.TaskExecutor;
import dev.cascadestudio.ui.tree.BrowserTreeModel;
import dev.cascadestudio.ui.tree.TreeEntry;
import dev.cascadestudio.cascade.Root;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.TreeItem;

/**
 * State of the main window: the open database, the status bar, and the three parts that show it —
 * the tree, the details and the search. Every database call goes through the one {@link Activity};
 * the methods here are called on the FX thread and return at once.
 */
public final class MainWindowViewModel {

    public enum Phase { OPENING, READY, FAILED }

    static final String APP_NAME = "Cascade Studio";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** What the status bar says about the database; read off the FX thread. */
    private record Overview(String description, long users, long totalRows) {
        static final long NOT_COUNTED = -1;

        /**
         * The database's description only: what a start needs before the tree. The counts (one
         * {@code COUNT(*)} per table, seconds on a server's million-row tables) follow after the tree's
         * first level, so they never hold it up.
         */
        static Overview described(BrowseService browse) {
            return new Overview(browse.databaseDescription(), NOT_COUNTED, NOT_COUNTED);
        }

        boolean counted() {
            return users != NOT_COUNTED;
        }

        static Overview read(BrowseService browse) {
            long users = browse.userSummaries().stream().filter(u -> !u.isUnowned()).count();
            return new Overview(browse.databaseDescription(), users, browse.totalRows());
        }
    }

    private record Opened(DatabaseSession session, Overview overview, DatabaseTarget target, String notice) {}

    /**
     * Opens a database in a mode ({@code null}: the database's default, editing only for the embedded
     * one); called on a background thread, may throw with a message meant for the administrator.
     */
    @FunctionalInterface
    public interface Opener {
        DatabaseSession open(DatabaseTarget target, DatabaseSession.Mode mode);

        /**
         * {@link #open(DatabaseTarget, DatabaseSession.Mode)}, giving {@code firstUsers} the database's users if they
         * can be read before the session is ready (on any thread, at most once, before this returns). This one
         * never does.
         */
        default DatabaseSession open(DatabaseTarget target, DatabaseSession.Mode mode,
                java.util.function.Consumer<List<dev.cascadestudio.service.UserSummary>> firstUsers) {
            return open(target, mode);
        }
    }

    private final Opener opener;
    /** What {@link #open()} opens: at first the start database, after a switch the database switched to. */
    private DatabaseTarget target;
    /** Opened instead when {@link #target} cannot be (the last database of an earlier run); null: none. */
    private DatabaseTarget fallback;
    private final Activity activity;
    private final BrowserTreeModel tree;
    private final RowDetailsViewModel details;
    private final SearchViewModel search;
    private final dev.cascadestudio.ui.grid.GridViewModel grid;
    /*
     * Shared with background work, hence atomic: an open that completes after close() was called
     * sees the flag and closes what it opened; otherwise the close work finds the session here.
     */
    private final AtomicReference<DatabaseSession> session = new AtomicReference<>();
    private final AtomicBoolean closeRequested = new AtomicBoolean();
    private final TaskExecutor executor;

    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.OPENING);
    private final BooleanProperty connected = new SimpleBooleanProperty();
    private final BooleanProperty refreshing = new SimpleBooleanProperty();
    private final BooleanBinding canRefresh = connected.and(refreshing.not());
    /** What to run after the refresh asked for while another was under way (see {@link #refresh(Runnable)}). */
    private final List<Runnable> refreshAgain = new ArrayList<>();
    private final StringProperty windowTitle = new SimpleStringProperty(APP_NAME);
    private final StringProperty databaseDescription = new SimpleStringProperty("No database open");
    private final StringProperty contentSummary = new SimpleStringProperty("");
    private final StringProperty userCount = new SimpleStringProperty("");
    /** The outcome of the last thing done ("Ready", "Refreshed at …"); shown when nothing runs. */
    private final StringProperty outcome = new SimpleStringProperty("");
    private final StringProperty statusMessage = new SimpleStringProperty("");
    private final StringProperty errorTitle = new SimpleStringProperty("");
    private final StringProperty errorMessage = new SimpleStringProperty("");
    /** Something the administrator should read once, such as why the last database was not opened; "" for none. */
    static final String INTERRUPTED_DELETE_UNDONE = "A delete that was cut off (the program stopped while it"
            + " was committing) has been undone: the database is exactly as it was before that delete.";

    private final StringProperty notice = new SimpleStringProperty("");
    static final String INTERRUPTED_DELETE_PENDING = "A delete on this database was cut off (the program stopped while"
            + " it was committing). Nothing has been put back, because the database is open read-only: switch to editing"
            + " (toolbar: Edit) to restore it as it was before that delete.";

    private final ObjectProperty<DatabaseTarget> openTarget = new SimpleObjectProperty<>();
    private final BooleanProperty switching = new SimpleBooleanProperty();
    /** The saved connections "Open…" offers; none remembered, and no keyring, until the application gives its own. */
    private ConnectionBook connections = new ConnectionBook(ConnectionList.inDataHome(),
            PasswordVault.unavailable("No keyring is used here; the password is asked each time."), Clock.systemUTC());
    /** The open session's mode; null while none is open. */
    private final ObjectProperty<DatabaseSession.Mode> mode = new SimpleObjectProperty<>();
    private final ObjectProperty<dev.cascadestudio.service.connections.ConnectionTier> tier = new SimpleObjectProperty<>(dev.cascadestudio.service.connections.ConnectionTier.DEVELOPMENT);
    private final BooleanBinding writable = Bindings.equal(DatabaseSession.Mode.EDITING, mode);
    /** The band under the toolbar: "Read-only — SQLite · /path/sql.db"; "" while no database is open. */
    private final StringProperty band = new SimpleStringProperty("");
    private final BooleanProperty interruptedDeletePending = new SimpleBooleanProperty();

    /** A window over whatever {@code opener} opens (tests); opening another database opens that again. */
    public MainWindowViewModel(TaskExecutor executor, Supplier<DatabaseSession> opener) {
        this(executor, (target, mode) -> opener.get(), DatabaseTarget.EMBEDDED, null);
    }

    /**
     * @param start    the database to open first
     * @param fallback opened instead, with a notice saying why, if {@code start} cannot be opened;
     *                 null to show the error state instead
     */
    public MainWindowViewModel(TaskExecutor executor, Opener opener, DatabaseTarget start, DatabaseTarget fallback) {
        this.executor = executor;
        this.opener = Objects.requireNonNull(opener);
        this.target = Objects.requireNonNull(start);
        this.fallback = fallback;
        this.activity = new Activity(executor);
        this.tree = new BrowserTreeModel(activity, outcome::set);
        this.details = new RowDetailsViewModel(activity);
        this.search = new SearchViewModel(activity, tree::reveal);
        this.grid = new dev.cascadestudio.ui.grid.GridViewModel(activity);
        tree.selectedItemProperty().addListener((o, old, item) -> {
            if (details.keepsEditing(entry(item))) {
                // unsaved edits stay: the selection goes back to the row being edited, after this change is done
                Platform.runLater(() -> tree.selectedItemProperty().set(old));
            } else {
                details.show(entry(item));
            }
        });
        details.editor().setOnSaved(row -> refresh(() -> tree.reveal(row)));
        activity.messageProperty().addListener((o, old, message) -> updateStatus());
        activity.busyProperty().addListener((o, was, busy) -> updateStatus());
        outcome.addListener((o, old, message) -> updateStatus());
    }

    /** Opens the database and shows its users; the window shows progress meanwhile. */
    public void open() {
        phase.set(Phase.OPENING);
        DatabaseTarget first = target;
        DatabaseTarget instead = fallback;
        activity.run("Opening database…", () -> {
            DatabaseSession opened;
            DatabaseTarget openedTarget = first;
            String why = "";
            try {
                // the users, if they are read before the session is ready, are shown at once (a start's first look)
                opened = opener.open(first, null, users -> executor.onUiThread(() -> showFirstUsers(first, users)));
            } catch (RuntimeException e) {
                if (instead == null || instead.equals(first)) {
                    throw e;
                }
                executor.onUiThread(tree::detach); // the users of the database that did not open, if shown
                opened = opener.open(instead, null);
                openedTarget = instead;
                why = "The last database could not be opened (" + first.describe() + "): "
                        + FailureMessages.describe(e) + " " + capitalised(instead.describe()) + " is open instead.";
            }
            session.set(opened);
            try {
                if (closeRequested.get()) {
                    closeSession();
                    return null;
                }
                Overview overview = Overview.described(opened.browse());
                return new Opened(opened, overview, openedTarget, why);
            } catch (RuntimeException e) {
                closeSession();
                throw e;
            }
        }, this::opened, failure -> {
            tree.detach(); // the users of the database that did not open, if shown
            failed("Cannot open the database", failure);
        });
    }

    /** The users {@code target}'s open read before its session was ready, for the tree, while it still opens. */
    private void showFirstUsers(DatabaseTarget target, List<dev.cascadestudio.service.UserSummary> users) {
        if (!closeRequested.get() && !connected.get() && target.equals(this.target)) {
            tree.showFirstUsers(users);
        }
    }

    /**
     * Opens {@code next} in the background and, once it is open, shows it instead of the current
     * database, which is then closed. If it cannot be opened, the current database stays and
     * {@code failed} gets the reason as one sentence. Callbacks run on the FX thread.
     */
    public void switchTo(DatabaseTarget next, Runnable done, java.util.function.Consumer<String> failed) {
        reopen(next, null, "Opening " + next.describe() + "…", done, failed);
    }

    /**
     * Opens the database that is open now again in {@code next} mode (read-only, or editing), and shows
     * it; the session open now is closed once the new one is open. Switching to editing runs what an
     * editing open runs, the recovery of a delete a crash cut off included. If it cannot be opened so,
     * the current session stays and {@code failed} gets the reason.
     */
    public void switchMode(DatabaseSession.Mode next, Runnable done, java.util.function.Consumer<String> failed) {
        DatabaseTarget current = openTarget.get();
        if (current == null || next == mode.get()) {
            return;
        }
        reopen(current, next, next == DatabaseSession.Mode.EDITING ? "Opening " + current.describe() + " for editing…"
                : "Opening " + current.describe() + " read-only…", done, failed);
    }

    private void reopen(DatabaseTarget next, DatabaseSession.Mode nextMode, String message, Runnable done,
            java.util.function.Consumer<String> failed) {
        if (closeRequested.get() || switching.get()) {
            return;
        }
        switching.set(true);
        // an H2 file is locked by whoever has it open: the session open now lets go of it first when the
        // same database is opened again in another mode
        DatabaseSession sameDatabase = nextMode != null ? session.get() : null;
        if (sameDatabase != null) {
            connected.set(false);
            tree.detach();
            details.detach();
            search.detach();
            grid.detach();
        }
        activity.run(message, () -> {
            if (sameDatabase != null && session.compareAndSet(sameDatabase, null)) {
                sameDatabase.close();
            }
            DatabaseSession opened;
            try {
                opened = opener.open(next, nextMode);
            } catch (RuntimeException e) {
                if (sameDatabase == null) {
                    throw e;
                }
                // the database as it was stays open: in the mode it had
                DatabaseSession back = opener.open(next, sameDatabase.mode());
                Opened before;
                try {
                    before = new Opened(back, Overview.read(back.browse()), next, "");
                } catch (RuntimeException readFailure) {
                    back.close();
                    throw e;
                }
                throw new ReopenedAsBefore(before, e);
            }
            try {
                return new Opened(opened, Overview.read(opened.browse()), next, "");
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
        }, opened -> {
            switching.set(false);
            if (closeRequested.get()) {
                activity.run("Closing database…", () -> {
                    opened.session().close();
                    return null;
                }, ignored -> {}, ignoredFailure -> {});
                return;
            }
            connected.set(false);
            tree.detach();
            details.detach();
            search.detach();
            grid.detach();
            DatabaseSession previous = session.getAndSet(opened.session());
            if (previous != null) {
                activity.run("Closing the previous database…", () -> {
                    previous.close();
                    return null;
                }, ignored -> {}, ignoredFailure -> {});
            }
            target = next;
            fallback = null;
            openTarget.set(null); // the same URL opened again is still another session
            opened(opened);
            done.run();
        }, failure -> {
            switching.set(false);
            if (failure instanceof ReopenedAsBefore reopened) {
                session.set(reopened.opened.session());
                openTarget.set(null);
                opened(reopened.opened);
                failed.accept(FailureMessages.describe(reopened.getCause()));
                return;
            }
            failed.accept(FailureMessages.describe(failure));
        });
    }

    /** A mode switch that failed, after which the database was opened again as it was. */
    private static final class ReopenedAsBefore extends RuntimeException {
        final transient Opened opened;

        ReopenedAsBefore(Opened opened, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.opened = opened;
        }
    }

    /** Shows {@code text} in the notice bar until it is dismissed. */
    public void showNotice(String text) {
        notice.set(text);
    }

    /** Hides the notice. */
    public void dismissNotice() {
        notice.set("");
    }

    /** F5: reads the counts and every open node again; expansion and selection stay. */
    public void refresh() {
        refresh(() -> {});
    }

    /**
     * Refreshes, then runs {@code after} (e.g. selects a row just created). Asked for while a refresh
     * is under way (an Undo or a save that ends while the tree is still being read after a delete),
     * it is not dropped: what the running refresh read may be from before the change, so the data is
     * read once more when it ends, and {@code after} runs then.
     */
    private void refresh(Runnable after) {
        DatabaseSession open = session.get();
        if (!connected.get() || open == null) {
            return;
        }
        if (refreshing.get()) {
            refreshAgain.add(after);
            return;
        }
        refreshing.set(true);
        BrowseService browse = open.browse();
        grid.reload();
        activity.run("Refreshing…", () -> Overview.read(browse), overview -> {
            show(overview);
            tree.refresh(() -> details.refresh(entry(tree.selectedItemProperty().get()), () -> {
                refreshing.set(false);
                outcome.set("Refreshed at " + LocalTime.now().format(CLOCK));
                after.run();
                refreshAgainIfAsked();
            }), () -> {
                refreshing.set(false);
                refreshAgainIfAsked();
            });
        }, failure -> {
            refreshing.set(false);
            refreshAgain.clear();
            failed("Cannot read the database", failure);
        });
    }

    private void refreshAgainIfAsked() {
        if (!refreshAgain.isEmpty()) {
            List<Runnable> afters = List.copyOf(refreshAgain);
            refreshAgain.clear();
            refresh(() -> afters.forEach(Runnable::run));
        }
    }

    /** The error state's "Try again": opens again, or reads again if the database is open. */
    public void retry() {
        if (!connected.get()) {
            open();
        } else {
            refresh();
        }
    }

    /** Closes the database in the background. Called once, when the window goes away. */
    public void close() {
        if (closeRequested.getAndSet(true)) {
            return;
        }
        connected.set(false);
        details.detach(); // first: its unsaved edits go with the window, no question asked when the tree empties
        tree.detach();
        search.detach();
        grid.detach();
        activity.run("Closing database…", () -> {
            closeSession();
            return null;
        }, ignored -> outcome.set("Closed"), failure -> outcome.set("Closed"));
    }

    /** Background work only. Whoever takes the session closes it, so it is closed exactly once. */
    private void closeSession() {
        DatabaseSession open = session.getAndSet(null);
        if (open != null) {
            open.close();
        }
    }

    private void opened(Opened opened) {
        if (opened == null || closeRequested.get()) {
            return;
        }
        dev.cascadestudio.service.StartupTimeline.mark("session-on-fx-thread");
        DatabaseSession open = opened.session();
        target = opened.target();
        fallback = null;
        openTarget.set(opened.target());
        String prefix = opened.notice().isEmpty() ? "" : opened.notice() + " ";
        // why editing was refused, or else what differs from the schema: a read-only open says so too
        String differs = open.readOnlyBecause().isEmpty() ? open.schemaDiffers() : open.readOnlyBecause();
        String schema = differs.isEmpty() ? "" : " " + differs;
        notice.set(((open.interruptedDeleteUndone() ? prefix + INTERRUPTED_DELETE_UNDONE
                : open.interruptedDeletePending() ? prefix + INTERRUPTED_DELETE_PENDING
                : opened.notice()) + schema).strip());
        interruptedDeletePending.set(open.interruptedDeletePending());
        mode.set(open.mode());
        tier.set(open.tier());
        connected.set(true);
        databaseDescription.set(opened.overview().description());
        // a saved connection's name first ("Factory production · H2 · /srv/…"), so the band says which one it is
        String named = (opened.target().connectionName() == null ? "" : opened.target().connectionName() + " · ")
                + opened.overview().description();
        band.set(modeWord(open) + " — " + named);
        windowTitle.set(APP_NAME + " — " + modeWord(open) + " — " + named);
        show(opened.overview());
        details.attach(open.rowEdit());
        search.attach(open.search());
        if (tree.attach(open.tree(), open.browse()) && entry(tree.selectedItemProperty().get()) instanceof TreeEntry.RowEntry chosen) {
            details.show(chosen); // a user chosen while only the first look was shown: its details can be read now
        }
        grid.attach(open.grid());
        outcome.set(open.demoDataLoaded() ? "New database created with demo data" : "Ready");
        if (!opened.overview().counted()) {
            BrowseService browse = open.browse();
            activity.run("Counting rows…", () -> Overview.read(browse), counted -> {
                if (session.get() == open) {
                    show(counted);
                }
            }, failure -> outcome.set("Could not count the rows: " + FailureMessages.describe(failure)));
        }
    }

    /** "Read-only" or "Editing", and "production" where the tier says so. */
    private static String modeWord(DatabaseSession open) {
        String word = open.writable() ? "Editing" : "Read-only";
        return open.tier() == dev.cascadestudio.service.connections.ConnectionTier.PRODUCTION ? word + " (production)" : word;
    }

    private void show(Overview overview) {
        errorTitle.set("");
        errorMessage.set("");
        phase.set(Phase.READY);
        if (!overview.counted()) {
            userCount.set("");
            contentSummary.set("");
            return;
        }
        userCount.set(String.format("%,d", overview.users()));
        String userWord = overview.users() == 1 ? "1 user" : String.format("%,d users", overview.users());
        contentSummary.set(userWord + " · " + (overview.totalRows() == 1 ? "1 row"
                : String.format("%,d rows", overview.totalRows())));
        errorTitle.set("");
        errorMessage.set("");
        phase.set(Phase.READY);
    }

    private void failed(String title, Throwable failure) {
        errorTitle.set(title);
        errorMessage.set(FailureMessages.describe(failure));
        outcome.set(title);
        phase.set(Phase.FAILED);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private void updateStatus() {
        statusMessage.set(activity.busyProperty().get() ? activity.messageProperty().get() : outcome.get());
    }

    private static TreeEntry entry(TreeItem<TreeEntry> item) {
        return item == null ? null : item.getValue();
    }

    /**
     * The selected rows as delete roots, in the order they were selected; groups, "Unowned" and
     * placeholders are left out, and a row selected twice (two versions) counts once.
     */
    public List<Root> selectedRoots() {
        Set<Root> roots = new LinkedHashSet<>();
        for (TreeItem<TreeEntry> item : tree.selection()) {
            if (entry(item) instanceof TreeEntry.RowEntry row) {
                roots.add(new Root(row.row().table(), row.row().uid()));
            }
        }
        return List.copyOf(roots);
    }

    /** The open database's services, or null while none is open. */
    public DatabaseSession openSession() {
        return connected.get() ? session.get() : null;
    }

    /** The saved connections and the keyring "Open…" uses. */
    public ConnectionBook connections() { return connections; }

    public void useConnections(ConnectionBook book) {
        this.connections = Objects.requireNonNull(book);
    }

    public TaskExecutor executor() { return executor; }
    public BrowserTreeModel tree() { return tree; }
    public RowDetailsViewModel details() { return details; }
    public SearchViewModel search() { return search; }
    /** The grid of one table (toolbar: Tables). */
    public dev.cascadestudio.ui.grid.GridViewModel grid() { return grid; }
    public ReadOnlyObjectProperty<Phase> phaseProperty() { return phase; }
    public ReadOnlyBooleanProperty busyProperty() { return activity.busyProperty(); }
    public BooleanBinding canRefreshProperty() { return canRefresh; }
    public ReadOnlyStringProperty windowTitleProperty() { return windowTitle; }
    public ReadOnlyStringProperty databaseDescriptionProperty() { return databaseDescription; }
    public ReadOnlyStringProperty contentSummaryProperty() { return contentSummary; }
    public ReadOnlyStringProperty userCountProperty() { return userCount; }
    public ReadOnlyStringProperty statusMessageProperty() { return statusMessage; }
    public ReadOnlyStringProperty errorTitleProperty() { return errorTitle; }
    public ReadOnlyStringProperty errorMessageProperty() { return errorMessage; }
    public ReadOnlyStringProperty noticeProperty() { return notice; }
    /** The database open now (null before the first one is); changes when another one is opened. */
    public ReadOnlyObjectProperty<DatabaseTarget> openTargetProperty() { return openTarget; }
    /** True while another database is being opened. */
    public ReadOnlyBooleanProperty switchingProperty() { return switching; }
    /** The open session's mode; null while none is open. */
    public ReadOnlyObjectProperty<DatabaseSession.Mode> modeProperty() { return mode; }
    public ReadOnlyObjectProperty<dev.cascadestudio.service.connections.ConnectionTier> tierProperty() { return tier; }
    /** True while the open session may write (the toolbar's Edit is on). */
    public BooleanBinding writableProperty() { return writable; }
    /** The mode band's text: "Read-only — SQLite · /path/sql.db". */
    public ReadOnlyStringProperty bandProperty() { return band; }
    /** True when the read-only session open now found a delete a crash cut off, and left it as it is. */
    public ReadOnlyBooleanProperty interruptedDeletePendingProperty() { return interruptedDeletePending; }
}
