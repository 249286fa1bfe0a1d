package dev.cascadestudio.persistence;

/** A database could not be opened; the message is written for the administrator, not a developer. */
public class DatabaseOpenException extends RuntimeException {
    public DatabaseOpenException(String message) { super(message); }
    public DatabaseOpenException(String message, Throwable cause) { super(message, cause); }
}
