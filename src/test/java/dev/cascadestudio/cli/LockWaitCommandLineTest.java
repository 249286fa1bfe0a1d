package dev.cascadestudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.testsupport.EngineDatabases;
import dev.cascadestudio.testsupport.OtherClient;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code delete --write --progress} on PostgreSQL while another client's transaction holds the project's row for two
 * seconds and a half: one progress line says whom the delete waits for and for how long it would, then the delete
 * goes on and commits.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LockWaitCommandLineTest {

    @TempDir Path dir;
    private Database database;
    private String previousHome;

    @AfterEach
    void close() {
        if (previousHome == null) System.clearProperty("cascade.home"); else System.setProperty("cascade.home", previousHome);
        if (database != null) EngineDatabases.close(database);
    }

    @Test
    void theDeleteSaysWhomItWaitsForThenGoesOn() throws Exception {
        database = EngineDatabases.open(EngineDatabases.Kind.POSTGRESQL_CONTROLLER, dir);
        DemoData.load(database);
        previousHome = System.getProperty("cascade.home");
        System.setProperty("cascade.home", dir.resolve("home").toString());
        String url = EngineDatabases.serverDatabase(database).url();

        CommandLineTest.Run r;
        long session;
        String user;
        try (OtherClient other = OtherClient.of(database)) {
            session = other.session();
            user = other.user();
            other.update("UPDATE project SET description = 'held open' WHERE uid = '" + CommandLineTest.SUPPORT + "'");
            Thread release = other.rollBackAfter(2_500);
            r = CommandLineTest.run("delete", "--write", "--progress", "--db", url, "--user", user,
                    "--table", "project", "--uid", CommandLineTest.SUPPORT, "--yes");
            release.join();
        }

        assertThat(r.exit()).as(r.err()).isZero();
        List<String> waiting = r.err().lines().filter(line -> line.startsWith("delete: Waiting")).toList();
        assertThat(waiting).as(r.err()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("delete: Waiting up to 10 s for a lock held by connection " + session + " (user " + user
                        + " from 127.0.0.1, PostgreSQL JDBC Driver; in a transaction for ")
                .endsWith(" s, idle in transaction; its latest statement: UPDATE project SET description = 'held open'"
                        + " WHERE uid = '" + CommandLineTest.SUPPORT + "')"));
        assertThat(EngineDatabases.count(database, "SELECT COUNT(*) FROM project WHERE uid = ?", CommandLineTest.SUPPORT))
                .as("the delete went on once the lock was let go").isZero();
    }
}
