package dev.cascadestudio.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.cascade.RowKey;
import dev.cascadestudio.service.CascadeService;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;

/** Prints a plan as the documented JSON, or as a table for a person. */
final class PlanPrinter {

    static final ObjectMapper JSON = new ObjectMapper();

    private PlanPrinter() {}

    static ObjectNode json(DeletePlan plan, CascadeService service, boolean withRows) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode roots = root.putArray("roots");
        for (Root r : plan.roots()) {
            roots.addObject().put("table", r.table()).put("uid", r.uid());
        }
        if (!plan.repairs().isEmpty()) { // only for --dangling, so that a delete's JSON stays as it was
            ArrayNode repairs = root.putArray("repairs");
            plan.repairs().forEach(r -> repairs.addObject().put("table", r.table()).put("column", r.column()));
        }
        ObjectNode deleted = root.putObject("deleted");
        for (DeletePlan.Effect e : plan.deleted()) {
            effect(deleted.putObject(e.table()), plan, e, service, withRows);
        }
        ObjectNode nulled = root.putObject("nulled");
        for (DeletePlan.Effect e : plan.nulled()) {
            effect(nulled.putObject(e.label()), plan, e, service, withRows);
        }
        root.putObject("totals")
                .put("deletedRows", plan.deletedCount())
                .put("nulledRows", plan.nulledRowCount())
                .put("nulledValues", plan.nulledValueCount())
                .put("affectedRows", plan.affectedRowCount());
        return root;
    }

    private static void effect(ObjectNode node, DeletePlan plan, DeletePlan.Effect e, CascadeService service, boolean withRows) {
        node.put("count", e.count());
        if (withRows) {
            ArrayNode rows = node.putArray("rows");
            List<RowKey> keys = service.allRows(plan, e);
            if (service.graph().table(e.table()).label()) {
                keys.stream().map(k -> Long.parseLong(k.uid())).sorted().forEach(rows::add);
            } else {
                keys.stream().map(RowKey::display).sorted(Comparator.naturalOrder()).forEach(rows::add);
            }
        }
    }

    static void text(DeletePlan plan, PrintStream out) {
        if (plan.roots().isEmpty()) {
            out.println("Dangling values of: " + String.join(", ", plan.repairs().stream().map(r -> r.label()).toList()));
        } else {
            out.println("Roots: " + String.join(", ", plan.roots().stream().map(r -> r.table() + " " + TerminalText.safe(r.uid())).toList()));
        }
        if (plan.isEmpty()) {
            out.println("Nothing would change.");
            return;
        }
        if (!plan.deleted().isEmpty()) {
            out.println();
            out.println("Will be deleted:");
            for (DeletePlan.Effect e : plan.deleted()) {
                line(out, e);
            }
        }
        if (!plan.nulled().isEmpty()) {
            out.println();
            out.printf("Will be set to NULL: %,d value%s in %,d row%s%n", plan.nulledValueCount(),
                    plan.nulledValueCount() == 1 ? "" : "s", plan.nulledRowCount(), plan.nulledRowCount() == 1 ? "" : "s");
            for (DeletePlan.Effect e : plan.nulled()) {
                line(out, e);
            }
        }
        out.println();
        out.println(plan.summary() + ".");
    }

    private static void line(PrintStream out, DeletePlan.Effect e) {
        String via = String.join("; ", e.routes().stream().map(r -> r.route().describe()).toList());
        out.printf("  %,9d  %-28s %s%n", e.count(), e.label(), via.isEmpty() ? "" : "via " + via);
    }
}
