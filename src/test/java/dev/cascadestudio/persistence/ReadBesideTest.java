package dev.cascadestudio.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.testsupport.EngineDatabases;
import dev.cascadestudio.testsupport.ServerDatabases.Server;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Database#readBeside} where the second connection it would read on is no longer usable: the pool hands out an
 * idle connection whose server session has ended (a server's idle timeout, an administrator's
 * {@code pg_terminate_backend}) without knowing it. The read is then left to the writer, whose transaction goes on,
 * instead of failing the delete that asked for it.
 */
class ReadBesideTest {

    @TempDir Path dir;
    private Database database;

    @AfterEach
    void close() {
        if (database != null) {
            database.checkIdleConnectionsAfter(ConnectionPool.CHECKED_AFTER_IDLE); // the database may serve another test
            EngineDatabases.close(database);
        }
    }

    @Test
    void aSecondConnectionThatDiedIdleInThePoolLeavesTheReadToTheWriter() {
        database = EngineDatabases.open(EngineDatabases.Kind.POSTGRESQL_CONTROLLER, dir);
        database.fromConnection(first -> database.fromConnection(second -> null)); // two connections, both idle after
        // the pool lends the dead one unchecked, as it does within a second of its last use, however slow this machine
        database.checkIdleConnectionsAfter(java.time.Duration.ofHours(1));

        String outcome = database.fromConnection(writer -> {
            endTheOtherSessions(writer);
            var beside = database.readBeside(writer, reader -> "read beside");
            return (beside.isPresent() ? "read beside" : "left to the writer") + ", the writer's transaction "
                    + (text(writer, "SELECT 'goes on'") != null ? "goes on" : "?");
        });

        assertThat(outcome).isEqualTo("left to the writer, the writer's transaction goes on");
        String after = database.fromConnection(c -> text(c, "SELECT 'a new connection'"));
        assertThat(after).as("the pool put the dead connection away").isEqualTo("a new connection");
    }

    /** Ends every session of this database but {@code writer}'s, and waits until the server shows them gone. */
    private static void endTheOtherSessions(Connection writer) throws SQLException {
        String name = text(writer, "SELECT current_database()");
        String pid = text(writer, "SELECT pg_backend_pid()::text");
        String others = "FROM pg_stat_activity WHERE datname = '" + name + "' AND pid <> " + pid;
        try (Connection admin = DriverManager.getConnection(Server.POSTGRESQL.adminUrl(), Server.POSTGRESQL.user(), null)) {
            assertThat(text(admin, "SELECT COUNT(*)::text " + others)).as("the idle connection of the pool").isNotEqualTo("0");
            text(admin, "SELECT COUNT(pg_terminate_backend(pid))::text " + others);
            long deadline = System.currentTimeMillis() + 10_000;
            while (!"0".equals(text(admin, "SELECT COUNT(*)::text " + others)) && System.currentTimeMillis() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(text(admin, "SELECT COUNT(*)::text " + others)).as("the server ended them").isEqualTo("0");
        }
    }

    private static String text(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
