package dev.cascadestudio.cascade;

import dev.cascadestudio.domain.ForeignKeyRule;
import dev.cascadestudio.persistence.BatchInserter;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.DatabaseProduct;
import dev.cascadestudio.persistence.SqlNames;
import dev.cascadestudio.persistence.SqlValues;
import dev.cascadestudio.persistence.TableInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.hibernate.dialect.Dialect;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.DataException;

/**
 * Puts a snapshot back in one transaction: first checks every row against the database as it is
 * now (a deleted row's key or name taken since, a nulled row gone or given another value since)
 * and refuses on any conflict; then inserts the deleted rows, parents first, and restores the
 * nulled values. Both passes stream the file ({@link SnapshotReader}): at most {@value #CHUNK} rows
 * are checked at a time (fewer where the product answers single-key lookups faster,
 * {@link DatabaseProduct#restoreLookupRows}; {@value #JSON_CHUNK} in one statement joined to them where
 * it takes a chunk as one JSON parameter, {@link DatabaseProduct#jsonRows}) and {@value #BATCH} written
 * per JDBC batch, so memory
 * does not grow with the snapshot (H2's own transaction memory aside). Each lookup statement is
 * prepared once per section and reused: preparing a statement with hundreds of terms for every chunk
 * cost a fifth of a restore. Progress is reported as the file is read, twice: the check, then the write.
 */
public final class Restorer {

    private static final int CHUNK = 400;
    private static final int BATCH = 1_000;
    /** Rows checked per statement where the product takes a chunk as one JSON parameter ({@link DatabaseProduct#jsonRows}). */
    private static final int JSON_CHUNK = 1_000;
    /** Conflicts named in the message; the rest are only counted. */
    private static final int NAMED_CONFLICTS = 50;
    /** Progress is reported after every this many rows and values, and at every section. */
    private static final int REPORT_EVERY = 2_000;

    private final Database database;
    private final CascadeGraph graph;
    private final UnaryOperator<Connection> connections;

    public Restorer(Database database) {
        this(database, CascadeGraph.fromMapping(database.sessionFactory().getMetamodel()));
    }

    public Restorer(Database database, CascadeGraph graph) {
        this(database, graph, UnaryOperator.identity());
    }

    /** {@code connections} wraps the JDBC connection restore works on: a seam for tests that record its SQL. */
    Restorer(Database database, CascadeGraph graph, UnaryOperator<Connection> connections) {
        this.database = database;
        this.graph = graph;
        this.connections = connections;
    }

    public record RestoreResult(long rowsInserted, long valuesRestored) {}

    /** Restores into the database the snapshot was written for, and refuses any other. */
    public RestoreResult restore(Path snapshot) {
        return restore(snapshot, false);
    }

    /**
     * @param intoOtherDatabase restore even though the snapshot's header names another database than this one
     */
    public RestoreResult restore(Path snapshot, boolean intoOtherDatabase) {
        return restore(snapshot, intoOtherDatabase, ProgressListener.NONE);
    }

    /**
     * @param progress told how far the restore got: {@code done} of {@code total} are bytes of the file
     *                 read, twice over (the check, then the write), and the message counts rows and values
     */
    public RestoreResult restore(Path snapshot, boolean intoOtherDatabase, ProgressListener progress) {
        boolean repair;
        try (SnapshotReader in = SnapshotReader.open(snapshot, graph)) {
            repair = !in.header().repairs().isEmpty();
            String written = in.header().database();
            // both sides canonical: a snapshot written with a relative URL (or before headers were canonical)
            // names the file it resolves to here, and another spelling of this database's URL is this database
            if (!intoOtherDatabase && !Database.identityOf(written).equals(database.identity())) {
                throw new SnapshotRefusedException(snapshot.toString(), "it was written for the database "
                        + SnapshotFormat.shorten(written) + ", not this one (restore with --into-other-database to put it here anyway)");
            }
        }
        try {
            return database.fromConnection(jdbc -> {
                try {
                    Connection connection = connections.apply(jdbc);
                    try (DatabaseProduct.BulkWrite bulk = product().beginBulkWrite(connection)) {
                        return restore(connection, snapshot, new Progress(progress, size(snapshot)));
                    }
                } catch (SQLException e) {
                    throw refusedByDatabase(snapshot, e, repair);
                }
            });
        } catch (NullChanged changed) {
            // rolled back, nothing written: the whole check says why (a value set again, a row gone since), or else the
            // file names one value twice
            List<String> conflicts = new ArrayList<>();
            long total = database.fromConnection(jdbc -> {
                try {
                    return check(connections.apply(jdbc), snapshot, new Progress(ProgressListener.NONE, size(snapshot)), conflicts, true);
                } catch (SQLException e) {
                    throw refusedByDatabase(snapshot, e, repair);
                }
            });
            if (total > 0) {
                throw new RestoreConflictException(conflicts, total);
            }
            throw changed.refusal;
        }
    }

    /**
     * A value set to NULL that its UPDATE found set again, or its row gone: the restore's transaction is rolled back
     * by it, and the conflict check run to say why ({@link #restore(Path, boolean, ProgressListener)}).
     */
    private static final class NullChanged extends RuntimeException {
        final SnapshotRefusedException refusal;

        NullChanged(SnapshotRefusedException refusal) {
            super(refusal.getMessage(), null, false, false);
            this.refusal = refusal;
        }
    }

    private DatabaseProduct product() {
        return DatabaseProduct.of(database.kind());
    }

    private static long size(Path snapshot) {
        try {
            return Files.size(snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the snapshot " + snapshot + ": " + e.getMessage(), e);
        }
    }

    /**
     * The rows go back only where none of them exists again (the same key or name, taken since): checked first, as
     * nothing can be put back over such a row. The values set to NULL go back only where they are still NULL: each
     * UPDATE says so by the row it changed, and one that changes none ends the restore ({@link NullChanged}), so
     * they need no check of their own before (a third of an undo's time was that check).
     */
    private RestoreResult restore(Connection connection, Path snapshot, Progress progress) throws SQLException {
        {
            List<String> conflicts = new ArrayList<>();
            long total = check(connection, snapshot, progress, conflicts, false);
            if (total > 0) {
                throw new RestoreConflictException(conflicts, total);
            }
            long[] counts = new long[2];
            // The file is read again: every check above is made again, so a file changed in between is refused too.
            try (SnapshotReader in = SnapshotReader.open(snapshot, graph)) {
                Map<ForeignKeyRule, Set<String>> putBack = new HashMap<>();
                SnapshotReader.Section section = in.nextSection();
                try (BatchInserter inserter = new BatchInserter(connection, database.kind(), database.sqlNames(), BATCH)) {
                    for (; section != null && section.deleted(); section = in.nextSection()) {
                        counts[0] += insert(section, in, inserter, putBack, progress);
                    }
                    inserter.flush(); // the rows a nulled value points to are back first
                }
                for (; section != null; section = in.nextSection()) {
                    if (section.deleted()) {
                        throw new SnapshotRefusedException(snapshot.toString(), "its rows of " + section.table().name()
                                + " come after the values set to NULL, where no delete writes them");
                    }
                    counts[1] += putNullsBack(connection, snapshot, section, in, putBack, in.header().repairs(), progress);
                }
                progress.writing(in.bytesRead(), in.rowsRead());
                progress.committing(in.rowsRead());
            }
            return new RestoreResult(counts[0], counts[1]);
        }
    }

    /**
     * Reads the whole snapshot (the reader refuses a file edited since it was written) and checks it against the
     * database, noting each conflict in {@code conflicts}; returns how many there are. The values set to NULL are
     * checked only where {@code nulledToo}, or where a row to put back conflicts already (the message then lists
     * every conflict).
     */
    private long check(Connection connection, Path snapshot, Progress progress, List<String> conflicts, boolean nulledToo)
            throws SQLException {
        long total = 0;
        progress.checking(0, 0);
        try (SnapshotReader in = SnapshotReader.open(snapshot, graph); Statements statements = new Statements(connection)) {
            boolean all = true;
            long rows = 0;
            for (SnapshotReader.Section section = in.nextSection(); section != null; section = in.nextSection()) {
                if (section.deleted()) {
                    total += deletedConflicts(statements, section, in, conflicts, progress);
                    rows = in.rowsRead();
                } else if (nulledToo || total > 0) {
                    total += nulledConflicts(statements, section, in, conflicts, progress);
                } else {
                    // read to the end all the same: a file edited since it was written is refused before anything is written
                    all = false;
                    while (in.nextRow() != null) {
                        progress.checkingEvery(in.bytesRead(), in.rowsRead());
                    }
                }
                progress.checking(in.bytesRead(), in.rowsRead());
            }
            if (all) {
                progress.checked(in.rowsRead());
            } else {
                progress.checkedRows(rows);
            }
        }
        return total;
    }

    /**
     * A constraint or a value the database refused while the rows went back: a row twice in the file, or a value
     * that does not fit its column. Anything else (a lock, a lost connection) is not the file's fault and goes on up.
     */
    private RuntimeException refusedByDatabase(Path snapshot, SQLException failure, boolean repair) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof SQLException e) {
                if (product().isForeignKeyViolation(e)) {
                    return new SnapshotRefusedException(snapshot.toString(), repair
                            ? "the database's foreign keys refused a value that names no row. A repair of dangling references"
                              + " can only be undone where the database does not enforce that key"
                            : "the database's foreign keys refused a row whose parent is no longer there"
                              + " (undo the delete of that parent first)");
                }
                String state = e.getSQLState();
                Dialect dialect = database.sqlNames().dialect();
                var delegate = dialect.buildSQLExceptionConversionDelegate();
                var converted = delegate == null ? null : delegate.convert(e, "restore", null);
                if (e instanceof SQLIntegrityConstraintViolationException || e instanceof SQLDataException
                        || (state != null && (state.startsWith("23") || state.startsWith("22")))
                        || converted instanceof ConstraintViolationException || converted instanceof DataException
                        || dialect.getViolatedConstraintNameExtractor().extractConstraintName(e) != null) {
                    return new SnapshotRefusedException(snapshot.toString(), "the database refused its rows"
                            + " (a row that appears twice, a name taken twice, or a value that does not fit its column)");
                }
            }
        }
        String message = String.valueOf(failure.getMessage()).strip();
        return new IllegalStateException("Could not restore " + snapshot + ", nothing was changed: the database reported "
                + message.lines().findFirst().orElse(message), failure);
    }

    private static Throwable next(Throwable t) {
        if (t instanceof SQLException e && e.getNextException() != null && e.getNextException() != t) {
            return e.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    /**
     * Queues the section's rows for insertion and notes, for every SET NULL rule whose parent is this table, the
     * values the nulled rows may point to again: only rows this snapshot puts back.
     */
    private long insert(SnapshotReader.Section section, SnapshotReader in, BatchInserter inserter,
                        Map<ForeignKeyRule, Set<String>> putBack, Progress progress) throws SQLException {
        List<TableInfo.Column> columns = section.columns();
        List<ForeignKeyRule> nulling = graph.outgoing(section.table().name()).stream()
                .filter(e -> e.action() == ForeignKeyRule.Action.SET_NULL).toList();
        long n = 0;
        for (List<Object> row = in.nextRow(); row != null; row = in.nextRow()) {
            Map<String, Object> values = new HashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                values.put(columns.get(i).name(), row.get(i));
            }
            for (ForeignKeyRule edge : nulling) {
                Object referenced = values.get(edge.referencedColumn());
                if (referenced != null) putBack.computeIfAbsent(edge, e -> new HashSet<>()).add(referenced.toString());
            }
            inserter.insert(section.table().name(), values);
            if (++n % REPORT_EVERY == 0) progress.writing(in.bytesRead(), in.rowsRead());
        }
        return n;
    }

    /**
     * Puts the section's values back: only where the value is still NULL (so a row the file names twice is refused,
     * not overwritten) and only values that point to a row this snapshot put back, or, for a column the delete
     * repaired ({@link Repair}), values that still name no row at all: the dangling value it set to NULL.
     */
    private long putNullsBack(Connection connection, Path snapshot, SnapshotReader.Section section, SnapshotReader in,
                              Map<ForeignKeyRule, Set<String>> putBack, List<Repair> repairs, Progress progress)
            throws SQLException {
        SqlNames names = database.sqlNames();
        SqlValues values = new SqlValues(database.kind());
        TableInfo table = section.table();
        TableInfo.Column column = section.column();
        List<TableInfo.Column> keys = section.columns();
        List<Set<String>> targets = graph.incoming(table.name()).stream()
                .filter(e -> e.action() == ForeignKeyRule.Action.SET_NULL && e.column().equals(column.name()))
                .map(e -> putBack.getOrDefault(e, Set.of())).toList();
        String where = String.join(" AND ", keys.stream().map(k -> names.quote(k.name()) + " = ?").toList());
        ForeignKeyRule repaired = repairs.contains(new Repair(table.name(), column.name()))
                ? new Repair(table.name(), column.name()).edge(graph) : null;
        Map<String, Boolean> namesNoRow = new HashMap<>();
        long n = 0;
        try (PreparedStatement ps = connection.prepareStatement("UPDATE " + names.quote(table.name()) + " SET "
                + names.quote(column.name()) + " = " + values.placeholder(column.kind()) + " WHERE " + where
                + " AND " + names.quote(column.name()) + " IS NULL")) {
            List<List<String>> queued = new ArrayList<>();
            for (List<Object> row = in.nextRow(); row != null; row = in.nextRow()) {
                Object value = row.get(keys.size());
                List<String> key = pick(row, keys.size());
                if (value == null || targets.stream().noneMatch(t -> t.contains(value.toString()))
                        && !(repaired != null && namesNoRow.computeIfAbsent(value.toString(), v -> namesNoRow(connection, repaired, v)))) {
                    throw new SnapshotRefusedException(snapshot.toString(), table.name() + " " + display(key) + " would get back "
                            + column.name() + " = " + SnapshotFormat.describe(value) + ", which is no row the snapshot puts back"
                            + (repaired == null ? "" : " and no longer a value that names no row"));
                }
                values.bind(ps, 1, column.kind(), value);
                for (int i = 0; i < keys.size(); i++) {
                    ps.setString(i + 2, key.get(i));
                }
                ps.addBatch();
                queued.add(key);
                n++;
                if (queued.size() == BATCH) {
                    execute(snapshot, ps, queued, table, column);
                    progress.writing(in.bytesRead(), in.rowsRead());
                }
            }
            execute(snapshot, ps, queued, table, column);
        }
        return n;
    }

    /** Whether {@code value} names no row of {@code edge}'s parent table now (by the database's own {@code =}). */
    private boolean namesNoRow(Connection connection, ForeignKeyRule edge, String value) {
        SqlNames names = database.sqlNames();
        try (PreparedStatement ps = connection.prepareStatement("SELECT COUNT(*) FROM " + names.quote(edge.parentTable())
                + " WHERE " + names.quote(edge.referencedColumn()) + " = ?")) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check " + edge.parentTable() + " for " + value + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs the queued updates; each must have changed its row: one that did not found its value set again or its row
     * gone since the delete, or was named twice by the file.
     */
    private static void execute(Path snapshot, PreparedStatement ps, List<List<String>> queued, TableInfo table,
                                TableInfo.Column column) throws SQLException {
        if (queued.isEmpty()) {
            return;
        }
        int[] updated = ps.executeBatch();
        for (int i = 0; i < updated.length && i < queued.size(); i++) {
            if (updated[i] == 0) {
                throw new NullChanged(new SnapshotRefusedException(snapshot.toString(), "it puts back " + table.name() + " "
                        + display(queued.get(i)) + "'s " + column.name() + " twice"));
            }
        }
        queued.clear();
    }

    private static List<String> pick(List<Object> row, int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) out.add(text(row, i));
        return out;
    }

    /** Conflicts of a deleted section, checked {@value #CHUNK} rows at a time: the same key, then the same name, taken since. */
    private long deletedConflicts(Statements statements, SnapshotReader.Section section, SnapshotReader in,
                                  List<String> conflicts, Progress progress) throws SQLException {
        TableInfo table = section.table();
        List<String> columns = section.columns().stream().map(TableInfo.Column::name).toList();
        List<String> keyColumns = table.keyColumns();
        List<String> unique = table.label() ? List.of("name", "parent") : List.of("name");
        String uniqueWhy = table.label() ? "the same label exists again" : "another row took this name";
        // named as before: all of the section's key conflicts, then its name conflicts
        List<String> byKey = new ArrayList<>();
        List<String> byName = new ArrayList<>();
        long found = 0;
        int chunkSize = chunkSize();
        List<List<Object>> chunk = new ArrayList<>(chunkSize);
        for (List<Object> row = in.nextRow(); ; row = in.nextRow()) {
            if (row != null) chunk.add(row);
            if (chunk.size() == chunkSize || (row == null && !chunk.isEmpty())) {
                progress.checkingEvery(in.bytesRead(), in.rowsRead());
                found += matches(statements, table, keyColumns, chunk.stream().map(r -> pick(r, columns, keyColumns)).toList(),
                        byKey, "a row with the same key exists again");
                found += matches(statements, table, unique, chunk.stream().map(r -> pick(r, columns, unique)).toList(),
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
    private long nulledConflicts(Statements statements, SnapshotReader.Section section, SnapshotReader in,
                                 List<String> conflicts, Progress progress) throws SQLException {
        long found = 0;
        int chunkSize = chunkSize();
        List<List<Object>> chunk = new ArrayList<>(chunkSize);
        for (List<Object> row = in.nextRow(); ; row = in.nextRow()) {
            if (row != null) chunk.add(row);
            if (chunk.size() == chunkSize || (row == null && !chunk.isEmpty())) {
                progress.checkingEvery(in.bytesRead(), in.rowsRead());
                found += nulledConflicts(statements, section.table(), section.column().name(),
                        section.columns().stream().map(TableInfo.Column::name).toList(), chunk, conflicts);
                chunk.clear();
            }
            if (row == null) break;
        }
        return found;
    }

    private long nulledConflicts(Statements statements, TableInfo table, String column, List<String> keys,
                                 List<List<Object>> chunk, List<String> conflicts) throws SQLException {
        SqlNames names = database.sqlNames();
        long found = 0;
        List<List<String>> tuples = chunk.stream().map(row -> pick(row, keys, keys)).toList();
        Optional<DatabaseProduct.JsonRows> json = product().jsonRows();
        if (json.isPresent()) {
            return nulledConflicts(statements, json.get(), table, column, keys, tuples, conflicts);
        }
        Map<List<String>, String> current = new HashMap<>();
        String sql = "SELECT " + String.join(", ", keys.stream().map(names::quote).toList()) + ", " + names.quote(column)
                + " FROM " + names.quote(table.name()) + " WHERE " + anyOf(keys, chunk.size());
        PreparedStatement ps = statements.prepare(sql);
        bindAnyOf(ps, table, keys, tuples);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                List<String> key = new ArrayList<>();
                for (int i = 0; i < keys.size(); i++) key.add(rs.getString(i + 1));
                current.put(key, rs.getString(keys.size() + 1));
            }
        }
        for (List<String> key : tuples) {
            String label = table.name() + " " + display(key);
            if (!current.containsKey(key)) {
                found++;
                note(conflicts, label + " no longer exists, so its " + column + " cannot be put back");
            } else if (current.get(key) != null) {
                found++;
                note(conflicts, label + " has " + column + " = '" + SnapshotFormat.oneLine(String.valueOf(current.get(key))) + "' now, not NULL");
            }
        }
        return found;
    }

    /**
     * {@link #nulledConflicts} in one statement for the whole chunk ({@link DatabaseProduct#jsonRows}): only the
     * rows that are gone or whose column is set again come back, in the file's order, each with its column's
     * value now (NULL where the row is gone).
     */
    private long nulledConflicts(Statements statements, DatabaseProduct.JsonRows json, TableInfo table, String column,
                                 List<String> keys, List<List<String>> tuples, List<String> conflicts) throws SQLException {
        SqlNames names = database.sqlNames();
        String row = " FROM " + names.quote(table.name()) + " t WHERE " + joined(json, keys);
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < keys.size(); i++) sql.append(json.value("j", i)).append(", ");
        sql.append("(SELECT t.").append(names.quote(column)).append(row).append(") FROM ").append(json.from("j"))
                .append(" WHERE NOT EXISTS (SELECT 1").append(row).append(" AND ")
                .append(json.isNullUnindexed("t." + names.quote(column))).append(") ORDER BY ").append(json.position("j"));
        PreparedStatement ps = statements.prepare(sql.toString());
        ps.setString(1, jsonText(tuples));
        long found = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                List<String> key = new ArrayList<>();
                for (int i = 0; i < keys.size(); i++) key.add(rs.getString(i + 1));
                String now = rs.getString(keys.size() + 1);
                String label = table.name() + " " + display(key);
                found++;
                note(conflicts, now == null ? label + " no longer exists, so its " + column + " cannot be put back"
                        : label + " has " + column + " = '" + SnapshotFormat.oneLine(now) + "' now, not NULL");
            }
        }
        return found;
    }

    /** {@code t.a = j.value ->> 0 AND t.b = j.value ->> 1 ...}: a row of the table {@code t} joined to a row of the chunk {@code j}. */
    private String joined(DatabaseProduct.JsonRows json, List<String> columns) {
        SqlNames names = database.sqlNames();
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            terms.add("t." + names.quote(columns.get(i)) + " = " + json.value("j", i));
        }
        return String.join(" AND ", terms);
    }

    /**
     * A chunk of keys or names as a JSON list of lists of strings, for {@link DatabaseProduct#jsonRows}: the file's
     * text, compared as a bound string was (the column's affinity makes an integer of a string of digits).
     */
    private static String jsonText(List<List<String>> tuples) {
        java.io.StringWriter out = new java.io.StringWriter(tuples.size() * 48);
        try (com.fasterxml.jackson.core.JsonGenerator g = SnapshotFormat.JSON.createGenerator(out)) {
            g.writeStartArray();
            for (List<String> tuple : tuples) {
                g.writeStartArray();
                for (String v : tuple) g.writeString(v); // null writes JSON null: SQL NULL, equal to nothing
                g.writeEndArray();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a chunk of the snapshot as JSON: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /** Counts rows of the snapshot whose values in {@code columns} already occur in the table. */
    private long matches(Statements statements, TableInfo table, List<String> columns, List<List<String>> tuples,
                         List<String> conflicts, String why) throws SQLException {
        SqlNames names = database.sqlNames();
        long found = 0;
        int chunkSize = chunkSize();
        for (int from = 0; from < tuples.size(); from += chunkSize) {
            List<List<String>> chunk = tuples.subList(from, Math.min(tuples.size(), from + chunkSize));
            PreparedStatement ps;
            Optional<DatabaseProduct.JsonRows> json = product().jsonRows();
            if (json.isPresent()) {
                // each tuple joined to its row: a tuple the file holds twice counts twice, as a lookup per tuple did
                ps = statements.prepare("SELECT " + String.join(", ", columns.stream().map(c -> "t." + names.quote(c)).toList())
                        + " FROM " + json.get().from("j") + " JOIN " + names.quote(table.name()) + " t ON "
                        + joined(json.get(), columns) + " ORDER BY " + json.get().position("j"));
                ps.setString(1, jsonText(chunk));
            } else {
                ps = statements.prepare("SELECT " + String.join(", ", columns.stream().map(names::quote).toList()) + " FROM "
                        + names.quote(table.name()) + " WHERE " + anyOf(columns, chunk.size()));
                bindAnyOf(ps, table, columns, chunk);
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

    /** A row's key or name for a message, on one line whatever the file or the database holds. */
    private static String display(List<String> values) {
        if (values.size() == 2 && values.get(1) != null && values.get(1).isEmpty()) {
            return SnapshotFormat.oneLine(String.valueOf(values.get(0))); // (uid, version) with the empty version
        }
        return SnapshotFormat.oneLine(values.size() == 1 ? "'" + values.get(0) + "'" : String.join("@", values.stream().map(String::valueOf).toList()));
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

    private int chunkSize() {
        if (product().jsonRows().isPresent()) {
            return JSON_CHUNK;
        }
        return Math.max(1, Math.min(CHUNK, product().restoreLookupRows()));
    }

    /**
     * The check pass's lookup statements, each prepared once and reused while the restore runs (a full
     * chunk's statement is the same text every time); all closed at the end.
     */
    private static final class Statements implements AutoCloseable {
        private final Connection connection;
        private final Map<String, PreparedStatement> prepared = new HashMap<>();

        Statements(Connection connection) {
            this.connection = connection;
        }

        PreparedStatement prepare(String sql) throws SQLException {
            PreparedStatement ps = prepared.get(sql);
            if (ps == null) {
                if (prepared.size() >= 64) {
                    close(); // the last chunks of many sections: keep the number of open statements bounded
                }
                ps = connection.prepareStatement(sql);
                prepared.put(sql, ps);
            }
            return ps;
        }

        @Override
        public void close() throws SQLException {
            SQLException failure = null;
            for (PreparedStatement ps : prepared.values()) {
                try {
                    ps.close();
                } catch (SQLException e) {
                    if (failure == null) failure = e; else failure.addSuppressed(e);
                }
            }
            prepared.clear();
            if (failure != null) throw failure;
        }
    }

    /**
     * The restore's progress as a listener sees it: bytes of the file read in the check and then in the
     * write, out of twice the file's size (a check of the rows alone jumps to half once they are checked);
     * the message counts the rows and values.
     */
    private static final class Progress {
        private final ProgressListener listener;
        private final long size;
        private long checked;
        private long lastReported = -1;

        Progress(ProgressListener listener, long size) {
            this.listener = listener;
            this.size = Math.max(2, size);
        }

        void checking(long bytes, long rows) {
            lastReported = rows;
            listener.update(Math.min(bytes, size - 1), 2 * size, "Checking the snapshot against the database: "
                    + String.format("%,d", rows) + " rows and values checked");
        }

        /** Reports at most every {@value Restorer#REPORT_EVERY} rows. */
        void checkingEvery(long bytes, long rows) {
            if (rows - lastReported >= REPORT_EVERY) checking(bytes, rows);
        }

        void checked(long rows) {
            checked = rows;
            listener.update(size, 2 * size, "Checked " + String.format("%,d", rows) + " rows and values: no conflicts");
        }

        /** Only the rows to put back were checked (the values are checked as they are written): their number. */
        void checkedRows(long rows) {
            checked = -1;
            listener.update(size, 2 * size, "Checked the " + String.format("%,d", rows) + " rows to put back: no conflicts");
        }

        void writing(long bytes, long rows) {
            // the whole is reached only when the commit starts
            listener.update(size + Math.min(bytes, size - 1), 2 * size, "Restoring: " + String.format("%,d", rows)
                    + (checked < 0 ? "" : " of " + String.format("%,d", checked)) + " rows and values put back");
        }

        void committing(long rows) {
            listener.update(2 * size, 2 * size, "Committing: " + String.format("%,d", rows) + " of "
                    + String.format("%,d", rows) + " rows and values put back");
        }
    }
}
