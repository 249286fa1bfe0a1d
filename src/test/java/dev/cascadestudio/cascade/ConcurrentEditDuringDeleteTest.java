package dev.cascadestudio.cascade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.service.CascadeService;
import dev.cascadestudio.testsupport.EngineDatabases;
import dev.cascadestudio.testsupport.ServerDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Another client (the controller itself) edits a row the delete takes, after the delete has read its snapshot and
 * before its statements reach that row. The snapshot and the commit must still agree: either the other client waits
 * until the delete has committed (its edit then fails at its own lock timeout, as it would against any long
 * transaction), or the delete refuses and shows its plan again. What must never happen is the delete committing on the
 * edited row while its snapshot holds the row as it was before the edit, so that Undo would silently put the old
 * values back over the other client's edit. H2 is left out: an embedded H2 file is locked to this process, and the
 * window's writes run on one thread.
 */
class ConcurrentEditDuringDeleteTest {

    private static final String SUPPORT = DeleteScenarioTest.SUPPORT;
    private static final String TRIAGE = DeleteScenarioTest.TRIAGE;
    private static final String EDITED = "edited by another client during the delete";

    @TempDir Path dir;
    private Database database;

    @AfterEach
    void close() {
        if (database != null) EngineDatabases.close(database);
    }

    @ParameterizedTest
    @EnumSource(value = EngineDatabases.Kind.class, names = {"SQLITE", "MARIADB_CONTROLLER", "POSTGRESQL_CONTROLLER", "POSTGRESQL"})
    void anEditOfADeletedRowWhileTheDeleteRunsIsNeverLostByItsUndo(EngineDatabases.Kind kind) throws Exception {
        database = EngineDatabases.open(kind, dir);
        DemoData.load(database);
        editWhileDeleting(kind, false);
    }

    /**
     * A controller's SQLite file in WAL mode: there a reader does not keep writers from committing, so the edit goes
     * through while the delete reads its snapshot, and SQLite refuses the delete's first write (its view is no longer
     * the latest, SQLITE_BUSY_SNAPSHOT); the delete shows its plan again, changing nothing.
     */
    @org.junit.jupiter.api.Test
    void onASqliteFileInWalModeTheEditEndsTheDeleteInstead() throws Exception {
        database = EngineDatabases.open(EngineDatabases.Kind.SQLITE, dir);
        DemoData.load(database);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("sql.db"));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("wal");
        }
        editWhileDeleting(EngineDatabases.Kind.SQLITE, true);
    }

    private void editWhileDeleting(EngineDatabases.Kind kind, boolean wal) throws Exception {
        CascadeService service = new CascadeService(database, dir.resolve("snapshots"));
        String original = description();
        DeletePlan plan = service.plan(List.of(new Root("project", SUPPORT)));
        assertThat(plan.deletedFrom("workflow").count()).as("the edited workflow is one the delete takes").isEqualTo(3);
        Edit edit = new Edit();

        ExecutionResult result = null;
        try {
            // the first statement's progress line: the snapshot is being read (PostgreSQL) or has been read (the others)
            result = service.execute(plan, (done, total, message) -> {
                if (message.startsWith("Setting ") && !edit.tried) edit.tryOnce(kind);
            });
        } catch (StalePlanException refused) {
            assertThat(refused.currentPlan().deletedFrom("workflow").count()).isEqualTo(3);
        }
        assertThat(edit.tried).isTrue();
        boolean deleted = result != null;

        if (kind == EngineDatabases.Kind.MARIADB_CONTROLLER || (kind == EngineDatabases.Kind.SQLITE && !wal)) {
            // the rows the delete has read stay as read: the other client waits for the delete's commit
            assertThat((Object) edit.refusal).as("the other client's edit waited for the delete and gave up").isNotNull();
            assertThat(edit.refusal.getMessage()).as("refused for the delete's lock, not for anything else")
                    .containsAnyOf("Lock wait timeout", "SQLITE_BUSY");
            assertThat(deleted).isTrue();
        } else {
            // PostgreSQL's delete (and a WAL file's reader) holds no lock on a row until its statement reaches it: the
            // edit goes through, and the delete, whose snapshot is of the data before the edit, refuses instead of
            // taking the edited row
            assertThat((Object) edit.refusal).as("the other client's edit went through").isNull();
            assertThat(deleted).as("the delete refused: its snapshot no longer holds the row it would take").isFalse();
            assertThat(description()).isEqualTo(EDITED);
            assertThat(EngineDatabases.count(database, "SELECT COUNT(*) FROM \"workflow\" WHERE \"project_id\" = '" + SUPPORT + "'"))
                    .as("nothing was deleted").isEqualTo(3);
        }
        if (deleted) {
            service.restore(result.snapshot());
        }
        assertThat(description()).as("after the delete and its undo, the workflow is as the database last held it")
                .isEqualTo(edit.refusal == null ? EDITED : original);
    }

    /**
     * The delete's isolation is the delete's alone: a delete that went through, and one that ends before its first
     * statement (here its progress listener fails at the first line), leave no pooled connection whose next
     * transaction, a read of the window, would take MariaDB's shared locks or PostgreSQL's REPEATABLE READ. Checked on
     * every connection of the pool at once.
     */
    @ParameterizedTest
    @EnumSource(value = EngineDatabases.Kind.class, names = {"MARIADB_CONTROLLER", "POSTGRESQL_CONTROLLER"})
    void aDeleteEndedBeforeItsFirstStatementLeavesNoConnectionIsolated(EngineDatabases.Kind kind) {
        database = EngineDatabases.open(kind, dir);
        DemoData.load(database);
        CascadeService service = new CascadeService(database, dir.resolve("snapshots"));
        service.restore(service.execute(service.plan(List.of(new Root("project", SUPPORT))), ProgressListener.NONE).snapshot()); // one that went through
        DeletePlan plan = service.plan(List.of(new Root("project", SUPPORT)));
        long snapshots = snapshotsLeft();
        for (int i = 0; i < 4; i++) { // every connection of the pool gets to be the delete's once
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.execute(plan, (done, total, message) -> {
                throw new IllegalStateException("the listener failed");
            })).hasMessageContaining("the listener failed");
        }
        java.util.List<String> levels = new java.util.ArrayList<>();
        isolationOfEach(kind, 4, levels);
        assertThat(levels).as("the next transaction of each pooled connection").hasSize(4);
        if (kind == EngineDatabases.Kind.MARIADB_CONTROLLER) {
            // InnoDB lists a transaction that has only read without locks as none at all
            assertThat(levels).allMatch(level -> level.equals("REPEATABLE READ") || level.equals("no transaction"));
        } else {
            assertThat(levels).containsOnly("read committed");
        }
        assertThat(snapshotsLeft()).as("no snapshot of a delete that did not happen").isEqualTo(snapshots);
    }

    private long snapshotsLeft() {
        try (var files = java.nio.file.Files.walk(dir.resolve("snapshots"))) {
            return files.filter(java.nio.file.Files::isRegularFile).count();
        } catch (java.nio.file.NoSuchFileException none) {
            return 0;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The isolation of a transaction that reads a row, on {@code connections} pooled connections held at once. */
    private void isolationOfEach(EngineDatabases.Kind kind, int connections, java.util.List<String> levels) {
        if (connections == 0) return;
        database.fromConnection(c -> {
            try (Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM workflow")) {
                    rs.next();
                }
                try (ResultSet rs = s.executeQuery(kind == EngineDatabases.Kind.MARIADB_CONTROLLER
                        ? "SELECT trx_isolation_level FROM information_schema.innodb_trx WHERE trx_mysql_thread_id = CONNECTION_ID()"
                        : "SHOW transaction_isolation")) {
                    levels.add(rs.next() ? rs.getString(1) : "no transaction");
                }
            }
            isolationOfEach(kind, connections - 1, levels);
            return null;
        });
    }

    /** The other client's one edit, with its own connection and a short lock timeout. */
    private final class Edit {
        boolean tried;
        SQLException refusal;

        void tryOnce(EngineDatabases.Kind kind) {
            tried = true;
            try (Connection other = otherClient(kind); Statement s = other.createStatement()) {
                s.execute(switch (kind) {
                    case MARIADB_CONTROLLER -> "SET SESSION innodb_lock_wait_timeout = 1";
                    case SQLITE -> "PRAGMA busy_timeout = 300";
                    default -> "SET lock_timeout = '1s'";
                });
                s.executeUpdate("UPDATE workflow SET description = '" + EDITED + "' WHERE uid = '" + TRIAGE + "'");
            } catch (SQLException e) {
                refusal = e;
            }
        }
    }

    private Connection otherClient(EngineDatabases.Kind kind) throws SQLException {
        if (kind == EngineDatabases.Kind.SQLITE) {
            return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("sql.db"));
        }
        ServerDatabases.Created created = EngineDatabases.serverDatabase(database);
        return DriverManager.getConnection(created.url(), created.server().user(), null);
    }

    private String description() {
        return database.fromConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(EngineDatabases.sql(database,
                    "SELECT \"description\" FROM \"workflow\" WHERE \"uid\" = ?"))) {
                ps.setString(1, TRIAGE);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    return rs.getString(1);
                }
            }
        });
    }
}
