package dev.cascadestudio.cascade;

import dev.cascadestudio.domain.ForeignKeyRule;
import dev.cascadestudio.persistence.ColumnKind;
import dev.cascadestudio.persistence.DatabaseProduct;
import dev.cascadestudio.persistence.SqlNames;
import dev.cascadestudio.persistence.SqlValues;
import dev.cascadestudio.persistence.TableInfo;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values a delete set to NULL, put back from temporary tables where the product does that best
 * ({@link DatabaseProduct#valuesTable}): while the restore reads the file, each value goes into the temporary table of
 * its row's table (MariaDB: keyed by the row, all of the table's foreign-key columns side by side, a thousand values per
 * INSERT; PostgreSQL: a row per value, by COPY); once the file is read, each table is set from a copy of its temporary
 * table, a row per key, numbered in the order of its keys (so of its primary key), the product's
 * {@linkplain DatabaseProduct.ValuesTable#rowsPerUpdate rows per UPDATE} at a time, each row written once however many of
 * its columns come back (a delete of workflows and their schedules nulls {@code run.workflow_id} and
 * {@code run.schedule_id} of the same rows: one UPDATE per column wrote those rows twice). The values wait on the
 * server, not in memory, and the temporary tables are dropped on {@link #close}, whether the restore went through or not.
 *
 * <p>What a value must be to go back at all (a row this snapshot put back, or for a repaired column still no row) is
 * the caller's check, before {@link Section#add}. Here a value goes back only where its row is still there and the
 * column still NULL; any other value (a row gone or a value set again since the delete, or a value the file gives twice)
 * ends the restore with {@link Restorer.ChangedSince}, which the caller rolls back and explains.
 */
final class ValuesTables implements AutoCloseable {

    /** Values loaded per INSERT (one INSERT per value, pipelined by the driver, took 5.8 s for 175,756 values). */
    static final int ROWS_PER_INSERT = 1_000;
    /** Values sent per batch where the product loads them as rows ({@link DatabaseProduct.ValuesTable#loadsRows}). */
    static final int ROWS_PER_LOAD = 10_000;

    private final Connection connection;
    private final DatabaseProduct product;
    private final DatabaseProduct.ValuesTable sql;
    private final SqlNames names;
    private final SqlValues values;
    private final CascadeGraph graph;
    private final Path snapshot;
    /** Per table, in the order the file first names it. */
    private final Map<String, Loaded> tables = new LinkedHashMap<>();

    /**
     * The values tables of {@code product} on {@code connection}, or null where it has none, or where the connection may
     * not make temporary tables (MariaDB's {@code CREATE TEMPORARY TABLES} privilege, PostgreSQL's {@code TEMPORARY},
     * which a controller's user may lack): tried with the values table of {@code first} (the table of the file's first
     * nulled section, its rows named by {@code keys}), made and dropped at once, which changes nothing; a refusal is
     * rolled back to a savepoint, as PostgreSQL takes no other statement in a transaction after a failed one.
     */
    static ValuesTables ifAllowed(Connection connection, DatabaseProduct product, SqlNames names, SqlValues values,
                                  CascadeGraph graph, Path snapshot, TableInfo first, List<TableInfo.Column> keys)
            throws SQLException {
        DatabaseProduct.ValuesTable sql = product.valuesTable().orElse(null);
        if (sql == null) {
            return null;
        }
        // on PostgreSQL a failed statement ends the transaction's use: the probe's failure is rolled back to here
        java.sql.Savepoint before = connection.getAutoCommit() ? null : connection.setSavepoint();
        try (Statement s = connection.createStatement()) {
            s.execute(sql.drop("cs_values_probe")); // one a failed drop left in this pooled connection
            s.execute(sql.create(names, "cs_values_probe", first.name(), keys.stream().map(TableInfo.Column::name).toList(),
                    columns(graph, first)));
            s.execute(sql.drop("cs_values_probe"));
        } catch (SQLException notAllowed) {
            if (before != null) {
                try {
                    connection.rollback(before);
                    connection.releaseSavepoint(before);
                } catch (SQLException rollback) {
                    rollback.addSuppressed(notAllowed);
                    throw rollback;
                }
            }
            return null;
        }
        if (before != null) connection.releaseSavepoint(before);
        return new ValuesTables(connection, product, sql, names, values, graph, snapshot);
    }

    private ValuesTables(Connection connection, DatabaseProduct product, DatabaseProduct.ValuesTable sql, SqlNames names,
                         SqlValues values, CascadeGraph graph, Path snapshot) {
        this.connection = connection;
        this.product = product;
        this.sql = sql;
        this.names = names;
        this.values = values;
        this.graph = graph;
        this.snapshot = snapshot;
    }

    /** One table's temporary table: which of its columns it holds, and what was loaded into it. */
    private static final class Loaded {
        final TableInfo table;
        final String temp;
        /** {@link #temp} in the order of the keys, made once the file is read. */
        final String ordered;
        final List<String> keys;
        final List<String> columns;
        /** Whether a column loaded is one the delete repaired: its values name no row, and the database's check stays. */
        boolean repaired;

        Loaded(TableInfo table, String temp, List<String> keys, List<String> columns) {
            this.table = table;
            this.temp = temp;
            this.ordered = temp + "_in_order";
            this.keys = keys;
            this.columns = columns;
        }
    }

    /**
     * The values of one nulled section, added {@value #ROWS_PER_INSERT} per INSERT (or, where the product loads rows,
     * {@value #ROWS_PER_LOAD} per batch of rows); {@link #finish} sends the rest.
     */
    final class Section implements AutoCloseable {
        private final Loaded loaded;
        private final TableInfo.Column column;
        private final int index;
        private final List<List<String>> keys = new ArrayList<>(ROWS_PER_INSERT);
        private final List<Object> queued = new ArrayList<>(ROWS_PER_INSERT);
        private PreparedStatement full;
        /** Where the product loads the values as rows ({@link DatabaseProduct.ValuesTable#loadsRows}): the key's parts, the value. */
        private final DatabaseProduct.RowBatch rows;
        private long loadedRows;

        private Section(Loaded loaded, TableInfo.Column column, int index) throws SQLException {
            this.loaded = loaded;
            this.column = column;
            this.index = index;
            if (sql.loadsRows()) {
                List<TableInfo.Column> columns = new ArrayList<>();
                for (int i = 0; i < loaded.keys.size(); i++) {
                    columns.add(new TableInfo.Column("k" + i, ColumnKind.TEXT, false, 0, null));
                }
                columns.add(new TableInfo.Column("v" + index, column.kind(), true, 0, null));
                this.rows = product.rowBatch(connection, names, loaded.temp, columns);
            } else {
                this.rows = null;
            }
        }

        void add(List<String> key, Object value) throws SQLException {
            if (rows != null) {
                List<Object> row = new ArrayList<>(key.size() + 1);
                row.addAll(key);
                row.add(value);
                rows.add(row);
                if (++loadedRows % ROWS_PER_LOAD == 0) {
                    rows.send();
                }
                return;
            }
            keys.add(key);
            queued.add(value);
            if (queued.size() == ROWS_PER_INSERT) {
                if (full == null) {
                    full = connection.prepareStatement(insert(ROWS_PER_INSERT));
                }
                send(full);
            }
        }

        private String insert(int rows) {
            return sql.add(loaded.temp, loaded.keys.size(), loaded.columns.size(), index, values.placeholder(column.kind()), rows);
        }

        private void send(PreparedStatement ps) throws SQLException {
            try {
                int p = 1;
                for (int i = 0; i < queued.size(); i++) {
                    for (String part : keys.get(i)) {
                        ps.setString(p++, part);
                    }
                    values.bind(ps, p++, column.kind(), queued.get(i));
                }
                ps.executeUpdate();
            } finally {
                keys.clear();
                queued.clear();
            }
        }

        /** Sends the values added since the last full INSERT: the section is read to its end. */
        void finish() throws SQLException {
            if (rows != null) {
                rows.send();
            } else if (!queued.isEmpty()) {
                try (PreparedStatement rest = connection.prepareStatement(insert(queued.size()))) {
                    send(rest);
                }
            }
        }

        /** Closes the statement; values not {@linkplain #finish finished} are not sent (the restore is failing). */
        @Override
        public void close() throws SQLException {
            if (full != null) full.close();
            if (rows != null) rows.close();
        }
    }

    /**
     * Where the values of {@code column} of {@code table}, rows found by {@code keys}, go: the table's temporary table,
     * made when the file first names the table.
     */
    Section section(TableInfo table, List<TableInfo.Column> keys, TableInfo.Column column, boolean repaired) throws SQLException {
        List<String> keyNames = keys.stream().map(TableInfo.Column::name).toList();
        Loaded loaded = tables.get(table.name());
        if (loaded == null) {
            loaded = new Loaded(table, "cs_values_" + tables.size(), keyNames, columns(graph, table));
            tables.put(table.name(), loaded); // dropped on close from here on, made or not
            execute(sql.drop(loaded.temp)); // one a failed drop left in this pooled connection
            execute(sql.drop(loaded.ordered));
            execute(sql.create(names, loaded.temp, table.name(), keyNames, loaded.columns));
        }
        int index = loaded.columns.indexOf(column.name());
        if (!loaded.keys.equals(keyNames) || index < 0) {
            throw new SnapshotRefusedException(snapshot.toString(), "its values of " + table.name() + "." + column.name()
                    + " name their rows by " + keyNames + ", or the column is no foreign key of " + table.name());
        }
        loaded.repaired |= repaired;
        return new Section(loaded, column, index);
    }

    /** The columns of {@code table}'s values table: its foreign keys, any of which a delete may set to NULL or repair. */
    private static List<String> columns(CascadeGraph graph, TableInfo table) {
        return graph.incoming(table.name()).stream().map(ForeignKeyRule::column).distinct().toList();
    }

    /** Told which table's values go back next, and how many of the values loaded are back after each UPDATE. */
    interface Progress {
        /** The values of {@code rows} rows of {@code table} go back next (one UPDATE or several). */
        void setting(String table, long rows);

        void putBack(long values);
    }

    /**
     * Sets every table from its temporary table, the product's rows per UPDATE at a time, refusing (before any is
     * set) a file that gave one value twice, and stopping at the first UPDATE that set fewer rows than it was given.
     */
    void putBack(Progress progress) throws SQLException {
        long done = 0;
        for (Loaded loaded : tables.values()) {
            refuseTwice(loaded);
        }
        for (Loaded loaded : tables.values()) {
            // every value names a row the restore put back, or is refused before it is loaded: the database's own check
            // of the key would only find that row again; a repaired column's values name no row, and keep the check
            for (String statement : sql.ordered(loaded.temp, loaded.ordered, loaded.keys.size(), loaded.columns.size())) {
                execute(statement);
            }
            try (DatabaseProduct.BulkWrite unchecked = loaded.repaired ? () -> { } : product.checkingNoForeignKeys(connection);
                 PreparedStatement chunk = connection.prepareStatement(countOfChunk(loaded));
                 PreparedStatement update = connection.prepareStatement(sql.update(names, loaded.ordered, loaded.table.name(),
                         loaded.keys, loaded.columns))) {
                long last = single("SELECT COALESCE(MAX(cs_position), 0) FROM " + loaded.ordered);
                if (last > 0) {
                    progress.setting(loaded.table.name(), last);
                }
                long perUpdate = Math.max(1, sql.rowsPerUpdate());
                for (long from = 0; from < last; from = Math.min(last, from + perUpdate)) {
                    long to = Math.min(last, from + perUpdate);
                    long rows;
                    long chunkValues;
                    chunk.setLong(1, from);
                    chunk.setLong(2, to);
                    try (ResultSet rs = chunk.executeQuery()) {
                        rs.next();
                        rows = rs.getLong(1);
                        chunkValues = rs.getLong(2);
                    }
                    update.setLong(1, from);
                    update.setLong(2, to);
                    // one count for the chunk: each key names one row (the table's primary key), so a count short of
                    // the chunk's rows is a row gone or a value set again, and never one offset by a row found twice
                    if (update.executeUpdate() != rows) {
                        throw new Restorer.ChangedSince(new SnapshotRefusedException(snapshot.toString(), "it puts back values of "
                                + loaded.table.name() + " whose rows are gone or hold a value there again"));
                    }
                    done += chunkValues;
                    progress.putBack(done);
                }
            }
        }
    }

    /** The rows of a chunk of positions, and the values among them. */
    private String countOfChunk(Loaded loaded) {
        StringBuilder count = new StringBuilder("SELECT COUNT(*), 0");
        for (int i = 0; i < loaded.columns.size(); i++) {
            count.append(" + COUNT(v").append(i).append(")");
        }
        return count + " FROM " + loaded.ordered + " WHERE cs_position > ? AND cs_position <= ?";
    }

    private void refuseTwice(Loaded loaded) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery(sql.twice(loaded.temp, loaded.keys.size(), loaded.columns.size()))) {
            if (rs.next()) {
                List<String> key = new ArrayList<>();
                for (int i = 0; i < loaded.keys.size(); i++) {
                    key.add(rs.getString(i + 2));
                }
                throw new Restorer.ChangedSince(new SnapshotRefusedException(snapshot.toString(), "it puts back "
                        + loaded.table.name() + " " + Restorer.display(key) + "'s "
                        + loaded.columns.get(rs.getInt(1) - 1) + " twice"));
            }
        }
    }

    private void execute(String statement) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }

    private long single(String query) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Drops the temporary tables. */
    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (Loaded loaded : tables.values()) {
            for (String temp : List.of(loaded.temp, loaded.ordered)) {
                try {
                    execute(sql.drop(temp));
                } catch (SQLException e) {
                    if (failure == null) failure = e; else failure.addSuppressed(e);
                }
            }
        }
        tables.clear();
        if (failure != null) throw failure;
    }
}
