package dev.cascadestudio.service;

import dev.cascadestudio.persistence.ColumnKind;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.MappedTables;
import dev.cascadestudio.persistence.SqlNames;
import dev.cascadestudio.persistence.SqlValues;
import dev.cascadestudio.persistence.TableInfo;
import dev.cascadestudio.service.EditableRow.Field;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The statements of a save or create, on the caller's connection and transaction, for a draft that
 * has been checked: only changed columns are written, labels are inserted, updated or deleted one by
 * one by name, and a renamed row's labels follow its new name.
 */
final class RowWriter {

    private final SqlNames n;
    private final SqlValues values;

    RowWriter(Database database) {
        this.n = database.sqlNames();
        this.values = new SqlValues(database.kind());
    }

    RowRef update(Connection c, RowDraft draft) throws SQLException {
        EditableRow loaded = draft.loaded();
        TableInfo table = MappedTables.get(loaded.table());
        Map<String, Object> sets = new LinkedHashMap<>();
        for (Field field : loaded.fields()) {
            if (field.editable()) {
                String stored = RowValidator.stored(field, valueOf(draft, field));
                if (!Objects.equals(stored, field.value())) {
                    sets.put(field.column(), stored);
                }
            }
        }
        Map<String, String> before = byName(loaded.labels());
        Map<String, String> after = byName(draft.labels());
        if (sets.isEmpty() && before.equals(after)) {
            return loaded.row();
        }
        String oldName = loaded.row().name();
        String newName = sets.containsKey("name") ? (String) sets.get("name") : oldName;
        sets.put("updated", now());
        StringBuilder sql = new StringBuilder("UPDATE ").append(n.quote(table.name())).append(" SET ");
        List<String> columns = new ArrayList<>(sets.keySet());
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(n.quote(columns.get(i))).append(" = ")
                    .append(values.placeholder(table.column(columns.get(i)).kind()));
        }
        sql.append(" WHERE ").append(n.quote("uid")).append(" = ?");
        if (table.versioned()) {
            sql.append(" AND ").append(n.quote("version")).append(" = ?");
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (String column : columns) {
                bind(ps, i++, table.column(column).kind(), sets.get(column));
            }
            ps.setString(i++, loaded.row().uid());
            if (table.versioned()) {
                ps.setString(i, loaded.row().version());
            }
            execute(ps, loaded.table());
        }
        String labels = n.quote(table.name() + "_labels");
        if (!newName.equals(oldName)) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + labels + " SET " + n.quote("parent") + " = ? WHERE "
                    + n.quote("parent") + " = ?")) {
                ps.setString(1, newName);
                ps.setString(2, oldName);
                ps.executeUpdate();
            }
        }
        writeLabels(c, labels, newName, before, after);
        return new RowRef(loaded.table(), loaded.row().uid(), loaded.row().version(), newName);
    }

    RowRef insert(Connection c, RowDraft draft) throws SQLException {
        EditableRow loaded = draft.loaded();
        TableInfo table = MappedTables.get(loaded.table());
        Map<String, Object> row = new LinkedHashMap<>();
        for (Field field : loaded.fields()) {
            row.put(field.column(), field.editable() ? RowValidator.stored(field, valueOf(draft, field)) : field.value());
        }
        row.put("created", now());
        row.put("updated", null);
        List<String> columns = new ArrayList<>(row.keySet());
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(n.quote(table.name())).append(" (");
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(n.quote(columns.get(i)));
            marks.append(i == 0 ? "" : ", ").append(values.placeholder(table.column(columns.get(i)).kind()));
        }
        sql.append(") VALUES (").append(marks).append(')');
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < columns.size(); i++) {
                bind(ps, i + 1, table.column(columns.get(i)).kind(), row.get(columns.get(i)));
            }
            execute(ps, loaded.table());
        }
        String name = (String) row.get("name");
        writeLabels(c, n.quote(table.name() + "_labels"), name, Map.of(), byName(draft.labels()));
        return new RowRef(loaded.table(), loaded.row().uid(), loaded.row().version(), name);
    }

    private void writeLabels(Connection c, String labels, String parent, Map<String, String> before, Map<String, String> after)
            throws SQLException {
        String name = n.quote("name");
        String value = n.quote("value");
        String parentColumn = n.quote("parent");
        for (String key : before.keySet()) {
            if (!after.containsKey(key)) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + labels + " WHERE " + parentColumn + " = ? AND "
                        + name + " = ?")) {
                    ps.setString(1, parent);
                    ps.setString(2, key);
                    ps.executeUpdate();
                }
            }
        }
        for (Map.Entry<String, String> label : after.entrySet()) {
            if (!before.containsKey(label.getKey())) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + labels + " (" + name + ", " + value + ", "
                        + parentColumn + ") VALUES (?, ?, ?)")) {
                    ps.setString(1, label.getKey());
                    ps.setString(2, label.getValue());
                    ps.setString(3, parent);
                    ps.executeUpdate();
                }
            } else if (!Objects.equals(before.get(label.getKey()), label.getValue())) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + labels + " SET " + value + " = ? WHERE "
                        + parentColumn + " = ? AND " + name + " = ?")) {
                    ps.setString(1, label.getValue());
                    ps.setString(2, parent);
                    ps.setString(3, label.getKey());
                    ps.executeUpdate();
                }
            }
        }
    }

    private static String valueOf(RowDraft draft, Field field) {
        return draft.values().containsKey(field.column()) ? draft.values().get(field.column()) : field.value();
    }

    private static Map<String, String> byName(List<RowDetails.Label> labels) {
        Map<String, String> map = new LinkedHashMap<>();
        labels.forEach(label -> map.put(label.name(), label.value() == null ? "" : label.value()));
        return map;
    }

    private void bind(PreparedStatement ps, int index, ColumnKind kind, Object value) throws SQLException {
        values.bind(ps, index, kind, kind == ColumnKind.BOOLEAN && value instanceof String text ? Boolean.valueOf(text) : value);
    }

    /** A unique name taken between the check and the write (another session) is still reported as a name error. */
    private static void execute(PreparedStatement ps, String table) throws SQLException {
        try {
            ps.executeUpdate();
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            String message = e.getMessage() == null ? "" : e.getMessage().toUpperCase(Locale.ROOT);
            if ((state.startsWith("23") || message.contains("UNIQUE")) && message.contains("NAME")) {
                throw new InvalidRowException(List.of(new FieldError("name",
                        "Another " + RowValidator.word(table) + " already has this name; names are unique.")));
            }
            throw e;
        }
    }

    private static LocalDateTime now() {
        return LocalDateTime.now().truncatedTo(ChronoUnit.MICROS);
    }
}
