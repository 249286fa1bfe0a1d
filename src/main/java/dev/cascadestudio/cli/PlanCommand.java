package dev.cascadestudio.cli;

import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.service.CascadeService;
import dev.cascadestudio.service.DatabaseSession;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show what deleting a row would do: rows deleted and foreign keys set to NULL. Changes nothing.")
final class PlanCommand implements Callable<Integer> {

    @Mixin DbOptions db;

    @Mixin RootOptions target;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(names = "--rows", description = "List every affected row (with --json).")
    boolean rows;

    @Override
    public Integer call() throws Exception {
        try (DatabaseSession session = db.openReadOnly()) {
            CascadeService service = session.cascade();
            DeletePlan plan = service.plan(target.roots());
            if (json) {
                System.out.println(PlanPrinter.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(PlanPrinter.json(plan, service, rows)));
            } else {
                PlanPrinter.text(plan, System.out);
            }
            return CliErrors.DONE;
        }
    }
}
