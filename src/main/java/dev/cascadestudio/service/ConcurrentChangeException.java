package dev.cascadestudio.service;

/**
 * A save refused because the row changed in the database (or was deleted) since the editor read it;
 * nothing was written. The message says what changed.
 */
public final class ConcurrentChangeException extends RuntimeException {

    public ConcurrentChangeException(String message) {
        super(message);
    }
}
