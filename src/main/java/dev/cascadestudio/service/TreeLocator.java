package dev.cascadestudio.service;

import dev.cascadestudio.cascade.CascadeGraph;
import dev.cascadestudio.domain.ForeignKeyRule;
import dev.cascadestudio.persistence.SqlNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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
        String reference;
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + n.quote(rule.column()) + " FROM "
                + n.quote(child.table()) + " WHERE " + key(child.table()))) {
            bindKey(ps, child);
            try (ResultSet rs = ps.executeQuery()) {
                reference = rs.next() ? rs.getString(1) : null;
            }
        }
        if (reference == null) {
            return null;
        }
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
