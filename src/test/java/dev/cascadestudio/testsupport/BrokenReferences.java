package dev.cascadestudio.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.persistence.BatchInserter;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.RowBuilder;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;

/**
 * The demo data broken in three known ways, as a controller's own ORM or a hand-written statement can
 * leave it, with the keys not checked meanwhile: the user carol removed (her rows' owner_id and her
 * labels left dangling), the run scoring-smoke-test pointing at a workflow that never existed
 * ({@value #MISSING_WORKFLOW}), and a prompt label reviewed-by whose parent names no prompt ({@value #MISSING_PROMPT}).
 */
public final class BrokenReferences {

    public static final String MISSING_WORKFLOW = "workflow-that-never-was";
    public static final String MISSING_PROMPT = "no-such-prompt";

    private BrokenReferences() {}

    /**
     * A controller's SQLite file ({@code sql.db} in {@code dir}, made from the controller's DDL) holding the demo
     * data broken as {@link #apply} breaks it, closed again; the file.
     */
    public static java.nio.file.Path controllerSqliteFile(java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path folder = java.nio.file.Files.createDirectories(dir);
        try (Database database = EngineDatabases.controllerSqlite(folder)) {
            dev.cascadestudio.persistence.demo.DemoData.load(database);
            apply(database, EngineDatabases.Kind.SQLITE);
        }
        return folder.resolve("sql.db");
    }

    public static void apply(Database database, EngineDatabases.Kind kind) {
        String carol = RowBuilder.uid("user", "carol");
        database.fromConnection(c -> {
            try (Statement s = c.createStatement()) {
                relaxKeys(s, kind, true);
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + q(database, "user") + " WHERE " + q(database, "uid") + " = ?")) {
                    ps.setString(1, carol);
                    assertThat(ps.executeUpdate()).isEqualTo(1);
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + q(database, "run") + " SET " + q(database, "workflow_id")
                        + " = ? WHERE " + q(database, "name") + " = ?")) {
                    ps.setString(1, MISSING_WORKFLOW);
                    ps.setString(2, "scoring-smoke-test");
                    assertThat(ps.executeUpdate()).isEqualTo(1);
                }
                try (BatchInserter inserter = new BatchInserter(c, database.kind(), database.sqlNames(), 10)) {
                    new RowBuilder(inserter, LocalDateTime.of(2026, 6, 1, 9, 0)).label("prompt", "reviewed-by", MISSING_PROMPT, MISSING_PROMPT);
                    inserter.flush();
                }
                relaxKeys(s, kind, false);
            }
            return null;
        });
    }

    /** Turns the checking of foreign keys off ({@code relax}) or on again, on the statement's connection. */
    public static void relaxKeys(Statement s, EngineDatabases.Kind kind, boolean relax) throws SQLException {
        switch (kind) {
            case H2 -> s.execute("SET REFERENTIAL_INTEGRITY " + (relax ? "FALSE" : "TRUE"));
            case MARIADB_CONTROLLER -> s.execute("SET FOREIGN_KEY_CHECKS = " + (relax ? "0" : "1"));
            case POSTGRESQL, POSTGRESQL_CONTROLLER -> s.execute("SET session_replication_role = " + (relax ? "replica" : "DEFAULT"));
            case SQLITE -> { } // the controller's DDL declares keys SQLite does not enforce
        }
    }

    private static String q(Database database, String name) {
        return database.sqlNames().quote(name);
    }
}
