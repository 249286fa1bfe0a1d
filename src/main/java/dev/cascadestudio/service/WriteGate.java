package dev.cascadestudio.service;

import dev.cascadestudio.persistence.Database;

/**
 * The one place every write asks first: save, new row, delete, restore, demo data. A database opened
 * read-only refuses here, with one sentence and before any SQL; its connections refuse too (the driver
 * or the server is told, see {@code persistence.ReadOnlyConnections}), so a write that forgot to ask
 * is still caught by the database.
 */
public final class WriteGate {

    /** What a refused write says, wherever it came from. */
    public static final String READ_ONLY = "This database is open read-only. Switch to editing first (toolbar: Edit, or --write).";

    private final boolean writable;

    private WriteGate(boolean writable) {
        this.writable = writable;
    }

    /** The gate of {@code database}: open as long as the database was opened writable. */
    public static WriteGate of(Database database) {
        return new WriteGate(database.access() == Database.Access.WRITABLE);
    }

    public boolean writable() {
        return writable;
    }

    /** Returns if writing is allowed; otherwise {@link ReadOnlyException} with {@link #READ_ONLY}. */
    public void check() {
        if (!writable) {
            throw new ReadOnlyException(READ_ONLY);
        }
    }

    /** A write refused because the session is read-only; nothing was written. */
    public static final class ReadOnlyException extends IllegalStateException {
        public ReadOnlyException(String message) {
            super(message);
        }
    }
}
