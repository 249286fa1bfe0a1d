package dev.cascadestudio.cascade;

import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.DatabaseProduct;
import dev.cascadestudio.persistence.H2DeleteJournal;
import dev.cascadestudio.persistence.ReadBeside;
import dev.cascadestudio.persistence.SqlValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Applies a {@link DeletePlan} in one transaction: checks inside the transaction that the database
 * still implies the same rows and refuses if not, writes the snapshot, runs one explicit statement
 * per effect and checks that each touched exactly the planned number of rows. Any failure rolls
 * everything back (and removes the snapshot). On an embedded H2 file the statements run under an
 * {@link H2DeleteJournal}, so that a crash before the commit has returned leaves the database as before
 * or, if the commit was under way, as after: a small delete is left to H2's own commit, watched, and
 * run again with a backup if the watch finds H2 might write the file half-way through the commit. Where the product can
 * hand the transaction's view of the data to a second connection (PostgreSQL, {@link Database#readBeside}), the snapshot
 * is written from that view while the statements run, and the commit waits for it and for its check. The transaction
 * begins with its product's isolation ({@link DatabaseProduct#deleteTransactionSql}), so that its statements take exactly
 * the rows its snapshot holds while other clients write; where the database ends it for that, the plan is shown again.
 */
public final class Executor {

    private final Database database;
    private final Planner planner;
    private final Path snapshotDirectory;
    private final Durability durability;

    public Executor(Database database, Planner planner, Path snapshotDirectory) {
        this(database, planner, snapshotDirectory, Durability.DISK);
    }

    Executor(Database database, Planner planner, Path snapshotDirectory, Durability durability) {
        this.database = database;
        this.planner = planner;
        this.snapshotDirectory = snapshotDirectory;
        this.durability = durability;
    }

    /** How the snapshot is put on the disk before the delete commits. */
    Durability durability() {
        return durability;
    }

    public ExecutionResult execute(DeletePlan plan) {
        return execute(plan, ProgressListener.NONE);
    }

    /**
     * Where plans identify rows by key (every product but H2), the check is made on the rows the snapshot
     * reads anyway: each deleted table's and nulled column's rows, counted and digested as the planner
     * does, must be the plan's, or nothing changes. That is the same check as planning again, one read of
     * the affected rows instead of two (planning again was a fifth of a 270,000-row delete's time on
     * SQLite and PostgreSQL), and it proves the snapshot holds exactly the rows the statements then take.
     * H2's plans identify rows by row id, which the snapshot does not read: there the plan is made again.
     */
    public ExecutionResult execute(DeletePlan plan, ProgressListener progress) {
        try {
            return execute(plan, progress, false);
        } catch (H2DeleteJournal.BackupNeeded e) {
            return execute(plan, progress, true); // rolled back, snapshot removed: again, with a backup
        }
    }

    private ExecutionResult execute(DeletePlan plan, ProgressListener progress, boolean backUp) {
        Path[] snapshot = new Path[1];
        boolean[] stale = new boolean[1];
        boolean[] committing = new boolean[1];
        H2DeleteJournal[] journal = new H2DeleteJournal[1];
        ExecutionResult result;
        try {
            result = database.fromConnection(connection -> {
                DatabaseProduct product = DatabaseProduct.of(database.kind());
                List<String> isolation = product.deleteTransactionSql();
                if (!isolation.isEmpty()) {
                    try (java.sql.Statement statement = connection.createStatement()) {
                        for (String sql : isolation) {
                            statement.execute(sql); // first in the transaction: its view is the snapshot's
                        }
                    }
                }
                PlanQueries queries = new PlanQueries(planner.graph(), database.sqlNames(), product, plan.roots(), plan.repairs());
                List<ExecutionStep> steps = ExecutionStep.steps(queries);
                long total = steps.size() + 2L;
                boolean checkedBySnapshot = !product.identifiesRowsById();
                if (!checkedBySnapshot) {
                    progress.update(0, total, "Checking that the plan still holds");
                    DeletePlan current = planner.plan(connection, plan.roots(), plan.repairs());
                    if (!current.sameEffectsAs(plan)) {
                        throw new StalePlanException(current);
                    }
                }
                Database.JdbcWork<SnapshotWriter.Written> writing = reader -> SnapshotWriter.write(snapshotDirectory, reader, queries,
                        planner.graph(), database.sqlNames(), new SqlValues(database.kind()), plan, database.identity(), durability);
                // (an H2 file's crash journal needs the snapshot before the statements: H2 shares no view anyway)
                Optional<ReadBeside<SnapshotWriter.Written>> beside = checkedBySnapshot && database.h2File() == null
                        ? database.readBeside(connection, writing) : Optional.empty();
                if (beside.isPresent()) {
                    // PostgreSQL: the snapshot is read on a second connection that sees the data as this transaction
                    // did before its first statement, while the statements run; the commit waits for it and its check
                    SnapshotWriter.Written written;
                    try {
                        progress.update(1, total, "Writing the snapshot while the statements run");
                        runSteps(connection, steps, plan, progress, total, stale);
                        progress.update(total, total, "Finishing the snapshot and checking that the plan still holds");
                        written = beside.get().join();
                    } catch (SQLException | RuntimeException | Error e) {
                        // a failed statement, the snapshot's own failure, or an interrupt of the wait: the snapshot's
                        // thread is waited for in any case, so that a file it finished is removed below
                        SnapshotWriter.Written made = beside.get().joinAfter(e);
                        snapshot[0] = made == null ? null : made.file();
                        throw e;
                    }
                    snapshot[0] = written.file();
                    if (!written.holdsTheRowsOf(plan)) {
                        // someone changed the rows since the preview: rolled back, the new plan is shown
                        stale[0] = true;
                        throw new IllegalStateException("the rows changed since the preview");
                    }
                } else {
                    progress.update(1, total, checkedBySnapshot ? "Writing the snapshot and checking that the plan still holds"
                            : "Writing the snapshot");
                    SnapshotWriter.Written written = writing.apply(connection);
                    snapshot[0] = written.file();
                    if (checkedBySnapshot && !written.holdsTheRowsOf(plan)) {
                        // someone changed the rows since the preview: nothing has changed yet; show the new plan
                        throw new StalePlanException(planner.plan(connection, plan.roots(), plan.repairs()));
                    }
                    if (database.h2File() != null) {
                        journal[0] = H2DeleteJournal.forDelete(connection, database.h2File(), snapshot[0],
                                plan.affectedRowCount(), backUp);
                    }
                    runSteps(connection, steps, plan, progress, total, stale);
                }
                if (journal[0] != null) {
                    journal[0].beforeCommit();
                }
                progress.update(total, total, "Committing");
                committing[0] = true; // from here on the failure may be the commit's own
                return new ExecutionResult(plan, snapshot[0], steps.size());
            }, progress::waitingForLock);
        } catch (RuntimeException e) {
            if (committing[0] && journal[0] != null) {
                throw failedCommit(plan, journal[0], snapshot[0], e);
            }
            if (journal[0] != null) {
                try {
                    journal[0].finish();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            deleteQuietly(snapshot[0]);
            if (stale[0] || endedByAnotherWriter(e)) {
                throw new StalePlanException(planner.plan(plan.roots(), plan.repairs()));
            }
            throw e;
        }
        // Committed. The journal must go now, or the next open would put the backup back and undo
        // this delete; a failure here does not make the delete fail, and its snapshot stays for Undo.
        if (journal[0] != null) {
            journal[0].committed();
        }
        return result;
    }

    /**
     * Whether the database ended the delete because another client changed rows it takes (the product's serialization
     * failure, anywhere in {@code failure}'s causes: a statement, the snapshot's locking read, or the read beside them):
     * the delete then shows its plan again, as for any change since the preview.
     */
    private boolean endedByAnotherWriter(Throwable failure) {
        DatabaseProduct product = DatabaseProduct.of(database.kind());
        for (Throwable t = failure; t != null; t = Restorer.next(t)) {
            if (t instanceof SQLException e && product.isSerializationFailure(e)) {
                return true;
            }
        }
        return false;
    }

    /** Runs the plan's statements in order, each checked to change exactly the planned number of rows. */
    private static void runSteps(java.sql.Connection connection, List<ExecutionStep> steps, DeletePlan plan,
                                 ProgressListener progress, long total, boolean[] stale) throws SQLException {
        long done = 2;
        for (ExecutionStep step : steps) {
            progress.update(done++, total, describe(step));
            long planned = plan.rowsChangedBy(step.table(), step.columns());
            try (PreparedStatement ps = connection.prepareStatement(step.sql().text())) {
                step.sql().bind(ps);
                int changed = ps.executeUpdate();
                if (changed != planned) {
                    stale[0] = true;
                    throw new IllegalStateException("row count changed during the commit");
                }
            }
        }
    }

    /**
     * The commit itself failed (a full disk, say) after the statements had run. H2 normally rolls
     * back in place; if the database, read back row by row, still implies as many rows to delete and
     * to set to NULL in each table as the plan, the journal is dropped. If it does not, or cannot be
     * read, the journal is kept, so that opening the database again puts the backup taken before the
     * delete back.
     */
    private RuntimeException failedCommit(DeletePlan plan, H2DeleteJournal journal, Path snapshot, RuntimeException e) {
        try {
            // Read back row by row, not from the indexes: an interrupted H2 commit can leave an index
            // out of step with its table. Every statement of the delete lowers some count, so the same
            // counts mean none of it is left (nobody else writes to this embedded file meanwhile).
            if (planner.planReadingRows(plan.roots(), plan.repairs()).sameCountsAs(plan)) {
                journal.finish();
                deleteQuietly(snapshot);
                return new IllegalStateException("The commit failed (" + e.getMessage() + "). Read back row by row, the"
                        + " database is as before the delete: nothing was deleted.", e);
            }
        } catch (RuntimeException unreadable) {
            e.addSuppressed(unreadable);
        }
        if (!journal.backedUp()) {
            // left to H2's own commit, which H2 did not write to the file half-way: the file holds the
            // whole before or the whole after
            return new IllegalStateException("The commit failed (" + e.getMessage() + "). Close the database and open"
                    + " it again: it will be as before the delete or as after it, never in between.", e);
        }
        return new IllegalStateException("The commit failed (" + e.getMessage() + ") and the database may hold part"
                + " of the delete. Close it and open it again: the copy taken before the delete will be put back.", e);
    }

    /** "Deleting from run", "Setting run.workflow_id to NULL", "Setting model_id, owner_id and workflow_id of deployment to NULL". */
    private static String describe(ExecutionStep step) {
        List<String> columns = step.columns();
        if (columns.isEmpty()) {
            return "Deleting from " + step.table();
        }
        if (columns.size() == 1) {
            return "Setting " + step.table() + "." + columns.get(0) + " to NULL";
        }
        return "Setting " + String.join(", ", columns.subList(0, columns.size() - 1)) + " and " + columns.get(columns.size() - 1)
                + " of " + step.table() + " to NULL";
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // an unusable snapshot of a delete that did not happen: restore would refuse it anyway
            }
        }
    }
}
