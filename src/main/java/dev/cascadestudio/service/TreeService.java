package dev.cascadestudio.service;

import dev.cascadestudio.cascade.CascadeGraph;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.domain.ForeignKeyRule;
import dev.cascadestudio.persistence.SqlNames;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The browse tree: User → Projects and Sessions; Project → its seven kinds of children;
 * Workflow → Schedules, Runs, Sessions, Deployments; Schedule → Runs. The groups come from the
 * cascade graph's edges, so the tree and the cascade rules never disagree.
 */
public final class TreeService {

    private final Database database;
    private final CascadeGraph graph;

    public TreeService(Database database, CascadeGraph graph) {
        this.database = database;
        this.graph = graph;
    }

    /** A group of children under a row: the rows of {@code edge.childTable} whose FK points at it. */
    public List<ForeignKeyRule> childGroups(String table) {
        return graph.outgoing(table).stream()
                .filter(e -> !e.isLabelRule())
                .filter(e -> !e.isOwnerRule() || e.childTable().equals("project") || e.childTable().equals("session"))
                .toList();
    }

    public long count(ForeignKeyRule group, String parentUid) {
        SqlNames n = database.sqlNames();
        return database.fromConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + n.quote(group.childTable())
                    + " WHERE " + n.quote(group.column()) + " = ?")) {
                ps.setString(1, parentUid);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** A page of a group's rows by name; {@code parentUid} null lists rows whose FK is NULL or dangling. */
    public List<RowRef> rows(ForeignKeyRule group, String parentUid, int offset, int limit) {
        SqlNames n = database.sqlNames();
        String child = group.childTable();
        boolean versioned = graph.table(child).versioned();
        String where = parentUid != null ? n.quote(group.column()) + " = ?"
                : "(" + n.quote(group.column()) + " IS NULL OR NOT EXISTS (SELECT 1 FROM " + n.quote(group.parentTable())
                  + " p WHERE p." + n.quote(group.referencedColumn()) + " = " + n.quote(child) + "." + n.quote(group.column()) + "))";
        String sql = "SELECT " + n.quote("uid") + ", " + (versioned ? n.quote("version") : "NULL") + ", " + n.quote("name")
                + " FROM " + n.quote(child) + " WHERE " + where + " ORDER BY " + n.quote("name")
                + " LIMIT " + limit + " OFFSET " + offset;
        return database.fromConnection(c -> {
            List<RowRef> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (parentUid != null) ps.setString(1, parentUid);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) rows.add(new RowRef(child, rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return rows;
        });
    }

    public List<RowRef> users() {
        SqlNames n = database.sqlNames();
        return database.fromConnection(c -> {
            List<RowRef> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + n.quote("uid") + ", " + n.quote("name") + " FROM "
                    + n.quote("user") + " ORDER BY " + n.quote("name")); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rows.add(new RowRef("user", rs.getString(1), null, rs.getString(2)));
            }
            return rows;
        });
    }
}
