package dev.cascadestudio.cli;

import dev.cascadestudio.service.DatabaseSession;
import dev.cascadestudio.service.connections.ConnectionBook;
import dev.cascadestudio.service.connections.ConnectionProfile;
import dev.cascadestudio.service.connections.ConnectionTier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The database options every command takes: a JDBC URL or a saved connection, and the password
 * from the environment, a file, a prompt or the keyring — never from the command's own arguments,
 * which other users can read in the process list and which stay in the shell's history.
 */
final class DbOptions {

    /** The environment variable a password is read from. */
    static final String PASSWORD_VARIABLE = "CASCADE_DB_PASSWORD";

    static final class Target {
        @Option(names = "--db", required = true, paramLabel = "JDBC_URL",
                description = {"jdbc:sqlite:PATH or jdbc:sqlite:file:PATH?mode=ro (a controller's sql.db), jdbc:h2:file:PATH, "
                        + "jdbc:postgresql://HOST:PORT/DB, jdbc:mariadb://HOST:PORT/DB or jdbc:mysql://HOST:PORT/DB.",
                        "Only settings known to be harmless are accepted in the URL: one that could run SQL, write files, "
                        + "let the server read files, load classes or reach another server (H2 INIT or TRACE_LEVEL_FILE, "
                        + "PostgreSQL socketFactory or loggerFile, MariaDB allowLocalInfile, SQLite enable_load_extension, …) "
                        + "is refused with exit code 2."})
        String url;

        @Option(names = "--connection", required = true, paramLabel = "NAME",
                description = "A connection saved in the window's Open… dialog (its URL, user and remembered password).")
        String connection;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--user", description = "Database user, if the server needs one.")
    String user;

    @Option(names = "--password", arity = "0..1", fallbackValue = ASK, paramLabel = "",
            description = "Ask for the database password at a prompt (a password written after it is refused: "
                    + "others can read it in the process list). Or set " + PASSWORD_VARIABLE + ", or use --password-file.")
    String password;

    /** What {@code --password} without a value stands for. */
    private static final String ASK = "\u0000ask";

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Read the database password from the first line of FILE.")
    Path passwordFile;

    /** Where a saved connection's password comes from; the tests give their own. */
    static volatile java.util.function.Supplier<ConnectionBook> connections = ConnectionBook::ofThisMachine;
    /** The environment; the tests give their own. */
    static volatile java.util.function.Supplier<Map<String, String>> environment = System::getenv;

    /** The URL, user and password to open, with a saved connection looked up, and its tier (development for --db). */
    record Resolved(String url, String user, String password, ConnectionTier tier) {}

    private Resolved resolved;

    /** Looked up once: the password may have been asked for. */
    Resolved resolve() {
        if (resolved == null) {
            resolved = lookUp();
        }
        return resolved;
    }

    private Resolved lookUp() {
        String secret = explicitPassword();
        if (target.connection == null) {
            return new Resolved(target.url, user, secret, ConnectionTier.DEVELOPMENT);
        }
        ConnectionBook book = connections.get();
        ConnectionProfile saved = book.named(target.connection).orElseThrow(() -> new IllegalArgumentException(
                "No saved connection is named \"" + target.connection + "\"" + (book.recent().isEmpty()
                        ? " (none are saved; save one in the window's Open… dialog)."
                        : "; saved: " + String.join(", ", book.recent().stream().map(ConnectionProfile::name).toList()) + ".")));
        if (secret == null) {
            secret = book.password(saved).orElse(null);
        }
        return new Resolved(saved.url(), user != null ? user : saved.user(), secret, saved.tier());
    }

    /** --password (asked), --password-file, or the environment variable, in that order; null for none. */
    private String explicitPassword() {
        if (password != null && !password.equals(ASK)) {
            throw new IllegalArgumentException("A password is not taken from the command line (other users can read it"
                    + " in the process list): give --password without a value to be asked, --password-file FILE, or set "
                    + PASSWORD_VARIABLE + ".");
        }
        if (password != null) {
            return askPassword();
        }
        if (passwordFile != null) {
            try {
                String text = Files.readString(passwordFile, StandardCharsets.UTF_8);
                return text.lines().findFirst().orElse("");
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot read the password file " + passwordFile + ": " + e.getMessage() + ".");
            }
        }
        String fromEnvironment = environment.get().get(PASSWORD_VARIABLE);
        return fromEnvironment == null || fromEnvironment.isEmpty() ? null : fromEnvironment;
    }

    /** Reads the password at the terminal without echo, or one line from standard input when there is no terminal. */
    private static String askPassword() {
        java.io.Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("Database password: ");
            return typed == null ? null : new String(typed);
        }
        try {
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = in.readLine();
            return line == null ? null : line;
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the password from standard input: " + e.getMessage() + ".");
        }
    }

    /**
     * A read-only session: what plan, tree and audit need, and all they get. A crash journal beside an H2
     * file is left alone by a read-only open; the command says so in a note on standard error (its
     * output and exit code stay as they are), as the window does.
     */
    DatabaseSession openReadOnly() {
        Resolved resolved = resolve();
        DatabaseSession session = noted(DatabaseSession.open(resolved.url(), resolved.user(), resolved.password(),
                DatabaseSession.Mode.READ_ONLY, resolved.tier()));
        if (session.interruptedDeletePending()) {
            System.err.println("note: " + TerminalText.safe(pendingJournalNote(session.database().h2File())));
        }
        return session;
    }

    static String pendingJournalNote(Path h2File) {
        return "a crash journal lies beside " + h2File + ".mv.db (a delete was cut off, or the journal was put there);"
                + " it was left alone, as this command only reads: a command with --write checks it and puts the database back"
                + " as it was before that delete, or says why it will not.";
    }

    /**
     * A session for a verb that writes: for editing with {@code --write}, or when {@code --db} is the
     * embedded default database; otherwise read-only, and the verb's write is refused at the gate.
     */
    DatabaseSession openForWriting(boolean write) {
        Resolved resolved = resolve();
        return noted(DatabaseSession.open(resolved.url(), resolved.user(), resolved.password(),
                write ? DatabaseSession.Mode.EDITING : DatabaseSession.defaultMode(resolved.url()), resolved.tier()));
    }

    /**
     * Prints what differs from the controller schema as one {@code note:} line on standard error, for
     * every open; not where editing was asked for and refused, whose write is refused with that reason.
     */
    private static DatabaseSession noted(DatabaseSession session) {
        if (session.readOnlyBecause().isEmpty() && !session.schemaDiffers().isEmpty()) {
            System.err.println("note: " + TerminalText.safe(session.schemaDiffers()));
        }
        return session;
    }
}
