package dev.cascadestudio.testsupport;

import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.cascade.RowKey;
import dev.cascadestudio.persistence.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An oracle for deletes, written from {@code spec/DATABASE_SCHEMA.md} alone: its per-table rules are
 * typed in below, on purpose a second time, and none of the engine's code, mapping or cascade graph
 * is used. It loads every row's key, name, references and (for labels) parent with plain JDBC and
 * works out in memory which rows deleting the roots removes and which references it sets to NULL.
 *
 * <p>Where the document contradicts itself (its matrix marks Run "DELETED*" when a Project goes) the
 * per-table rules win, as DESIGN.md says: a run is never deleted by a cascade, only its
 * {@code workflow_id} and {@code schedule_id} become NULL.
 */
public final class RulesModel {

    /** "Deleting a Project": these seven tables lose the rows whose {@code project_id} is the project's uid. */
    static final List<String> PROJECT_CHILDREN = List.of("data_source", "dataset", "model", "prompt", "document",
            "workflow", "deployment");

    /** Every table with an {@code owner_id} ("Deleting a User: all tables with owner_id → NULL"). */
    static final List<String> OWNED = List.of("project", "data_source", "dataset", "model", "prompt", "document",
            "workflow", "session", "deployment", "schedule", "run");

    /** The reference columns of each table, from the document's per-table column lists. */
    static final Map<String, List<String>> REFERENCES = Map.ofEntries(
            Map.entry("user", List.of()),
            Map.entry("project", List.of("owner_id")),
            Map.entry("data_source", List.of("project_id", "owner_id")),
            Map.entry("dataset", List.of("project_id", "owner_id")),
            Map.entry("model", List.of("project_id", "owner_id")),
            Map.entry("prompt", List.of("project_id", "owner_id")),
            Map.entry("document", List.of("project_id", "owner_id")),
            Map.entry("workflow", List.of("project_id", "owner_id")),
            Map.entry("session", List.of("workflow_id", "owner_id")),
            Map.entry("deployment", List.of("project_id", "workflow_id", "model_id", "owner_id")),
            Map.entry("schedule", List.of("workflow_id", "owner_id")),
            Map.entry("run", List.of("workflow_id", "schedule_id", "owner_id")));

    /** Deleting a row of {@code parent} deletes the rows of {@code child} whose {@code column} is its uid. */
    record DeleteRule(String parent, String child, String column) {}

    /** Deleting a row of {@code parent} sets {@code child.column} to NULL where it held its uid. */
    record NullRule(String parent, String child, String column) {}

    static final List<DeleteRule> DELETE_RULES;
    static final List<NullRule> NULL_RULES;

    static {
        List<DeleteRule> deletes = new ArrayList<>();
        PROJECT_CHILDREN.forEach(t -> deletes.add(new DeleteRule("project", t, "project_id")));
        deletes.add(new DeleteRule("workflow", "schedule", "workflow_id"));
        DELETE_RULES = List.copyOf(deletes);
        List<NullRule> nulls = new ArrayList<>();
        OWNED.forEach(t -> nulls.add(new NullRule("user", t, "owner_id")));
        nulls.add(new NullRule("workflow", "run", "workflow_id"));
        nulls.add(new NullRule("workflow", "deployment", "workflow_id"));
        nulls.add(new NullRule("workflow", "session", "workflow_id"));
        nulls.add(new NullRule("model", "deployment", "model_id"));
        nulls.add(new NullRule("schedule", "run", "schedule_id"));
        NULL_RULES = List.copyOf(nulls);
    }

    /** One reference set to NULL: the row and its column. */
    public record Nulled(RowKey row, String column) implements Comparable<Nulled> {
        @Override
        public int compareTo(Nulled o) {
            int c = row.compareTo(o.row);
            return c != 0 ? c : column.compareTo(o.column);
        }

        @Override
        public String toString() {
            return row.table() + "." + column + "@" + row.display();
        }
    }

    /** What a delete does: the rows it removes (labels included) and the references it sets to NULL. */
    public record Expectation(SortedSet<RowKey> deleted, SortedSet<Nulled> nulled) {
        public Expectation {
            deleted = Collections.unmodifiableSortedSet(new TreeSet<>(deleted));
            nulled = Collections.unmodifiableSortedSet(new TreeSet<>(nulled));
        }
    }

    private record ModelRow(RowKey key, String name, Map<String, String> references) {}

    private record ModelLabel(RowKey key, String parent) {}

    private final Map<String, List<ModelRow>> rows;
    private final Map<String, List<ModelLabel>> labels;

    private RulesModel(Map<String, List<ModelRow>> rows, Map<String, List<ModelLabel>> labels) {
        this.rows = rows;
        this.labels = labels;
    }

    /** Reads every row of the twelve tables and their label tables. */
    public static RulesModel load(Database database) {
        return database.fromConnection(RulesModel::load);
    }

    private static RulesModel load(Connection connection) throws SQLException {
        Map<String, List<ModelRow>> rows = new LinkedHashMap<>();
        Map<String, List<ModelLabel>> labels = new LinkedHashMap<>();
        String q = connection.getMetaData().getIdentifierQuoteString(); // " or MariaDB's `
        for (String table : REFERENCES.keySet()) {
            boolean versioned = !table.equals("user");
            List<String> refs = REFERENCES.get(table);
            StringBuilder sql = new StringBuilder("SELECT " + q + "uid" + q + ", " + q + "name" + q)
                    .append(versioned ? ", " + q + "version" + q : "");
            refs.forEach(r -> sql.append(", ").append(q).append(r).append(q));
            sql.append(" FROM ").append(q).append(table).append(q);
            List<ModelRow> list = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(sql.toString()); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, String> values = new HashMap<>();
                    int first = versioned ? 4 : 3;
                    for (int i = 0; i < refs.size(); i++) {
                        values.put(refs.get(i), rs.getString(first + i));
                    }
                    list.add(new ModelRow(new RowKey(table, rs.getString(1), versioned ? rs.getString(3) : null),
                            rs.getString(2), values));
                }
            }
            rows.put(table, list);
            List<ModelLabel> labelList = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT " + q + "uid" + q + ", "
                    + q + "parent" + q + " FROM " + q + table + "_labels" + q);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    labelList.add(new ModelLabel(new RowKey(table + "_labels", String.valueOf(rs.getLong(1)), null), rs.getString(2)));
                }
            }
            labels.put(table, labelList);
        }
        return new RulesModel(rows, labels);
    }

    /** What deleting every version of each root's uid does, by the document's rules. */
    public Expectation delete(List<Root> roots) {
        Set<RowKey> deleted = new HashSet<>();
        Map<String, Set<String>> deletedUids = new HashMap<>();
        Map<String, Set<String>> deletedNames = new HashMap<>();
        for (Root root : roots) {
            for (ModelRow row : rows.get(root.table())) {
                if (row.key().uid().equals(root.uid())) {
                    remove(row, deleted, deletedUids, deletedNames);
                }
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (DeleteRule rule : DELETE_RULES) {
                Set<String> gone = deletedUids.getOrDefault(rule.parent(), Set.of());
                for (ModelRow row : rows.get(rule.child())) {
                    String ref = row.references().get(rule.column());
                    if (ref != null && gone.contains(ref) && !deleted.contains(row.key())) {
                        remove(row, deleted, deletedUids, deletedNames);
                        changed = true;
                    }
                }
            }
        }
        // "Labels are automatically deleted when their parent entity is deleted": parent = the row's
        // name, byte for byte, in that table's own labels only
        for (Map.Entry<String, List<ModelLabel>> entry : labels.entrySet()) {
            Set<String> names = deletedNames.getOrDefault(entry.getKey(), Set.of());
            for (ModelLabel label : entry.getValue()) {
                if (label.parent() != null && names.contains(label.parent())) {
                    deleted.add(label.key());
                }
            }
        }
        Set<Nulled> nulled = new HashSet<>();
        for (NullRule rule : NULL_RULES) {
            Set<String> gone = deletedUids.getOrDefault(rule.parent(), Set.of());
            for (ModelRow row : rows.get(rule.child())) {
                String ref = row.references().get(rule.column());
                // a row deleted anyway keeps its values until it goes: nothing is set to NULL in it
                if (ref != null && gone.contains(ref) && !deleted.contains(row.key())) {
                    nulled.add(new Nulled(row.key(), rule.column()));
                }
            }
        }
        return new Expectation(new TreeSet<>(deleted), new TreeSet<>(nulled));
    }

    private static void remove(ModelRow row, Set<RowKey> deleted, Map<String, Set<String>> deletedUids,
                               Map<String, Set<String>> deletedNames) {
        deleted.add(row.key());
        deletedUids.computeIfAbsent(row.key().table(), t -> new HashSet<>()).add(row.key().uid());
        deletedNames.computeIfAbsent(row.key().table(), t -> new HashSet<>()).add(Objects.requireNonNull(row.name()));
    }
}
