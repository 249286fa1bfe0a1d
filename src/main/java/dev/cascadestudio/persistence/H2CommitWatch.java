package dev.cascadestudio.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * Tells whether H2 will write its store to the file only once, after the whole commit, for the
 * transaction running on one connection: the condition under which H2 alone commits all-or-nothing
 * across a kill.
 *
 * <p>How H2 2.x commits (TransactionStore.commit): it adds a commit marker to the transaction's undo
 * log, then rewrites each changed entry of each table and index map as committed, one by one, then
 * clears the undo log; with {@code WRITE_DELAY=0} the store is written to the file (a chunk, then the
 * file header) once the commit is over. On reopening, an undo log without the marker is rolled back
 * and one with it committed. That is all-or-nothing as long as the file is not written <em>during</em>
 * the loop; but H2 writes its store in the middle of any map write once its unsaved memory passes the
 * store's auto-commit memory (MVStore.beforeWrite), and a file written there and then reopened comes
 * back mixed, some changes kept and others not, the indexes out of step with the tables
 * ({@code CrashDuringCommitTest}, run with the backup left out, stopped the delete of a project affecting
 * about 40,000 rows (13,952 deleted, the rest set to NULL) at every third write of its commit: stopped before
 * the 4th of 7 writes, the file came back neither as before nor as after). A small commit's only
 * writes are the final chunk and header, and stopped before or half-way through either, it came back
 * whole.
 *
 * <p>So the loop must not push the unsaved memory past the limit. Every page the loop rewrites holds
 * an entry this transaction changed; if the store has not been written since the transaction's first
 * change (its version is the same), those pages are all unsaved copies already, and rewriting one
 * replaces an unsaved page by a page no larger (a committed entry is smaller than an uncommitted one,
 * a removed one is gone), so the loop adds next to nothing: the commit marker, and the last undo-log
 * records H2 still buffers (at most one page of them). {@link #commitStaysWhole} therefore asks for: no
 * background writer (auto-commit delay 0, else a thread may write the store at any moment), the same
 * store version as when the watch began (no write during the statements, so H2 has no write pending
 * either: it writes at the first map write after passing the limit), and the unsaved memory at most
 * seven eighths of the limit (the last eighth, 2 MB of H2's 16 MB for a 256 MB heap, is the margin
 * for what the commit adds). Nothing else writes to an embedded file while a delete runs (the journal's
 * backup makes the same assumption).
 *
 * <p>What passes: with a 256 MB heap, a workflow with its runs (28 rows, 0.7 MB unsaved) and a project
 * of 807 rows (10.3 MB); a project of 1,752 rows made H2 write the store during its statements and
 * takes the backup.
 */
final class H2CommitWatch {

    private final MVStore store;
    private final long version;

    private H2CommitWatch(MVStore store) {
        this.store = store;
        this.version = store.getCurrentVersion();
    }

    /**
     * Starts watching the store behind {@code connection}, which must be an embedded H2 connection that
     * has not written yet; null where the store cannot be reached or has a background writer (then
     * only the backup makes the delete all-or-nothing).
     */
    static H2CommitWatch start(Connection connection) {
        try {
            if (!connection.isWrapperFor(JdbcConnection.class)) {
                return null;
            }
            Session session = connection.unwrap(JdbcConnection.class).getSession();
            if (!(session instanceof SessionLocal local) || local.getDatabase().getStore() == null) {
                return null;
            }
            MVStore store = local.getDatabase().getStore().getMvStore();
            return store.getAutoCommitDelay() == 0 && store.getAutoCommitMemory() > 0 ? new H2CommitWatch(store) : null;
        } catch (SQLException | RuntimeException e) {
            return null; // not an embedded H2 store we can read: the backup it is
        }
    }

    /** Whether H2 will write the store only after the whole commit, if it commits now (see the class comment). */
    boolean commitStaysWhole() {
        return store.getAutoCommitDelay() == 0
                && store.getCurrentVersion() == version
                && 8L * store.getUnsavedMemory() <= 7L * store.getAutoCommitMemory();
    }
}
