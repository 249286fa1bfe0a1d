package dev.cascadestudio.cascade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascadestudio.persistence.BatchInserter;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.UniqueColumns;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.persistence.demo.RowBuilder;
import dev.cascadestudio.service.CascadeService;
import dev.cascadestudio.testsupport.CanonicalDump;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restore leaves "no row has this key or name again" to the database's own constraints where it has them
 * ({@code DeleteScenarioTest} covers those, on every product). A controller file made without the unique names
 * has none: the restore looks the rows up itself, and a name taken since is still a conflict that changes nothing.
 */
class RestoreWithoutUniqueIndexesTest {

    static final String SUPPORT = RowBuilder.uid("project", "customer-support-assistant");

    @TempDir Path dir;

    @Test
    void aNameTakenSinceIsAConflictWhereTheDatabaseKeepsNamesUniqueNowhere() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("sql.db");
        String ddl = controllerDdl()
                .replaceAll(",\\s*UNIQUE \\(name\\)", "")
                .replaceAll("CONSTRAINT \\w+_uc UNIQUE \\(name, parent\\),\\s*", "");
        assertThat(ddl).doesNotContain("UNIQUE");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String statement : ddl.split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        }
        try (Database database = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
            DemoData.load(database);
            boolean namesKept = database.fromConnection(c -> new UniqueColumns(c).keeps("project", List.of("name")));
            assertThat(namesKept).as("nothing keeps the names unique here").isFalse();
            CascadeService service = new CascadeService(database, dir.resolve("snapshots"));
            ExecutionResult result = service.execute(service.plan(List.of(new Root("project", SUPPORT))), ProgressListener.NONE);
            // a new project takes the deleted one's name: nothing in this file refuses it
            database.fromConnection(c -> {
                try (BatchInserter in = new BatchInserter(c, database.kind(), database.sqlNames(), 10)) {
                    new RowBuilder(in, LocalDateTime.of(2026, 6, 1, 8, 0)).project("customer-support-assistant", null, "new");
                }
                return null;
            });
            String before = CanonicalDump.of(database);

            assertThatThrownBy(() -> service.restore(result.snapshot()))
                    .isInstanceOfSatisfying(RestoreConflictException.class, e -> assertThat(e.getMessage())
                            .contains("project 'customer-support-assistant': another row took this name")
                            .contains("Nothing was changed"));
            assertThat(CanonicalDump.of(database)).isEqualTo(before);
        }
    }

    private static String controllerDdl() throws IOException {
        try (InputStream in = RestoreWithoutUniqueIndexesTest.class.getResourceAsStream("/controller_sqlite.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
        }
    }
}
