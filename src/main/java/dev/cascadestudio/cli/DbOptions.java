package dev.cascadestudio.cli;

import dev.cascadestudio.persistence.Database;
import picocli.CommandLine.Option;

/** The database options every command takes. */
final class DbOptions {

    @Option(names = "--db", required = true, paramLabel = "JDBC_URL",
            description = {"jdbc:sqlite:PATH or jdbc:sqlite:file:PATH?mode=ro (a controller's sql.db), jdbc:h2:file:PATH, "
                    + "jdbc:postgresql://HOST:PORT/DB, jdbc:mariadb://HOST:PORT/DB or jdbc:mysql://HOST:PORT/DB.",
                    "Only settings known to be harmless are accepted in the URL: one that could run SQL, write files, "
                    + "let the server read files, load classes or reach another server (H2 INIT or TRACE_LEVEL_FILE, "
                    + "PostgreSQL socketFactory or loggerFile, MariaDB allowLocalInfile, SQLite enable_load_extension, …) "
                    + "is refused with exit code 2."})
    String url;

    @Option(names = "--user", description = "Database user, if the server needs one.")
    String user;

    @Option(names = "--password", description = "Database password, if the server needs one.", interactive = false)
    String password;

    Database open() {
        return Database.open(url, user, password, Database.EmptyDatabase.REFUSE);
    }
}
