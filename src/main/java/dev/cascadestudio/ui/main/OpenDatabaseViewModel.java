package dev.cascadestudio.ui.main;

import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * "Open database…": the URL (typed, or made from a chosen file), user and password; opening runs in
 * the background through {@link MainWindowViewModel#switchTo}, and a failure is shown as the
 * sentence the service layer gives, with the current database still open.
 */
public final class OpenDatabaseViewModel {

    private final MainWindowViewModel main;
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty opening = new SimpleBooleanProperty();
    private final BooleanProperty opened = new SimpleBooleanProperty();

    /** Starts with the database open now (its password is not kept, so it is asked again). */
    public OpenDatabaseViewModel(MainWindowViewModel main) {
        this.main = main;
        DatabaseTarget current = main.openTargetProperty().get();
        if (current != null && !current.isEmbedded()) {
            url.set(current.url());
            user.set(current.user() == null ? "" : current.user());
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
        url.set(urlOf(file));
        error.set("");
    }

    /** Opens what the fields say; the dialog closes once {@link #openedProperty()} turns true. */
    public void open() {
        String typed = url.get() == null ? "" : url.get().strip();
        if (!typed.isEmpty() && !typed.regionMatches(true, 0, "jdbc:", 0, 5)) {
            error.set("A database URL starts with “jdbc:”, for example jdbc:sqlite:/path/to/sql.db; "
                    + "or choose the file with “Choose file…”.");
            return;
        }
        error.set("");
        opening.set(true);
        main.switchTo(new DatabaseTarget(typed, user.get(), password.get()), () -> {
            opening.set(false);
            opened.set(true);
        }, reason -> {
            opening.set(false);
            error.set(reason);
        });
    }

    public StringProperty urlProperty() { return url; }
    public StringProperty userProperty() { return user; }
    public StringProperty passwordProperty() { return password; }
    public ReadOnlyStringProperty errorProperty() { return error; }
    public ReadOnlyBooleanProperty openingProperty() { return opening; }
    public ReadOnlyBooleanProperty openedProperty() { return opened; }
}
