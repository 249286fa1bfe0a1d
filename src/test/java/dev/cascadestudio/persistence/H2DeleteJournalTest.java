package dev.cascadestudio.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.persistence.demo.DataGenerator;
import dev.cascadestudio.service.CascadeService;
import dev.cascadestudio.testsupport.DatabaseFingerprint;
import dev.cascadestudio.testsupport.OpenH2InChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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

    /**
     * Two processes open a file whose delete was cut off at the same moment (two windows started at
     * once, or the app and the command line). Exactly one of them puts the backup back; the other
     * finds nothing left to undo, or is told the file is open elsewhere, and neither copies the backup
     * over a file the other has already restored and opened. (Without the recovery lock the second
     * process failed here with "its backup could not be put back".)
     */
    @Test
    @Tag("race") // intermittent, see the README: not in the default run until understood
    @Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hung child fails the test, not the build
    void twoProcessesOpeningACrashedFileAtOnceRestoreItOnce() throws Exception {
        Path file = dir.resolve("db");
        String url = AppDirectories.h2Url(file);
        try (Database database = Database.open(url, null, null, Database.EmptyDatabase.CREATE_SCHEMA)) {
            DataGenerator.generate(database, 40_000, 10_000); // a backup big enough that restoring it takes a while
        }
        DatabaseFingerprint before = DatabaseFingerprint.ofH2File(file);
        for (int round = 0; round < 3; round++) {
            try (Database database = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
                database.fromConnection(c -> {
                    H2DeleteJournal.begin(c, database.h2File(), null);
                    try (Statement s = c.createStatement()) {
                        s.executeUpdate("UPDATE \"run\" SET \"workflow_id\" = NULL");
                    }
                    return null; // and the process dies before the journal is finished
                });
            }
            List<Process> openers = List.of(startOpener(url), startOpener(url));
            List<BufferedReader> outputs = new ArrayList<>();
            for (Process opener : openers) {
                BufferedReader out = new BufferedReader(new InputStreamReader(opener.getInputStream(), StandardCharsets.UTF_8));
                assertThat(out.readLine()).as("the opener process started").isEqualTo(OpenH2InChildJvm.READY);
                outputs.add(out);
            }
            for (Process opener : openers) { // both at once
                opener.getOutputStream().write('\n');
                opener.getOutputStream().flush();
            }
            List<String> results = new ArrayList<>();
            for (int i = 0; i < openers.size(); i++) {
                results.add(String.valueOf(outputs.get(i).readLine()));
                assertThat(openers.get(i).waitFor(60, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(results).as("round %d: what each process saw when it opened the file", round)
                    .containsOnlyOnce("undone=true")
                    .allSatisfy(r -> assertThat(r).matches("undone=(true|false)|error=.*already open in another.*"));
            assertThat(H2DeleteJournal.journalOf(file)).doesNotExist();
            assertThat(DatabaseFingerprint.ofH2File(file)).as("round %d: the database as before the delete", round).isEqualTo(before);
        }
    }

    private static Process startOpener(String url) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), OpenH2InChildJvm.class.getName(), url)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
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
