package dev.cascadestudio.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inserts rows many at a time, one {@link DatabaseProduct.RowBatch} per (table, column set): JDBC batches of a prepared
 * INSERT, or the product's own bulk load ({@link DatabaseProduct#rowBatch}). Used by the demo data, the generator and
 * snapshot restore; it never commits, its caller owns the transaction.
 */
public final class BatchInserter implements AutoCloseable {

    private final Connection connection;
    private final SqlNames names;
    private final DatabaseProduct product;
    private final int batchSize;
    private final Map<String, Pending> batches = new LinkedHashMap<>();
    private long inserted;
    /** A send failed: the caller's transaction is lost, and nothing more is sent into it (PostgreSQL refuses it anyway). */
    private boolean refused;
    /** The batch the last row went to, and the table and columns (by identity) it was found for. */
    private Pending last;
    private String lastTable;
    private List<TableInfo.Column> lastColumns;

    public BatchInserter(Connection connection, DatabaseKind kind, SqlNames names, int batchSize) {
        this.connection = connection;
        this.names = names;
        this.product = DatabaseProduct.of(kind);
        this.batchSize = batchSize;
    }

    private static final class Pending {
        final DatabaseProduct.RowBatch batch;
        final List<TableInfo.Column> columns;
        int queued;

        Pending(DatabaseProduct.RowBatch batch, List<TableInfo.Column> columns) {
            this.batch = batch;
            this.columns = columns;
        }
    }

    /** Queues one row; columns missing from {@code row} are left to the database's default. */
    public void insert(String table, Map<String, ?> row) throws SQLException {
        TableInfo info = MappedTables.get(table);
        List<TableInfo.Column> columns = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (TableInfo.Column c : info.columns()) {
            if (row.containsKey(c.name())) {
                columns.add(c);
                values.add(row.get(c.name()));
            }
        }
        insert(table, columns, values);
    }

    /**
     * Queues one row of {@code table}, its {@code values} in the order of {@code columns} (columns of that table; the
     * others are left to the database's default). A caller that passes the same list of columns row after row, a
     * list it does not change (a snapshot's section), has its batch found without building a key per row.
     */
    public void insert(String table, List<TableInfo.Column> columns, List<?> values) throws SQLException {
        Pending pending;
        if (columns == lastColumns && table.equals(lastTable)) {
            pending = last;
        } else {
            String key = table + columns.stream().map(TableInfo.Column::name).toList();
            pending = batches.get(key);
            if (pending == null) {
                pending = new Pending(product.rowBatch(connection, names, table, columns), List.copyOf(columns));
                batches.put(key, pending);
            }
            last = pending;
            lastTable = table;
            lastColumns = columns;
        }
        if (values.size() != pending.columns.size()) {
            throw new IllegalArgumentException(values.size() + " values for the " + pending.columns.size() + " columns of a row of " + table);
        }
        pending.batch.add(values);
        inserted++;
        // Flush every table in first-use order, so parents always reach the database before children.
        if (++pending.queued >= batchSize) {
            flush();
        }
    }

    public void flush() throws SQLException {
        for (Pending p : batches.values()) {
            if (p.queued > 0) {
                p.queued = 0;
                try {
                    p.batch.send();
                } catch (SQLException | RuntimeException e) {
                    refused = true;
                    throw e;
                }
            }
        }
    }

    public long inserted() {
        return inserted;
    }

    /** A row map that keeps insertion order and allows null values. */
    public static Map<String, Object> row(Object... keyValues) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            row.put((String) keyValues[i], keyValues[i + 1]);
        }
        return row;
    }

    /** Sends what is queued, unless a send has failed, and releases every batch. */
    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        try {
            if (!refused) {
                flush();
            }
        } catch (SQLException e) {
            failure = e;
        }
        for (Pending p : batches.values()) {
            try {
                p.batch.close();
            } catch (SQLException e) {
                if (failure == null) failure = e; else failure.addSuppressed(e);
            }
        }
        if (failure != null) throw failure;
    }
}
