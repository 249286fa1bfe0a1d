package dev.cascadestudio.ui.main;

import dev.cascadestudio.service.BrowseService;
import dev.cascadestudio.service.DatabaseSession;
import dev.cascadestudio.service.FailureMessages;
import dev.cascadestudio.service.UserSummary;
import dev.cascadestudio.ui.task.BackgroundTask;
import dev.cascadestudio.ui.task.TaskExecutor;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
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
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the first window: the open database, its users and the selection. Every database call
 * goes through the {@link TaskExecutor}; the methods here are called on the FX thread and return at
 * once.
 */
public final class MainWindowViewModel {

    public enum Phase { OPENING, READY, FAILED }

    static final String APP_NAME = "Cascade Studio";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** What one background read brings back; built off the FX thread. */
    private record Overview(String description, List<UserSummary> users, long totalRows) {
        static Overview read(BrowseService browse) {
            return new Overview(browse.databaseDescription(), browse.userSummaries(), browse.totalRows());
        }
    }

    private record Opened(boolean demoDataLoaded, Overview overview) {}

    private final TaskExecutor executor;
    private final Supplier<DatabaseSession> opener;
    /*
     * Shared with background work, hence atomic: an open that completes after close() was called
     * sees the flag and closes what it opened; otherwise the close work finds the session here.
     */
    private final AtomicReference<DatabaseSession> session = new AtomicReference<>();
    private final AtomicBoolean closeRequested = new AtomicBoolean();
    private int runningTasks;

    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.OPENING);
    private final ObservableList<UserSummary> users = FXCollections.observableArrayList();
    private final ObservableList<UserSummary> readOnlyUsers = FXCollections.unmodifiableObservableList(users);
    private final ObjectProperty<UserSummary> selectedUser = new SimpleObjectProperty<>();
    private final ObservableValue<UserDetails> details = Bindings.createObjectBinding(
            () -> UserDetails.of(selectedUser.get()), selectedUser);
    private final BooleanProperty connected = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanBinding canRefresh = connected.and(busy.not());
    private final StringProperty windowTitle = new SimpleStringProperty(APP_NAME);
    private final StringProperty databaseDescription = new SimpleStringProperty("No database open");
    private final StringProperty contentSummary = new SimpleStringProperty("");
    private final StringProperty userCount = new SimpleStringProperty("");
    private final StringProperty statusMessage = new SimpleStringProperty("");
    private final StringProperty listPlaceholder = new SimpleStringProperty("Loading users…");
    private final StringProperty errorTitle = new SimpleStringProperty("");
    private final StringProperty errorMessage = new SimpleStringProperty("");

    /**
     * @param opener opens the database; called on a background thread, may throw with a message
     *               meant for the administrator
     */
    public MainWindowViewModel(TaskExecutor executor, Supplier<DatabaseSession> opener) {
        this.executor = Objects.requireNonNull(executor);
        this.opener = Objects.requireNonNull(opener);
    }

    /** Opens the database and reads the users; the window shows progress meanwhile. */
    public void open() {
        phase.set(Phase.OPENING);
        listPlaceholder.set("Loading users…");
        run("Opening database…", () -> {
            DatabaseSession opened = opener.get();
            session.set(opened);
            try {
                if (closeRequested.get()) {
                    closeSession();
                    return null;
                }
                return new Opened(opened.demoDataLoaded(), Overview.read(opened.browse()));
            } catch (RuntimeException e) {
                closeSession();
                throw e;
            }
        }, this::opened, failure -> failed("Cannot open the database", failure));
    }

    /** Reads the users and counts again; the selection stays on the same user. */
    public void refresh() {
        if (!canRefresh.get()) {
            return;
        }
        BrowseService browse = session.get().browse();
        run("Refreshing…", () -> Overview.read(browse), overview -> {
            show(overview);
            statusMessage.set("Refreshed at " + LocalTime.now().format(CLOCK));
        }, failure -> failed("Cannot read the database", failure));
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
        run("Closing database…", () -> {
            closeSession();
            return null;
        }, ignored -> statusMessage.set("Closed"), failure -> statusMessage.set("Closed"));
    }

    /** Background work only. Whoever takes the session closes it, so it is closed exactly once. */
    private void closeSession() {
        DatabaseSession open = session.getAndSet(null);
        if (open != null) {
            open.close();
        }
    }

    public void select(UserSummary user) {
        selectedUser.set(user);
    }

    private void opened(Opened opened) {
        if (opened == null || closeRequested.get()) {
            return;
        }
        connected.set(true);
        databaseDescription.set(opened.overview().description());
        windowTitle.set(APP_NAME + " — " + opened.overview().description());
        show(opened.overview());
        statusMessage.set(opened.demoDataLoaded() ? "New database created with demo data" : "Ready");
    }

    private void show(Overview overview) {
        String selectedKey = key(selectedUser.get());
        users.setAll(overview.users());
        selectedUser.set(users.stream().filter(u -> key(u).equals(selectedKey)).findFirst().orElse(null));
        long people = overview.users().stream().filter(u -> !u.isUnowned()).count();
        String userWord = people == 1 ? "1 user" : String.format("%,d users", people);
        userCount.set(String.format("%,d", people));
        contentSummary.set(userWord + " · " + (overview.totalRows() == 1 ? "1 row"
                : String.format("%,d rows", overview.totalRows())));
        listPlaceholder.set("This database has no users yet.");
        errorTitle.set("");
        errorMessage.set("");
        phase.set(Phase.READY);
    }

    private void failed(String title, Throwable failure) {
        errorTitle.set(title);
        errorMessage.set(FailureMessages.describe(failure));
        statusMessage.set(title);
        phase.set(Phase.FAILED);
    }

    private static String key(UserSummary user) {
        if (user == null) {
            return "";
        }
        return user.isUnowned() ? "\0unowned" : user.uid();
    }

    private <V> void run(String message, BackgroundTask.Work<V> work, Consumer<V> onSuccess, Consumer<Throwable> onFailure) {
        executor.execute(BackgroundTask.of(work)
                .onRunning(() -> {
                    runningTasks++;
                    busy.set(true);
                    statusMessage.set(message);
                })
                .onSuccess(onSuccess)
                .onFailure(onFailure)
                .onFinished(() -> {
                    runningTasks--;
                    busy.set(runningTasks > 0);
                }));
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() { return phase; }
    public ObservableList<UserSummary> users() { return readOnlyUsers; }
    public ReadOnlyObjectProperty<UserSummary> selectedUserProperty() { return selectedUser; }
    public ObservableValue<UserDetails> detailsProperty() { return details; }
    public ReadOnlyBooleanProperty busyProperty() { return busy; }
    public BooleanBinding canRefreshProperty() { return canRefresh; }
    public ReadOnlyStringProperty windowTitleProperty() { return windowTitle; }
    public ReadOnlyStringProperty databaseDescriptionProperty() { return databaseDescription; }
    public ReadOnlyStringProperty contentSummaryProperty() { return contentSummary; }
    public ReadOnlyStringProperty userCountProperty() { return userCount; }
    public ReadOnlyStringProperty statusMessageProperty() { return statusMessage; }
    public ReadOnlyStringProperty listPlaceholderProperty() { return listPlaceholder; }
    public ReadOnlyStringProperty errorTitleProperty() { return errorTitle; }
    public ReadOnlyStringProperty errorMessageProperty() { return errorMessage; }
}
