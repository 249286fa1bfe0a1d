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
        for (TableInfo.Column c : info.columns()) {
            if (row.containsKey(c.name())) {
                columns.add(c);
            }
        }
        String key = table + columns.stream().map(TableInfo.Column::name).toList();
        Pending pending = batches.get(key);
        if (pending == null) {
            pending = new Pending(product.rowBatch(connection, names, table, columns), columns);
            batches.put(key, pending);
        }
        List<Object> values = new ArrayList<>(pending.columns.size());
        for (TableInfo.Column c : pending.columns) {
            values.add(row.get(c.name()));
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
