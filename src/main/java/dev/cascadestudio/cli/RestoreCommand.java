package dev.cascadestudio.cli;

import dev.cascadestudio.cascade.Restorer;
import dev.cascadestudio.service.DatabaseSession;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Put back everything a delete removed or set to NULL, from its snapshot file, in one transaction.")
final class RestoreCommand implements Callable<Integer> {

    @Mixin DbOptions db;

    @Parameters(paramLabel = "SNAPSHOT_FILE", description = "A snapshot written by delete.")
    Path snapshot;

    @Option(names = "--into-other-database",
            description = "Restore even though the snapshot was written for another database than --db.")
    boolean intoOtherDatabase;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why: recorded with the restore in the audit log (see `history`).")
    String reason;

    @Option(names = "--progress", description = "Print progress on standard error even when it is not a terminal.")
    boolean progress;

    @Option(names = "--write", description = "Open the database for writing (needed for any database but the embedded one).")
    boolean write;

    @Override
    public Integer call() {
        try (DatabaseSession session = db.openForWriting(write)) {
            Restorer.RestoreResult result = session.cascade().restore(snapshot, intoOtherDatabase, reason,
                    ProgressLines.of("restore", progress));
            System.out.printf("Restored %,d rows and %,d values from %s%n", result.rowsInserted(), result.valuesRestored(), TerminalText.safe(snapshot));
            return CliErrors.DONE;
        }
    }
}
