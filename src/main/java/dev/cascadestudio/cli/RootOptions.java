package dev.cascadestudio.cli;

import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.Repair;
import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.service.CascadeService;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * What a plan or delete starts from: one table and one or more uids (each: all its versions), or the
 * dangling values of one or more columns ({@code --dangling run.workflow_id}, what the Health window's
 * Fix does: the column's rule applied as if the missing row had just been deleted).
 */
final class RootOptions {

    @Option(names = "--table", description = "Table of the row to delete, e.g. project.")
    String table;

    @Option(names = "--uid", split = ",", description = "Uid of the row (all its versions); several separated by commas.")
    List<String> uids;

    @Option(names = "--dangling", split = ",", paramLabel = "TABLE.COLUMN",
            description = "Instead of rows: the values of TABLE.COLUMN that name no row (see `audit`), set to NULL or,"
                    + " for a label's parent, their labels deleted; several separated by commas.")
    List<String> dangling;

    List<Root> roots() {
        return uids == null ? List.of() : uids.stream().map(u -> new Root(table, u)).toList();
    }

    /** The plan of what was asked: the rows' delete, or the repair of the dangling columns. */
    DeletePlan plan(CascadeService service) {
        if (dangling != null && !dangling.isEmpty()) {
            if (table != null || uids != null) {
                throw new IllegalArgumentException("Give either --table and --uid, or --dangling, not both.");
            }
            return service.planRepair(dangling.stream().map(RootOptions::repair).toList());
        }
        if (table == null || uids == null || uids.isEmpty()) {
            throw new IllegalArgumentException("Say what to delete: --table and --uid (or --dangling TABLE.COLUMN).");
        }
        return service.plan(roots());
    }

    private static Repair repair(String column) {
        int dot = column.indexOf('.');
        if (dot <= 0 || dot == column.length() - 1) {
            throw new IllegalArgumentException("--dangling takes TABLE.COLUMN, such as run.workflow_id, not '"
                    + TerminalText.safe(column) + "'.");
        }
        return new Repair(column.substring(0, dot), column.substring(dot + 1));
    }
}
