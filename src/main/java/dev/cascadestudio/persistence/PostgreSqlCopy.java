package dev.cascadestudio.persistence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.copy.CopyManager;

/**
 * Rows sent to PostgreSQL by {@code COPY ... FROM STDIN} in its text format ({@link TabSeparatedRows}), one COPY per
 * {@link #send}: the server parses each value as its column's type, as it parses a bound text parameter, so a value it
 * would refuse in an INSERT (a malformed JSON document, a name taken twice) it refuses here, with the same error, and
 * the transaction ends as the INSERT's would. CSV's format was not used: before PostgreSQL 18 a line {@code \.} inside
 * a quoted value ended the data. The COPY's count of rows is checked against the rows queued.
 */
final class PostgreSqlCopy implements DatabaseProduct.RowBatch {

    private final CopyManager copy;
    private final String sql;
    private final TabSeparatedRows rows;

    PostgreSqlCopy(CopyManager copy, SqlNames names, String table, List<TableInfo.Column> columns) {
        this.copy = copy;
        this.rows = new TabSeparatedRows(columns, "true", "false");
        StringBuilder sql = new StringBuilder("COPY ").append(names.quote(table)).append(" (");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(names.quote(columns.get(i).name()));
        }
        // the bytes are UTF-8 whatever the session's client_encoding
        this.sql = sql.append(") FROM STDIN WITH (ENCODING 'UTF8')").toString();
    }

    @Override
    public void add(List<?> values) {
        rows.add(values);
    }

    @Override
    public void send() throws SQLException {
        long queued = rows.rows();
        if (queued == 0) {
            return;
        }
        long copied;
        try {
            copied = copy.copyIn(sql, new ByteArrayInputStream(rows.take()));
        } catch (IOException e) {
            throw new SQLException("Could not send rows to the database: " + e.getMessage(), "08006", e);
        }
        if (copied != queued) {
            // not the file's fault (a trigger that dropped rows, say): no integrity or data state, so the error reads as it is
            throw new SQLException("The database took " + copied + " of " + queued + " rows sent to it", "XX000");
        }
    }

    @Override
    public void close() {
        rows.clear();
    }
}
