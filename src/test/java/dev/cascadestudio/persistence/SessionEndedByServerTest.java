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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A window left open on a server database: the server ends the session of an idle connection (MariaDB's
 * {@code wait_timeout}, eight hours by default; a proxy's idle timeout; an administrator's kill). The next thing the
 * administrator does must not fail for it ("Communications link failure", "This connection has been closed"): the pool
 * finds the connection gone when it lends it out after a while idle, and makes a new one. Embedded databases have no
 * server to end a session, so only the two server products are here.
 */
class SessionEndedByServerTest {

    @TempDir Path dir;
    private Database database;

    @AfterEach
    void close() {
        if (database != null) EngineDatabases.close(database);
    }

    @ParameterizedTest
    @EnumSource(value = EngineDatabases.Kind.class, names = {"POSTGRESQL_CONTROLLER", "MARIADB_CONTROLLER"})
    void workAfterTheServerEndedAnIdleConnectionsSessionRunsOnANewOne(EngineDatabases.Kind kind) throws Exception {
        database = EngineDatabases.open(kind, dir);
        Server server = kind.server();
        String session = database.fromConnection(c -> text(c, server == Server.POSTGRESQL
                ? "SELECT pg_backend_pid()::text" : "SELECT CONNECTION_ID()"));
        end(server, session);
        Thread.sleep(ConnectionPool.CHECKED_AFTER_IDLE.toMillis() + 100); // idle as long as a pool checks before lending

        String next = database.fromConnection(c -> text(c, server == Server.POSTGRESQL
                ? "SELECT pg_backend_pid()::text" : "SELECT CONNECTION_ID()"));

        assertThat(next).as("the work ran, on a session of its own").isNotEqualTo(session);
    }

    /** Ends the server session {@code id} as the server's idle timeout would, and waits until the server shows it gone. */
    private static void end(Server server, String id) throws SQLException, InterruptedException {
        try (Connection admin = DriverManager.getConnection(server.adminUrl(), server.user(), null)) {
            String alive = server == Server.POSTGRESQL
                    ? "SELECT COUNT(*)::text FROM pg_stat_activity WHERE pid = " + Long.parseLong(id)
                    : "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = " + Long.parseLong(id);
            assertThat(text(admin, alive)).isEqualTo("1");
            try (Statement s = admin.createStatement()) {
                s.execute(server == Server.POSTGRESQL ? "SELECT pg_terminate_backend(" + id + ")" : "KILL CONNECTION " + id);
            }
            long deadline = System.currentTimeMillis() + 10_000;
            while (!"0".equals(text(admin, alive)) && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertThat(text(admin, alive)).as("the server ended the session").isEqualTo("0");
        }
    }

    private static String text(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
