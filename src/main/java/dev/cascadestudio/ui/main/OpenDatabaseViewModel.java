package dev.cascadestudio.ui.main;

import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.service.DatabaseSession;
import dev.cascadestudio.service.FailureMessages;
import dev.cascadestudio.service.connections.ConnectionBook;
import dev.cascadestudio.ui.task.BackgroundTask;
import dev.cascadestudio.service.connections.ConnectionProfile;
import dev.cascadestudio.service.connections.ConnectionTier;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Open database…": a saved connection, or a URL (typed, or made from a chosen file) with user,
 * password, a name and a tier; opening runs in the background through
 * {@link MainWindowViewModel#switchTo}, and a failure is shown as the sentence the service layer
 * gives, with the current database still open. A database that opens is saved to the connection
 * list (never its password; that goes to the system keyring, and only when "remember" is ticked).
 */
public final class OpenDatabaseViewModel {

    private final MainWindowViewModel main;
    private final ConnectionBook connections;
    private final ObservableList<ConnectionProfile> recent = FXCollections.observableArrayList();
    private final ObjectProperty<ConnectionProfile> chosen = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ObjectProperty<ConnectionTier> tier = new SimpleObjectProperty<>(ConnectionTier.DEVELOPMENT);
    private final BooleanProperty rememberPassword = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty opening = new SimpleBooleanProperty();
    private final BooleanProperty opened = new SimpleBooleanProperty();
    /** The last open found a database with no table at all: the dialog offers to give it the schema. */
    private final BooleanProperty canInitialise = new SimpleBooleanProperty();

    /** Starts with the database open now (its password is asked again unless the keyring has it). */
    public OpenDatabaseViewModel(MainWindowViewModel main) {
        this.main = main;
        this.connections = main.connections();
        recent.setAll(connections.recent());
        DatabaseTarget current = main.openTargetProperty().get();
        if (current != null && !current.isEmbedded()) {
            connections.forTarget(current.url(), current.user()).ifPresentOrElse(this::choose, () -> {
                url.set(current.url());
                user.set(current.user() == null ? "" : current.user());
                tier.set(current.tier());
            });
        }
    }

    /**
     * The JDBC URL of a database file: H2 for {@code NAME.mv.db} (H2's URL leaves the suffix out),
     * SQLite for anything else (the controller's {@code sql.db}).
     */
    public static String urlOf(Path file) {
        String path = file.toAbsolutePath().normalize().toString();
        if (path.toLowerCase(Locale.ROOT).endsWith(".mv.db")) {
            return "jdbc:h2:file:" + path.substring(0, path.length() - ".mv.db".length());
        }
        return "jdbc:sqlite:" + path;
    }

    public void useFile(Path file) {
        canInitialise.set(false);
        chosen.set(null);
        name.set("");
        url.set(urlOf(file));
        error.set("");
    }

    /**
     * Fills the form from a saved connection; its password comes from the keyring in the background
     * (the keyring may first ask the user to unlock it), and only if the field is still empty then.
     */
    public void choose(ConnectionProfile connection) {
        chosen.set(connection);
        if (connection == null) {
            return;
        }
        name.set(connection.name());
        url.set(connection.url());
        user.set(connection.user() == null ? "" : connection.user());
        tier.set(connection.tier());
        rememberPassword.set(connection.rememberPassword());
        password.set("");
        error.set("");
        if (connection.rememberPassword()) {
            CompletableFuture.supplyAsync(() -> connections.password(connection))
                    .thenAccept(found -> found.ifPresent(secret -> Platform.runLater(() -> {
                        if (connection.equals(chosen.get()) && password.get().isEmpty()) {
                            password.set(secret);
                        }
                    })));
        }
    }

    /** Removes a saved connection and its remembered password. */
    public void forget(ConnectionProfile connection) {
        CompletableFuture.runAsync(() -> connections.forget(connection)).thenRun(() -> Platform.runLater(() -> {
            recent.remove(connection);
            if (connection.equals(chosen.get())) {
                chosen.set(null);
            }
        }));
    }

    /** Opens what the fields say; the dialog closes once {@link #openedProperty()} turns true. */
    public void open() {
        String typed = url.get() == null ? "" : url.get().strip();
        if (!typed.isEmpty() && !typed.regionMatches(true, 0, "jdbc:", 0, 5)) {
            error.set("A database URL starts with “jdbc:”, for example jdbc:sqlite:/path/to/sql.db; "
                    + "or choose the file with “Choose file…”.");
            return;
        }
        if (name.get() != null && name.get().strip().length() > ConnectionProfile.MAX_NAME_LENGTH) {
            error.set("A connection's name has at most " + ConnectionProfile.MAX_NAME_LENGTH + " characters.");
            return;
        }
        error.set("");
        opening.set(true);
        String secret = password.get();
        DatabaseTarget target = typed.isEmpty() ? DatabaseTarget.EMBEDDED
                : new DatabaseTarget(typed, user.get(), secret,
                        name.get().isBlank() ? null : name.get(), tier.get()); // no name: the list names it after its file
        main.switchTo(target, () -> {
            opening.set(false);
            opened.set(true);
            if (!target.isEmbedded()) {
                ConnectionProfile profile = new ConnectionProfile(target.connectionName(), target.url(), target.user(),
                        target.tier(), rememberPassword.get(), null);
                CompletableFuture.runAsync(() -> connections.opened(profile, secret));
            }
        }, reason -> {
            opening.set(false);
            error.set(reason);
            canInitialise.set(reason.endsWith(Database.EMPTY_DATABASE_HINT));
        });
    }

    /**
     * "Create the schema": gives the empty database the URL names Cascade Studio's schema (what
     * {@code cascade-studio init} does; it refuses a database that holds any table), in the
     * background, then opens it as {@link #open()} does. Asked for by the user, never on its own.
     */
    public void initialise() {
        String typed = url.get() == null ? "" : url.get().strip();
        if (typed.isEmpty() || !canInitialise.get()) {
            return;
        }
        canInitialise.set(false);
        error.set("");
        opening.set(true);
        String who = user.get();
        String secret = password.get();
        main.executor().execute(BackgroundTask.of(() -> {
            DatabaseSession.initialise(typed, who, secret).close();
            return null;
        }).onSuccess(ignored -> {
            opening.set(false);
            open();
        }).onFailure(failure -> {
            opening.set(false);
            error.set(FailureMessages.describe(failure));
        }));
    }

    public ObservableList<ConnectionProfile> recent() { return recent; }
    public ObjectProperty<ConnectionProfile> chosenProperty() { return chosen; }
    public StringProperty nameProperty() { return name; }
    public StringProperty urlProperty() { return url; }
    public StringProperty userProperty() { return user; }
    public StringProperty passwordProperty() { return password; }
    public ObjectProperty<ConnectionTier> tierProperty() { return tier; }
    public BooleanProperty rememberPasswordProperty() { return rememberPassword; }
    /** Whether "remember" can be ticked: this machine has a keyring. */
    public boolean canRememberPasswords() { return connections.vault().available(); }
    /** Why passwords cannot be remembered here; empty when they can. */
    public String keyringNote() { return connections.vault().unavailableReason(); }
    public ReadOnlyStringProperty errorProperty() { return error; }
    public ReadOnlyBooleanProperty openingProperty() { return opening; }
    public ReadOnlyBooleanProperty openedProperty() { return opened; }
    public ReadOnlyBooleanProperty canInitialiseProperty() { return canInitialise; }
}
