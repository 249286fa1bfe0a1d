package dev.cascadestudio.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh, empty database named {@code cs_gate_<random>} on the machine's PostgreSQL (127.0.0.1:5432,
 * user postgres, trust) or MariaDB (127.0.0.1:3306, root, no password), dropped again on close. Tests
 * give it Cascade Studio's schema by opening it writable with {@code CREATE_SCHEMA}. Without the server
 * a test is skipped with the reason, except under {@code CI=true}, where it fails.
 */
public final class GateServers implements AutoCloseable {

    public enum Server { POSTGRESQL, MARIADB }

    private final Server server;
    private final String name;

    private GateServers(Server server, String name) {
        this.server = server;
        this.name = name;
    }

    /** Creates the database; if the server cannot be reached, aborts the test (fails it under CI=true). */
    public static GateServers create(Server server) {
        String name = "cs_gate_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = admin(server); Statement s = c.createStatement()) {
            s.execute(server == Server.POSTGRESQL ? "CREATE DATABASE " + name
                    : "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin");
        } catch (SQLException e) {
            String reason = server + " is not reachable on 127.0.0.1 (" + e.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(reason, e);
            }
            org.junit.jupiter.api.Assumptions.abort(reason);
        }
        return new GateServers(server, name);
    }

    /** The JDBC URL of the database, user in it where the server needs one. */
    public String url() {
        return server == Server.POSTGRESQL ? "jdbc:postgresql://127.0.0.1:5432/" + name + "?user=postgres"
                : "jdbc:mariadb://127.0.0.1:3306/" + name + "?user=root";
    }

    public String name() {
        return name;
    }

    private static Connection admin(Server server) throws SQLException {
        return DriverManager.getConnection(server == Server.POSTGRESQL
                ? "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&connectTimeout=5"
                : "jdbc:mariadb://127.0.0.1:3306/?user=root&connectTimeout=5000");
    }

    @Override
    public void close() {
        try (Connection c = admin(server); Statement s = c.createStatement()) {
            s.execute(server == Server.POSTGRESQL ? "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"
                    : "DROP DATABASE IF EXISTS " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop the test database " + name + ": " + e.getMessage(), e);
        }
    }
}
