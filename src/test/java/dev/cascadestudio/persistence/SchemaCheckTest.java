package dev.cascadestudio.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.testsupport.EngineDatabases;
import dev.cascadestudio.testsupport.ServerDatabases;
import dev.cascadestudio.testsupport.ServerDatabases.Server;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the schema check says about a database that differs from the mapping, on each product: the
 * controller's own layouts pass; a dropped column, a column of the wrong type, a column too short and
 * a required column the controller does not have are each named.
 */
class SchemaCheckTest {

    @TempDir Path dir;

    private static List<SchemaDifference> check(Database database, boolean typesEnforced) {
        return database.fromConnection(c -> SchemaCheck.compare(c, typesEnforced));
    }

    @Test
    void cascadeStudiosOwnH2SchemaAndTheControllersSqliteSchemaMatch() {
        try (Database h2 = EngineDatabases.h2(dir.resolve("h2"))) {
            assertThat(check(h2, true)).isEmpty();
        }
        try (Database sqlite = EngineDatabases.controllerSqlite(dir)) {
            assertThat(check(sqlite, false)).isEmpty();
        }
    }

    @Test
    void onSqliteAMissingColumnAndAnUnknownRequiredColumnAreNamed() throws Exception {
        try (Database sqlite = EngineDatabases.controllerSqlite(dir)) {
            sqlite.fromConnection(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("DROP INDEX ix_run_status");
                    s.execute("ALTER TABLE run DROP COLUMN status");
                    s.execute("ALTER TABLE schedule ADD COLUMN region VARCHAR(16) NOT NULL DEFAULT 'eu'"); // has a default: fine
                    s.execute("CREATE TABLE session_new AS SELECT * FROM session");
                    s.execute("ALTER TABLE session ADD COLUMN tenant VARCHAR(16)"); // nullable: fine
                }
                return null;
            });
            // SQLite cannot add a NOT NULL column without a default: the controller's deployment table, made again with one more
            String ddl = new String(SchemaCheckTest.class.getResourceAsStream("/controller_sqlite.sql").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            String deployment = ddl.substring(ddl.indexOf("CREATE TABLE deployment ("), ddl.indexOf(");", ddl.indexOf("CREATE TABLE deployment (")) + 1)
                    .replace("CREATE TABLE deployment (", "CREATE TABLE deployment (cost_centre VARCHAR(32) NOT NULL, ");
            sqlite.fromConnection(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("DROP TABLE session_new");
                    s.execute("DROP TABLE deployment");
                    s.execute(deployment);
                }
                return null;
            });

            List<SchemaDifference> differences = check(sqlite, false);

            assertThat(differences).extracting(SchemaDifference::describe).contains(
                    "run.status is missing",
                    "deployment.cost_centre is required (NOT NULL, no default) but not part of the controller's schema,"
                            + " so a new or restored row could not be written");
            assertThat(differences).filteredOn(SchemaDifference::blocksReading).extracting(SchemaDifference::column)
                    .containsExactly("status");
        }
    }

    @Test
    void aDatabaseWithAMissingColumnIsNotOpenedAndTheMessageNamesTheColumn() throws Exception {
        String url;
        try (Database sqlite = EngineDatabases.controllerSqlite(dir)) {
            url = sqlite.url();
            sqlite.fromConnection(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("DROP INDEX ix_run_status");
                    s.execute("ALTER TABLE run DROP COLUMN status");
                    s.execute("ALTER TABLE model DROP COLUMN spec");
                }
                return null;
            });
        }
        byte[] before = java.nio.file.Files.readAllBytes(dir.resolve("sql.db"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Database.open(url, null, null, Database.EmptyDatabase.REFUSE))
                .isInstanceOf(DatabaseOpenException.class)
                .hasMessage("This database differs from the GenAI Factory controller schema: model.spec is missing; run.status is missing.");
        assertThat(java.nio.file.Files.readAllBytes(dir.resolve("sql.db"))).as("nothing written").isEqualTo(before);
    }

    @Test
    void onPostgresqlAWrongTypeAndAShortColumnAreNamed() throws Exception {
        String name = "cs_schema_" + UUID.randomUUID().toString().substring(0, 8);
        ServerDatabases.assumeReachable(Server.POSTGRESQL);
        String admin = Server.POSTGRESQL.url("test");
        try (Connection c = server(admin, "postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        try {
            String url = Server.POSTGRESQL.url(name);
            try (Database pg = Database.open(url, "postgres", null, Database.EmptyDatabase.CREATE_SCHEMA)) {
                assertThat(check(pg, true)).as("the schema Cascade Studio creates").isEmpty();
                pg.fromConnection(c -> {
                    try (Statement s = c.createStatement()) {
                        s.execute("ALTER TABLE run ALTER COLUMN status TYPE integer USING 0");
                        s.execute("ALTER TABLE project ALTER COLUMN name TYPE varchar(40)");
                    }
                    return null;
                });
                assertThat(check(pg, true)).extracting(SchemaDifference::describe).containsExactlyInAnyOrder(
                        "run.status is int4, where text is expected",
                        "project.name holds 40 characters, where the controller allows 255");
            }
        } finally {
            try (Connection c = server(admin, "postgres"); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    @Test
    void onMariadbAWrongTypeIsNamed() throws Exception {
        String name = "cs_schema_" + UUID.randomUUID().toString().substring(0, 8);
        ServerDatabases.assumeReachable(Server.MARIADB);
        String admin = Server.MARIADB.url("");
        try (Connection c = server(admin, "root"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        try {
            try (Database maria = Database.open(admin + name, "root", null, Database.EmptyDatabase.CREATE_SCHEMA)) {
                assertThat(check(maria, true)).as("the schema Cascade Studio creates").isEmpty();
                maria.fromConnection(c -> {
                    try (Statement s = c.createStatement()) {
                        s.execute("ALTER TABLE `schedule` MODIFY `created` INT NULL");
                    }
                    return null;
                });
                assertThat(check(maria, true)).extracting(SchemaDifference::describe)
                        .containsExactly("schedule.created is INT, where a timestamp is expected");
            }
        } finally {
            try (Connection c = server(admin, "root"); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name);
            }
        }
    }

    private static Connection server(String url, String user) throws SQLException {
        return DriverManager.getConnection(url, user, "");
    }
}
