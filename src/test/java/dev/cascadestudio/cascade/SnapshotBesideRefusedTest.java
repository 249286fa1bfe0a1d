package dev.cascadestudio.cascade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.service.CascadeService;
import dev.cascadestudio.testsupport.CanonicalDump;
import dev.cascadestudio.testsupport.ServerDatabases;
import dev.cascadestudio.testsupport.ServerDatabases.Server;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PostgreSQL delete writes its snapshot beside its statements, from the deleting transaction's view handed to a second
 * connection ({@code pg_export_snapshot}). A hardened server may refuse that to the administrator's role (EXECUTE on the
 * function revoked from PUBLIC, as some security baselines do): the delete then writes its snapshot before the
 * statements, as on the other products, instead of failing.
 */
class SnapshotBesideRefusedTest {

    private static final String SUPPORT = DeleteScenarioTest.SUPPORT;

    @TempDir Path dir;
    private ServerDatabases.Created created;
    private Database database;
    private final String role = "cs_noexport_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 1_000_000;

    @AfterEach
    void dropEverything() throws SQLException {
        if (database != null) {
            database.close();
        }
        if (created != null) {
            try {
                created.close();
            } finally { // a role is the whole server's: it goes even where its database could not be dropped
                try (Connection c = DriverManager.getConnection(Server.POSTGRESQL.adminUrl(), Server.POSTGRESQL.user(), null);
                     Statement s = c.createStatement()) {
                    s.execute("DROP ROLE IF EXISTS " + role);
                }
            }
        }
    }

    @Test
    void aRoleThatMayNotExportASnapshotDeletesWithTheSnapshotWrittenFirstAndUndoGivesEverythingBack() throws Exception {
        created = ServerDatabases.create(Server.POSTGRESQL, null);
        ServerDatabases.run(created, controllerDdl());
        ServerDatabases.run(created, String.join("\n",
                "CREATE ROLE " + role + " LOGIN;",
                "GRANT USAGE ON SCHEMA public TO " + role + ";",
                "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + role + ";",
                "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO " + role + ";",
                "REVOKE EXECUTE ON FUNCTION pg_export_snapshot() FROM PUBLIC;"));
        database = Database.open(created.url(), role, null, Database.EmptyDatabase.REFUSE);
        DemoData.load(database);
        assertThatThrownBy(() -> database.fromConnection(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_export_snapshot()")) {
                return rs.next();
            }
        })).as("the role really may not export a snapshot").rootCause().isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).as("insufficient_privilege").isEqualTo("42501"));
        CascadeService service = new CascadeService(database, dir.resolve("snapshots"));
        String before = CanonicalDump.of(database);
        List<String> progress = new ArrayList<>();

        ExecutionResult result = service.execute(service.plan(List.of(new Root("project", SUPPORT))),
                (done, total, message) -> progress.add(message));

        assertThat(progress).as("the snapshot is written before the statements").doesNotContain(
                "Writing the snapshot while the statements run", "Finishing the snapshot and checking that the plan still holds");
        assertThat(progress).last().isEqualTo("Committing");
        assertThat(workflowsOfTheProject()).isZero();
        assertThat(result.snapshot()).exists();

        service.restore(result.snapshot());

        assertThat(CanonicalDump.of(database)).as("the snapshot holds the rows as they were").isEqualTo(before);
    }

    private long workflowsOfTheProject() {
        return database.fromConnection(c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM workflow WHERE project_id = '" + SUPPORT + "'")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static String controllerDdl() throws Exception {
        try (var in = SnapshotBesideRefusedTest.class.getResourceAsStream("/controller_postgresql.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
