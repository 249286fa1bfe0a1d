package dev.cascadestudio.service;

import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.DatabaseOpenException;
import dev.cascadestudio.persistence.LockHeldBy;
import java.sql.SQLException;
import java.util.List;

/**
 * Turns a failed use case into one sentence for the administrator. Callers above this layer cannot
 * see the persistence exceptions, and a user should never see a stack trace or a driver's
 * multi-line SQL dump.
 */
public final class FailureMessages {

    private FailureMessages() {}

    public static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if ((t instanceof DatabaseOpenException || t instanceof ConcurrentChangeException
                    || t instanceof InvalidRowException) && t.getMessage() != null) {
                return t.getMessage();
            }
        }
        Lock lock = lockOf(failure);
        if (lock != null && lock.waitedForItsBound()) {
            // a server's connection waited its bound (Database.LOCK_WAIT) for another connection's lock: rolled back
            List<String> holders = holdersOf(failure);
            return "Another connection to the database held a lock this needs for longer than "
                    + Database.LOCK_WAIT.toSeconds() + " s (" + lock.name() + "); nothing was changed."
                    + (holders.isEmpty() ? "" : " Held by " + String.join("; and by ", holders) + ".")
                    + " Try again once its work is done, or end its transaction.";
        }
        if (lock != null) {
            // another connection holds a lock the work needed: the transaction was rolled back
            return "The database is locked by another program (" + lock.name() + "); nothing was changed."
                    + " Close it or wait until it is done, and try again.";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (message == null || message.isBlank()) {
            return "The database work failed unexpectedly (" + root.getClass().getSimpleName() + ").";
        }
        return "The database reported an error: " + firstLine(message.strip());
    }

    /**
     * Whether {@code failure} is a lock held by another connection or program (SQLite busy or locked,
     * an H2 lock timeout, PostgreSQL's lock not available, MariaDB's lock wait timeout, a deadlock or
     * serialization failure), met while opening, reading, writing or committing. The work's
     * transaction was rolled back, so nothing was changed, and the same work may succeed later.
     */
    public static boolean isLocked(Throwable failure) {
        return lockOf(failure) != null;
    }

    /**
     * A lock as the driver called it, in a few words; {@code waitedForItsBound} where a server's connection gave up
     * waiting for another connection's lock after {@link Database#LOCK_WAIT}.
     */
    private record Lock(String name, boolean waitedForItsBound) {
        Lock(String name) {
            this(name, false);
        }
    }

    /** The lock {@code failure} met; null if it is no lock. */
    private static Lock lockOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (!(t instanceof SQLException e)) {
                continue;
            }
            String message = String.valueOf(e.getMessage());
            String state = String.valueOf(e.getSQLState());
            if (message.startsWith("[SQLITE_BUSY") || message.contains("database is locked")) {
                return new Lock("SQLITE_BUSY");
            }
            if (message.startsWith("[SQLITE_LOCKED")) {
                return new Lock("SQLITE_LOCKED");
            }
            if (e.getErrorCode() == H2_LOCK_TIMEOUT && state.equals("HYT00")) {
                return new Lock("H2: timeout trying to lock a table");
            }
            if (e.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return new Lock("H2: the file is open in another process");
            }
            if (state.equals("55P03")) {
                return new Lock("PostgreSQL: lock not available", true);
            }
            if (e.getErrorCode() == MARIADB_LOCK_WAIT_TIMEOUT) {
                return new Lock("MariaDB: lock wait timeout exceeded", true);
            }
            if (state.equals("40P01") || state.equals("40001")) {
                return new Lock("deadlock or conflicting transaction");
            }
        }
        return null;
    }

    /**
     * The progress line of work that waits for another connection's lock ({@code ProgressListener.waitingForLock}):
     * {@code Waiting up to 10 s for a lock held by connection 4242 (…)}, the bound first, where a short line shows it.
     */
    public static String waitingForLock(List<String> holders) {
        return "Waiting up to " + Database.LOCK_WAIT.toSeconds() + " s for a lock held by " + String.join(" and by ", holders);
    }

    /** Whom the failed work was seen waiting for ({@link LockHeldBy}, attached where the database could tell); empty if no one. */
    private static List<String> holdersOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Throwable attached : t.getSuppressed()) {
                if (attached instanceof LockHeldBy held) {
                    return held.holders();
                }
            }
        }
        return List.of();
    }

    /** H2's LOCK_TIMEOUT_1, "Timeout trying to lock table". */
    private static final int H2_LOCK_TIMEOUT = 50200;
    /** H2's DATABASE_ALREADY_OPEN_1, "Database may be already in use". */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;
    /** MariaDB/MySQL ER_LOCK_WAIT_TIMEOUT. */
    private static final int MARIADB_LOCK_WAIT_TIMEOUT = 1205;

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }
}
