package dev.cascadestudio.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.h2.mvstore.MVStoreTool;

/**
 * Makes a delete on an embedded H2 file all-or-nothing across a crash, which H2 alone does not for a
 * large one: a process killed while H2 commits a transaction of tens of thousands of changes can leave
 * the file, after H2's own recovery, with part of the transaction kept and a table out of step with its
 * index (see {@code CrashDuringCommitTest}).
 *
 * <p><b>Small deletes: H2's own commit, watched.</b> H2 commits all-or-nothing as long as it does not
 * write its store to the file in the middle of the commit, and {@link H2CommitWatch} says when that is
 * so (the class comment there gives H2's mechanism and the evidence). A delete of at most
 * {@value #WATCHED_ROWS} rows therefore first runs without a backup: {@link #forDelete} only starts
 * the watch, and {@link #beforeCommit}, after the last statement, throws {@link BackupNeeded} if H2
 * wrote its store during the statements or holds too much unsaved memory to be sure it will not during
 * the commit; the executor then rolls
 * back and runs the delete again with a backup. A kill before the commit leaves H2's rollback (the
 * whole before), a kill during it the whole before or the whole after, and once the commit has
 * returned H2 has written it ({@code WRITE_DELAY=0}). This costs nothing that grows with the file,
 * where the backup below costs a copy of the whole file (most of the 7.4 s a delete of one row took
 * in a 134 MB file: JFR put three quarters of the main thread's samples in H2's BACKUP, nine tenths of
 * those in its zip compression). Nothing is written beside the file,
 * so there is nothing to recover; a delete killed before it committed leaves its snapshot, which a
 * restore refuses (its rows are all there).
 *
 * <p><b>Large deletes, and small ones the watch refuses: a backup.</b> Before the delete's statements run, {@link #begin} takes H2's online {@code BACKUP} of the file and
 * then writes a journal beside it naming that backup and the delete's snapshot. {@link #finish} removes
 * both once the transaction has committed (with {@code WRITE_DELAY=0} the commit is in the file by
 * then) or rolled back. A journal still there when the file is next opened means the process died in
 * between: {@link #recover} puts the backup back in place of the file, before H2 opens it,
 * so the database is exactly as before the delete, and removes the delete's snapshot where it lies
 * beside the file (it no longer describes anything that happened). Cost: one copy of the database
 * file per delete.
 *
 * <p>A journal and a backup are files that anyone who can write in the folder can plant, and that
 * travel with a copied database. So the journal is bound to what it undoes: it records the database
 * file (its path and the file system's identity of it), the backup's file name, size and SHA-256,
 * and the SHA-256 and size of the snapshot where the snapshot lies in the journal's own folder, and
 * it is sealed with a SHA-256 over all of that. Recovery puts a backup back only if the seal, the
 * database file, the owner of the files and the backup's hash all match, and the backup is a zip of
 * exactly this database's H2 file that H2 can read; otherwise it changes nothing and refuses to open
 * the file, with a sentence saying what it found (see {@link #recoverLocked} for why refusing is safer
 * than opening). It deletes only files in its own folder: the journal, the backup, and a snapshot
 * there whose hash the journal recorded; it never follows a path the journal names into another
 * folder. The seal is not a signature (anyone can compute a SHA-256): it catches damaged, cut-short and
 * foreign journals, and the owner check keeps another user who can write in a shared folder from
 * having his files put in place of the database.
 */
public final class H2DeleteJournal {

    private static final String JOURNAL_SUFFIX = ".delete-journal";
    /** H2 error 90040, "Admin rights are required for this operation". */
    private static final int ADMIN_RIGHTS_REQUIRED = 90040;
    private static final String BACKUP_SUFFIX = ".delete-backup.zip";
    private static final String LOCK_SUFFIX = ".delete-journal.lock";
    /** The journal format this class writes and the only one recovery accepts. */
    private static final String FORMAT = "2";
    /** A journal is a few hundred bytes; anything much larger is not one. */
    private static final long MAX_JOURNAL_BYTES = 64 * 1024;
    /** Held with the recovery lock of a file: see {@link #recover}. */
    private static final ReentrantLock IN_THIS_JVM = new ReentrantLock();
    /** The H2 files {@link Database} has open in this JVM, and how many times: see {@link #inUse}. */
    private static final Map<Path, Integer> OPEN_HERE = new HashMap<>();
    /** Descriptors of H2 files opened here outside {@link Database}, never closed: see {@link #inUse}. */
    private static final List<FileChannel> KEPT_OPEN = new ArrayList<>();

    /** The most rows a delete may affect to be tried first without a backup (larger ones rarely pass the watch). */
    public static final long WATCHED_ROWS = 5_000;
    /** Set by benchmarks to measure what every delete cost when each one backed the file up. */
    static volatile boolean alwaysBackUp;

    private final Path journal;
    private final Path backup;
    private final Properties content;
    /** Non-null for a delete left to H2's own commit: then there is no journal and no backup. */
    private final H2CommitWatch watch;

    private H2DeleteJournal(Path journal, Path backup, Properties content) {
        this.journal = journal;
        this.backup = backup;
        this.content = content;
        this.watch = null;
    }

    private H2DeleteJournal(H2CommitWatch watch) {
        this.journal = null;
        this.backup = null;
        this.content = null;
        this.watch = watch;
    }

    /**
     * Thrown by {@link #beforeCommit} when H2 might write its store in the middle of this delete's
     * commit: roll back and run the delete again with {@code backUp} set.
     */
    public static final class BackupNeeded extends RuntimeException {
        private BackupNeeded() {
            super("H2 may write its file during this commit; the delete runs again with a backup", null, false, false);
        }
    }

    /**
     * What guards a delete of {@code affectedRows} rows on the H2 file {@code fileWithoutSuffix}: H2's
     * own commit, watched, for a small delete (unless {@code backUp}, or the store cannot be watched);
     * otherwise the backup and journal of {@link #begin}. Call before the delete's first statement.
     */
    public static H2DeleteJournal forDelete(Connection connection, Path fileWithoutSuffix, Path snapshot, long affectedRows,
            boolean backUp) throws SQLException {
        if (!backUp && !alwaysBackUp && affectedRows <= WATCHED_ROWS) {
            H2CommitWatch watch = H2CommitWatch.start(connection);
            if (watch != null) {
                return new H2DeleteJournal(watch);
            }
        }
        return begin(connection, fileWithoutSuffix, snapshot);
    }

    /** Whether the file was backed up, so that opening it again after a failure puts the backup back. */
    public boolean backedUp() {
        return watch == null;
    }

    /**
     * Call after the delete's last statement, just before the commit: a watched delete whose commit H2
     * might write to the file half-way throws {@link BackupNeeded}. A backed-up delete passes.
     */
    public void beforeCommit() {
        if (watch != null && !watch.commitStaysWhole()) {
            throw new BackupNeeded();
        }
    }

    /**
     * Backs up the H2 file {@code fileWithoutSuffix} (path without {@code .mv.db}) through
     * {@code connection}, which must not have written anything yet, and writes the journal naming the
     * backup and {@code snapshot} (may be null). Call before the delete's first statement.
     */
    public static H2DeleteJournal begin(Connection connection, Path fileWithoutSuffix, Path snapshot) throws SQLException {
        Path journal = journalOf(fileWithoutSuffix);
        Path backup = backupOf(fileWithoutSuffix);
        try {
            Files.deleteIfExists(backup);
            // H2 writes into the file it finds (truncating it), so the copy of the whole database is
            // owner-only from the start
            AppDirectories.createPrivateFile(backup);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the backup " + backup + " (" + e.getMessage() + ")", e);
        }
        try (Statement s = connection.createStatement()) {
            s.execute("BACKUP TO '" + backup.toAbsolutePath().toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            try {
                Files.deleteIfExists(backup); // a partial backup (a full disk, say) is worth nothing
            } catch (IOException ignored) {
                // the next delete removes it before its own backup
            }
            if (e.getErrorCode() == ADMIN_RIGHTS_REQUIRED) {
                throw new IllegalStateException("Only an H2 admin user can delete in this file: Cascade Studio first"
                        + " backs it up so that a crash cannot leave half a delete, and H2 lets only admins run BACKUP."
                        + " Nothing was changed.");
            }
            throw e;
        }
        Properties p;
        try {
            force(backup);
            p = contentFor(fileWithoutSuffix, snapshot);
            writeSealed(journal, p);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the delete journal " + journal, e);
        }
        return new H2DeleteJournal(journal, backup, p);
    }

    /** Writes the journal of a delete on {@code fileWithoutSuffix} for the backup beside it now (tests build fixtures with it). */
    static void writeJournalFor(Path fileWithoutSuffix, Path snapshot) throws IOException {
        writeSealed(journalOf(fileWithoutSuffix), contentFor(fileWithoutSuffix, snapshot));
    }

    /**
     * What the journal of a delete on {@code fileWithoutSuffix} records, its backup being in place:
     * the database file, the backup's name, size and hash, the snapshot (hashed where it lies in the
     * journal's folder, the only place recovery may remove it from).
     */
    private static Properties contentFor(Path fileWithoutSuffix, Path snapshot) throws IOException {
        Path database = databaseOf(fileWithoutSuffix);
        Path backup = backupOf(fileWithoutSuffix);
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("database", database.toString());
        p.setProperty("databaseFile", fileKey(database));
        p.setProperty("backup", backup.getFileName().toString());
        p.setProperty("backupEntry", database.getFileName().toString());
        p.setProperty("backupSize", Long.toString(Files.size(backup)));
        p.setProperty("backupSha256", sha256(backup));
        if (snapshot != null) {
            Path s = snapshot.toAbsolutePath().normalize();
            p.setProperty("snapshot", s.toString());
            if (inFolderOf(s, database)) {
                p.setProperty("snapshotSize", Long.toString(Files.size(s)));
                p.setProperty("snapshotSha256", sha256(s));
            }
        }
        return p;
    }

    /**
     * The delete has committed: removes the journal, then the backup. If the journal cannot be
     * removed it is marked committed instead, which recovery skips — the one thing that must not
     * happen is a later open putting the backup back over a delete that committed.
     */
    public void committed() {
        if (watch != null) {
            return;
        }
        try {
            Files.deleteIfExists(journal);
        } catch (IOException e) {
            try {
                Properties p = new Properties();
                p.putAll(content);
                p.setProperty("committed", "true");
                writeSealed(journal, p);
            } catch (IOException again) {
                again.addSuppressed(e);
                throw new UncheckedIOException("The delete committed, but its journal " + journal + " could not be"
                        + " removed; remove it by hand before opening the database again, or the delete will be undone", again);
            }
        }
        try {
            Files.deleteIfExists(backup);
        } catch (IOException e) {
            // only disk space: recovery never reads a backup without its journal
        }
    }

    /** Removes the journal, then the backup: the delete rolled back. */
    public void finish() {
        if (watch != null) {
            return;
        }
        try {
            Files.deleteIfExists(journal);
            Files.deleteIfExists(backup);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the delete journal " + journal, e);
        }
    }

    /**
     * The first step of opening the H2 file {@code fileWithoutSuffix}: takes the file's recovery lock
     * and, if a journal is left beside the file and no one has the file open, puts its backup back in
     * place of the file and removes the journal, the backup and the interrupted delete's snapshot.
     * Keep the returned lock until H2 has the file open, then close it.
     *
     * <p>Two processes (or threads) opening the file at once must not both put the backup back (the
     * second would copy it over the file the first has restored, and perhaps opened and changed since),
     * and neither may open the file in between: the one that restored it would then be refused the file,
     * and the administrator never told that the delete was undone. So the lock is on a file of its own
     * that is never removed or replaced ({@code <file>.delete-journal.lock}; a lock on the journal
     * itself would stay on a deleted file while a newcomer sees no journal and goes straight to H2), the
     * journal is looked for only under it, and it is held until H2 has the file: whoever waited then
     * finds no journal and the file open.
     */
    public static RecoveryLock recover(Path fileWithoutSuffix) {
        Path journal = journalOf(fileWithoutSuffix);
        Path lockFile = Path.of(fileWithoutSuffix + LOCK_SUFFIX);
        IN_THIS_JVM.lock(); // one JVM's threads may not take overlapping locks on one file
        FileChannel channel = null;
        RecoveryLock held = null;
        try {
            try {
                channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            } catch (IOException e) {
                if (!Files.exists(journal)) {
                    // a folder we cannot write in: no delete can have left a journal here, nor can we restore
                    held = new RecoveryLock(null, false);
                    return held;
                }
                throw new DatabaseOpenException("A delete was interrupted in " + fileWithoutSuffix + ".mv.db and the lock "
                        + lockFile + " cannot be taken to put its backup back (" + e.getMessage() + ").", e);
            }
            try {
                channel.lock();
            } catch (IOException e) {
                throw new DatabaseOpenException("Cannot take the lock " + lockFile + " to open " + fileWithoutSuffix
                        + ".mv.db (" + e.getMessage() + ").", e);
            }
            held = new RecoveryLock(channel, recoverLocked(fileWithoutSuffix, journal));
            return held;
        } finally {
            if (held == null) { // failed: let go of everything
                if (channel != null) {
                    close(channel); // releases the lock
                }
                IN_THIS_JVM.unlock();
            }
        }
    }

    /**
     * An open's hold on the recovery lock of one H2 file, taken by {@link #recover}; close it once H2
     * has the file open (or the open has failed). Close it in the thread that took it.
     */
    public static final class RecoveryLock implements AutoCloseable {

        private final FileChannel channel;
        private final boolean restored;
        private boolean closed;

        private RecoveryLock(FileChannel channel, boolean restored) {
            this.channel = channel;
            this.restored = restored;
        }

        /** Whether this open found an interrupted delete and put the backup back. */
        public boolean restored() {
            return restored;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (channel != null) {
                    channel.close(); // releases the lock
                }
            } catch (IOException ignored) {
                // the descriptor is gone either way, and with it the lock
            } finally {
                IN_THIS_JVM.unlock();
            }
        }
    }

    /**
     * Recovery under the file's recovery lock.
     *
     * <p>A journal that does not check out (see the class comment) is left alone with everything
     * else, and the open is refused rather than carried on. Opening would let H2 write to a file that
     * may hold half a delete, if the journal was a real one that got damaged, and the next delete
     * would replace the backup and the journal, the evidence an administrator needs; refusing
     * changes nothing, and the sentence says what was found and how to open the file as it is.
     */
    private static boolean recoverLocked(Path fileWithoutSuffix, Path journal) {
        if (!Files.exists(journal, LinkOption.NOFOLLOW_LINKS) || inUse(databaseOf(fileWithoutSuffix), fileWithoutSuffix)) {
            // nothing interrupted (or recovered by someone else while we waited), or the file is open (in
            // this JVM or another): its delete is still running
            return false;
        }
        Path database = databaseOf(fileWithoutSuffix);
        Path backup = backupOf(fileWithoutSuffix);
        Properties p = verified(fileWithoutSuffix);
        try {
            if (Boolean.parseBoolean(p.getProperty("committed"))) {
                // the delete committed and only the journal's removal failed: nothing to undo
                Files.deleteIfExists(journal);
                Files.deleteIfExists(backup);
                return false;
            }
        } catch (IOException e) {
            throw new DatabaseOpenException("Cannot remove the journal " + journal + " of a delete that committed ("
                    + e.getMessage() + ").", e);
        }
        Path restoring = Path.of(fileWithoutSuffix + ".mv.db.restoring");
        try {
            Set<PosixFilePermission> permissions = posixPermissions(database);
            unzipTheOnlyEntry(fileWithoutSuffix, backup, p.getProperty("backupEntry"), restoring);
            Set<String> backupCreated = h2Created(restoring);
            Set<String> databaseCreated = h2Created(database);
            if (!backupCreated.isEmpty() && !databaseCreated.isEmpty() && java.util.Collections.disjoint(backupCreated, databaseCreated)) {
                throw refused(fileWithoutSuffix, "has a backup of another database (its H2 file was created at another time)");
            }
            rewriteCleanly(fileWithoutSuffix, restoring);
            if (permissions != null) {
                Files.setPosixFilePermissions(restoring, permissions); // the database as readable as it was, no more
            }
            force(restoring);
            move(restoring, database);
            deleteSnapshotIfOurs(p, database);
            Files.deleteIfExists(journal);
            Files.deleteIfExists(backup);
            return true;
        } catch (IOException e) {
            deleteQuietly(restoring);
            throw new DatabaseOpenException("A delete was interrupted in " + database + " and its backup could not be"
                    + " put back (" + e.getMessage() + "); the journal " + journal + " is kept.", e);
        } catch (RuntimeException e) {
            deleteQuietly(restoring);
            throw e;
        }
    }

    /**
     * The journal beside {@code fileWithoutSuffix}, if it was written for this database file and its
     * backup is the one it recorded; else a {@link DatabaseOpenException} saying what does not match.
     */
    private static Properties verified(Path fileWithoutSuffix) {
        Path journal = journalOf(fileWithoutSuffix);
        Path backup = backupOf(fileWithoutSuffix);
        Path database = databaseOf(fileWithoutSuffix);
        String notOurs = "is incomplete, damaged or not written by Cascade Studio";
        try {
            if (!Files.isRegularFile(journal, LinkOption.NOFOLLOW_LINKS) || Files.size(journal) > MAX_JOURNAL_BYTES) {
                throw refused(fileWithoutSuffix, notOurs);
            }
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(journal, LinkOption.NOFOLLOW_LINKS)) {
                p.load(in);
            } catch (IllegalArgumentException malformed) {
                throw refused(fileWithoutSuffix, notOurs);
            }
            if (!FORMAT.equals(p.getProperty("format")) || !seal(p).equals(p.getProperty("checksum"))) {
                throw refused(fileWithoutSuffix, notOurs);
            }
            if (!database.toString().equals(p.getProperty("database"))) {
                throw refused(fileWithoutSuffix, "was written for another database file (" + p.getProperty("database") + ")");
            }
            if (!Files.isRegularFile(database, LinkOption.NOFOLLOW_LINKS)
                    || !fileKey(database).equals(p.getProperty("databaseFile"))) {
                throw refused(fileWithoutSuffix, "was written for a database file that has since been replaced or removed");
            }
            if (!backup.getFileName().toString().equals(p.getProperty("backup"))
                    || !database.getFileName().toString().equals(p.getProperty("backupEntry"))) {
                throw refused(fileWithoutSuffix, "names a backup other than " + backup.getFileName());
            }
            String mismatch = "does not match its backup (" + backup.getFileName() + " has been changed, replaced or removed)";
            if (!Files.isRegularFile(backup, LinkOption.NOFOLLOW_LINKS)) {
                if (Boolean.parseBoolean(p.getProperty("committed")) && !Files.exists(backup, LinkOption.NOFOLLOW_LINKS)) {
                    return p; // a committed delete whose backup is already gone
                }
                throw refused(fileWithoutSuffix, mismatch);
            }
            UserPrincipal owner = ownerOf(database);
            for (Path f : List.of(journal, backup)) {
                UserPrincipal other = ownerOf(f);
                if (!Objects.equals(owner, other)) {
                    throw refused(fileWithoutSuffix, "belongs to another user (" + f.getFileName() + " is "
                            + (other == null ? "no one" : other.getName()) + "'s, the database "
                            + (owner == null ? "no one" : owner.getName()) + "'s)");
                }
            }
            if (!Long.toString(Files.size(backup)).equals(p.getProperty("backupSize"))
                    || !sha256(backup).equals(p.getProperty("backupSha256"))) {
                throw refused(fileWithoutSuffix, mismatch);
            }
            return p;
        } catch (IOException e) {
            throw new DatabaseOpenException(database + " was not opened: the crash journal beside it ("
                    + journal.getFileName() + ") could not be read (" + e.getMessage() + "), so nothing was changed.", e);
        }
    }

    private static DatabaseOpenException refused(Path fileWithoutSuffix, String reason) {
        Path database = databaseOf(fileWithoutSuffix);
        return new DatabaseOpenException(database + " was not opened: the crash journal beside it ("
                + journalOf(fileWithoutSuffix).getFileName() + ") " + reason.replaceAll("\\R", " ")
                + ", so its backup was not put back and nothing was changed; to open the database as it is, move "
                + journalOf(fileWithoutSuffix).getFileName() + " and " + backupOf(fileWithoutSuffix).getFileName()
                + " out of that folder.");
    }

    /**
     * Copies the backup's one entry, which must be named {@code entry}, to {@code target}, a new
     * owner-only file. A backup with another entry, or more than one, is refused.
     */
    private static void unzipTheOnlyEntry(Path fileWithoutSuffix, Path backup, String entry, Path target) throws IOException {
        String notTheFile = "has a backup that does not hold exactly this database's H2 file";
        Files.deleteIfExists(target); // left by a recovery that failed half-way
        AppDirectories.createPrivateFile(target);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backup, LinkOption.NOFOLLOW_LINKS))) {
            ZipEntry first = zip.getNextEntry();
            if (first == null || !first.getName().equals(entry)) {
                throw refused(fileWithoutSuffix, notTheFile);
            }
            try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                zip.transferTo(out);
            }
            if (zip.getNextEntry() != null) {
                throw refused(fileWithoutSuffix, notTheFile);
            }
        } catch (ZipException e) {
            throw refused(fileWithoutSuffix, notTheFile + " (" + e.getMessage() + ")");
        }
    }

    /**
     * Removes the interrupted delete's snapshot, which describes nothing that happened, only where
     * it is certainly that file: in the journal's own folder, named as snapshots are, a plain file with
     * the size and hash the journal recorded. A snapshot elsewhere is left where it is (restoring it
     * would be refused: its rows are all there again).
     */
    private static void deleteSnapshotIfOurs(Properties p, Path database) throws IOException {
        String named = p.getProperty("snapshot");
        if (named == null || p.getProperty("snapshotSha256") == null) {
            return;
        }
        Path snapshot = Path.of(named).toAbsolutePath().normalize();
        if (inFolderOf(snapshot, database) && isSnapshotFile(snapshot)
                && Files.isRegularFile(snapshot, LinkOption.NOFOLLOW_LINKS)
                && Long.toString(Files.size(snapshot)).equals(p.getProperty("snapshotSize"))
                && sha256(snapshot).equals(p.getProperty("snapshotSha256"))) {
            Files.deleteIfExists(snapshot);
        }
    }

    private static boolean inFolderOf(Path file, Path database) {
        Path folder = database.getParent();
        return folder != null && folder.equals(file.getParent());
    }

    /**
     * Rewrites the H2 file {@code image} (an online {@code BACKUP} of a database in use) as a cleanly
     * closed file. H2 does not take such an image for cleanly closed, and H2 2.5.252 can corrupt it the
     * first time it closes it: the image still lists chunks that were dead when it was copied, their
     * space is counted free on the first open, and the compaction at close writes over pages the image
     * still reads ("File corrupted in chunk …, expected map id 2, got 5" on the next open; H2 issue
     * #2752 describes the same after restoring an online backup). H2's offline compaction reads the
     * image read-only and writes its live pages to a new file that replaces it.
     */
    private static void rewriteCleanly(Path fileWithoutSuffix, Path image) {
        try {
            MVStoreTool.compact(image.toString(), false);
        } catch (RuntimeException e) {
            throw refused(fileWithoutSuffix, "has a backup that H2 cannot read ("
                    + Objects.toString(e.getMessage(), e.getClass().getSimpleName()).lines().findFirst().orElse("") + ")");
        }
    }

    /**
     * The creation times ({@code created:} in H2's two file-header blocks) of the H2 file {@code file}:
     * every backup of a database carries its header, so a backup of another database shows another
     * time. Empty where neither block reads as an H2 header (then nothing is compared).
     */
    private static Set<String> h2Created(Path file) throws IOException {
        Set<String> created = new java.util.HashSet<>();
        byte[] head = new byte[2 * 4096];
        int read;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            read = in.readNBytes(head, 0, head.length);
        }
        for (int block = 0; block + 4096 <= read; block += 4096) {
            String text = new String(head, block, 4096, StandardCharsets.ISO_8859_1);
            int end = text.indexOf('\n');
            text = end < 0 ? text : text.substring(0, end);
            if (text.startsWith("H:2,")) {
                for (String field : text.split(",")) {
                    if (field.startsWith("created:")) {
                        created.add(field.substring("created:".length()));
                    }
                }
            }
        }
        return created;
    }

    /**
     * Whether some process (this one included) holds H2's lock on the file. A file open here is known
     * from {@link #openedHere}, without touching it: opening and closing a descriptor of it would, on
     * POSIX systems, release every lock this process holds on it — H2's included — and let another
     * process open the file under the running delete, or put the backup back over it.
     */
    private static boolean inUse(Path database, Path fileWithoutSuffix) {
        if (isOpenHere(fileWithoutSuffix)) {
            return true;
        }
        if (!Files.exists(database)) {
            return false;
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(database, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot check whether " + database + " is in use", e);
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                lock.release();
            }
            close(channel);
            return lock == null;
        } catch (OverlappingFileLockException e) {
            // H2 has it open in this JVM, though not through Database: keep this descriptor open, as
            // closing it would drop H2's lock
            synchronized (KEPT_OPEN) {
                KEPT_OPEN.add(channel);
            }
            return true;
        } catch (IOException e) {
            close(channel);
            throw new UncheckedIOException("Cannot check whether " + database + " is in use", e);
        }
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // only a descriptor of our own, holding no lock
        }
    }

    /** {@link Database} has opened the H2 file {@code fileWithoutSuffix} in this JVM (once more). */
    static void openedHere(Path fileWithoutSuffix) {
        synchronized (OPEN_HERE) {
            OPEN_HERE.merge(key(fileWithoutSuffix), 1, Integer::sum);
        }
    }

    /** {@link Database} has closed one of its opens of {@code fileWithoutSuffix}. */
    static void closedHere(Path fileWithoutSuffix) {
        synchronized (OPEN_HERE) {
            OPEN_HERE.computeIfPresent(key(fileWithoutSuffix), (file, count) -> count == 1 ? null : count - 1);
        }
    }

    private static boolean isOpenHere(Path fileWithoutSuffix) {
        synchronized (OPEN_HERE) {
            return OPEN_HERE.containsKey(key(fileWithoutSuffix));
        }
    }

    private static Path key(Path fileWithoutSuffix) {
        return fileWithoutSuffix.toAbsolutePath().normalize();
    }

    /**
     * Only a delete snapshot ({@code delete-….jsonl}, as {@code SnapshotWriter} names them) is removed
     * on recovery: a journal that came with a copied database must not make us delete any other file.
     */
    static boolean isSnapshotFile(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        return name.startsWith("delete-") && name.endsWith(".jsonl");
    }

    static Path journalOf(Path fileWithoutSuffix) {
        return Path.of(fileWithoutSuffix + JOURNAL_SUFFIX);
    }

    static Path backupOf(Path fileWithoutSuffix) {
        return Path.of(fileWithoutSuffix + BACKUP_SUFFIX);
    }

    /**
     * Seals {@code p} (a SHA-256 over its other entries, sorted) and writes it to {@code journal} whole
     * or not at all: a new owner-only temporary file, forced to disk, then moved into place.
     */
    static void writeSealed(Path journal, Properties p) throws IOException {
        p.setProperty("checksum", seal(p));
        Path temporary = journal.resolveSibling(journal.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        AppDirectories.createPrivateFile(temporary);
        try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            p.store(out, "Cascade Studio: a delete is being committed; if this file remains, the next open puts the backup back");
        }
        force(temporary);
        move(temporary, journal);
    }

    /** The SHA-256 of {@code p}'s entries other than {@code checksum}, as sorted {@code key=value} lines. */
    private static String seal(Properties p) {
        Map<String, String> sorted = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (!key.equals("checksum")) {
                sorted.put(key, p.getProperty(key));
            }
        }
        StringBuilder text = new StringBuilder("cascade-studio-delete-journal\n");
        sorted.forEach((key, value) -> text.append(key.length()).append(':').append(key).append('=')
                .append(value.length()).append(':').append(value).append('\n'));
        return HexFormat.of().formatHex(digest().digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = digest();
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The file system's identity of {@code file} (device and inode on Linux); empty where it has none. */
    private static String fileKey(Path file) throws IOException {
        Object key = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        return key == null ? "" : key.toString();
    }

    /** The owner of {@code file}, or null where the file system has none. */
    private static UserPrincipal ownerOf(Path file) throws IOException {
        try {
            return Files.getOwner(file, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    private static Set<PosixFilePermission> posixPermissions(Path file) throws IOException {
        try {
            return Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // our own leftover; the next recovery removes it first
        }
    }

    private static Path databaseOf(Path fileWithoutSuffix) {
        return Path.of(fileWithoutSuffix + ".mv.db").toAbsolutePath().normalize();
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
