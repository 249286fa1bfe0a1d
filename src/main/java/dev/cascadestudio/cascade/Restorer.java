package dev.cascadestudio.cascade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascadestudio.persistence.BatchInserter;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.SqlNames;
import dev.cascadestudio.persistence.SqlValues;
import dev.cascadestudio.persistence.TableInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts a snapshot back in one transaction: first checks every row against the database as it is
 * now (a deleted row's key or name taken since, a nulled row gone or given another value since)
 * and refuses on any conflict; then inserts the deleted rows, parents first, and restores the
 * nulled values. Both passes stream the file ({@link SnapshotReader}): at most {@value #CHUNK} rows
 * are checked at a time and {@value #BATCH} written per JDBC batch, so memory does not grow with the
 * snapshot (H2's own transaction memory aside).
 */
public final class Restorer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHUNK = 400;
    private static final int BATCH = 1_000;
    /** Conflicts named in the message; the rest are only counted. */
    private static final int NAMED_CONFLICTS = 50;

    private final Database database;

    public Restorer(Database database) {
        this.database = database;
    }

    public record RestoreResult(long rowsInserted, long valuesRestored) {}

    public RestoreResult restore(Path snapshot) {
        checkComplete(snapshot);
        return database.fromConnection(connection -> {
            List<String> conflicts = new ArrayList<>();
            long total = 0;
            try (SnapshotReader in = SnapshotReader.open(snapshot)) {
                for (SnapshotReader.Section section = in.nextSection(); section != null; section = in.nextSection()) {
                    total += section.deleted()
                            ? deletedConflicts(connection, section, in, conflicts)
                            : nulledConflicts(connection, section, in, conflicts);
                }
            }
            if (total > 0) {
                throw new RestoreConflictException(conflicts, total);
            }
            long[] counts = new long[2];
            try (SnapshotReader in = SnapshotReader.open(snapshot);
                 BatchInserter inserter = new BatchInserter(connection, database.kind(), database.sqlNames(), BATCH)) {
                for (SnapshotReader.Section section = in.nextSection(); section != null; section = in.nextSection()) {
                    if (section.deleted()) {
                        counts[0] += insert(section, in, inserter);
                    } else {
                        inserter.flush(); // the rows a nulled value points to are back first
                        counts[1] += putNullsBack(connection, section, in);
                    }
                }
            }
            return new RestoreResult(counts[0], counts[1]);
        });
    }

    private static long insert(SnapshotReader.Section section, SnapshotReader in, BatchInserter inserter) throws SQLException {
        List<String> columns = section.columns();
        long n = 0;
        for (List<Object> row = in.nextRow(); row != null; row = in.nextRow()) {
            Map<String, Object> values = new HashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                values.put(columns.get(i), i < row.size() ? row.get(i) : null);
            }
            inserter.insert(section.table().name(), values);
            n++;
        }
        return n;
    }

    private long putNullsBack(Connection connection, SnapshotReader.Section section, SnapshotReader in) throws SQLException {
        SqlNames names = database.sqlNames();
        SqlValues values = new SqlValues(database.kind());
        TableInfo table = section.table();
        String column = section.column();
        List<String> keys = section.columns();
        String where = String.join(" AND ", keys.stream().map(k -> names.quote(k) + " = ?").toList());
        long n = 0;
        try (PreparedStatement ps = connection.prepareStatement("UPDATE " + names.quote(table.name()) + " SET "
                + names.quote(column) + " = " + values.placeholder(table.column(column).kind()) + " WHERE " + where)) {
            int queued = 0;
            for (List<Object> row = in.nextRow(); row != null; row = in.nextRow()) {
                values.bind(ps, 1, table.column(column).kind(), keys.size() < row.size() ? row.get(keys.size()) : null);
                for (int i = 0; i < keys.size(); i++) {
                    ps.setString(i + 2, text(row, i));
                }
                ps.addBatch();
                n++;
                if (++queued == BATCH) {
                    ps.executeBatch();
                    queued = 0;
                }
            }
            if (queued > 0) {
                ps.executeBatch();
            }
        }
        return n;
    }

    /** Conflicts of a deleted section, checked {@value #CHUNK} rows at a time: the same key, then the same name, taken since. */
    private long deletedConflicts(Connection connection, SnapshotReader.Section section, SnapshotReader in,
                                  List<String> conflicts) throws SQLException {
        TableInfo table = section.table();
        List<String> columns = section.columns();
        List<String> keyColumns = table.keyColumns();
        List<String> unique = table.label() ? List.of("name", "parent") : List.of("name");
        String uniqueWhy = table.label() ? "the same label exists again" : "another row took this name";
        // named as before: all of the section's key conflicts, then its name conflicts
        List<String> byKey = new ArrayList<>();
        List<String> byName = new ArrayList<>();
        long found = 0;
        List<List<Object>> chunk = new ArrayList<>(CHUNK);
        for (List<Object> row = in.nextRow(); ; row = in.nextRow()) {
            if (row != null) chunk.add(row);
            if (chunk.size() == CHUNK || (row == null && !chunk.isEmpty())) {
                found += matches(connection, table, keyColumns, chunk.stream().map(r -> pick(r, columns, keyColumns)).toList(),
                        byKey, "a row with the same key exists again");
                found += matches(connection, table, unique, chunk.stream().map(r -> pick(r, columns, unique)).toList(),
                        byName, uniqueWhy);
                chunk.clear();
            }
            if (row == null) break;
        }
        byKey.forEach(c -> note(conflicts, c));
        byName.forEach(c -> note(conflicts, c));
        return found;
    }

    /** Conflicts of a nulled section, {@value #CHUNK} rows at a time: the row gone, or its column set again, since. */
    private long nulledConflicts(Connection connection, SnapshotReader.Section section, SnapshotReader in,
                                 List<String> conflicts) throws SQLException {
        long found = 0;
        List<List<Object>> chunk = new ArrayList<>(CHUNK);
        for (List<Object> row = in.nextRow(); ; row = in.nextRow()) {
            if (row != null) chunk.add(row);
            if (chunk.size() == CHUNK || (row == null && !chunk.isEmpty())) {
                found += nulledConflicts(connection, section.table(), section.column(), section.columns(), chunk, conflicts);
                chunk.clear();
            }
            if (row == null) break;
        }
        return found;
    }

    private long nulledConflicts(Connection connection, TableInfo table, String column, List<String> keys,
                                 List<List<Object>> chunk, List<String> conflicts) throws SQLException {
        SqlNames names = database.sqlNames();
        long found = 0;
        Map<List<String>, String> current = new HashMap<>();
        List<List<String>> tuples = chunk.stream().map(row -> pick(row, keys, keys)).toList();
        String sql = "SELECT " + String.join(", ", keys.stream().map(names::quote).toList()) + ", " + names.quote(column)
                + " FROM " + names.quote(table.name()) + " WHERE " + anyOf(keys, chunk.size());
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bindAnyOf(ps, table, keys, tuples);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> key = new ArrayList<>();
                    for (int i = 0; i < keys.size(); i++) key.add(rs.getString(i + 1));
                    current.put(key, rs.getString(keys.size() + 1));
                }
            }
        }
        for (List<String> key : tuples) {
            String label = table.name() + " " + display(key);
            if (!current.containsKey(key)) {
                found++;
                note(conflicts, label + " no longer exists, so its " + column + " cannot be put back");
            } else if (current.get(key) != null) {
                found++;
                note(conflicts, label + " has " + column + " = '" + current.get(key) + "' now, not NULL");
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
                bindAnyOf(ps, table, columns, chunk);
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

    /**
     * {@code a IN (?, ?, ...) AND ((a = ? AND b = ?) OR (a = ? AND b = ?) ...)}: {@code tuples} tuples of
     * {@code columns}; {@code a IN (?, ?, ...)} for one column. The {@code IN} on the first column lets H2
     * find the rows through an index that begins with it (the key's {@code uid}, the unique {@code name}):
     * for the {@code OR} alone it read the whole table for every chunk, minutes for a snapshot of
     * 100,000 rows. SQLite and PostgreSQL look each {@code OR} term up in an index either way.
     */
    private String anyOf(List<String> columns, int tuples) {
        SqlNames names = database.sqlNames();
        String in = names.quote(columns.get(0)) + " IN (" + String.join(", ", java.util.Collections.nCopies(tuples, "?")) + ")";
        if (columns.size() == 1) {
            return in;
        }
        String one = "(" + String.join(" AND ", columns.stream().map(c -> names.quote(c) + " = ?").toList()) + ")";
        return in + " AND (" + String.join(" OR ", java.util.Collections.nCopies(tuples, one)) + ")";
    }

    /**
     * Binds {@link #anyOf}'s parameters: the first column's values, then (if more columns) every tuple,
     * each as its column's kind (PostgreSQL compares no integer label uid with a text parameter).
     */
    private void bindAnyOf(PreparedStatement ps, TableInfo table, List<String> columns, List<List<String>> tuples)
            throws SQLException {
        SqlValues values = new SqlValues(database.kind());
        int p = 1;
        for (List<String> tuple : tuples) {
            values.bind(ps, p++, table.column(columns.get(0)).kind(), tuple.get(0));
        }
        if (tuples.get(0).size() > 1) {
            for (List<String> tuple : tuples) {
                for (int i = 0; i < tuple.size(); i++) values.bind(ps, p++, table.column(columns.get(i)).kind(), tuple.get(i));
            }
        }
    }

    private static String display(List<String> values) {
        if (values.size() == 2 && values.get(1) != null && values.get(1).isEmpty()) {
            return values.get(0); // (uid, version) with the empty version
        }
        return values.size() == 1 ? "'" + values.get(0) + "'" : String.join("@", values.stream().map(String::valueOf).toList());
    }

    private static void note(List<String> conflicts, String conflict) {
        if (conflicts.size() < NAMED_CONFLICTS) conflicts.add(conflict);
    }

    private static List<String> pick(List<Object> row, List<String> columns, List<String> wanted) {
        List<String> out = new ArrayList<>();
        for (String w : wanted) {
            out.add(text(row, columns.indexOf(w)));
        }
        return out;
    }

    /** A value of the row as text, as it is compared with the database's; null for a JSON null or a missing value. */
    private static String text(List<Object> row, int i) {
        Object v = i >= 0 && i < row.size() ? row.get(i) : null;
        return v == null ? null : v.toString();
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
