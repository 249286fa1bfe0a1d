package dev.cascadestudio.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascadestudio.testsupport.ProbeSocketFactory;
import dev.cascadestudio.testsupport.ServerDatabases.Server;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The URL settings that make a driver load a class or open a file: each probe would leave a file if
 * the driver acted on it. A control run hands the same kind of URL to the driver itself
 * ({@link DriverManager}) and the file appears, so the probe is real; through {@link Database#open}
 * the URL is refused with one sentence naming the setting, and the file never appears. None of these
 * needs a running server: the drivers load the classes before they connect.
 */
class UrlProbeTest {

    private static final String PROBE = ProbeSocketFactory.class.getName();
    private static final String LOADS_A_CLASS = " is not allowed: it makes the driver load and run a class named in the URL.";

    @TempDir Path dir;

    // ---- PostgreSQL -----------------------------------------------------------------------------

    @Test
    void aPostgresqlSocketFactoryIsRefusedAndNotLoaded() {
        Path control = dir.resolve("control.txt");
        // port 1: nothing listens, but pgjdbc makes the socket factory before it connects
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:1/x?user=postgres&connectTimeout=2"
                + "&socketFactory=" + PROBE + "&socketFactoryArg=" + control).close()).isInstanceOf(SQLException.class);
        assertThat(control).as("control: the driver ran the probe").exists();

        Path marker = dir.resolve("probe.txt");
        String url = Server.POSTGRESQL.url("test") + "?user=postgres&socketFactory=" + PROBE + "&socketFactoryArg=" + marker;
        assertThatThrownBy(() -> Database.open(url, null, null, Database.EmptyDatabase.REFUSE).close())
                .isInstanceOf(DatabaseOpenException.class).hasMessage("The URL setting socketFactory" + LOADS_A_CLASS);
        assertThat(marker).doesNotExist();
    }

    @Test
    void aPostgresqlSslFactoryIsRefusedAndNotLoaded() throws Exception {
        Path control = dir.resolve("control.txt");
        // pgjdbc makes the ssl factory once the server has agreed to TLS: a listener that answers 'S' to its SSLRequest
        try (ServerSocket agrees = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answer = new Thread(() -> {
                try (Socket s = agrees.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                    in.readNBytes(8); // length 8, code 80877103
                    out.write('S');
                    out.flush();
                    in.read(); // until the driver gives up on the handshake
                } catch (java.io.IOException ignored) {
                    // the driver hung up: what we expect
                }
            }, "agrees-to-tls");
            answer.setDaemon(true);
            answer.start();
            assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + agrees.getLocalPort()
                    + "/x?user=postgres&connectTimeout=2&socketTimeout=2&sslmode=require&sslfactory=" + PROBE
                    + "&sslfactoryarg=" + control).close()).isInstanceOf(SQLException.class);
            answer.join(5000);
        }
        assertThat(control).as("control: the driver ran the probe").exists();

        Path marker = dir.resolve("probe.txt");
        for (String url : new String[] {
                Server.POSTGRESQL.url("test") + "?user=postgres&ssl=true&sslfactory=" + PROBE + "&sslfactoryarg=" + marker,
                Server.POSTGRESQL.url("test") + "?user=postgres&sslfactoryarg=" + marker + "&ssl=true&sslfactory=" + PROBE}) {
            assertThatThrownBy(() -> Database.open(url, null, null, Database.EmptyDatabase.REFUSE).close()).as(url)
                    .isInstanceOf(DatabaseOpenException.class).hasMessageMatching("The URL setting (sslfactory|sslfactoryarg)"
                            + LOADS_A_CLASS.replace(".", "\\."));
        }
        assertThat(marker).doesNotExist();
    }

    // ---- MariaDB --------------------------------------------------------------------------------

    @Test
    void aMariadbSocketFactoryIsRefusedAndNotLoaded() {
        Path control = dir.resolve("control.txt");
        Path marker = dir.resolve("probe.txt");
        try {
            System.setProperty(ProbeSocketFactory.FILE_PROPERTY, control.toString());
            assertThatThrownBy(() -> DriverManager.getConnection("jdbc:mariadb://127.0.0.1:1/x?user=root&connectTimeout=2000"
                    + "&socketFactory=" + PROBE).close()).isInstanceOf(SQLException.class);
            assertThat(control).as("control: the driver ran the probe").exists();

            System.setProperty(ProbeSocketFactory.FILE_PROPERTY, marker.toString());
            for (String scheme : new String[] {"jdbc:mariadb://", "jdbc:mysql://"}) {
                String url = scheme + Server.MARIADB.address() + "/test?user=root&socketFactory=" + PROBE;
                assertThatThrownBy(() -> Database.open(url, null, null, Database.EmptyDatabase.REFUSE).close()).as(url)
                        .isInstanceOf(DatabaseOpenException.class).hasMessage("The URL setting socketFactory" + LOADS_A_CLASS);
            }
            assertThat(marker).doesNotExist();
        } finally {
            System.clearProperty(ProbeSocketFactory.FILE_PROPERTY);
        }
    }

    // ---- H2 and SQLite --------------------------------------------------------------------------

    @Test
    void anH2ServerOrZipUrlIsRefusedAndCreatesNoFile() {
        String[][] refused = {
                {"jdbc:h2:tcp://127.0.0.1:1/" + dir.resolve("served"), "The H2 URL form jdbc:h2:tcp: is not allowed"},
                {"jdbc:h2:ssl://127.0.0.1:1/" + dir.resolve("served"), "The H2 URL form jdbc:h2:ssl: is not allowed"},
                {"jdbc:h2:zip:" + dir.resolve("packed.zip") + "!/db", "The H2 file system zip: is not allowed"}};
        for (String[] probe : refused) {
            for (Database.EmptyDatabase ifEmpty : Database.EmptyDatabase.values()) {
                assertThatThrownBy(() -> Database.open(probe[0], null, null, ifEmpty).close()).as(probe[0])
                        .isInstanceOf(DatabaseOpenException.class).hasMessageStartingWith(probe[1]);
            }
        }
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aSqliteExtensionSwitchIsRefusedAndTheFileIsNotCreated() throws Exception {
        Path control = dir.resolve("control.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + control + "?enable_load_extension=true")) {
            c.createStatement().execute("CREATE TABLE t (id INTEGER)");
        }
        assertThat(control).as("control: the driver opened and created the file").exists();

        Path probe = dir.resolve("probe.db");
        for (String url : new String[] {"jdbc:sqlite:" + probe + "?enable_load_extension=true",
                "jdbc:sqlite:file:" + probe + "?enable_load_extension=1"}) {
            for (Database.EmptyDatabase ifEmpty : Database.EmptyDatabase.values()) {
                assertThatThrownBy(() -> Database.open(url, null, null, ifEmpty).close()).as(url)
                        .isInstanceOf(DatabaseOpenException.class)
                        .hasMessage("The URL setting enable_load_extension is not allowed: it lets SQL load native code into Cascade Studio.");
            }
        }
        assertThat(probe).doesNotExist();
    }
}
