package dev.cascadestudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.service.connections.ConnectionBook;
import dev.cascadestudio.service.connections.ConnectionList;
import dev.cascadestudio.service.connections.ConnectionProfile;
import dev.cascadestudio.service.connections.ConnectionTier;
import dev.cascadestudio.testsupport.MemoryVault;
import dev.cascadestudio.testsupport.NeedsServer;
import dev.cascadestudio.testsupport.ServerCheck;
import dev.cascadestudio.testsupport.ServerDatabases;
import dev.cascadestudio.testsupport.ServerDatabases.Server;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the command line takes a password from: a file, the environment, a prompt or a saved
 * connection's keyring entry, never its own arguments. Against the machine's MariaDB, with a user
 * whose password is real, so a wrong password is refused by the server itself.
 */
@NeedsServer(Server.MARIADB)
@ExtendWith(ServerCheck.class)
class PasswordOptionsTest {

    private static final String ROOT_URL = Server.MARIADB.url("");
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String DATABASE = "cs_conn_" + SUFFIX;
    private static final String USER = "cs_conn_" + SUFFIX;
    private static final String PASSWORD = "Corr3ct-Horse-" + SUFFIX;
    private static final String URL = ROOT_URL + DATABASE;
    /** What the server says once the password was right: it lets us in, and the empty database is no controller's. */
    private static final String REACHED = "holds no GenAI Factory controller tables";

    @TempDir Path dir;

    @BeforeAll
    static void userWithAPassword() throws SQLException {
        ServerDatabases.assumeReachable(Server.MARIADB); // skipped with the reason, or failed under CI=true
        try (Connection c = rootConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DATABASE);
            for (String host : new String[] {"localhost", "127.0.0.1", "%"}) {
                s.execute("CREATE USER '" + USER + "'@'" + host + "' IDENTIFIED BY '" + PASSWORD + "'");
                s.execute("GRANT ALL ON " + DATABASE + ".* TO '" + USER + "'@'" + host + "'");
            }
        }
    }

    @AfterAll
    static void dropUser() throws SQLException {
        if (ServerDatabases.unreachable(Server.MARIADB).isPresent()) {
            return; // nothing was made
        }
        try (Connection c = rootConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
            for (String host : new String[] {"localhost", "127.0.0.1", "%"}) {
                s.execute("DROP USER IF EXISTS '" + USER + "'@'" + host + "'");
            }
        }
    }

    private static Connection rootConnection() throws SQLException {
        return DriverManager.getConnection(ROOT_URL, Server.MARIADB.user(), "");
    }

    @AfterEach
    void seams() {
        DbOptions.environment = System::getenv;
        DbOptions.connections = ConnectionBook::ofThisMachine;
    }

    @Test
    void aPasswordOnTheCommandLineItselfIsNotTaken() {
        CommandLineTest.Run r = CommandLineTest.run("tree", "--db", URL, "--user", USER, "--password", PASSWORD);

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("error: A password is not taken from the command line").doesNotContain(REACHED)
                .as("nor repeated on the screen").doesNotContain(PASSWORD);
    }

    @Test
    void passwordWithoutAValueReadsItFromStandardInput() {
        java.io.InputStream in = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream((PASSWORD + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            CommandLineTest.Run r = CommandLineTest.run("tree", "--db", URL, "--user", USER, "--password");
            assertThat(r.err()).contains(REACHED);
        } finally {
            System.setIn(in);
        }
    }

    @Test
    void thePasswordFileIsRead() throws Exception {
        Path file = Files.writeString(dir.resolve("password"), PASSWORD + "\n");

        CommandLineTest.Run right = CommandLineTest.run("tree", "--db", URL, "--user", USER, "--password-file", file.toString());
        assertThat(right.err()).as("the server took the password").contains(REACHED);

        Files.writeString(file, "wrong\n");
        CommandLineTest.Run wrong = CommandLineTest.run("tree", "--db", URL, "--user", USER, "--password-file", file.toString());
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).doesNotContain(REACHED).contains("The database refused the user name or password.");
    }

    @Test
    void aMissingPasswordFileIsOneSentence() {
        CommandLineTest.Run r = CommandLineTest.run("tree", "--db", URL, "--user", USER, "--password-file",
                dir.resolve("nope").toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("error: Cannot read the password file").doesNotContain("\n");
    }

    @Test
    void theEnvironmentVariableIsRead() {
        DbOptions.environment = () -> Map.of(DbOptions.PASSWORD_VARIABLE, PASSWORD);

        CommandLineTest.Run r = CommandLineTest.run("tree", "--db", URL, "--user", USER);

        assertThat(r.err()).contains(REACHED);
    }

    @Test
    void aSavedConnectionBringsItsUrlUserAndRememberedPassword() {
        MemoryVault vault = new MemoryVault();
        ConnectionBook book = new ConnectionBook(new ConnectionList(dir.resolve("connections.json")), vault, Clock.systemUTC());
        book.opened(new ConnectionProfile("Factory staging", URL, USER, ConnectionTier.PRODUCTION, true, null), PASSWORD);
        DbOptions.connections = () -> book;

        CommandLineTest.Run r = CommandLineTest.run("tree", "--connection", "factory staging");
        assertThat(r.err()).contains(REACHED);

        CommandLineTest.Run unknown = CommandLineTest.run("tree", "--connection", "factory");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err().strip()).isEqualTo("error: No saved connection is named \"factory\"; saved: Factory staging.");
    }

    @Test
    void aTamperedConnectionListCannotRunCodeThroughItsUrl() throws Exception {
        Path marker = dir.resolve("pwned.csv");
        Path script = java.nio.file.Files.writeString(dir.resolve("evil.sql"),
                "CALL CSVWRITE('" + marker.toString().replace("'", "''") + "', 'SELECT 1');\n");
        Path list = dir.resolve("connections.json");
        java.nio.file.Files.writeString(list, ("{\"formatVersion\": 1, \"connections\": [{\"name\": \"staging\", \"url\":"
                + " \"jdbc:h2:mem:x;INIT=RUNSCRIPT FROM '%s'\", \"tier\": \"DEVELOPMENT\"}]}").formatted(script.toString().replace("\\", "/")));
        ConnectionBook book = new ConnectionBook(new ConnectionList(list), new MemoryVault(), Clock.systemUTC());
        DbOptions.connections = () -> book;

        CommandLineTest.Run r = CommandLineTest.run("tree", "--connection", "staging");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("INIT");
        assertThat(marker).as("the script did not run").doesNotExist();
    }

    @Test
    void theDatabaseIsGivenOnceAsAUrlOrAsAConnection() {
        CommandLineTest.Run both = CommandLineTest.run("tree", "--db", URL, "--connection", "x");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");

        CommandLineTest.Run neither = CommandLineTest.run("tree");
        assertThat(neither.exit()).isEqualTo(2);
        assertThat(neither.err()).contains("--db").contains("--connection");
    }
}
