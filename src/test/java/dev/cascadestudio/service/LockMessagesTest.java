package dev.cascadestudio.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cascadestudio.testsupport.ServerDatabases;
import dev.cascadestudio.testsupport.ServerDatabases.Server;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lock each product's real driver reports when another connection holds the row or the file
 * a write needs is told as one sentence, the same for all of them but for the driver's name of it.
 * PostgreSQL and MariaDB are the machine's servers (skipped with the reason where one does not answer,
 * failed under CI=true); each test makes its own table and drops it.
 */
class LockMessagesTest {

    @TempDir Path dir;

    private static String sentence(String lock) {
        if (lock.startsWith("PostgreSQL") || lock.startsWith("MariaDB")) {
            return "Another connection to the database held a lock this needs for longer than 10 s (" + lock
                    + "); nothing was changed. Try again once its work is done, or end its transaction.";
        }
        return "The database is locked by another program (" + lock + "); nothing was changed."
                + " Close it or wait until it is done, and try again.";
    }

    @Test
    void sqliteBusy() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("locks.db");
        try (Connection setup = DriverManager.getConnection(url); Statement s = setup.createStatement()) {
            s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
            s.execute("INSERT INTO t VALUES (1, 'a')");
        }
        assertLockTold(url + "?busy_timeout=100", url + "?busy_timeout=100", "BEGIN IMMEDIATE", null, "SQLITE_BUSY");
    }

    @Test
    void h2LockTimeout() throws Exception {
        String url = "jdbc:h2:mem:locks;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=200";
        try (Connection keep = DriverManager.getConnection(url)) {
            try (Statement s = keep.createStatement()) {
                s.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10))");
                s.execute("INSERT INTO t VALUES (1, 'a')");
            }
            assertLockTold(url, url, null, null, "H2: timeout trying to lock a table");
        }
    }

    @Test
    void postgresqlLockNotAvailable() throws Exception {
        ServerDatabases.assumeReachable(Server.POSTGRESQL);
        String url = Server.POSTGRESQL.url("test") + "?user=" + Server.POSTGRESQL.user();
        String table = "jr_lock_" + System.nanoTime();
        withTable(url, table, () -> assertLockTold(url, url, null, "SET lock_timeout = '200ms'", "PostgreSQL: lock not available", table));
    }

    @Test
    void mariadbLockWaitTimeout() throws Exception {
        ServerDatabases.assumeReachable(Server.MARIADB);
        String url = Server.MARIADB.url("test") + "?user=" + Server.MARIADB.user();
        String table = "jr_lock_" + System.nanoTime();
        withTable(url, table, () -> assertLockTold(url, url, null, "SET SESSION innodb_lock_wait_timeout = 1", "MariaDB: lock wait timeout exceeded", table));
    }

    private interface Check {
        void run() throws Exception;
    }

    private static void withTable(String url, String table, Check check) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, v VARCHAR(10))");
            s.execute("INSERT INTO " + table + " VALUES (1, 'a')");
        }
        try {
            check.run();
        } finally {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("DROP TABLE " + table);
            }
        }
    }

    private static void assertLockTold(String holderUrl, String writerUrl, String holderBegins, String writerSetting, String lock) throws Exception {
        assertLockTold(holderUrl, writerUrl, holderBegins, writerSetting, lock, "t");
    }

    /** One connection changes the row and keeps its transaction open; a second one's change of the same row fails. */
    private static void assertLockTold(String holderUrl, String writerUrl, String holderBegins, String writerSetting, String lock,
                                       String table) throws Exception {
        try (Connection holder = DriverManager.getConnection(holderUrl); Statement h = holder.createStatement()) {
            if (holderBegins != null) {
                h.execute(holderBegins);
            } else {
                holder.setAutoCommit(false);
            }
            h.executeUpdate("UPDATE " + table + " SET v = 'held' WHERE id = 1");
            try (Connection writer = DriverManager.getConnection(writerUrl); Statement w = writer.createStatement()) {
                if (writerSetting != null) {
                    w.execute(writerSetting);
                }
                writer.setAutoCommit(false);
                SQLException refused = catchThrowableOfType(SQLException.class,
                        () -> w.executeUpdate("UPDATE " + table + " SET v = 'mine' WHERE id = 1"));
                assertThat((Object) refused).as("the second writer is refused").isNotNull();
                writer.rollback();

                RuntimeException wrapped = new RuntimeException("could not execute statement", refused); // as Hibernate wraps it
                assertThat(FailureMessages.isLocked(wrapped)).isTrue();
                assertThat(FailureMessages.describe(wrapped)).isEqualTo(sentence(lock));
            } finally {
                if (holderBegins != null) {
                    h.execute("ROLLBACK");
                } else {
                    holder.rollback();
                }
            }
        }
    }
}
