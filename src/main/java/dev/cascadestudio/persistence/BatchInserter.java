package dev.cascadestudio.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inserts rows with JDBC batches, one prepared statement per (table, column set). Used by the
 * demo data, the generator and snapshot restore; it never commits, its caller owns the transaction.
 */
public final class BatchInserter implements AutoCloseable {

    private final Connection connection;
    private final SqlNames names;
    private final SqlValues values;
    private final int batchSize;
    private final Map<String, Pending> statements = new LinkedHashMap<>();
    private long inserted;

    public BatchInserter(Connection connection, DatabaseKind kind, SqlNames names, int batchSize) {
        this.connection = connection;
        this.names = names;
        this.values = new SqlValues(kind);
        this.batchSize = batchSize;
    }

    private static final class Pending {
        final PreparedStatement statement;
        final List<TableInfo.Column> columns;
        int queued;

        Pending(PreparedStatement statement, List<TableInfo.Column> columns) {
            this.statement = statement;
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
        Pending pending = statements.get(key);
        if (pending == null) {
            StringBuilder sql = new StringBuilder("INSERT INTO ").append(names.quote(table)).append(" (");
            StringBuilder marks = new StringBuilder();
            for (int i = 0; i < columns.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(names.quote(columns.get(i).name()));
                marks.append(i == 0 ? "" : ", ").append(values.placeholder(columns.get(i).kind()));
            }
            sql.append(") VALUES (").append(marks).append(')');
            pending = new Pending(connection.prepareStatement(sql.toString()), columns);
            statements.put(key, pending);
        }
        for (int i = 0; i < pending.columns.size(); i++) {
            TableInfo.Column c = pending.columns.get(i);
            values.bind(pending.statement, i + 1, c.kind(), row.get(c.name()));
        }
        pending.statement.addBatch();
        inserted++;
        // Flush every table in first-use order, so parents always reach the database before children.
        if (++pending.queued >= batchSize) {
            flush();
        }
    }

    public void flush() throws SQLException {
        for (Pending p : statements.values()) {
            if (p.queued > 0) {
                p.statement.executeBatch();
                p.queued = 0;
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

    @Override
    public void close() throws SQLException {
        try {
            flush();
        } finally {
            for (Pending p : statements.values()) {
                p.statement.close();
            }
        }
    }
}
