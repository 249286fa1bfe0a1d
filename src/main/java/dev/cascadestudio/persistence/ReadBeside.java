package dev.cascadestudio.persistence;

import java.sql.SQLException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Work running on a second connection, on a thread of its own, that reads the data as a writing transaction saw it
 * when the work began ({@link Database#readBeside}). {@link #join} waits for its result.
 */
public final class ReadBeside<R> {

    private final FutureTask<R> task;

    ReadBeside(FutureTask<R> task) {
        this.task = task;
    }

    /** Waits for the work; its failure comes out as it was thrown (an interrupt of this wait, as an IllegalStateException). */
    public R join() throws SQLException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the snapshot was read", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) throw sql;
            if (cause instanceof RuntimeException runtime) throw runtime;
            if (cause instanceof Error error) throw error;
            throw new IllegalStateException(cause);
        } catch (CancellationException e) {
            throw new IllegalStateException("The read beside the writes was cancelled", e);
        }
    }

    /**
     * Waits for the work after the writer failed with {@code failure}: its result if it succeeded (so that what it made
     * can be removed), else null, its own failure added to {@code failure} as suppressed.
     */
    public R joinAfter(Throwable failure) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the work must end before the caller cleans up after it
                } catch (ExecutionException e) {
                    if (e.getCause() != failure) failure.addSuppressed(e.getCause());
                    return null;
                } catch (CancellationException e) {
                    return null;
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
