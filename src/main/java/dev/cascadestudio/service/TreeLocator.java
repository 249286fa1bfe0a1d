package dev.cascadestudio.service;

import dev.cascadestudio.cascade.CascadeGraph;
import dev.cascadestudio.domain.ForeignKeyRule;
import dev.cascadestudio.persistence.SqlNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds where a row sits in the tree, on one connection: climbs from the row to its best live
 * parent (see {@link TreeService#placement}), and from there to the top, then notes each row's
 * position in its group.
 */
final class TreeLocator {

    private final Connection connection;
    private final SqlNames n;
    private final CascadeGraph graph;
    private final GroupSql sql;
    private final TreeService tree;
    /** Parents already read, by rule and reference: search results often share them. */
    private final Map<String, Optional<RowRef>> parents = new HashMap<>();

    TreeLocator(Connection connection, SqlNames names, CascadeGraph graph, GroupSql sql, TreeService tree) {
        this.connection = connection;
        this.n = names;
        this.graph = graph;
        this.sql = sql;
        this.tree = tree;
    }

    Optional<List<TreeStep>> locate(RowRef wanted) throws SQLException {
        RowRef row = read(wanted.table(), wanted.uid(), wanted.version());
        return row == null ? Optional.empty() : Optional.of(path(row));
    }

    /**
     * Where {@code row} sits, without the positions {@link #locate} works out: its live owners from
     * the top (a user first) down to its parent, or {@link Placement#unowned} when its chain ends
     * under "Unowned" (the owners then hold the live part of it, nearest last).
     */
    Placement placement(RowRef row) throws SQLException {
        List<RowRef> owners = new ArrayList<>();
        RowRef current = row;
        while (true) {
            List<String> parentTables = tree.placement(current.table());
            if (parentTables.isEmpty()) {
                return new Placement(row, top(owners), false);
            }
            RowRef parent = null;
            for (String parentTable : parentTables) {
                parent = cachedParent(tree.rule(parentTable, current.table()), current);
                if (parent != null) {
                    break;
                }
            }
            if (parent == null) {
                return new Placement(row, top(owners), true);
            }
            owners.add(parent);
            current = parent;
        }
    }

    private static List<RowRef> top(List<RowRef> nearestFirst) {
        List<RowRef> owners = new ArrayList<>(nearestFirst);
        Collections.reverse(owners);
        return List.copyOf(owners);
    }

    private RowRef cachedParent(ForeignKeyRule rule, RowRef child) throws SQLException {
        String reference = reference(rule, child);
        if (reference == null) {
            return null;
        }
        String key = rule.parentTable() + '\0' + rule.referencedColumn() + '\0' + reference;
        Optional<RowRef> known = parents.get(key);
        if (known == null) {
            known = Optional.ofNullable(parentBy(rule, reference));
            parents.put(key, known);
        }
        return known.orElse(null);
    }

    private List<TreeStep> path(RowRef row) throws SQLException {
        List<String> parents = tree.placement(row.table());
        if (parents.isEmpty()) {
            List<TreeStep> top = new ArrayList<>();
            top.add(new TreeStep.UserStep(row));
            return top;
        }
        for (String parentTable : parents) {
            ForeignKeyRule rule = tree.rule(parentTable, row.table());
            RowRef parent = liveParent(rule, row);
            if (parent != null) {
                List<TreeStep> path = path(parent);
                path.add(new TreeStep.GroupStep(rule, parent.uid()));
                path.add(new TreeStep.RowStep(row, sql.position(connection, rule, parent.uid(), row)));
                return path;
            }
        }
        ForeignKeyRule orphans = tree.rule(parents.get(parents.size() - 1), row.table());
        List<TreeStep> path = new ArrayList<>();
        path.add(new TreeStep.UnownedStep());
        path.add(new TreeStep.GroupStep(orphans, null));
        path.add(new TreeStep.RowStep(row, sql.position(connection, orphans, null, row)));
        return path;
    }

    /** The row the child's foreign key points at (its first version), or null if NULL or dangling. */
    private RowRef liveParent(ForeignKeyRule rule, RowRef child) throws SQLException {
        String reference = reference(rule, child);
        return reference == null ? null : parentBy(rule, reference);
    }

    /** The value of the child's foreign key of {@code rule}, or null. */
    private String reference(ForeignKeyRule rule, RowRef child) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + n.quote(rule.column()) + " FROM "
                + n.quote(child.table()) + " WHERE " + key(child.table()))) {
            bindKey(ps, child);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The first version of the parent row that {@code reference} names, or null if there is none. */
    private RowRef parentBy(ForeignKeyRule rule, String reference) throws SQLException {
        String parent = rule.parentTable();
        try (PreparedStatement ps = connection.prepareStatement("SELECT p." + n.quote("uid") + ", " + sql.version("p", parent)
                + ", p." + n.quote("name") + " FROM " + n.quote(parent) + " p WHERE p." + n.quote(rule.referencedColumn())
                + " = ? ORDER BY " + sql.order("p", parent))) {
            ps.setMaxRows(1);
            ps.setString(1, reference);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new RowRef(parent, rs.getString(1), rs.getString(2), rs.getString(3)) : null;
            }
        }
    }

    /** The row as it is now (its name may have changed since the caller saw it), or null if gone. */
    private RowRef read(String table, String uid, String version) throws SQLException {
        RowRef key = new RowRef(table, uid, version, null);
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + n.quote("name") + " FROM "
                + n.quote(table) + " WHERE " + key(table))) {
            bindKey(ps, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new RowRef(table, uid, graph.table(table).versioned() ? version : null, rs.getString(1)) : null;
            }
        }
    }

    private String key(String table) {
        return n.quote("uid") + " = ?" + (graph.table(table).versioned() ? " AND " + n.quote("version") + " = ?" : "");
    }

    private void bindKey(PreparedStatement ps, RowRef row) throws SQLException {
        ps.setString(1, row.uid());
        if (graph.table(row.table()).versioned()) {
            ps.setString(2, row.version() == null ? "" : row.version());
        }
    }
}
