package dev.cascadestudio.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.h2.mvstore.MVStoreTool;

/**
 * Makes a large delete on an embedded H2 file all-or-nothing across a crash, which H2 alone does not:
 * a process killed while H2 commits a transaction of tens of thousands of changes can leave the file,
 * after H2's own recovery, with part of the transaction kept and a table out of step with its index
 * (see {@code CrashDuringCommitTest}).
 *
 * <p>Before the delete's statements run, {@link #begin} takes H2's online {@code BACKUP} of the file and
 * then writes a journal beside it naming that backup and the delete's snapshot. {@link #finish} removes
 * both once the transaction has committed (with {@code WRITE_DELAY=0} the commit is in the file by
 * then) or rolled back. A journal still there when the file is next opened means the process died in
 * between: {@link #recover} puts the backup back in place of the file, before H2 opens it,
 * so the database is exactly as before the delete, and removes the delete's snapshot, which no longer
 * describes anything that happened. Cost: one copy of the database file per delete.
 */
public final class H2DeleteJournal {

    private static final String JOURNAL_SUFFIX = ".delete-journal";
    /** H2 error 90040, "Admin rights are required for this operation". */
    private static final int ADMIN_RIGHTS_REQUIRED = 90040;
    private static final String BACKUP_SUFFIX = ".delete-backup.zip";
    private static final String LOCK_SUFFIX = ".delete-journal.lock";
    /** Held with the recovery lock of a file: see {@link #recover}. */
    private static final ReentrantLock IN_THIS_JVM = new ReentrantLock();
    /** The H2 files {@link Database} has open in this JVM, and how many times: see {@link #inUse}. */
    private static final Map<Path, Integer> OPEN_HERE = new HashMap<>();
    /** Descriptors of H2 files opened here outside {@link Database}, never closed: see {@link #inUse}. */
    private static final List<FileChannel> KEPT_OPEN = new ArrayList<>();

    private final Path journal;
    private final Path backup;

    private H2DeleteJournal(Path journal, Path backup) {
        this.journal = journal;
        this.backup = backup;
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
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove an old backup " + backup, e);
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
        Properties p = new Properties();
        p.setProperty("backup", backup.toAbsolutePath().toString());
        if (snapshot != null) {
            p.setProperty("snapshot", snapshot.toAbsolutePath().toString());
        }
        try {
            force(backup);
            write(journal, p, "Cascade Studio: a delete is being committed; if this file remains, the next open restores the backup");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the delete journal " + journal, e);
        }
        return new H2DeleteJournal(journal, backup);
    }

    /**
     * The delete has committed: removes the journal, then the backup. If the journal cannot be
     * removed it is marked committed instead, which recovery skips — the one thing that must not
     * happen is a later open putting the backup back over a delete that committed.
     */
    public void committed() {
        try {
            Files.deleteIfExists(journal);
        } catch (IOException e) {
            try {
                Properties p = new Properties();
                p.setProperty("committed", "true");
                write(journal, p, "Cascade Studio: this delete committed; the backup is not to be put back");
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

    /** Recovery under the file's recovery lock. */
    private static boolean recoverLocked(Path fileWithoutSuffix, Path journal) {
        if (!Files.exists(journal) || inUse(Path.of(fileWithoutSuffix + ".mv.db"), fileWithoutSuffix)) {
            // nothing interrupted (or recovered by someone else while we waited), or the file is open (in
            // this JVM or another): its delete is still running
            return false;
        }
        try {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(journal)) {
                p.load(in);
            }
            if (Boolean.parseBoolean(p.getProperty("committed"))) {
                // the delete committed and only the journal's removal failed: nothing to undo
                Files.deleteIfExists(journal);
                Files.deleteIfExists(backupOf(fileWithoutSuffix));
                return false;
            }
            // the backup beside the file, whatever path the journal names (the folder may have moved)
            Path backup = backupOf(fileWithoutSuffix);
            Path database = Path.of(fileWithoutSuffix + ".mv.db");
            Path restoring = Path.of(fileWithoutSuffix + ".mv.db.restoring");
            boolean found = false;
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backup))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    if (entry.getName().endsWith(".mv.db")) {
                        Files.copy(zip, restoring, StandardCopyOption.REPLACE_EXISTING);
                        found = true;
                        break;
                    }
                }
            }
            if (!found) {
                throw new DatabaseOpenException("The backup " + backup + " named by " + journal + " holds no H2 file.");
            }
            rewriteCleanly(restoring);
            force(restoring);
            move(restoring, database);
            String snapshot = p.getProperty("snapshot");
            if (snapshot != null && isSnapshotFile(Path.of(snapshot))) {
                Files.deleteIfExists(Path.of(snapshot));
            }
            Files.deleteIfExists(journal);
            Files.deleteIfExists(backup);
            return true;
        } catch (IOException e) {
            throw new DatabaseOpenException("A delete was interrupted in " + fileWithoutSuffix
                    + ".mv.db and its backup could not be put back (" + e.getMessage() + "); the journal "
                    + journal + " is kept.", e);
        }
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
    private static void rewriteCleanly(Path image) {
        try {
            MVStoreTool.compact(image.toString(), false);
        } catch (RuntimeException e) {
            throw new DatabaseOpenException("The backup of an interrupted delete could not be read back (" + e.getMessage()
                    + "); the file and the journal are left as they are.", e);
        }
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

    /** Writes {@code journal} whole or not at all: a temporary file, forced to disk, then moved into place. */
    private static void write(Path journal, Properties p, String comment) throws IOException {
        Path temporary = journal.resolveSibling(journal.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            p.store(out, comment);
        }
        force(temporary);
        move(temporary, journal);
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
