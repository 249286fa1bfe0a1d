package dev.cascadestudio.ui.delete;

import dev.cascadestudio.ui.Counts;
import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.Route;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One line of the summary: a table (or {@code table.column}), how many of its rows change, and how
 * the delete reaches them ({@code via}: the route of most rows, up to the table; {@code routes}: every
 * route in full, with its count).
 */
record SummaryLine(String label, long count, String via, String routes) {

    static List<SummaryLine> deleted(DeletePlan plan) {
        return lines(plan.deleted());
    }

    static List<SummaryLine> nulled(DeletePlan plan) {
        return lines(plan.nulled());
    }

    private static List<SummaryLine> lines(List<DeletePlan.Effect> effects) {
        return effects.stream().filter(e -> e.count() > 0).map(SummaryLine::of).toList();
    }

    static SummaryLine of(DeletePlan.Effect effect) {
        List<DeletePlan.RouteCount> byCount = effect.routes().stream()
                .sorted(Comparator.comparingLong(DeletePlan.RouteCount::count).reversed()).toList();
        String via = byCount.isEmpty() ? "" : via(byCount.get(0).route());
        if (byCount.size() > 1) {
            via += "  (+" + (byCount.size() - 1) + " more " + (byCount.size() == 2 ? "path" : "paths") + ")";
        }
        String routes = byCount.stream()
                .map(r -> r.route().describe() + ": " + Counts.of(r.count(), "row"))
                .collect(Collectors.joining("\n"));
        return new SummaryLine(effect.label(), effect.count(), via, routes);
    }

    /**
     * The route up to the affected table, which the line names already: "via project → workflow"; from rows that
     * are not there (a repair of dangling values): "user gone".
     */
    static String via(Route route) {
        if (route.edges().isEmpty()) {
            return "selected";
        }
        if (route.fromGone() && route.edges().size() == 1) {
            return route.rootTable() + " gone";
        }
        StringBuilder s = new StringBuilder("via ").append(route.rootTable()).append(route.fromGone() ? " (gone)" : "");
        for (int i = 0; i < route.edges().size() - 1; i++) {
            s.append(" → ").append(route.edges().get(i).childTable());
        }
        return s.toString();
    }
}
