package dev.cascadestudio.cli;

import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.service.CascadeService;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show what deleting a row would do: rows deleted and foreign keys set to NULL. Changes nothing.")
final class PlanCommand implements Callable<Integer> {

    @Mixin DbOptions db;

    @Option(names = "--table", required = true, description = "Table of the row to delete, e.g. project.")
    String table;

    @Option(names = "--uid", required = true, split = ",", description = "Uid of the row (all its versions); several separated by commas.")
    List<String> uids;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(names = "--rows", description = "List every affected row (with --json).")
    boolean rows;

    @Override
    public Integer call() throws Exception {
        try (Database database = db.open()) {
            CascadeService service = new CascadeService(database);
            DeletePlan plan = service.plan(uids.stream().map(u -> new Root(table, u)).toList());
            if (json) {
                System.out.println(PlanPrinter.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(PlanPrinter.json(plan, service, rows)));
            } else {
                PlanPrinter.text(plan, System.out);
            }
            return CliErrors.DONE;
        }
    }
}
