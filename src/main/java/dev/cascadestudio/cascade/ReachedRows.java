package dev.cascadestudio.cascade;

import dev.cascadestudio.domain.ForeignKeyRule;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.DatabaseProduct;
import dev.cascadestudio.persistence.TableInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The rows a plan reaches, as a tree read a little at a time: the roots, then for one parent row and
 * one edge the number of children the plan deletes or nulls through that edge and a page of them.
 * Every condition is the planner's own ({@link PlanQueries#reachedThrough}), so the children of all
 * the parents of a table add up to the plan's count for it; a row two edges reach is drawn under the
 * first. Never reads more than a page of rows; counts per parent are one {@code GROUP BY} per edge.
 */
public final class ReachedRows {

    /**
     * One row of the tree.
     *
     * @param via    the edge it was reached through (null for a root)
     * @param nulled whether the delete sets its {@code via} column to NULL (the row stays); else it is deleted
     */
    public record Row(RowKey key, String name, ForeignKeyRule via, boolean nulled) {
        /** The value children's {@code edge.column} hold for this row: its uid or its name. */
        public String valueFor(ForeignKeyRule edge) {
            return switch (edge.referencedColumn()) {
                case "uid" -> key.uid();
                case "name" -> name;
                default -> throw new IllegalArgumentException("A foreign key to " + edge.parentTable() + "."
                        + edge.referencedColumn() + " is neither by uid nor by name.");
            };
        }
    }

    /** One parent row's children through one edge: how many, and the page read. */
    public record Group(ForeignKeyRule edge, String parentValue, long count, int offset, List<Row> rows) {
        public Group {
            rows = List.copyOf(rows);
        }
    }

    private final Database database;
    private final CascadeGraph graph;
    private final DeletePlan plan;
    private final PlanQueries queries;

    public ReachedRows(Database database, CascadeGraph graph, DeletePlan plan) {
        this.database = database;
        this.graph = graph;
        this.plan = plan;
        this.queries = new PlanQueries(graph, database.sqlNames(), DatabaseProduct.of(database.kind()), plan.roots(), plan.repairs());
    }

    public DeletePlan plan() {
        return plan;
    }

    /** The rows chosen for deletion, by table in the plan's order, then by key. */
    public List<Row> roots() {
        Map<String, List<String>> byTable = new LinkedHashMap<>();
        plan.roots().forEach(r -> byTable.computeIfAbsent(r.table(), t -> queries.rootUids(t)));
        return database.fromConnection(connection -> {
            List<Row> rows = new ArrayList<>();
            for (Map.Entry<String, List<String>> e : byTable.entrySet()) {
                rows.addAll(select(connection, e.getKey(), null, queries.uidIn(e.getValue()), 0, Integer.MAX_VALUE));
            }
            return rows;
        });
    }

    /**
     * The edges from {@code table} along which the plan deletes or nulls rows: DELETE edges to a table
     * that loses rows, SET NULL edges whose column the plan nulls. In the graph's order.
     */
    public List<ForeignKeyRule> edgesFrom(String table) {
        if (plan.deletedFrom(table) == null) {
            return List.of();
        }
        return graph.outgoing(table).stream().filter(this::affects).toList();
    }

    private boolean affects(ForeignKeyRule edge) {
        return edge.action() == ForeignKeyRule.Action.DELETE ? plan.deletedFrom(edge.childTable()) != null
                : plan.nulledIn(edge.childTable(), edge.column()) != null;
    }

    /**
     * How many children each of {@code parentValues} has through {@code edge}, in one {@code GROUP BY}
     * on the edge's column; a value without children maps to 0.
     */
    public Map<String, Long> counts(ForeignKeyRule edge, Collection<String> parentValues) {
        List<String> values = new ArrayList<>(new LinkedHashSet<>(parentValues.stream().filter(v -> v != null).toList()));
        Map<String, Long> counts = new LinkedHashMap<>();
        parentValues.forEach(v -> counts.put(v, 0L));
        Sql reached = queries.reachedThrough(edge);
        if (values.isEmpty() || reached == null) {
            return counts;
        }
        String column = queries.q(edge.column());
        return database.fromConnection(connection -> {
            Sql sql = Sql.of("SELECT " + column + ", COUNT(*) FROM " + queries.q(edge.childTable()) + " WHERE ")
                    .append(queries.columnIn(edge.column(), values)).append(" AND ").append(reached)
                    .append(" GROUP BY " + column);
            List<String> unmatched = new ArrayList<>(values);
            try (PreparedStatement ps = connection.prepareStatement(sql.text())) {
                sql.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String value = rs.getString(1);
                        if (counts.containsKey(value)) {
                            counts.put(value, rs.getLong(2));
                            unmatched.remove(value);
                        }
                    }
                }
            }
            // a database that compares text loosely may group under another spelling: count those one by one
            for (String value : unmatched) {
                counts.put(value, count(connection, edge, value, reached));
            }
            return counts;
        });
    }

    /** One parent's children through {@code edge}: their number, and up to {@code limit} of them from {@code offset}, by key. */
    public Group group(ForeignKeyRule edge, String parentValue, int offset, int limit) {
        Sql reached = queries.reachedThrough(edge);
        if (parentValue == null || reached == null) {
            return new Group(edge, parentValue, 0, offset, List.of());
        }
        return database.fromConnection(connection -> {
            long count = count(connection, edge, parentValue, reached);
            List<Row> rows = limit <= 0 ? List.of()
                    : select(connection, edge.childTable(), edge, byParent(edge, parentValue, reached), offset, limit);
            return new Group(edge, parentValue, count, offset, rows);
        });
    }

    private Sql byParent(ForeignKeyRule edge, String parentValue, Sql reached) {
        return Sql.of(queries.q(edge.column()) + " = ?", parentValue).append(" AND ").append(reached);
    }

    private long count(Connection connection, ForeignKeyRule edge, String parentValue, Sql reached) throws SQLException {
        Sql sql = Sql.of("SELECT COUNT(*) FROM " + queries.q(edge.childTable()) + " WHERE ")
                .append(byParent(edge, parentValue, reached));
        try (PreparedStatement ps = connection.prepareStatement(sql.text())) {
            sql.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private List<Row> select(Connection connection, String table, ForeignKeyRule via, Sql condition, int offset, int limit)
            throws SQLException {
        TableInfo info = graph.table(table);
        Sql sql = Sql.of("SELECT " + queries.keyColumns(table) + ", " + queries.q("name") + " FROM " + queries.q(table)
                        + " WHERE ").append(condition)
                .append(" ORDER BY " + queries.keyColumns(table) + " LIMIT " + Math.max(0, limit) + " OFFSET " + Math.max(0, offset));
        boolean nulled = via != null && via.action() == ForeignKeyRule.Action.SET_NULL;
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql.text())) {
            sql.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    RowKey key = new RowKey(table, rs.getString(1), info.versioned() ? rs.getString(2) : null);
                    rows.add(new Row(key, rs.getString(info.versioned() ? 3 : 2), via, nulled));
                }
            }
        }
        return rows;
    }
}
