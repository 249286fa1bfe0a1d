package dev.cascadestudio.cli;

import dev.cascadestudio.persistence.DatabaseOpenException;
import dev.cascadestudio.service.FailureMessages;
import picocli.CommandLine;

/**
 * Maps failures to exit codes with a one-line message on standard error, never a stack trace. A
 * failure that is the driver's or Hibernate's (their text is an SQL dump, not a sentence) is told in
 * {@link FailureMessages}' words. A lock another program holds gives the same code, 2, whether it is
 * met while opening the database, reading, writing or committing: nothing was changed, and the same
 * command may succeed once the other program is done.
 */
final class CliErrors implements CommandLine.IExecutionExceptionHandler {

    static final int DONE = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;
    static final int STALE_OR_CONFLICT = 3;
    /** {@code audit} ran and found dangling references: a cron job can alert on it. */
    static final int FINDINGS = 4;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        int code = exitCode(ex);
        cl.getErr().println("error: " + TerminalText.safe(message(ex)));
        return code;
    }

    static int exitCode(Exception ex) {
        if (ex instanceof dev.cascadestudio.cascade.StalePlanException
                || ex instanceof dev.cascadestudio.cascade.RestoreConflictException) {
            return STALE_OR_CONFLICT;
        }
        if (ex instanceof DatabaseOpenException || ex instanceof IllegalArgumentException
                || FailureMessages.isLocked(ex) // a lock, met opening, planning or committing, wherever it is wrapped
                || ex instanceof dev.cascadestudio.service.WriteGate.ReadOnlyException) {
            return BAD_INPUT;
        }
        return FAILED;
    }

    /** The first line of what to tell the user. */
    static String message(Exception ex) {
        String message = fromTheDriver(ex) || FailureMessages.isLocked(ex) ? FailureMessages.describe(ex)
                : ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /** An exception of the JDBC driver or of Hibernate: its text is theirs, not a sentence of ours. */
    private static boolean fromTheDriver(Exception ex) {
        return ex instanceof java.sql.SQLException || ex instanceof jakarta.persistence.PersistenceException;
    }
}
