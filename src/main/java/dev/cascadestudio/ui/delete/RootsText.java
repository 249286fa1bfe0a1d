package dev.cascadestudio.ui.delete;

import dev.cascadestudio.service.DisplayNames;
import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.Repair;
import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.ui.Counts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How the dialog names what was selected: "Delete project “x”?" or "Delete 2 projects and 1 user?". */
final class RootsText {

    private static final int NAMES_SHOWN = 4;

    private RootsText() {}

    /** @param names the roots' names in order, or null before they are known */
    static String title(List<Root> roots, List<String> names) {
        if (roots.size() == 1) {
            String name = names == null ? null : names.get(0);
            String kind = kind(roots.get(0).table());
            return name == null ? "Delete this " + kind + "?" : "Delete " + kind + " “" + DisplayNames.of(name) + "”?";
        }
        Map<String, Integer> perTable = new LinkedHashMap<>();
        roots.forEach(root -> perTable.merge(kind(root.table()), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        perTable.forEach((kind, n) -> parts.add(n + " " + kind + (n == 1 ? "" : "s")));
        return "Delete " + joined(parts) + "?";
    }

    /** @param names the roots' names in order, or null before they are known */
    static String subtitle(List<Root> roots, List<String> names) {
        if (roots.size() == 1) {
            return "uid " + roots.get(0).uid();
        }
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < roots.size() && shown.size() < NAMES_SHOWN; i++) {
            String name = names == null ? null : names.get(i);
            shown.add(name == null ? roots.get(i).table() + " " + roots.get(i).uid() : DisplayNames.of(name));
        }
        if (roots.size() > NAMES_SHOWN) {
            shown.add((roots.size() - NAMES_SHOWN) + " more");
        }
        return joined(shown);
    }

    /**
     * How the dialog names a repair of dangling values: before the plan is known "Repair dangling run.workflow_id?";
     * then by what it does: "Set 3 dangling values to NULL?", "Delete 4 labels without a parent?", or its summary.
     *
     * @param plan the plan, or null before it is known
     */
    static String repairTitle(List<Repair> repairs, DeletePlan plan) {
        if (plan == null || plan.isEmpty()) {
            return repairs.size() == 1 ? "Repair dangling " + repairs.get(0).label() + "?" : "Repair " + repairs.size() + " dangling columns?";
        }
        if (plan.deletedCount() == 0) {
            return "Set " + Counts.of(plan.nulledValueCount(), "dangling value") + " to NULL?";
        }
        // rows reached only from labels' missing parents: labels, which have no children of their own
        boolean labelsOnly = plan.nulledValueCount() == 0 && plan.deleted().stream().flatMap(e -> e.routes().stream())
                .allMatch(r -> r.route().fromGone() && r.route().edges().size() == 1 && r.route().edges().get(0).isLabelRule());
        return labelsOnly ? "Delete " + Counts.of(plan.deletedCount(), "label") + " without a parent?" : plan.summary() + "?";
    }

    /** The columns a repair takes on: "Values that name no row, in run.workflow_id, project.owner_id and 9 more columns". */
    static String repairSubtitle(List<Repair> repairs) {
        int namesShown = 2; // the subtitle is one line of monospace
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < repairs.size() && shown.size() < namesShown; i++) {
            shown.add(repairs.get(i).label());
        }
        if (repairs.size() > namesShown) {
            shown.add((repairs.size() - namesShown) + " more columns");
        }
        return "Values that name no row, in " + joined(shown);
    }

    /** "data_source" reads "data source". */
    static String kind(String table) {
        return table.replace('_', ' ');
    }

    private static String joined(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
