package dev.cascadestudio.cascade;

import dev.cascadestudio.domain.ForeignKeyRule;
import java.util.List;

/**
 * How rows are reached from the roots: a root table, then a chain of edges. The last edge of a
 * route to a nulled column is the SET NULL edge; every earlier edge is a DELETE edge.
 */
public record Route(String rootTable, List<ForeignKeyRule> edges) {

    public Route {
        edges = List.copyOf(edges);
    }

    public String endTable() {
        return edges.isEmpty() ? rootTable : edges.get(edges.size() - 1).childTable();
    }

    public Route then(ForeignKeyRule edge) {
        var next = new java.util.ArrayList<>(edges);
        next.add(edge);
        return new Route(rootTable, next);
    }

    /** For example {@code project → workflow → schedule → run.schedule_id}; a root reads "selected". */
    public String describe() {
        if (edges.isEmpty()) {
            return "selected " + rootTable;
        }
        StringBuilder s = new StringBuilder(rootTable);
        for (int i = 0; i < edges.size(); i++) {
            ForeignKeyRule e = edges.get(i);
            s.append(" → ").append(e.childTable());
            if (i == edges.size() - 1 && e.action() == ForeignKeyRule.Action.SET_NULL) {
                s.append('.').append(e.column());
            }
        }
        return s.toString();
    }
}
