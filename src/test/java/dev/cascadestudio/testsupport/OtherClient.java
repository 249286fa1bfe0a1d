package dev.cascadestudio.testsupport;

import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.DatabaseKind;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Another client of a server database the tests opened (the controller, a colleague's SQL console): a connection of
 * its own, outside auto-commit, and its session's number as the server names it (PostgreSQL's backend pid, MariaDB's
 * connection id), asked of the server. Its server ends it once it has stayed idle in a transaction for a minute, so
 * that a test failing at its timeout (a lock waited for for ever) leaves no lock to hang the tests after it.
 */
public record OtherClient(Connection connection, long session, String user) implements AutoCloseable {

    public static OtherClient of(Database database) throws SQLException {
        ServerDatabases.Created created = EngineDatabases.serverDatabase(database);
        boolean mariaDb = database.kind() == DatabaseKind.MARIADB || database.kind() == DatabaseKind.MYSQL;
        Connection connection = DriverManager.getConnection(created.url(), created.server().user(), null);
        try (Statement s = connection.createStatement()) {
            s.execute(mariaDb ? "SET SESSION wait_timeout = 60" : "SET idle_in_transaction_session_timeout = '60s'");
            long session;
            try (ResultSet rs = s.executeQuery(mariaDb ? "SELECT CONNECTION_ID()" : "SELECT pg_backend_pid()")) {
                rs.next();
                session = rs.getLong(1);
            }
            connection.setAutoCommit(false);
            return new OtherClient(connection, session, created.server().user());
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Runs {@code sql} in the client's transaction, left open; the rows it changed. */
    public int update(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            return s.executeUpdate(sql);
        }
    }

    /** Ends the client's transaction without changing anything, after {@code millis} on a thread of its own. */
    public Thread rollBackAfter(long millis) {
        Thread release = new Thread(() -> {
            try {
                Thread.sleep(millis);
                connection.rollback();
            } catch (InterruptedException | SQLException e) {
                throw new IllegalStateException(e);
            }
        }, "other-client");
        release.start();
        return release;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
