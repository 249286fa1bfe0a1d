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
import java.util.stream.Collectors;

/**
 * The SQL of one tree group: its COUNT, a page of its rows, and a row's position in its order.
 * Rows are ordered by (name, uid, version) so that pages and positions agree; paging happens in the
 * database, so a group of 100,000 rows costs one page, never a full read.
 */
final class GroupSql {

    private final SqlNames n;
    private final CascadeGraph graph;

    GroupSql(SqlNames names, CascadeGraph graph) {
        this.n = names;
        this.graph = graph;
    }

    long count(Connection c, ForeignKeyRule group, String parentUid) throws SQLException {
        String sql = "SELECT COUNT(*) FROM " + from(group, parentUid) + " WHERE " + where(group, parentUid);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (parentUid != null) ps.setString(1, parentUid);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    List<RowRef> rows(Connection c, ForeignKeyRule group, String parentUid, int offset, int limit) throws SQLException {
        String child = group.childTable();
        String sql = "SELECT c." + n.quote("uid") + ", " + version("c", child) + ", c." + n.quote("name")
                + " FROM " + from(group, parentUid) + " WHERE " + where(group, parentUid)
                + " ORDER BY " + order("c", child) + " LIMIT " + limit + " OFFSET " + offset;
        List<RowRef> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (parentUid != null) ps.setString(1, parentUid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new RowRef(child, rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return rows;
    }

    /**
     * A page of the group's rows, each with the number of rows in the groups {@code under} it.
     * The page is cut first and the counts are taken for its rows only: counted in the paged
     * query's own select list, a database that sorts before it limits would count under every
     * row of the group. Each count is a lookup on an indexed foreign key column.
     */
    List<CountedRow> countedRows(Connection c, ForeignKeyRule group, String parentUid, int offset, int limit,
                                 List<ForeignKeyRule> under) throws SQLException {
        if (under.isEmpty()) {
            return rows(c, group, parentUid, offset, limit).stream().map(row -> new CountedRow(row, -1)).toList();
        }
        String child = group.childTable();
        List<String> referenced = under.stream().map(ForeignKeyRule::referencedColumn)
                .filter(column -> !column.equals("uid") && !column.equals("name")).distinct().toList();
        StringBuilder page = new StringBuilder("SELECT c." + n.quote("uid") + " AS " + n.quote("uid") + ", "
                + version("c", child) + " AS " + n.quote("version") + ", c." + n.quote("name") + " AS " + n.quote("name"));
        for (String column : referenced) {
            page.append(", c.").append(n.quote(column)).append(" AS ").append(n.quote(column));
        }
        page.append(" FROM ").append(from(group, parentUid)).append(" WHERE ").append(where(group, parentUid))
                .append(" ORDER BY ").append(order("c", child)).append(" LIMIT ").append(limit).append(" OFFSET ").append(offset);
        String counts = under.stream().map(rule -> "(SELECT COUNT(*) FROM " + n.quote(rule.childTable()) + " x WHERE x."
                + n.quote(rule.column()) + " = r." + n.quote(rule.referencedColumn()) + ")").collect(Collectors.joining(" + "));
        String sql = "SELECT r." + n.quote("uid") + ", r." + n.quote("version") + ", r." + n.quote("name") + ", " + counts
                + " FROM (" + page + ") r ORDER BY " + order("r", child);
        List<CountedRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (parentUid != null) ps.setString(1, parentUid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new CountedRow(new RowRef(child, rs.getString(1), rs.getString(2), rs.getString(3)), rs.getLong(4)));
                }
            }
        }
        return rows;
    }

    /** How many rows of the group come before {@code row} in the group's order. */
    long position(Connection c, ForeignKeyRule group, String parentUid, RowRef row) throws SQLException {
        String child = group.childTable();
        boolean versioned = graph.table(child).versioned();
        String name = "c." + n.quote("name");
        String uid = "c." + n.quote("uid");
        String before = "(" + name + " < ? OR (" + name + " = ? AND " + uid + " < ?)"
                + (versioned ? " OR (" + name + " = ? AND " + uid + " = ? AND c." + n.quote("version") + " < ?)" : "") + ")";
        String sql = "SELECT COUNT(*) FROM " + from(group, parentUid) + " WHERE " + where(group, parentUid) + " AND " + before;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (parentUid != null) ps.setString(i++, parentUid);
            ps.setString(i++, row.name());
            ps.setString(i++, row.name());
            ps.setString(i++, row.uid());
            if (versioned) {
                ps.setString(i++, row.name());
                ps.setString(i++, row.uid());
                ps.setString(i, row.version() == null ? "" : row.version());
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * The child table as {@code c}; for rows without a live parent, joined to the parent table as
     * {@code p}. A LEFT JOIN rather than NOT EXISTS: a controller's SQLite file has no index on
     * {@code uid} alone, and SQLite builds a temporary one for a join but scans the parent table
     * once per child row for the subquery (two seconds instead of a few milliseconds at 100,000 rows).
     * Rows without a match come out once, so counts and pages stay exact.
     */
    private String from(ForeignKeyRule group, String parentUid) {
        String child = n.quote(group.childTable()) + " c";
        if (parentUid != null) {
            return child;
        }
        return child + " LEFT JOIN " + n.quote(group.parentTable()) + " p ON p." + n.quote(group.referencedColumn())
                + " = c." + n.quote(group.column());
    }

    /** The group's rows: FK equal to the parameter, or (orphans) NULL or pointing at no row. */
    private String where(ForeignKeyRule group, String parentUid) {
        if (parentUid != null) {
            return "c." + n.quote(group.column()) + " = ?";
        }
        return "p." + n.quote(group.referencedColumn()) + " IS NULL";
    }

    String version(String alias, String table) {
        return graph.table(table).versioned() ? alias + "." + n.quote("version") : "NULL";
    }

    String order(String alias, String table) {
        return alias + "." + n.quote("name") + ", " + alias + "." + n.quote("uid")
                + (graph.table(table).versioned() ? ", " + alias + "." + n.quote("version") : "");
    }
}
