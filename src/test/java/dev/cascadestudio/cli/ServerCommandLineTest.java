package dev.cascadestudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.persistence.demo.RowBuilder;
import dev.cascadestudio.testsupport.CanonicalDump;
import dev.cascadestudio.testsupport.EngineDatabases;
import dev.cascadestudio.testsupport.EngineDatabases.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The command-line verbs on a server URL, as an administrator would type them: plan, delete, restore,
 * audit and tree against a controller's MariaDB (InnoDB foreign keys enforced), a controller's
 * PostgreSQL (no foreign keys) and Cascade Studio's own PostgreSQL schema, each holding the demo data.
 */
class ServerCommandLineTest {

    static final String SUPPORT = RowBuilder.uid("project", "customer-support-assistant");

    @TempDir Path dir;
    Database database;
    String previousHome;

    void open(Kind kind) {
        database = EngineDatabases.open(kind, dir);
        DemoData.load(database);
        previousHome = System.getProperty("cascade.home");
        System.setProperty("cascade.home", dir.resolve("home").toString());
    }

    @AfterEach
    void close() {
        if (previousHome == null) System.clearProperty("cascade.home"); else System.setProperty("cascade.home", previousHome);
        if (database != null) EngineDatabases.close(database);
    }

    /** {@code verb --db <this database's URL> --user <server user> args...}. */
    CommandLineTest.Run cli(String verb, String... args) {
        String user = EngineDatabases.serverDatabase(database).server().user();
        return CommandLineTest.run(Stream.concat(Stream.of(verb, "--db", database.url(), "--user", user), Stream.of(args))
                .toArray(String[]::new));
    }

    /**
     * Issue 12, item 10 (the audit's gap 7): a database the server does not have is told in one sentence,
     * the same on both servers; the MariaDB driver's own WARN line (slf4j) no longer comes before it.
     */
    @ParameterizedTest
    @EnumSource(dev.cascadestudio.testsupport.ServerDatabases.Server.class)
    void aDatabaseTheServerDoesNotHaveIsToldInOneLine(dev.cascadestudio.testsupport.ServerDatabases.Server server) {
        dev.cascadestudio.testsupport.ServerDatabases.assumeReachable(server);
        String url = server.url("cs_missing_" + Long.toHexString(System.nanoTime()));
        for (String verb : List.of("tree", "audit")) {
            CommandLineTest.Run r = CommandLineTest.run(verb, "--db", url, "--user", server.user());
            assertThat(r.err()).as(verb + " on " + server).isEqualTo("error: Cannot open " + url + ": The server has no database of that"
                    + " name (check the name after the last / in the URL)." + System.lineSeparator());
            assertThat(r.exit()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"MARIADB_CONTROLLER", "POSTGRESQL_CONTROLLER", "POSTGRESQL"})
    void planDeleteRestoreOnAServerUrl(Kind kind) throws Exception {
        open(kind);
        String before = CanonicalDump.of(database);

        CommandLineTest.Run plan = cli("plan", "--table", "project", "--uid", SUPPORT, "--json", "--rows");
        assertThat(plan.exit()).as(plan.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(plan.out());
        assertThat(json.get("totals")).isEqualTo(new ObjectMapper().readTree(
                "{\"deletedRows\":31,\"nulledRows\":12,\"nulledValues\":18,\"affectedRows\":43}"));
        assertThat(json.at("/deleted/project/rows/0").asText()).isEqualTo(SUPPORT);
        assertThat(json.at("/deleted/project_labels/rows/0").isIntegralNumber()).as("label rows by integer uid").isTrue();

        CommandLineTest.Run deleted = cli("delete", "--write", "--table", "project", "--uid", SUPPORT, "--yes", "--json");
        assertThat(deleted.exit()).as(deleted.err()).isZero();
        String snapshot = new ObjectMapper().readTree(deleted.out()).get("snapshot").asText();
        CommandLineTest.Run gone = cli("plan", "--table", "project", "--uid", SUPPORT);
        assertThat(gone.exit()).isEqualTo(2);
        assertThat(gone.err()).isEqualTo("error: No row with uid '" + SUPPORT + "' in table project.\n");

        CommandLineTest.Run restored = cli("restore", "--write", snapshot);
        assertThat(restored.exit()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("Restored 31 rows and 18 values");
        assertThat(CanonicalDump.of(database)).as("the database after delete and restore").isEqualTo(before);

        CommandLineTest.Run again = cli("restore", "--write", snapshot);
        assertThat(again.exit()).isEqualTo(3);
        assertThat(again.err().lines().count()).isEqualTo(1);
        assertThat(again.err()).startsWith("error: Cannot restore");
        assertThat(CanonicalDump.of(database)).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"MARIADB_CONTROLLER", "POSTGRESQL_CONTROLLER", "POSTGRESQL"})
    void auditAndTreeOnAServerUrl(Kind kind) throws Exception {
        open(kind);
        if (kind == Kind.POSTGRESQL_CONTROLLER) {
            // no foreign keys here, as on a controller's SQLite file: a user row can go and leave its references
            database.fromConnection(c -> c.createStatement().executeUpdate("DELETE FROM \"user\" WHERE \"name\" = 'carol'"));
        }
        CommandLineTest.Run audit = cli("audit", "--json");
        assertThat(audit.exit()).as(audit.err()).isEqualTo(kind == Kind.POSTGRESQL_CONTROLLER ? 4 : 0);
        List<String> columns = new ArrayList<>();
        new ObjectMapper().readTree(audit.out()).get("dangling").forEach(f -> columns.add(f.get("table").asText() + "." + f.get("column").asText()));
        if (kind == Kind.POSTGRESQL_CONTROLLER) {
            assertThat(columns).contains("project.owner_id", "session.owner_id", "user_labels.parent");
        } else {
            assertThat(columns).as("the database's own foreign keys allow no dangling reference").isEmpty();
        }

        CommandLineTest.Run tree = cli("tree", "--depth", "4");
        assertThat(tree.exit()).as(tree.err()).isZero();
        assertThat(tree.out()).contains("customer-support-assistant").contains("kb-ingestion-nightly").contains("legacy-migration");
    }
}
