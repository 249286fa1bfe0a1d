package dev.cascadestudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.testsupport.ServerDatabases;
import dev.cascadestudio.testsupport.ServerDatabases.Server;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code init}: an empty database gets Cascade Studio's schema only when asked, on the machine's
 * PostgreSQL and MariaDB; a database holding anything is refused and left as it was.
 */
class InitCommandTest {

    @TempDir Path dir;

    static Stream<Arguments> servers() {
        return Stream.of(
                Arguments.of(Server.POSTGRESQL, "test", "PostgreSQL"),
                Arguments.of(Server.MARIADB, "", "MariaDB"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("servers")
    void anEmptyServerDatabaseIsGivenTheSchemaOnlyWhenAsked(Server server, String adminDb, String product) throws Exception {
        ServerDatabases.assumeReachable(server);
        String user = server.user();
        String name = "cs_init_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = admin(server.url(adminDb), user); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        String url = server.url(name);
        try {
            CommandLineTest.Run opened = CommandLineTest.run("tree", "--db", url, "--user", user);
            assertThat(opened.exit()).isEqualTo(2);
            assertThat(opened.err().strip()).isEqualTo("error: This database holds no GenAI Factory controller tables (" + url
                    + "). It is empty: `cascade-studio init` gives it Cascade Studio's schema.");
            assertThat(tables(url, user)).as("opening created nothing").isZero();

            CommandLineTest.Run init = CommandLineTest.run("init", "--db", url, "--user", user);
            assertThat(init.exit()).as(init.err()).isZero();
            assertThat(init.out()).startsWith("Created the GenAI Factory controller schema in " + product + " · ");
            assertThat(init.err()).as("no driver warnings on standard error").isEmpty();
            assertThat(tables(url, user)).as("the controller's 24 tables").isEqualTo(24);

            CommandLineTest.Run tree = CommandLineTest.run("tree", "--db", url, "--user", user);
            assertThat(tree.exit()).as(tree.err()).isZero();

            CommandLineTest.Run again = CommandLineTest.run("init", "--db", url, "--user", user);
            assertThat(again.exit()).isEqualTo(2);
            assertThat(again.err().strip()).isEqualTo("error: This database already holds the GenAI Factory controller tables;"
                    + " init only gives an empty database its schema.");
        } finally {
            try (Connection c = admin(server.url(adminDb), user); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + (product.equals("PostgreSQL") ? " WITH (FORCE)" : ""));
            }
        }
    }

    @Test
    void aDatabaseHoldingOtherTablesIsRefusedAndLeftAsItWas() throws Exception {
        Path file = dir.resolve("notes.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text VARCHAR)");
        }
        byte[] before = Files.readAllBytes(file);

        CommandLineTest.Run init = CommandLineTest.run("init", "--db", "jdbc:sqlite:" + file);

        assertThat(init.exit()).isEqualTo(2);
        assertThat(init.err().strip()).isEqualTo("error: This database holds 1 other table(s) (notes) and none of the"
                + " controller's; Cascade Studio gives only an empty database its schema.");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    private static int tables(String url, String user) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = "
                     + (url.startsWith("jdbc:postgresql") ? "'public'" : "DATABASE()"))) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Connection admin(String url, String user) throws SQLException {
        return DriverManager.getConnection(url, user, "");
    }
}
