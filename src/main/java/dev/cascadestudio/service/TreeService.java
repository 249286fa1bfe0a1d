package dev.cascadestudio.service;

import dev.cascadestudio.cascade.CascadeGraph;
import dev.cascadestudio.domain.ForeignKeyRule;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.SqlNames;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The browse tree: User → Projects and Sessions; Project → its seven kinds of children;
 * Workflow → Schedules, Runs, Sessions, Deployments; Schedule → Runs; Model → the Deployments
 * serving it. The groups come from the cascade graph's edges, so the tree and the cascade rules
 * never disagree. Rows whose owner or parent is gone sit under "Unowned", in one group per kind.
 */
public final class TreeService {

    /** The order of groups under a row, and of the groups under "Unowned". */
    static final List<String> KIND_ORDER = List.of("user", "project", "data_source", "dataset", "model", "prompt",
            "document", "workflow", "schedule", "run", "session", "deployment");

    /**
     * Where a row of each table sits, best parent first: a run under its schedule if that still
     * exists, else under its workflow. The last parent's group under "Unowned" takes rows that have
     * none of them. Tables not listed sit under their project.
     */
    private static final Map<String, List<String>> PLACEMENT = Map.of(
            "project", List.of("user"),
            "session", List.of("user"),
            "schedule", List.of("workflow"),
            "run", List.of("schedule", "workflow"));

    private final Database database;
    private final CascadeGraph graph;
    private final GroupSql sql;

    public TreeService(Database database, CascadeGraph graph) {
        this.database = database;
        this.graph = graph;
        this.sql = new GroupSql(database.sqlNames(), graph);
    }

    /** The groups of children under a row of {@code table}, in the tree's order. */
    public List<ForeignKeyRule> childGroups(String table) {
        return graph.outgoing(table).stream()
                .filter(e -> !e.isLabelRule())
                .filter(e -> !e.isOwnerRule() || e.childTable().equals("project") || e.childTable().equals("session"))
                .sorted(Comparator.comparingInt(e -> KIND_ORDER.indexOf(e.childTable())))
                .toList();
    }

    /** Whether a row of {@code table} has groups under it (answered from the graph, without a query). */
    public boolean hasChildren(String table) {
        return !childGroups(table).isEmpty();
    }

    /** The groups under {@code row}, each with its number of rows. */
    public List<TreeGroup> groups(RowRef row) {
        List<ForeignKeyRule> rules = childGroups(row.table());
        return database.fromConnection(c -> {
            List<TreeGroup> groups = new ArrayList<>();
            for (ForeignKeyRule rule : rules) {
                groups.add(new TreeGroup(rule, row.uid(), sql.count(c, rule, row.uid())));
            }
            return groups;
        });
    }

    /** The groups under "Unowned" that hold rows: rows whose owner or parent is NULL or gone. */
    public List<TreeGroup> unownedGroups() {
        return database.fromConnection(c -> {
            List<TreeGroup> groups = new ArrayList<>();
            for (ForeignKeyRule rule : orphanRules()) {
                long count = sql.count(c, rule, null);
                if (count > 0) {
                    groups.add(new TreeGroup(rule, null, count));
                }
            }
            return groups;
        });
    }

    /** Rows of a group; {@code parentUid} null counts rows whose FK is NULL or dangling. */
    public long count(ForeignKeyRule group, String parentUid) {
        return database.fromConnection(c -> sql.count(c, group, parentUid));
    }

    /** A page of a group's rows by name; {@code parentUid} null lists rows whose FK is NULL or dangling. */
    public List<RowRef> rows(ForeignKeyRule group, String parentUid, int offset, int limit) {
        return database.fromConnection(c -> sql.rows(c, group, parentUid, offset, limit));
    }

    /**
     * A page of a group's rows as {@link #rows} reads it, each with the number of rows in the groups
     * under it. The counts come in the same statement as the page, so a page costs one query
     * however many rows it holds.
     */
    public List<CountedRow> countedRows(ForeignKeyRule group, String parentUid, int offset, int limit) {
        List<ForeignKeyRule> under = childGroups(group.childTable());
        return database.fromConnection(c -> sql.countedRows(c, group, parentUid, offset, limit, under));
    }

    public List<RowRef> users() {
        SqlNames n = database.sqlNames();
        return database.fromConnection(c -> {
            List<RowRef> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + n.quote("uid") + ", " + n.quote("name") + " FROM "
                    + n.quote("user") + " ORDER BY " + n.quote("name") + ", " + n.quote("uid"));
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rows.add(new RowRef("user", rs.getString(1), null, rs.getString(2)));
            }
            return rows;
        });
    }

    /**
     * The path from the top of the tree to {@code row}: its owner user (or "Unowned"), then each
     * group and row down to it, each row with its position in its group so a caller can load the
     * page that holds it. Empty when the row no longer exists.
     */
    public Optional<List<TreeStep>> locate(RowRef row) {
        return database.fromConnection(c -> new TreeLocator(c, database.sqlNames(), graph, sql, this).locate(row));
    }

    /** The tables a row of {@code table} may sit under, best first (empty for users: they are the top). */
    List<String> placement(String table) {
        if (table.equals("user")) {
            return List.of();
        }
        return PLACEMENT.getOrDefault(table, List.of("project"));
    }

    /** The tree's group from {@code parentTable} to {@code childTable}. */
    public ForeignKeyRule rule(String parentTable, String childTable) {
        return childGroups(parentTable).stream().filter(e -> e.childTable().equals(childTable)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No tree group " + parentTable + " → " + childTable));
    }

    /** For each table below the users, the group under "Unowned" that takes its rows without a live parent. */
    List<ForeignKeyRule> orphanRules() {
        List<ForeignKeyRule> rules = new ArrayList<>();
        for (String table : KIND_ORDER) {
            List<String> parents = placement(table);
            if (!parents.isEmpty()) {
                rules.add(rule(parents.get(parents.size() - 1), table));
            }
        }
        return rules;
    }
}
