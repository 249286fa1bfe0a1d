package dev.cascadestudio.cli;

import dev.cascadestudio.persistence.DatabaseOpenException;
import picocli.CommandLine;

/** Maps failures to exit codes with a one-line message on standard error, never a stack trace. */
final class CliErrors implements CommandLine.IExecutionExceptionHandler {

    static final int DONE = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;
    static final int STALE_OR_CONFLICT = 3;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        int code = exitCode(ex);
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        cl.getErr().println("error: " + TerminalText.safe(message.lines().findFirst().orElse(message)));
        return code;
    }

    static int exitCode(Exception ex) {
        if (ex instanceof dev.cascadestudio.cascade.StalePlanException
                || ex instanceof dev.cascadestudio.cascade.RestoreConflictException) {
            return STALE_OR_CONFLICT;
        }
        if (ex instanceof DatabaseOpenException || ex instanceof IllegalArgumentException
                || ex instanceof dev.cascadestudio.service.WriteGate.ReadOnlyException) {
            return BAD_INPUT;
        }
        return FAILED;
    }
}
