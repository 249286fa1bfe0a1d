package dev.cascadestudio.cascade;

import dev.cascadestudio.domain.ForeignKeyRule;
import java.util.List;

/**
 * How rows are reached from the roots: a root table, then a chain of edges. The last edge of a
 * route to a nulled column is the SET NULL edge; every earlier edge is a DELETE edge. A route
 * {@link #fromGone} starts at rows that are not there: its first edge's values name no row of
 * {@code rootTable} (a {@link Repair}).
 */
public record Route(String rootTable, List<ForeignKeyRule> edges, boolean fromGone) {

    public Route {
        edges = List.copyOf(edges);
        if (fromGone && (edges.isEmpty() || !edges.get(0).parentTable().equals(rootTable))) {
            throw new IllegalArgumentException("A route from gone rows starts with an edge from " + rootTable);
        }
    }

    public Route(String rootTable, List<ForeignKeyRule> edges) {
        this(rootTable, edges, false);
    }

    /** The rows whose {@code edge} column names no row of its parent table. */
    public static Route fromGone(ForeignKeyRule edge) {
        return new Route(edge.parentTable(), List.of(edge), true);
    }

    public String endTable() {
        return edges.isEmpty() ? rootTable : edges.get(edges.size() - 1).childTable();
    }

    public Route then(ForeignKeyRule edge) {
        var next = new java.util.ArrayList<>(edges);
        next.add(edge);
        return new Route(rootTable, next, fromGone);
    }

    /**
     * For example {@code project → workflow → schedule → run.schedule_id}; a root reads "selected", and a
     * route from gone rows {@code model (gone) → deployment.model_id}.
     */
    public String describe() {
        if (edges.isEmpty()) {
            return "selected " + rootTable;
        }
        StringBuilder s = new StringBuilder(rootTable + (fromGone ? " (gone)" : ""));
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
