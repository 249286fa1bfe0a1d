package dev.cascadestudio.cli;

import dev.cascadestudio.service.DatabaseSession;
import picocli.CommandLine.Option;

/** The database options every command takes. */
final class DbOptions {

    @Option(names = "--db", required = true, paramLabel = "JDBC_URL",
            description = "jdbc:h2:file:PATH, jdbc:sqlite:PATH (a controller's sql.db), jdbc:postgresql://..., jdbc:mariadb://...")
    String url;

    @Option(names = "--user", description = "Database user, if the server needs one.")
    String user;

    @Option(names = "--password", description = "Database password, if the server needs one.", interactive = false)
    String password;

    /** A read-only session: what plan, tree and audit need, and all they get. */
    DatabaseSession openReadOnly() {
        return DatabaseSession.open(url, user, password, DatabaseSession.Mode.READ_ONLY);
    }

    /**
     * A session for a verb that writes: for editing with {@code --write}, or when {@code --db} is the
     * embedded default database; otherwise read-only, and the verb's write is refused at the gate.
     */
    DatabaseSession openForWriting(boolean write) {
        return DatabaseSession.open(url, user, password, write ? DatabaseSession.Mode.EDITING : DatabaseSession.defaultMode(url));
    }
}
