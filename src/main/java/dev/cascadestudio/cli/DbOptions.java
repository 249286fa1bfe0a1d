package dev.cascadestudio.cli;

import dev.cascadestudio.persistence.Database;
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

    Database open() {
        return Database.open(url, user, password, Database.EmptyDatabase.REFUSE);
    }
}
