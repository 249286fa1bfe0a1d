package dev.cascadestudio.service;

import dev.cascadestudio.persistence.DatabaseOpenException;

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
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (message != null && (message.contains("SQLITE_BUSY") || message.contains("database is locked"))) {
            // another program is writing to the controller's sql.db; the failed transaction rolled back
            return "The SQLite file is locked by another program that is writing to it; nothing was changed."
                    + " Try again when it is idle.";
        }
        if (message == null || message.isBlank()) {
            return "The database work failed unexpectedly (" + root.getClass().getSimpleName() + ").";
        }
        return "The database reported an error: " + firstLine(message.strip());
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }
}
