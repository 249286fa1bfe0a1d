package dev.cascadestudio.diagram;

import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.domain.ForeignKeyRule;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A delete plan as the diagram shows it: rows deleted and values nulled per table, the root tables,
 * and the edges the plan travels along, each with the rows it reaches first along that edge.
 * An edge is on the path when it is part of a route that reaches rows, so an edge whose child rows
 * all go anyway (say {@code workflow → deployment.workflow_id} when the deployments are deleted
 * with their project) stays dark.
 */
public record PlanHighlight(Map<String, Long> deleted, Map<String, Long> nulled, Set<String> roots,
                            Map<ForeignKeyRule, Long> edges, String summary) {

    public PlanHighlight {
        deleted = Map.copyOf(deleted);
        nulled = Map.copyOf(nulled);
        roots = Set.copyOf(roots);
        edges = Map.copyOf(edges);
    }

    public static PlanHighlight of(DeletePlan plan) {
        Map<String, Long> deleted = new LinkedHashMap<>();
        Map<String, Long> nulled = new LinkedHashMap<>();
        Map<ForeignKeyRule, Long> edges = new LinkedHashMap<>();
        collect(plan.deleted(), deleted, edges);
        collect(plan.nulled(), nulled, edges);
        Set<String> roots = new LinkedHashSet<>();
        plan.roots().stream().map(Root::table).forEach(roots::add);
        return new PlanHighlight(deleted, nulled, roots, edges, plan.summary());
    }

    private static void collect(List<DeletePlan.Effect> effects, Map<String, Long> perTable,
                                Map<ForeignKeyRule, Long> edges) {
        for (DeletePlan.Effect effect : effects) {
            if (effect.count() == 0) {
                continue;
            }
            perTable.merge(effect.table(), effect.count(), Long::sum);
            for (DeletePlan.RouteCount reached : effect.routes()) {
                List<ForeignKeyRule> route = reached.route().edges();
                for (int i = 0; i < route.size(); i++) {
                    long count = i == route.size() - 1 ? reached.count() : 0;
                    edges.merge(route.get(i), count, Long::sum);
                }
            }
        }
    }

    public long deletedFrom(String table) {
        return deleted.getOrDefault(table, 0L);
    }

    public long nulledIn(String table) {
        return nulled.getOrDefault(table, 0L);
    }

    public boolean touches(String table) {
        return deletedFrom(table) > 0 || nulledIn(table) > 0;
    }

    public boolean isOnPath(ForeignKeyRule edge) {
        return edges.containsKey(edge);
    }

    /** Rows reached first along {@code edge}: deleted for a DELETE edge, nulled for a SET NULL edge. */
    public long countAlong(ForeignKeyRule edge) {
        return edges.getOrDefault(edge, 0L);
    }
}
