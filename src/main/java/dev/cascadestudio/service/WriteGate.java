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
    private final String refusal;

    private WriteGate(boolean writable, String refusal) {
        this.writable = writable;
        this.refusal = refusal;
    }

    /** The gate of {@code database}: open as long as the database was opened writable. */
    public static WriteGate of(Database database) {
        return of(database, "");
    }

    /**
     * The gate of {@code database}, refusing with {@code readOnlyBecause} when that is not empty (why
     * editing was asked for and not given, such as a schema that makes writing unsafe: switching to
     * editing would not help, so {@link #READ_ONLY} would mislead), otherwise with {@link #READ_ONLY}.
     */
    public static WriteGate of(Database database, String readOnlyBecause) {
        return new WriteGate(database.access() == Database.Access.WRITABLE,
                readOnlyBecause == null || readOnlyBecause.isEmpty() ? READ_ONLY : readOnlyBecause);
    }

    public boolean writable() {
        return writable;
    }

    /** Why a write is refused here ({@link #READ_ONLY} or the session's reason); empty where writing is allowed. */
    public String refusal() {
        return writable ? "" : refusal;
    }

    /** Returns if writing is allowed; otherwise {@link ReadOnlyException} with {@link #READ_ONLY} or the session's reason. */
    public void check() {
        if (!writable) {
            throw new ReadOnlyException(refusal);
        }
    }

    /** A write refused because the session is read-only; nothing was written. */
    public static final class ReadOnlyException extends IllegalStateException {
        public ReadOnlyException(String message) {
            super(message);
        }
    }
}
