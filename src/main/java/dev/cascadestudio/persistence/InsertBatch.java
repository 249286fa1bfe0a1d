package dev.cascadestudio.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Rows sent as JDBC batches of one prepared {@code INSERT}: every product's way unless it has a faster one. */
final class InsertBatch implements DatabaseProduct.RowBatch {

    private final DatabaseProduct product;
    private final List<TableInfo.Column> columns;
    private final PreparedStatement statement;
    private int queued;

    InsertBatch(Connection connection, DatabaseProduct product, SqlNames names, String table, List<TableInfo.Column> columns)
            throws SQLException {
        this.product = product;
        this.columns = List.copyOf(columns);
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(names.quote(table)).append(" (");
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(names.quote(columns.get(i).name()));
            marks.append(i == 0 ? "" : ", ").append(product.placeholder(columns.get(i).kind()));
        }
        this.statement = connection.prepareStatement(sql.append(") VALUES (").append(marks).append(')').toString());
    }

    @Override
    public void add(List<?> values) throws SQLException {
        for (int i = 0; i < columns.size(); i++) {
            product.bind(statement, i + 1, columns.get(i).kind(), values.get(i));
        }
        statement.addBatch();
        queued++;
    }

    @Override
    public void send() throws SQLException {
        if (queued > 0) {
            queued = 0;
            statement.executeBatch();
        }
    }

    @Override
    public void close() throws SQLException {
        statement.close();
    }
}
