package dev.cascadestudio.testsupport;

import dev.cascadestudio.cascade.RowKey;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.MappedTables;
import dev.cascadestudio.persistence.SqlValues;
import dev.cascadestudio.persistence.TableInfo;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** Every row of every table by key, all columns: taken before and after a delete, it shows what changed. */
public final class DatabaseState {

    private final SortedMap<RowKey, Map<String, Object>> rows;

    private DatabaseState(SortedMap<RowKey, Map<String, Object>> rows) {
        this.rows = rows;
    }

    public static DatabaseState read(Database database) {
        SqlValues values = new SqlValues(database.kind());
        return database.fromConnection(c -> {
            SortedMap<RowKey, Map<String, Object>> rows = new TreeMap<>();
            for (TableInfo table : MappedTables.all()) {
                String cols = String.join(", ", table.columns().stream().map(col -> database.sqlNames().quote(col.name())).toList());
                try (PreparedStatement ps = c.prepareStatement("SELECT " + cols + " FROM " + database.sqlNames().quote(table.name()));
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int i = 0; i < table.columns().size(); i++) {
                            row.put(table.columns().get(i).name(), values.read(rs, i + 1, table.columns().get(i).kind()));
                        }
                        RowKey key = new RowKey(table.name(), String.valueOf(row.get("uid")),
                                table.versioned() ? (String) row.get("version") : null);
                        if (rows.put(key, row) != null) {
                            throw new IllegalStateException("two rows with key " + key);
                        }
                    }
                }
            }
            return new DatabaseState(rows);
        });
    }

    public int size() {
        return rows.size();
    }

    /** What happened between {@code this} and {@code after}, split into what a delete may do and anything else. */
    public Diff diff(DatabaseState after) {
        SortedSet<RowKey> deleted = new TreeSet<>();
        SortedSet<RulesModel.Nulled> nulled = new TreeSet<>();
        List<String> other = new ArrayList<>();
        for (Map.Entry<RowKey, Map<String, Object>> e : rows.entrySet()) {
            Map<String, Object> now = after.rows.get(e.getKey());
            if (now == null) {
                deleted.add(e.getKey());
                continue;
            }
            for (Map.Entry<String, Object> col : e.getValue().entrySet()) {
                Object was = col.getValue();
                Object is = now.get(col.getKey());
                if (Objects.equals(was, is)) {
                    continue;
                }
                if (is == null) {
                    nulled.add(new RulesModel.Nulled(e.getKey(), col.getKey()));
                } else {
                    other.add(e.getKey() + "." + col.getKey() + ": " + was + " -> " + is);
                }
            }
        }
        for (RowKey key : after.rows.keySet()) {
            if (!rows.containsKey(key)) {
                other.add(key + " appeared");
            }
        }
        return new Diff(deleted, nulled, other);
    }

    /** Rows gone, values that became NULL, and every other change (which a delete must never make). */
    public record Diff(SortedSet<RowKey> deleted, SortedSet<RulesModel.Nulled> nulled, List<String> otherChanges) {
        public Diff {
            deleted = Collections.unmodifiableSortedSet(deleted);
            nulled = Collections.unmodifiableSortedSet(nulled);
            otherChanges = List.copyOf(otherChanges);
        }
    }
}
