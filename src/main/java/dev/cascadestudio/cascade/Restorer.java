package dev.cascadestudio.cascade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascadestudio.persistence.BatchInserter;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.MappedTables;
import dev.cascadestudio.persistence.SqlNames;
import dev.cascadestudio.persistence.SqlValues;
import dev.cascadestudio.persistence.TableInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts a snapshot back in one transaction: first checks every row against the database as it is
 * now (a deleted row's key or name taken since, a nulled row gone or given another value since)
 * and refuses on any conflict; then inserts the deleted rows, parents first, and restores the
 * nulled values.
 */
public final class Restorer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHUNK = 400;

    private final Database database;

    public Restorer(Database database) {
        this.database = database;
    }

    public record RestoreResult(long rowsInserted, long valuesRestored) {}

    public RestoreResult restore(Path snapshot) {
        checkComplete(snapshot);
        return database.fromConnection(connection -> {
            List<String> conflicts = new ArrayList<>();
            long[] total = new long[1];
            read(snapshot, new SectionVisitor() {
                @Override void deleted(TableInfo table, List<String> columns, List<JsonNode> rows) throws SQLException {
                    total[0] += deletedConflicts(connection, table, columns, rows, conflicts);
                }
                @Override void nulled(TableInfo table, String column, List<String> keys, List<JsonNode> rows) throws SQLException {
                    total[0] += nulledConflicts(connection, table, column, keys, rows, conflicts);
                }
            });
            if (total[0] > 0) {
                throw new RestoreConflictException(conflicts, total[0]);
            }
            long[] counts = new long[2];
            SqlNames names = database.sqlNames();
            SqlValues values = new SqlValues(database.kind());
            try (BatchInserter inserter = new BatchInserter(connection, database.kind(), names, 500)) {
                read(snapshot, new SectionVisitor() {
                    @Override void deleted(TableInfo table, List<String> columns, List<JsonNode> rows) throws SQLException {
                        for (JsonNode row : rows) {
                            Map<String, Object> values = new HashMap<>();
                            for (int i = 0; i < columns.size(); i++) {
                                values.put(columns.get(i), plain(row.get(i)));
                            }
                            inserter.insert(table.name(), values);
                            counts[0]++;
                        }
                    }
                    @Override void nulled(TableInfo table, String column, List<String> keys, List<JsonNode> rows) throws SQLException {
                        inserter.flush();
                        String where = String.join(" AND ", keys.stream().map(k -> names.quote(k) + " = ?").toList());
                        try (PreparedStatement ps = connection.prepareStatement("UPDATE " + names.quote(table.name()) + " SET "
                                + names.quote(column) + " = " + values.placeholder(table.column(column).kind()) + " WHERE " + where)) {
                            for (JsonNode row : rows) {
                                values.bind(ps, 1, table.column(column).kind(), plain(row.get(keys.size())));
                                for (int i = 0; i < keys.size(); i++) {
                                    ps.setString(i + 2, row.get(i).asText());
                                }
                                ps.addBatch();
                                counts[1]++;
                            }
                            ps.executeBatch();
                        }
                    }
                });
            }
            return new RestoreResult(counts[0], counts[1]);
        });
    }

    private long deletedConflicts(Connection connection, TableInfo table, List<String> columns, List<JsonNode> rows,
                                  List<String> conflicts) throws SQLException {
        long found = 0;
        List<String> keyColumns = table.keyColumns();
        // same key taken since
        found += matches(connection, table, keyColumns, rows.stream().map(r -> pick(r, columns, keyColumns)).toList(),
                conflicts, "a row with the same key exists again");
        // same unique name (or, for labels, the same name on the same parent) taken since
        List<String> unique = table.label() ? List.of("name", "parent") : List.of("name");
        found += matches(connection, table, unique, rows.stream().map(r -> pick(r, columns, unique)).toList(),
                conflicts, table.label() ? "the same label exists again" : "another row took this name");
        return found;
    }

    private long nulledConflicts(Connection connection, TableInfo table, String column, List<String> keys, List<JsonNode> rows,
                                 List<String> conflicts) throws SQLException {
        SqlNames names = database.sqlNames();
        long found = 0;
        Map<List<String>, String> current = new LinkedHashMap<>();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<JsonNode> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            String sql = "SELECT " + String.join(", ", keys.stream().map(names::quote).toList()) + ", " + names.quote(column)
                    + " FROM " + names.quote(table.name()) + " WHERE " + anyOf(keys, chunk.size());
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                int p = 1;
                for (JsonNode row : chunk) {
                    for (int i = 0; i < keys.size(); i++) ps.setString(p++, row.get(i).asText());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        List<String> key = new ArrayList<>();
                        for (int i = 0; i < keys.size(); i++) key.add(rs.getString(i + 1));
                        current.put(key, rs.getString(keys.size() + 1));
                    }
                }
            }
            for (JsonNode row : chunk) {
                List<String> key = new ArrayList<>();
                for (int i = 0; i < keys.size(); i++) key.add(row.get(i).asText());
                String label = table.name() + " " + display(key);
                if (!current.containsKey(key)) {
                    found++;
                    note(conflicts, label + " no longer exists, so its " + column + " cannot be put back");
                } else if (current.get(key) != null) {
                    found++;
                    note(conflicts, label + " has " + column + " = '" + current.get(key) + "' now, not NULL");
                }
            }
        }
        return found;
    }

    /** Counts rows of the snapshot whose values in {@code columns} already occur in the table. */
    private long matches(Connection connection, TableInfo table, List<String> columns, List<List<String>> tuples,
                         List<String> conflicts, String why) throws SQLException {
        SqlNames names = database.sqlNames();
        long found = 0;
        for (int from = 0; from < tuples.size(); from += CHUNK) {
            List<List<String>> chunk = tuples.subList(from, Math.min(tuples.size(), from + CHUNK));
            String sql = "SELECT " + String.join(", ", columns.stream().map(names::quote).toList()) + " FROM "
                    + names.quote(table.name()) + " WHERE " + anyOf(columns, chunk.size());
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                int p = 1;
                for (List<String> tuple : chunk) {
                    for (String v : tuple) ps.setString(p++, v);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        List<String> hit = new ArrayList<>();
                        for (int i = 0; i < columns.size(); i++) hit.add(rs.getString(i + 1));
                        found++;
                        note(conflicts, table.name() + " " + display(hit) + ": " + why);
                    }
                }
            }
        }
        return found;
    }

    /** {@code (a = ? AND b = ?) OR (a = ? AND b = ?) ...}: {@code tuples} tuples of {@code columns}. */
    private String anyOf(List<String> columns, int tuples) {
        SqlNames names = database.sqlNames();
        String one = "(" + String.join(" AND ", columns.stream().map(c -> names.quote(c) + " = ?").toList()) + ")";
        return String.join(" OR ", java.util.Collections.nCopies(tuples, one));
    }

    private static String display(List<String> values) {
        if (values.size() == 2 && values.get(1) != null && values.get(1).isEmpty()) {
            return values.get(0); // (uid, version) with the empty version
        }
        return values.size() == 1 ? "'" + values.get(0) + "'" : String.join("@", values.stream().map(String::valueOf).toList());
    }

    private static void note(List<String> conflicts, String conflict) {
        if (conflicts.size() < 50) conflicts.add(conflict);
    }

    private static List<String> pick(JsonNode row, List<String> columns, List<String> wanted) {
        List<String> out = new ArrayList<>();
        for (String w : wanted) {
            JsonNode v = row.get(columns.indexOf(w));
            out.add(v == null || v.isNull() ? null : v.asText());
        }
        return out;
    }

    private static Object plain(JsonNode v) {
        if (v == null || v.isNull()) return null;
        if (v.isBoolean()) return v.booleanValue();
        if (v.isIntegralNumber()) return v.longValue();
        return v.asText();
    }

    /** Reads the snapshot section by section (each section's rows in memory, one section at a time). */
    private abstract static class SectionVisitor {
        abstract void deleted(TableInfo table, List<String> columns, List<JsonNode> rows) throws SQLException;
        abstract void nulled(TableInfo table, String column, List<String> keys, List<JsonNode> rows) throws SQLException;
    }

    private static void read(Path snapshot, SectionVisitor visitor) throws SQLException {
        try (BufferedReader in = Files.newBufferedReader(snapshot, StandardCharsets.UTF_8)) {
            in.readLine(); // header, checked by checkComplete
            JsonNode section = null;
            List<JsonNode> rows = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode node = JSON.readTree(line);
                if (node.has("row")) {
                    rows.add(node.get("row"));
                    continue;
                }
                flush(section, rows, visitor);
                section = node;
                rows = new ArrayList<>();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the snapshot " + snapshot + ": " + e.getMessage(), e);
        }
    }

    private static void flush(JsonNode section, List<JsonNode> rows, SectionVisitor visitor) throws SQLException {
        if (section == null || section.has("end")) return;
        List<String> columns = new ArrayList<>();
        section.get("columns").forEach(c -> columns.add(c.asText()));
        if (section.has("deleted")) {
            visitor.deleted(MappedTables.get(section.get("deleted").asText()), columns, rows);
        } else if (section.has("nulled")) {
            visitor.nulled(MappedTables.get(section.get("nulled").asText()), section.get("column").asText(), columns, rows);
        }
    }

    /** Refuses files that are not snapshots, of another format version, or cut short. */
    static void checkComplete(Path snapshot) {
        if (!Files.isRegularFile(snapshot)) {
            throw new IllegalArgumentException("No snapshot file at " + snapshot + ".");
        }
        try (BufferedReader in = Files.newBufferedReader(snapshot, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            JsonNode header = first == null ? null : JSON.readTree(first);
            if (header == null || !SnapshotFormat.FORMAT.equals(header.path("format").asText())) {
                throw new IllegalArgumentException(snapshot + " is not a Cascade Studio snapshot.");
            }
            if (header.path("formatVersion").asInt() != SnapshotFormat.VERSION) {
                throw new IllegalArgumentException(snapshot + " has snapshot format version "
                        + header.path("formatVersion").asInt() + "; this Cascade Studio reads version " + SnapshotFormat.VERSION + ".");
            }
            String line;
            String last = null;
            while ((line = in.readLine()) != null) {
                last = line;
            }
            if (last == null || !JSON.readTree(last).path("end").asBoolean(false)) {
                throw new IllegalArgumentException(snapshot + " is incomplete (cut short while it was written); nothing was restored.");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(snapshot + " is not a readable snapshot: " + e.getMessage(), e);
        }
    }
}
