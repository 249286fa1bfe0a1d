package dev.cascadestudio.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.persistence.demo.DataGenerator;
import dev.cascadestudio.service.CascadeService;
import dev.cascadestudio.testsupport.DatabaseFingerprint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal around a delete on an H2 file: left behind (the process died between the backup and
 * the end of the delete), the next open puts the database back as it was before the delete; removed
 * (the delete finished), the next open leaves the committed delete alone. The crash itself is
 * exercised by {@code CrashDuringCommitTest}.
 */
class H2DeleteJournalTest {

    @TempDir
    Path dir;

    @Test
    void openingAFileWithAJournalRestoresTheBackupAndRemovesJournalBackupAndSnapshot() throws Exception {
        Path file = dir.resolve("db");
        String url = AppDirectories.h2Url(file);
        try (Database database = Database.open(url, null, null, Database.EmptyDatabase.CREATE_SCHEMA)) {
            DataGenerator.generate(database, 3_000, 1_000);
        }
        DatabaseFingerprint before = DatabaseFingerprint.ofH2File(file);
        Path snapshot = Files.writeString(dir.resolve("delete-20261124T101500-project-p1.jsonl"), "the interrupted delete's snapshot");

        try (Database database = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
            database.fromConnection(c -> {
                H2DeleteJournal.begin(c, database.h2File(), snapshot);
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("UPDATE \"run\" SET \"workflow_id\" = NULL");
                    s.executeUpdate("DELETE FROM \"project_labels\"");
                }
                return null; // commits: what a kill after H2 kept (part of) the commit would leave
            });
            // the process dies here, before the journal is finished
            assertThat(H2DeleteJournal.journalOf(file)).exists();
            assertThat(H2DeleteJournal.backupOf(file)).exists();
        }

        try (Database reopened = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
            assertThat(reopened.interruptedDeleteUndone()).isTrue();
            assertThat(DatabaseFingerprint.of(reopened)).isEqualTo(before);
        }
        assertThat(H2DeleteJournal.journalOf(file)).doesNotExist();
        assertThat(H2DeleteJournal.backupOf(file)).doesNotExist();
        assertThat(snapshot).as("the snapshot of a delete that did not happen").doesNotExist();
        try (Database again = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
            assertThat(again.interruptedDeleteUndone()).isFalse();
        }
    }

    @Test
    void aJournalMarkedCommittedIsNotUndoneAndAForeignFileItNamesIsNotDeleted() throws Exception {
        Path file = dir.resolve("db");
        String url = AppDirectories.h2Url(file);
        try (Database database = Database.open(url, null, null, Database.EmptyDatabase.CREATE_SCHEMA)) {
            DataGenerator.generate(database, 3_000, 1_000);
        }
        Path notASnapshot = Files.writeString(dir.resolve("notes.txt"), "someone's file");
        try (Database database = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
            database.fromConnection(c -> {
                H2DeleteJournal.begin(c, database.h2File(), notASnapshot);
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("DELETE FROM \"project_labels\"");
                }
                return null;
            });
        }
        Path journal = H2DeleteJournal.journalOf(file);
        String interrupted = Files.readString(journal);
        // the delete committed but its journal could not be removed: it was marked committed instead
        Files.writeString(journal, "committed=true\n");
        try (Database reopened = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
            assertThat(reopened.interruptedDeleteUndone()).isFalse();
            assertThat(DatabaseFingerprint.of(reopened).rowCounts().get("project_labels")).as("the committed delete").isZero();
        }
        assertThat(journal).doesNotExist();

        // an interrupted delete whose journal names a file that is not a delete snapshot: undone, file kept
        try (Database database = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
            database.fromConnection(c -> {
                H2DeleteJournal.begin(c, database.h2File(), notASnapshot);
                return null;
            });
        }
        assertThat(interrupted).contains("notes.txt");
        try (Database reopened = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
            assertThat(reopened.interruptedDeleteUndone()).isTrue();
        }
        assertThat(notASnapshot).exists().hasContent("someone's file");
    }

    @Test
    void aSecondOpenWhileTheDeleteRunsLeavesTheFileAlone() throws Exception {
        Path file = dir.resolve("db");
        String url = AppDirectories.h2Url(file);
        try (Database database = Database.open(url, null, null, Database.EmptyDatabase.CREATE_SCHEMA)) {
            DataGenerator.generate(database, 3_000, 1_000);
        }
        try (Database running = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
            running.fromConnection(c -> {
                H2DeleteJournal.begin(c, running.h2File(), null);
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("DELETE FROM \"project_labels\"");
                }
                return null;
            });
            // the journal is there because the delete is still running in this process
            try (Database second = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
                assertThat(second.interruptedDeleteUndone()).isFalse();
                assertThat(DatabaseFingerprint.of(second).rowCounts().get("project_labels")).isZero();
            }
            assertThat(H2DeleteJournal.journalOf(file)).exists();
        }
    }

    @Test
    void aFinishedDeleteLeavesNoJournalAndStaysDeleted() {
        Path file = dir.resolve("db");
        String url = AppDirectories.h2Url(file);
        String project;
        try (Database database = Database.open(url, null, null, Database.EmptyDatabase.CREATE_SCHEMA)) {
            project = DataGenerator.generate(database, 3_000, 1_000).bigProjectUid();
        }
        DatabaseFingerprint after;
        try (Database database = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
            CascadeService service = new CascadeService(database, dir.resolve("snapshots"));
            DeletePlan plan = service.plan(List.of(new Root("project", project)));
            service.execute(plan, (done, total, message) -> { });
            assertThat(H2DeleteJournal.journalOf(file)).doesNotExist();
            assertThat(H2DeleteJournal.backupOf(file)).doesNotExist();
            after = DatabaseFingerprint.of(database);
        }
        try (Database reopened = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
            assertThat(reopened.interruptedDeleteUndone()).isFalse();
            assertThat(DatabaseFingerprint.of(reopened)).isEqualTo(after);
        }
    }

    @Test
    void onlyEmbeddedH2FilesHaveAFile() {
        assertThat(Database.embeddedH2File("jdbc:h2:file:/tmp/x;MODE=PostgreSQL")).isEqualTo(Path.of("/tmp/x"));
        assertThat(Database.embeddedH2File("jdbc:h2:/tmp/y")).isEqualTo(Path.of("/tmp/y"));
        assertThat(Database.embeddedH2File("jdbc:h2:~/z")).isEqualTo(Path.of(System.getProperty("user.home"), "z"));
        assertThat(Database.embeddedH2File("jdbc:h2:mem:x")).isNull();
        assertThat(Database.embeddedH2File("jdbc:h2:tcp://localhost/~/x")).isNull();
        assertThat(Database.embeddedH2File("jdbc:h2:nio:/tmp/x")).isNull();
    }
}
