package dev.cascadestudio.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cascadestudio.cli.Cli;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.testsupport.DatabaseFingerprint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash journals that Cascade Studio did not write for this file: planted beside a database, mailed
 * along with a copy of one, cut short, or naming files in other folders. Opening the database must
 * leave every file as it was (the database file, the planted files, and everything outside the
 * journal's own folder, compared byte for byte) and say in one sentence what it found. A journal the
 * delete really wrote is still undone, without touching files outside its folder.
 */
class H2PlantedJournalTest {

    @TempDir Path dir;
    Path work;       // the journal's own folder, holding the database
    Path elsewhere;  // another folder: nothing in it may change
    Path file;
    String url;
    Path snapshotElsewhere;

    @BeforeEach
    void databaseAndAnotherFolder() throws IOException {
        work = Files.createDirectories(dir.resolve("work"));
        elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        file = work.resolve("db");
        url = AppDirectories.h2Url(file);
        try (Database database = Database.open(url, null, null, Database.EmptyDatabase.CREATE_SCHEMA)) {
            DemoData.load(database);
        }
        snapshotElsewhere = Files.writeString(elsewhere.resolve("delete-20261124T101500-project-p1.jsonl"), "a snapshot someone keeps");
        Files.writeString(elsewhere.resolve("notes.txt"), "someone's notes");
    }

    @Test
    void theIssuesPlantedJournalAndJunkBackupChangeNothing() throws Exception {
        Files.writeString(H2DeleteJournal.journalOf(file), "backup=" + H2DeleteJournal.backupOf(file) + "\nsnapshot=" + snapshotElsewhere + "\n");
        zipOf(H2DeleteJournal.backupOf(file), "db.mv.db", "junk, not an H2 file".getBytes(StandardCharsets.UTF_8));

        assertOpenChangesNothing("is incomplete, damaged or not written by Cascade Studio");
    }

    @Test
    void aBackupThatIsNoZipChangesNothing() throws Exception {
        Files.writeString(H2DeleteJournal.journalOf(file), "backup=" + H2DeleteJournal.backupOf(file) + "\nsnapshot=" + snapshotElsewhere + "\n");
        Files.write(H2DeleteJournal.backupOf(file), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});

        assertOpenChangesNothing("is incomplete, damaged or not written by Cascade Studio");
    }

    /** Without a check, the other database replaced this one and the snapshot in the other folder was deleted. */
    @Test
    void anOldStyleJournalWithTheBackupOfAnotherDatabaseChangesNothing() throws Exception {
        backupOfAnotherDatabase(H2DeleteJournal.backupOf(file));
        Files.writeString(H2DeleteJournal.journalOf(file), "backup=" + H2DeleteJournal.backupOf(file) + "\nsnapshot=" + snapshotElsewhere + "\n");

        assertOpenChangesNothing("is incomplete, damaged or not written by Cascade Studio");
    }

    /** A real journal and backup of another database file, copied beside this one. */
    @Test
    void aJournalWrittenForAnotherDatabaseFileChangesNothing() throws Exception {
        Path other = interruptedDeleteOfAnotherDatabase();
        Files.copy(H2DeleteJournal.journalOf(other), H2DeleteJournal.journalOf(file));
        Files.copy(H2DeleteJournal.backupOf(other), H2DeleteJournal.backupOf(file));

        assertOpenChangesNothing("was written for another database file (" + other + ".mv.db)");
    }

    /** This file's own journal, with its backup swapped for a valid backup of another database. */
    @Test
    void aBackupReplacedByAnotherDatabasesBackupChangesNothing() throws Exception {
        interruptADelete(null);
        backupOfAnotherDatabase(H2DeleteJournal.backupOf(file));

        assertOpenChangesNothing("does not match its backup (db.delete-backup.zip has been changed, replaced or removed)");
    }

    /** The journal sealed again, as anyone can, over a valid backup of another database. */
    @Test
    void aJournalResealedForTheBackupOfAnotherDatabaseChangesNothing() throws Exception {
        interruptADelete(null);
        backupOfAnotherDatabase(H2DeleteJournal.backupOf(file));
        H2DeleteJournal.writeJournalFor(file, null);

        assertOpenChangesNothing("has a backup of another database (its H2 file was created at another time)");
    }

    @Test
    void aJournalCutShortChangesNothing() throws Exception {
        interruptADelete(snapshotElsewhere);
        byte[] journal = Files.readAllBytes(H2DeleteJournal.journalOf(file));
        Files.write(H2DeleteJournal.journalOf(file), java.util.Arrays.copyOf(journal, journal.length / 2));

        assertOpenChangesNothing("is incomplete, damaged or not written by Cascade Studio");
    }

    /**
     * Sealed as the program seals its journals (a checksum is no secret), but naming a backup in another
     * folder by a relative path or an absolute one: never followed.
     */
    @Test
    void aWellFormedJournalNamingABackupInAnotherFolderChangesNothing() throws Exception {
        interruptADelete(snapshotElsewhere);
        Path foreignBackup = elsewhere.resolve("db.delete-backup.zip");
        backupOfAnotherDatabase(foreignBackup);
        for (String named : new String[] {"../elsewhere/db.delete-backup.zip", foreignBackup.toString()}) {
            Properties journal = load(H2DeleteJournal.journalOf(file));
            journal.setProperty("backup", named);
            H2DeleteJournal.writeSealed(H2DeleteJournal.journalOf(file), journal);

            assertOpenChangesNothing("names a backup other than db.delete-backup.zip");
        }
    }

    @Test
    void aWellFormedJournalNamingASnapshotInAnotherFolderUndoesTheDeleteAndLeavesThatFolderAlone() throws Exception {
        DatabaseFingerprint before = DatabaseFingerprint.ofH2File(file);
        interruptADelete(snapshotElsewhere);
        Map<Path, String> outside = hashes(elsewhere);

        try (Database reopened = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
            assertThat(reopened.interruptedDeleteUndone()).isTrue();
            assertThat(DatabaseFingerprint.of(reopened)).isEqualTo(before);
        }
        assertThat(hashes(elsewhere)).as("the folder the journal named a snapshot in").isEqualTo(outside);
        assertThat(H2DeleteJournal.journalOf(file)).doesNotExist();
        assertThat(H2DeleteJournal.backupOf(file)).doesNotExist();
    }

    /** The database file and every file but the recovery lock, everywhere under the test folder, are byte-identical; the open says why. */
    private void assertOpenChangesNothing(String reason) throws Exception {
        Map<Path, String> before = hashes(dir);
        assertThat(before).containsKey(Path.of(file + ".mv.db")).containsKey(snapshotElsewhere);

        DatabaseOpenException refused = catchThrowableOfType(DatabaseOpenException.class,
                () -> Database.open(url, null, null, Database.EmptyDatabase.REFUSE).close());
        assertThat(refused).as("Database.open").isNotNull();
        assertThat(refused.getMessage()).isEqualTo(file + ".mv.db was not opened: the crash journal beside it (db.delete-journal) "
                + reason + ", so its backup was not put back and nothing was changed; to open the database as it is, move"
                + " db.delete-journal and db.delete-backup.zip out of that folder.");
        assertThat(hashes(dir)).as("every file after Database.open").isEqualTo(before);

        // audit and tree open read-only: they do not even look at the journal's backup, and write nothing,
        // but say in a note that the journal is there (the audit's gap 6: they said nothing)
        String[] audit = cli("audit", "--db", "jdbc:h2:file:" + file);
        assertThat(audit[0]).as("audit's exit code (read-only: no recovery tried)").isEqualTo("0");
        assertThat(audit[2]).isEqualTo(PENDING_NOTE.formatted(file) + System.lineSeparator());
        assertThat(hashes(dir)).as("every file after the command line's audit").isEqualTo(before);
        String[] tree = cli("tree", "--db", "jdbc:h2:file:" + file, "--depth", "0");
        assertThat(tree[0]).as("tree's exit code").isEqualTo("0");
        assertThat(tree[2]).isEqualTo(PENDING_NOTE.formatted(file) + System.lineSeparator());
        assertThat(hashes(dir)).as("every file after the command line's tree").isEqualTo(before);

        // a verb that writes opens for editing, which would recover: refused in the same sentence
        String[] delete = cli("delete", "--write", "--db", "jdbc:h2:file:" + file, "--table", "project", "--uid", "x", "--yes");
        assertThat(delete[0]).as("delete --write's exit code").isEqualTo("2");
        assertThat(delete[2]).isEqualTo("error: " + refused.getMessage() + System.lineSeparator());
        assertThat(hashes(dir)).as("every file after the command line's delete").isEqualTo(before);
    }

    static final String PENDING_NOTE = "note: a crash journal lies beside %s.mv.db (a delete was cut off, or the journal was put there);"
            + " it was left alone, as this command only reads: a command with --write checks it and puts the database back"
            + " as it was before that delete, or says why it will not.";

    /** A delete really cut off: plan, on a read-only open, plans on the database as the crash left it and says the journal is there. */
    @Test
    void aReadOnlyVerbSaysAnInterruptedDeleteIsPending() throws Exception {
        interruptADelete(snapshotElsewhere);
        Map<Path, String> before = hashes(dir);

        String[] plan = cli("plan", "--db", "jdbc:h2:file:" + file, "--table", "project", "--uid",
                dev.cascadestudio.persistence.demo.RowBuilder.uid("project", "customer-support-assistant"));

        assertThat(plan[0]).as(plan[2]).isEqualTo("0");
        assertThat(plan[2]).isEqualTo(PENDING_NOTE.formatted(file) + System.lineSeparator());
        assertThat(hashes(dir)).as("nothing written by a read-only verb").isEqualTo(before);

        String[] clean = cli("audit", "--db", "jdbc:h2:file:" + file);
        assertThat(clean[2]).as("still pending: still said").isEqualTo(PENDING_NOTE.formatted(file) + System.lineSeparator());
        try (Database reopened = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
            assertThat(reopened.interruptedDeleteUndone()).isTrue();
        }
        assertThat(cli("audit", "--db", "jdbc:h2:file:" + file)[2]).as("once recovered, no note").isEmpty();
    }

    private static String[] cli(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Cli.run(args);
            return new String[] {String.valueOf(code), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** SHA-256 of every regular file under {@code root}, except the recovery locks (empty, created by every open). */
    private static Map<Path, String> hashes(Path root) throws IOException {
        Map<Path, String> result = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (!f.getFileName().toString().endsWith(".delete-journal.lock")) {
                    result.put(f, sha256(f));
                }
            }
        }
        return result;
    }

    private static String sha256(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void zipOf(Path zip, String entry, byte[] content) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(entry));
            z.write(content);
            z.closeEntry();
        }
    }

    private static Properties load(Path journal) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(journal)) {
            p.load(in);
        }
        return p;
    }

    /** A real H2 {@code BACKUP} of a different database (its entry named {@code db.mv.db}, like this one's). */
    private void backupOfAnotherDatabase(Path target) throws IOException {
        Path otherFolder = Files.createDirectories(dir.resolve("other-" + System.nanoTime()));
        try (Database other = Database.open(AppDirectories.h2Url(otherFolder.resolve("db")), null, null, Database.EmptyDatabase.CREATE_SCHEMA)) {
            other.fromConnection(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("BACKUP TO '" + target.toString().replace("'", "''") + "'");
                }
                return null;
            });
        }
    }

    /** Another database file whose delete was interrupted: its journal and backup are real. */
    private Path interruptedDeleteOfAnotherDatabase() {
        Path other = dir.resolve("other").resolve("db");
        try (Database database = Database.open(AppDirectories.h2Url(other), null, null, Database.EmptyDatabase.CREATE_SCHEMA)) {
            database.fromConnection(c -> {
                H2DeleteJournal.begin(c, database.h2File(), null);
                return null;
            });
        }
        return other;
    }

    /** This file, as a process killed in the middle of a delete leaves it: changed, journal and backup beside it. */
    private void interruptADelete(Path snapshot) {
        try (Database database = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
            database.fromConnection(c -> {
                H2DeleteJournal.begin(c, database.h2File(), snapshot);
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("UPDATE \"run\" SET \"workflow_id\" = NULL");
                }
                return null;
            });
        }
    }
}
