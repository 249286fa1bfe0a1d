package dev.cascadestudio.service;

import java.nio.file.Path;

/** The change committed, but its audit record could not be written. */
public final class AuditLogException extends RuntimeException {

    AuditLogException(AuditRecord record, Path file, Exception cause) {
        super("The " + record.action() + " was committed" + (record.snapshot() == null ? "" : " (snapshot " + record.snapshot() + ")")
                + ", but its audit record could not be written to " + file + ": " + cause.getMessage(), cause);
    }
}
