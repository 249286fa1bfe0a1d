package dev.cascadestudio.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.ZipInputStream;
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

    /**
     * A backup put back must stay readable once it has been opened and closed. The image here is the
     * online {@code BACKUP} taken in round 7 of {@link #twoProcessesOpeningACrashedFileAtOnceRestoreItOnce}
     * on a loaded machine: opened as it is, H2 2.5.252 reads it, and corrupts it when it closes it (the
     * next open failed with "File corrupted in chunk 549, expected map id 2, got 5"). What it should
     * hold is read from the image opened read-only, which H2 does not write to.
     */
    @Test
    void aBackupPutBackStaysReadableAfterItHasBeenOpenedAndClosed() throws Exception {
        Path image = dir.resolve("image");
        unzipResource("online-backup-that-h2-corrupts-at-first-close.zip", Path.of(image + ".mv.db"));
        DatabaseFingerprint inTheImage;
        try (Database readOnly = Database.open(AppDirectories.h2Url(image) + ";ACCESS_MODE_DATA=r", null, null,
                Database.EmptyDatabase.REFUSE)) {
            inTheImage = DatabaseFingerprint.of(readOnly);
        }

        Path file = dir.resolve("db");
        String url = AppDirectories.h2Url(file);
        Files.copy(Path.of(image + ".mv.db"), Path.of(file + ".mv.db")); // the file the interrupted delete left
        Files.copy(getClass().getResourceAsStream("online-backup-that-h2-corrupts-at-first-close.zip"), H2DeleteJournal.backupOf(file));
        H2DeleteJournal.writeJournalFor(file, null);

        try (Database reopened = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
            assertThat(reopened.interruptedDeleteUndone()).isTrue();
        }
        for (int open = 2; open <= 3; open++) {
            try (Database again = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
                assertThat(DatabaseFingerprint.of(again)).as("open %d after the backup was put back", open).isEqualTo(inTheImage);
            }
        }
    }

    private void unzipResource(String name, Path target) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(getClass().getResourceAsStream(name))) {
            zip.getNextEntry();
            Files.copy(zip, target);
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
        java.util.Properties marked = new java.util.Properties();
        try (java.io.InputStream in = Files.newInputStream(journal)) {
            marked.load(in);
        }
        marked.setProperty("committed", "true"); // what H2DeleteJournal.committed() writes when it cannot remove the journal
        H2DeleteJournal.writeSealed(journal, marked);
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

    /**
     * While a delete runs here, a second open of the file in this same process (another window) must
     * not loosen this process's hold on it: another process opening the file then is told it is open
     * elsewhere, and does not put the backup back under the running delete. (Checking whether the file
     * was in use by opening and closing it here once released H2's lock: closing any descriptor of a
     * file drops all of a process's locks on it.)
     */
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anotherProcessIsKeptOutWhileADeleteRunsHereEvenAfterASecondOpenHere() throws Exception {
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
            try (Database second = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
                assertThat(second.interruptedDeleteUndone()).isFalse();
            }
            Process other = startChild(OpenH2InChildJvm.class, url);
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
                assertThat(out.readLine()).isEqualTo(OpenH2InChildJvm.READY);
                tell(other);
                assertThat(out.readLine()).as("another process opening the file while the delete runs here")
                        .matches("error=.*already open in another.*");
                tell(other);
                assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
            } finally {
                other.destroyForcibly();
            }
            assertThat(H2DeleteJournal.journalOf(file)).as("the running delete's journal").exists();
            assertThat(DatabaseFingerprint.of(running).rowCounts().get("project_labels")).isZero();
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
     * once, or the app and the command line), and stay open. Exactly one of them puts the backup back
     * and says so; the other finds nothing left to undo, or is told the file is open elsewhere, and
     * neither copies the backup over a file the other has already restored and opened. (Without a
     * recovery lock the second process failed here with "its backup could not be put back"; with a lock
     * released before H2 had the file open, rounds came back with neither saying it had undone the
     * delete.) More rounds: {@code -Drace.rounds=50}.
     */
    @Test
    void twoProcessesOpeningACrashedFileAtOnceRestoreItOnce() throws Exception {
        Path file = dir.resolve("db");
        String url = AppDirectories.h2Url(file);
        try (Database database = Database.open(url, null, null, Database.EmptyDatabase.CREATE_SCHEMA)) {
            DataGenerator.generate(database, 40_000, 10_000); // a backup big enough that restoring it takes a while
        }
        DatabaseFingerprint before = DatabaseFingerprint.ofH2File(file);
        int rounds = Integer.getInteger("race.rounds", 3);
        for (int round = 0; round < rounds; round++) {
            int r = round;
            // per round, so that more rounds do not need a longer limit; a hung child fails the test, not the build
            // (three rounds and the data took 7.5 min in all with the machine's load at 20)
            assertTimeoutPreemptively(Duration.ofMinutes(5), () -> openTwoAtOnce(file, url, before, r), "round " + r);
        }
    }

    private static void openTwoAtOnce(Path file, String url, DatabaseFingerprint before, int round) throws Exception {
        interruptADelete(url);
        List<Process> openers = List.of(startChild(OpenH2InChildJvm.class, url), startChild(OpenH2InChildJvm.class, url));
        try {
            List<BufferedReader> outputs = new ArrayList<>();
            for (Process opener : openers) {
                BufferedReader out = new BufferedReader(new InputStreamReader(opener.getInputStream(), StandardCharsets.UTF_8));
                assertThat(out.readLine()).as("the opener process started").isEqualTo(OpenH2InChildJvm.READY);
                outputs.add(out);
            }
            for (Process opener : openers) { // both at once
                tell(opener);
            }
            List<String> results = new ArrayList<>();
            for (BufferedReader out : outputs) {
                results.add(String.valueOf(out.readLine())); // both have answered, and the one that opened the file holds it
            }
            for (Process opener : openers) {
                tell(opener); // close it
                assertThat(opener.waitFor(60, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(results).as("round %d: what each process saw when it opened the file", round)
                    .containsOnlyOnce("undone=true")
                    .allSatisfy(r -> assertThat(r).matches("undone=(true|false)|error=.*already open in another.*"));
            assertThat(H2DeleteJournal.journalOf(file)).doesNotExist();
            assertThat(DatabaseFingerprint.ofH2File(file)).as("round %d: the database as before the delete", round).isEqualTo(before);
        } finally {
            openers.forEach(Process::destroyForcibly);
        }
    }

    /**
     * The process that puts the backup back is the one that opens the file: a second open waits until it
     * has, and is then told the file is open elsewhere — it does not open the file in between and leave
     * the one that restored it unable to open it, with neither telling the administrator that the
     * delete was undone. The restoring process is held (a test seam) just before H2 opens the file.
     */
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aSecondOpenWaitsUntilTheProcessThatRestoredHasTheFileOpen() throws Exception {
        Path file = dir.resolve("db");
        String url = AppDirectories.h2Url(file);
        try (Database database = Database.open(url, null, null, Database.EmptyDatabase.CREATE_SCHEMA)) {
            DataGenerator.generate(database, 3_000, 1_000);
        }
        DatabaseFingerprint before = DatabaseFingerprint.ofH2File(file);
        interruptADelete(url);

        Process restorer = startChild(OpenH2PausedAfterRestoreInChildJvm.class, url);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        Future<Object> second = null;
        try {
            BufferedReader restorerOut = new BufferedReader(new InputStreamReader(restorer.getInputStream(), StandardCharsets.UTF_8));
            assertThat(restorerOut.readLine()).isEqualTo(OpenH2InChildJvm.READY);
            tell(restorer);
            assertThat(restorerOut.readLine()).as("the child put the backup back and waits before H2 opens the file")
                    .isEqualTo(OpenH2PausedAfterRestoreInChildJvm.RESTORED);

            // a second open (here, in this JVM) while the first is between its restore and H2's open
            second = executor.submit(() -> {
                try {
                    return Database.open(url, null, null, Database.EmptyDatabase.REFUSE);
                } catch (DatabaseOpenException e) {
                    return e;
                }
            });
            try {
                second.get(5, TimeUnit.SECONDS); // long enough for an open of this small file that does not wait
            } catch (TimeoutException waiting) {
                // waiting for the restoring process, as it should
            }
            tell(restorer); // H2 opens the file in the restoring process
            String restorerSaw = restorerOut.readLine();
            Object secondSaw = second.get(2, TimeUnit.MINUTES);

            assertThat(restorerSaw).as("the process that put the backup back").isEqualTo("undone=true");
            assertThat(secondSaw).as("the second open, while the first holds the file")
                    .isInstanceOfSatisfying(DatabaseOpenException.class,
                            e -> assertThat(e.getMessage()).contains("already open in another"));
            tell(restorer); // close it
            assertThat(restorer.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(DatabaseFingerprint.ofH2File(file)).isEqualTo(before);
        } finally {
            restorer.destroyForcibly();
            executor.shutdownNow();
            if (second != null && executor.awaitTermination(1, TimeUnit.MINUTES)) {
                try {
                    if (second.get() instanceof Database opened) {
                        opened.close();
                    }
                } catch (ExecutionException | CancellationException e) {
                    // it did not open: nothing to close
                }
            }
        }
    }

    /** Leaves {@code url}'s file as a process killed in the middle of a delete would: changed, journal and backup beside it. */
    private static void interruptADelete(String url) {
        try (Database database = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
            database.fromConnection(c -> {
                H2DeleteJournal.begin(c, database.h2File(), null);
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("UPDATE \"run\" SET \"workflow_id\" = NULL");
                }
                return null; // and the process dies before the journal is finished
            });
        }
    }

    private static Process startChild(Class<?> main, String url) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), main.getName(), url)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static void tell(Process child) throws IOException {
        child.getOutputStream().write('\n');
        child.getOutputStream().flush();
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
