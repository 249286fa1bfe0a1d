package dev.cascadestudio.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

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
 * between: {@link #recoverIfInterrupted} puts the backup back in place of the file, before H2 opens it,
 * so the database is exactly as before the delete, and removes the delete's snapshot, which no longer
 * describes anything that happened. Cost: one copy of the database file per delete.
 */
public final class H2DeleteJournal {

    private static final String JOURNAL_SUFFIX = ".delete-journal";
    /** H2 error 90040, "Admin rights are required for this operation". */
    private static final int ADMIN_RIGHTS_REQUIRED = 90040;
    private static final String BACKUP_SUFFIX = ".delete-backup.zip";

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
     * If a journal is left beside {@code fileWithoutSuffix}, puts its backup back in place of the file
     * and removes the journal, the backup and the interrupted delete's snapshot. The file must be
     * closed. Returns whether it restored anything.
     */
    public static boolean recoverIfInterrupted(Path fileWithoutSuffix) {
        Path journal = journalOf(fileWithoutSuffix);
        if (!Files.exists(journal)) {
            return false;
        }
        // Two processes (or threads) opening the file at once must not both put the backup back: the
        // second would copy it over the file the first has restored, and perhaps opened and changed
        // since. Whoever recovers holds a lock on the journal until it is gone; whoever waited for
        // that lock then finds no journal (or the file open) and leaves everything alone.
        synchronized (H2DeleteJournal.class) {
            try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.READ, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                return recoverLocked(fileWithoutSuffix, journal, channel);
            } catch (NoSuchFileException e) {
                return false; // recovered and removed by another process since we looked
            } catch (IOException e) {
                throw new DatabaseOpenException("A delete was interrupted in " + fileWithoutSuffix
                        + ".mv.db and its journal " + journal + " cannot be locked for recovery (" + e.getMessage() + ").", e);
            }
        }
    }

    /**
     * Recovery under the journal's lock. The journal is read through the locked channel: on POSIX
     * systems closing any other descriptor of the file would release the lock.
     */
    private static boolean recoverLocked(Path fileWithoutSuffix, Path journal, FileChannel locked) {
        if (!Files.exists(journal) || inUse(Path.of(fileWithoutSuffix + ".mv.db"))) {
            // recovered by someone else while we waited, or the file is open (in this JVM or another):
            // its delete is still running
            return false;
        }
        try {
            Properties p = new Properties();
            p.load(Channels.newInputStream(locked)); // not closed: that would close the locked channel
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

    /** Whether some process (this one included) holds H2's lock on the file. */
    private static boolean inUse(Path database) {
        if (!Files.exists(database)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(database, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot check whether " + database + " is in use", e);
        }
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
