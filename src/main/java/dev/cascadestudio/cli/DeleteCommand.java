package dev.cascadestudio.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.ExecutionResult;
import dev.cascadestudio.service.CascadeService;
import dev.cascadestudio.service.DatabaseSession;
import dev.cascadestudio.service.connections.ConnectionTier;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete a row and everything its cascade rules reach, after writing a snapshot that `restore` can put back.")
final class DeleteCommand implements Callable<Integer> {

    @Mixin DbOptions db;

    @Mixin RootOptions target;

    @Option(names = "--yes", description = "Confirm the delete (required).")
    boolean yes;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why: recorded with the delete in the audit log (see `history`); required on a production connection.")
    String reason;

    @Option(names = "--progress", description = "Print progress on standard error even when it is not a terminal.")
    boolean progress;

    @Option(names = "--write", description = "Open the database for writing (needed for any database but the embedded one).")
    boolean write;

    @Override
    public Integer call() throws Exception {
        if (!yes) {
            throw new IllegalArgumentException("delete changes the database: add --yes to confirm (see `plan` for a dry run).");
        }
        if (db.resolve().tier() == ConnectionTier.PRODUCTION && (reason == null || reason.isBlank())) {
            // before the database is opened: nothing is touched
            throw new IllegalArgumentException("A delete on a production connection needs a reason: add --reason TEXT,"
                    + " which the audit log keeps with it.");
        }
        try (DatabaseSession session = db.openForWriting(write)) {
            session.writeGate().check(); // before planning: a read-only session is refused at once
            CascadeService service = session.cascade();
            DeletePlan plan = target.plan(service);
            ExecutionResult result = service.execute(plan, reason, ProgressLines.of("delete", progress));
            if (json) {
                ObjectNode out = PlanPrinter.json(plan, service, false);
                out.put("snapshot", result.snapshot().toString());
                System.out.println(PlanPrinter.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out));
            } else {
                PlanPrinter.text(plan, System.out);
                System.out.println("Done. Snapshot: " + TerminalText.safe(result.snapshot()));
            }
            return CliErrors.DONE;
        }
    }
}
