package dev.cascadestudio.cascade;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.cascadestudio.persistence.SqlNames;
import dev.cascadestudio.persistence.SqlValues;
import dev.cascadestudio.persistence.TableInfo;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes the snapshot of a plan's rows, inside the delete's transaction, before anything changes:
 * to a {@code .partial} file, forced to the disk, moved to its name, and the directory forced, so
 * that it is there, whole, before the delete can commit.
 */
final class SnapshotWriter {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private SnapshotWriter() {}

    /**
     * A written snapshot, and the rows it holds: per deleted table and per nulled column (in the plan's
     * order, empty ones left out), how many rows and the digest of their keys, computed as the planner
     * computes it from {@code (uid, version)}.
     */
    record Written(Path file, List<DeletePlan.Effect> rows) {
        /** Whether the snapshot holds exactly the rows {@code plan} affects (plans that identify rows by key only). */
        boolean holdsTheRowsOf(DeletePlan plan) {
            List<DeletePlan.Effect> planned = new ArrayList<>(plan.deleted());
            planned.addAll(plan.nulled());
            planned.removeIf(e -> e.count() == 0);
            if (planned.size() != rows.size()) {
                return false;
            }
            for (int i = 0; i < rows.size(); i++) {
                if (!rows.get(i).sameRowsAs(planned.get(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    static Written write(Path directory, Connection connection, PlanQueries queries, CascadeGraph graph, SqlNames names,
                         SqlValues values, DeletePlan plan, String databaseUrl, Durability durability) throws SQLException {
        try {
            dev.cascadestudio.persistence.AppDirectories.createPrivateDirectories(directory);
            dev.cascadestudio.persistence.AppDirectories.tightenOwnSnapshots(directory); // an older version's 0755 folder
            String what = plan.roots().isEmpty() ? "repair-" + plan.repairs().get(0).table() + "-" + plan.repairs().get(0).column()
                    : plan.roots().get(0).table() + "-" + plan.roots().get(0).uid();
            Path target = directory.resolve("delete-" + FILE_TIME.format(Instant.now()) + "-"
                    + what.replaceAll("[^A-Za-z0-9_-]", "_") + ".jsonl");
            Path partial = target.resolveSibling(target.getFileName() + ".partial");
            List<DeletePlan.Effect> seen = new ArrayList<>();
            boolean moved = false;
            try {
                // owner-only from its creation: it holds every value of the rows the delete removes
                try (FileChannel file = FileChannel.open(partial, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                        dev.cascadestudio.persistence.AppDirectories.privateFileAttributes(partial))) {
                    OutputStream out = new BufferedOutputStream(Channels.newOutputStream(file), 1 << 16);
                    DigestOutputStream digesting = new DigestOutputStream(out, SnapshotFormat.sha256());
                    try (JsonGenerator json = SnapshotFormat.JSON.createGenerator(digesting, JsonEncoding.UTF8)) {
                        sections(json, digesting.getMessageDigest(), connection, queries, graph, names, values, plan, databaseUrl, seen);
                        json.flush();
                        // The snapshot is the only way back from the delete: its bytes go to the disk, then its name
                        // (the directory), all before the delete commits, so a power cut cannot take it afterwards.
                        durability.forceFile(file);
                    }
                }
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
                moved = true;
                durability.forceDirectory(directory);
            } catch (IOException | SQLException | RuntimeException e) {
                deleteQuietly(partial, e);
                if (moved) deleteQuietly(target, e);
                throw e;
            }
            return new Written(target, seen);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the snapshot in " + directory + ": " + e.getMessage()
                    + ". Nothing was deleted.", e);
        }
    }

    private static void sections(JsonGenerator json, MessageDigest digest, Connection connection, PlanQueries queries, CascadeGraph graph,
                                 SqlNames names, SqlValues values, DeletePlan plan, String databaseUrl,
                                 List<DeletePlan.Effect> seen) throws IOException, SQLException {
        json.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
        header(json, plan, databaseUrl);
        long deletedRows = 0;
        long nulledValues = 0;
        for (String table : queries.deletedTables()) {
            DeletePlan.Effect rows = deletedSection(json, connection, queries, graph.table(table), names, values);
            deletedRows += rows.count();
            if (rows.count() > 0) seen.add(rows);
        }
        for (var edge : queries.nullingEdges()) {
            DeletePlan.Effect rows = nulledSection(json, connection, queries, graph.table(edge.childTable()), edge, names, values);
            nulledValues += rows.count();
            if (rows.count() > 0) seen.add(rows);
        }
        // the end line carries the SHA-256 of every byte before it, its own line break included
        json.writeRaw('\n');
        json.flush();
        String sha256 = HexFormat.of().formatHex(digest.digest());
        json.setRootValueSeparator(null);
        json.writeStartObject();
        json.writeBooleanField("end", true);
        json.writeNumberField("deletedRows", deletedRows);
        json.writeNumberField("nulledValues", nulledValues);
        json.writeStringField("sha256", sha256);
        json.writeEndObject();
        json.writeRaw('\n');
    }

    /** A snapshot that could not be written completely is of no use: it goes, the delete does not happen. */
    private static void deleteQuietly(Path file, Exception failure) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException suppressed) {
            failure.addSuppressed(suppressed);
        }
    }

    private static void header(JsonGenerator json, DeletePlan plan, String databaseUrl) throws IOException {
        // what restore would refuse is never written (SnapshotReader caps the header's text the same way)
        for (Root root : plan.roots()) {
            if (root.uid().length() > dev.cascadestudio.domain.BaseEntity.UID_LENGTH) {
                throw new IllegalArgumentException("Cannot delete: the " + root.table() + " to delete has a uid of "
                        + String.format("%,d", root.uid().length()) + " characters, more than the " + dev.cascadestudio.domain.BaseEntity.UID_LENGTH
                        + " a snapshot can hold for restore; nothing was deleted.");
            }
        }
        if (databaseUrl.length() > SnapshotFormat.MAX_HEADER_TEXT_CHARS) {
            throw new IllegalArgumentException("Cannot delete: the database's name is longer than the "
                    + String.format("%,d", SnapshotFormat.MAX_HEADER_TEXT_CHARS) + " characters a snapshot can hold for restore; nothing was deleted.");
        }
        json.writeStartObject();
        json.writeStringField("format", SnapshotFormat.FORMAT);
        json.writeNumberField("formatVersion", SnapshotFormat.VERSION);
        json.writeStringField("createdAt", Instant.now().toString());
        json.writeStringField("database", databaseUrl);
        json.writeArrayFieldStart("roots");
        for (Root root : plan.roots()) {
            json.writeStartObject();
            json.writeStringField("table", root.table());
            json.writeStringField("uid", root.uid());
            json.writeEndObject();
        }
        json.writeEndArray();
        if (!plan.repairs().isEmpty()) {
            json.writeArrayFieldStart("repairs");
            for (Repair repair : plan.repairs()) {
                json.writeStartObject();
                json.writeStringField("table", repair.table());
                json.writeStringField("column", repair.column());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeStringField("summary", plan.summary());
        json.writeEndObject();
    }

    private static DeletePlan.Effect deletedSection(JsonGenerator json, Connection connection, PlanQueries queries, TableInfo table,
                                       SqlNames names, SqlValues values) throws IOException, SQLException {
        List<TableInfo.Column> columns = table.columns();
        json.writeStartObject();
        json.writeStringField("deleted", table.name());
        json.writeArrayFieldStart("columns");
        for (TableInfo.Column c : columns) json.writeString(c.name());
        json.writeEndArray();
        json.writeEndObject();
        String select = String.join(", ", columns.stream().map(c -> names.quote(c.name())).toList());
        Sql sql = Sql.of("SELECT " + select + " FROM " + names.quote(table.name()) + " WHERE ")
                .append(queries.deletedPredicate(table.name()));
        Counted rows = rows(json, connection, sql, table, columns, values);
        return new DeletePlan.Effect(table.name(), null, null, rows.count(), rows.count(), rows.digest(), List.of());
    }

    private static DeletePlan.Effect nulledSection(JsonGenerator json, Connection connection, PlanQueries queries, TableInfo table,
                                      dev.cascadestudio.domain.ForeignKeyRule edge, SqlNames names, SqlValues values)
            throws IOException, SQLException {
        List<TableInfo.Column> keys = table.keyColumns().stream().map(table::column).toList();
        json.writeStartObject();
        json.writeStringField("nulled", table.name());
        json.writeStringField("column", edge.column());
        json.writeArrayFieldStart("columns");
        for (TableInfo.Column c : keys) json.writeString(c.name());
        json.writeEndArray();
        json.writeEndObject();
        List<TableInfo.Column> columns = new java.util.ArrayList<>(keys);
        columns.add(table.column(edge.column()));
        String select = String.join(", ", columns.stream().map(c -> names.quote(c.name())).toList());
        Sql sql = Sql.of("SELECT " + select + " FROM " + names.quote(table.name()) + " WHERE ")
                .append(queries.nulledPredicate(edge));
        Counted rows = rows(json, connection, sql, table, columns, values);
        // newRows and routes are the planner's to tell; the check compares rows, counts and digests only
        return new DeletePlan.Effect(table.name(), edge.column(), edge, rows.count(), 0, rows.digest(), List.of());
    }

    /** How many rows a section holds, and the digest of their keys as {@link Planner} computes it. */
    private record Counted(long count, String digest) {}

    private static Counted rows(JsonGenerator json, Connection connection, Sql sql, TableInfo table, List<TableInfo.Column> columns,
                                SqlValues values) throws IOException, SQLException {
        long n = 0;
        Planner.KeySetDigest digest = new Planner.KeySetDigest();
        int uid = indexOf(columns, "uid");
        int version = table.versioned() ? indexOf(columns, "version") : -1;
        try (PreparedStatement ps = connection.prepareStatement(sql.text())) {
            sql.bind(ps);
            ps.setFetchSize(2000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    json.writeStartObject();
                    json.writeArrayFieldStart("row");
                    long chars = 0;
                    for (int i = 0; i < columns.size(); i++) {
                        Object value = values.read(rs, i + 1, columns.get(i).kind());
                        if (value instanceof String text && !values.readTextExactly(rs, i + 1, text)) {
                            // restore would write back other bytes than the database holds: refuse rather than lose them
                            throw new IllegalArgumentException("Cannot delete: the row " + rowName(rs, uid) + " of " + table.name()
                                    + " holds text in " + columns.get(i).name() + " that is not valid UTF-8, which a snapshot cannot"
                                    + " give back exactly; nothing was deleted. Correct the value first.");
                        }
                        if (value instanceof LocalDateTime t) value = t.toString();
                        chars += value instanceof String text ? text.length() : 0;
                        String problem = SnapshotFormat.problem(columns.get(i), value);
                        if (problem != null || chars > SnapshotFormat.MAX_VALUE_CHARS) {
                            // what restore would refuse is never written: the delete stops before anything changes
                            throw new IllegalArgumentException("Cannot delete: a row of " + table.name() + " "
                                    + (problem != null ? problem : "holds more than " + String.format("%,d", SnapshotFormat.MAX_VALUE_CHARS)
                                    + " characters") + ", which a snapshot cannot hold for restore; nothing was deleted.");
                        }
                        writeValue(json, value);
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                    // the key as the planner reads it for its digest: getString of uid and version
                    digest.add(rs.getString(uid + 1), version < 0 ? null : String.valueOf(rs.getString(version + 1)));
                    n++;
                }
            }
        }
        return new Counted(n, digest.hex());
    }

    /** The row's uid for a message: on one line, at most 60 characters, whatever the database holds. */
    private static String rowName(ResultSet rs, int uid) throws SQLException {
        return SnapshotFormat.shorten(String.valueOf(rs.getString(uid + 1)));
    }

    private static int indexOf(List<TableInfo.Column> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("no column " + name);
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value == null) json.writeNull();
        else if (value instanceof Boolean b) json.writeBoolean(b);
        else if (value instanceof Long l) json.writeNumber(l);
        else if (value instanceof LocalDateTime t) json.writeString(t.toString());
        else json.writeString(value.toString());
    }
}
