package dev.cascadestudio.cascade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascadestudio.persistence.AppDirectories;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.H2DeleteJournal;
import dev.cascadestudio.persistence.H2DeleteJournalSwitch;
import dev.cascadestudio.persistence.demo.DataGenerator;
import dev.cascadestudio.persistence.demo.RowBuilder;
import dev.cascadestudio.service.CascadeService;
import dev.cascadestudio.testsupport.DatabaseFingerprint;
import dev.cascadestudio.testsupport.HoldH2Open;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commit of a delete fails after its statements have run (here: the H2 database is shut down
 * under it at the moment of the commit, as a failing disk or a killed server would). The executor then
 * reads the database again. If it reads exactly as before, the administrator is told nothing was
 * deleted and the journal goes. If it cannot be read, what the administrator is told depends on the
 * guard: a backed-up delete may be partly there, and reopening puts the copy taken before it back
 * (the journal is kept, and reopening does put the database back exactly as it was); a small delete
 * left to H2's own commit is whole before or whole after, and reopening shows which (here: before).
 */
class CommitFailureTest {

    @TempDir
    Path dir;

    private Path file;
    private String url;
    private String project;
    private DatabaseFingerprint before;
    private Path snapshots;

    @BeforeEach
    void generate() throws Exception {
        file = dir.resolve("db");
        url = AppDirectories.h2Url(file);
        try (Database database = Database.open(url, null, null, Database.EmptyDatabase.CREATE_SCHEMA)) {
            project = DataGenerator.generate(database, 6_000, 2_000).bigProjectUid();
        }
        before = DatabaseFingerprint.ofH2File(file);
        snapshots = Files.createDirectories(dir.resolve("snapshots"));
    }

    @Test
    void aFailedCommitAfterWhichTheDatabaseReadsAsBeforeSaysNothingWasDeleted() throws Exception {
        Database database = Database.open(url, null, null, Database.EmptyDatabase.REFUSE);
        try {
            CascadeService service = new CascadeService(database, snapshots);
            DeletePlan plan = service.plan(List.of(new Root("project", project)));
            assertThatThrownBy(() -> service.execute(plan, (done, total, message) -> {
                if (message.equals("Committing")) {
                    shutDownImmediately(url + ";WRITE_DELAY=0"); // H2 reopens it, without the transaction, for the re-check
                }
            }))
                    .as("what the administrator is told")
                    .hasMessageStartingWith("The commit failed (")
                    .hasMessageEndingWith("Read back row by row, the database is as before the delete: nothing was deleted.");
            assertThat(DatabaseFingerprint.of(database)).as("the database as before the delete").isEqualTo(before);
        } finally {
            closeQuietly(database);
        }
        assertThat(Path.of(file + ".delete-journal")).as("no journal: nothing to put back").doesNotExist();
        try (Stream<Path> left = Files.list(snapshots)) {
            assertThat(left.toList()).as("no snapshot of a delete that did not happen").isEmpty();
        }
        try (Database reopened = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
            assertThat(reopened.interruptedDeleteUndone()).isFalse();
            assertThat(DatabaseFingerprint.of(reopened)).isEqualTo(before);
        }
    }

    @Test
    void aFailedCommitOfASmallDeleteThatCannotBeReadBackIsWholeBeforeOnReopening() throws Exception {
        Process holder = null;
        Database database = Database.open(url, null, null, Database.EmptyDatabase.REFUSE);
        try {
            CascadeService service = new CascadeService(database, snapshots);
            // one workflow with its schedules, runs, sessions and labels: the project's 2,000 rows change more of
            // H2's pages than the commit watch lets through, and that delete takes the backup (the test below)
            DeletePlan plan = service.plan(List.of(new Root("workflow", RowBuilder.uid("workflow", "workflow-0000100"))));
            assertThat(plan.affectedRowCount()).as("a small delete").isBetween(2L, H2DeleteJournal.WATCHED_ROWS);
            Process[] holding = new Process[1];
            assertThatThrownBy(() -> service.execute(plan, (done, total, message) -> {
                if (message.equals("Committing")) {
                    assertThat(Path.of(file + ".delete-backup.zip")).as("no backup of the file").doesNotExist();
                    shutDownImmediately(url + ";WRITE_DELAY=0"); // the statements have run; the commit comes next
                    holding[0] = holdOpenInAnotherProcess(url); // so that the re-check cannot read it
                }
            }))
                    .as("what the administrator is told")
                    .hasMessageStartingWith("The commit failed (")
                    .hasMessageEndingWith("Close the database and open it again: it will be as before the delete or as after"
                            + " it, never in between.");
            holder = holding[0];
        } finally {
            closeQuietly(database);
            if (holder != null) {
                holder.getOutputStream().close();
                assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
        }
        assertThat(Path.of(file + ".delete-journal")).as("no journal").doesNotExist();
        try (Database reopened = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
            assertThat(reopened.interruptedDeleteUndone()).as("nothing was put back: H2 rolled the commit back itself").isFalse();
            assertThat(DatabaseFingerprint.of(reopened)).as("the database as before the delete").isEqualTo(before);
        }
    }

    @Test
    void aFailedCommitAfterWhichTheDatabaseCannotBeReadKeepsTheJournalAndReopeningPutsItBack() throws Exception {
        H2DeleteJournalSwitch.alwaysBackUp(true); // the backup's path, which deletes of more than WATCHED_ROWS rows take
        try {
            backedUpCommitFailsAndReopeningPutsItBack();
        } finally {
            H2DeleteJournalSwitch.alwaysBackUp(false);
        }
    }

    private void backedUpCommitFailsAndReopeningPutsItBack() throws Exception {
        Process holder = null;

        Database database = Database.open(url, null, null, Database.EmptyDatabase.REFUSE);
        try {
            CascadeService service = new CascadeService(database, snapshots);
            DeletePlan plan = service.plan(List.of(new Root("project", project)));
            assertThat(plan.deletedCount()).isGreaterThan(100);
            Process[] holding = new Process[1];
            assertThatThrownBy(() -> service.execute(plan, (done, total, message) -> {
                if (message.equals("Committing")) {
                    shutDownImmediately(url + ";WRITE_DELAY=0"); // the statements have run; the commit comes next
                    holding[0] = holdOpenInAnotherProcess(url); // so that the re-check cannot read it
                }
            }))
                    .as("what the administrator is told")
                    .hasMessageStartingWith("The commit failed (")
                    .hasMessageContaining("the database may hold part of the delete")
                    .hasMessageContaining("Close it and open it again: the copy taken before the delete will be put back.");
            holder = holding[0];
        } finally {
            closeQuietly(database);
            if (holder != null) {
                holder.getOutputStream().close();
                assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
        }
        assertThat(Path.of(file + ".delete-journal")).as("the journal is kept for the next open").exists();
        List<Path> written;
        try (Stream<Path> left = Files.list(snapshots)) {
            written = left.toList();
        }
        assertThat(written).as("the snapshot of the delete stays until the next open has decided").hasSize(1);
        byte[] snapshotBytes = Files.readAllBytes(written.get(0));

        try (Database reopened = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
            assertThat(reopened.interruptedDeleteUndone()).as("the notice that the delete was undone").isTrue();
            assertThat(DatabaseFingerprint.of(reopened)).as("the database as before the delete").isEqualTo(before);
            assertThatThrownBy(() -> new CascadeService(reopened, snapshots).restore(written.get(0)))
                    .as("the kept snapshot of the undone delete cannot be restored over the rows it describes")
                    .isInstanceOf(RestoreConflictException.class);
            assertThat(DatabaseFingerprint.of(reopened)).isEqualTo(before);
        }
        assertThat(Path.of(file + ".delete-journal")).doesNotExist();
        // recovery removes files in the journal's own folder only: a snapshot elsewhere stays as it was
        // (restoring it is refused, as all its rows are back)
        assertThat(written.get(0)).as("the snapshot, in another folder than the database").hasBinaryContent(snapshotBytes);
    }

    private static Process holdOpenInAnotherProcess(String url) {
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), HoldH2Open.class.getName(), url)
                    .redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals(HoldH2Open.READY)) {
                    return holder;
                }
            }
            throw new AssertionError("the holder process could not open the database");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Another connection to the same embedded database shuts it down without waiting for anyone. */
    private static void shutDownImmediately(String url) {
        try (Connection other = DriverManager.getConnection(url); Statement s = other.createStatement()) {
            s.execute("SHUTDOWN IMMEDIATELY");
        } catch (SQLException e) {
            // H2 may report its own shutdown to the connection that asked for it
        }
    }

    private static void closeQuietly(Database database) {
        try {
            database.close();
        } catch (RuntimeException ignored) {
            // the database was shut down under it
        }
    }
}
