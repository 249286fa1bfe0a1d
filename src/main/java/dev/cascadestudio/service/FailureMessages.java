package dev.cascadestudio.service;

import dev.cascadestudio.persistence.DatabaseOpenException;
import java.sql.SQLException;

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
        String lock = lockOf(failure);
        if (lock != null) {
            // another connection holds a lock the work needed: the transaction was rolled back
            return "The database is locked by another program (" + lock + "); nothing was changed."
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

    /** What the driver called the lock, in a few words; null if {@code failure} is no lock. */
    private static String lockOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (!(t instanceof SQLException e)) {
                continue;
            }
            String message = String.valueOf(e.getMessage());
            String state = String.valueOf(e.getSQLState());
            if (message.startsWith("[SQLITE_BUSY") || message.contains("database is locked")) {
                return "SQLITE_BUSY";
            }
            if (message.startsWith("[SQLITE_LOCKED")) {
                return "SQLITE_LOCKED";
            }
            if (e.getErrorCode() == H2_LOCK_TIMEOUT && state.equals("HYT00")) {
                return "H2: timeout trying to lock a table";
            }
            if (e.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return "H2: the file is open in another process";
            }
            if (state.equals("55P03")) {
                return "PostgreSQL: lock not available";
            }
            if (e.getErrorCode() == MARIADB_LOCK_WAIT_TIMEOUT) {
                return "MariaDB: lock wait timeout exceeded";
            }
            if (state.equals("40P01") || state.equals("40001")) {
                return "deadlock or conflicting transaction";
            }
        }
        return null;
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
