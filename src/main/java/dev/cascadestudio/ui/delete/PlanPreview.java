package dev.cascadestudio.ui.delete;

import dev.cascadestudio.cascade.AffectedRow;
import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.Root;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A plan with the names of its roots, which the dialog shows in its title and asks the
 * administrator to type. A root's name is {@code null} when the row no longer exists. For a repair,
 * {@code undoCannotPutBack} names the columns whose dangling values Undo could not put back.
 */
record PlanPreview(DeletePlan plan, List<String> rootNames, List<String> undoCannotPutBack) {

    PlanPreview(DeletePlan plan, List<String> rootNames) {
        this(plan, rootNames, List.of());
    }

    /** How many of a root table's deleted rows are read at most while looking for the roots' names. */
    private static final int NAME_SCAN_LIMIT = 20_000;
    private static final int NAME_PAGE = 1_000;

    PlanPreview {
        rootNames = java.util.Collections.unmodifiableList(new ArrayList<>(rootNames));
        undoCannotPutBack = List.copyOf(undoCannotPutBack);
    }

    /** Plans the delete and reads the roots' names. Blocks on the database: background work only. */
    static PlanPreview load(DeleteOperations operations, List<Root> roots) {
        return withNames(operations, operations.plan(roots));
    }

    /** Plans the delete of {@code roots}, or with none the repair of {@code repairs}, and reads the roots' names. */
    static PlanPreview load(DeleteOperations operations, List<Root> roots, List<dev.cascadestudio.cascade.Repair> repairs) {
        if (!roots.isEmpty()) {
            return withNames(operations, operations.plan(roots));
        }
        DeletePlan plan = operations.planRepair(repairs);
        return new PlanPreview(plan, List.of(), operations.undoCannotPutBack(plan));
    }

    /** The roots' names from the plan's own rows, so no other service is needed. */
    static PlanPreview withNames(DeleteOperations operations, DeletePlan plan) {
        Map<Root, String> names = new HashMap<>();
        for (String table : plan.roots().stream().map(Root::table).distinct().toList()) {
            DeletePlan.Effect effect = plan.deletedFrom(table);
            if (effect == null) {
                continue;
            }
            Set<String> missing = new HashSet<>();
            plan.roots().stream().filter(r -> r.table().equals(table)).forEach(r -> missing.add(r.uid()));
            long scanned = Math.min(effect.count(), NAME_SCAN_LIMIT);
            for (int offset = 0; offset < scanned && !missing.isEmpty(); offset += NAME_PAGE) {
                for (AffectedRow row : operations.page(plan, effect, offset, NAME_PAGE)) {
                    if (missing.remove(row.key().uid())) {
                        names.put(new Root(table, row.key().uid()), row.name());
                    }
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        plan.roots().forEach(root -> ordered.add(names.get(root)));
        return new PlanPreview(plan, ordered);
    }

    /** The same roots' names with a newer plan (the names of rows do not change a plan). */
    PlanPreview withPlan(DeletePlan newer) {
        return new PlanPreview(newer, rootNames, undoCannotPutBack);
    }
}
