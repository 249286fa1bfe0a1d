package dev.cascadestudio.persistence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import org.postgresql.copy.CopyManager;

/**
 * Rows sent to PostgreSQL by {@code COPY ... FROM STDIN} in its text format, one COPY per {@link #send}: the server
 * parses each value as its column's type, as it parses a bound text parameter, so a value it would refuse in an
 * INSERT (a malformed JSON document, a name taken twice) it refuses here, with the same error, and the transaction
 * ends as the INSERT's would. Columns are separated by a tab, rows by a line break, NULL is {@code \N}, and a
 * backslash, tab, line feed or carriage return inside a value is written as its backslash escape, so no value can end
 * a row or the data early (CSV's format was not used: before PostgreSQL 18 a line {@code \.} inside a quoted value
 * ended the data). The COPY's count of rows is checked against the rows queued.
 */
final class PostgreSqlCopy implements DatabaseProduct.RowBatch {

    private final CopyManager copy;
    private final String sql;
    private final List<TableInfo.Column> columns;
    /** The rows queued, as the COPY's text. */
    private final StringBuilder out = new StringBuilder(1 << 16);
    private long queued;

    PostgreSqlCopy(CopyManager copy, SqlNames names, String table, List<TableInfo.Column> columns) {
        this.copy = copy;
        this.columns = List.copyOf(columns);
        StringBuilder sql = new StringBuilder("COPY ").append(names.quote(table)).append(" (");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(names.quote(columns.get(i).name()));
        }
        this.sql = sql.append(") FROM STDIN").toString();
    }

    @Override
    public void add(List<?> values) {
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) out.append('\t');
            Object value = values.get(i);
            if (value == null) {
                out.append("\\N");
            } else {
                out.append(escaped(text(columns.get(i).kind(), value)));
            }
        }
        out.append('\n');
        queued++;
    }

    /** A value as PostgreSQL reads it for a column of this kind, what {@link ServerProduct#bind} binds as text. */
    static String text(ColumnKind kind, Object value) {
        return switch (kind) {
            case BOOLEAN -> SqlValues.booleanOf(value) ? "true" : "false";
            case INTEGER -> String.valueOf(value instanceof Number n ? n.longValue() : Long.parseLong(value.toString()));
            case TIMESTAMP -> timestamp(value instanceof LocalDateTime t ? t : SqlValues.parseTimestamp(value.toString()));
            case TEXT, JSON -> value.toString();
        };
    }

    /**
     * {@code yyyy-MM-dd HH:mm:ss.ffffff}, ISO's order, which PostgreSQL reads whatever its {@code DateStyle}; rounded to
     * the microsecond, half up, as the driver rounds a bound timestamp.
     */
    static String timestamp(LocalDateTime t) {
        LocalDateTime micros = t.plusNanos(500).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        if (micros.getYear() < 1 || micros.getYear() > 9999) {
            throw new IllegalArgumentException("The timestamp " + t + " is outside the years 1 to 9999");
        }
        StringBuilder text = new StringBuilder(26);
        digits(text, micros.getYear(), 4).append('-');
        digits(text, micros.getMonthValue(), 2).append('-');
        digits(text, micros.getDayOfMonth(), 2).append(' ');
        digits(text, micros.getHour(), 2).append(':');
        digits(text, micros.getMinute(), 2).append(':');
        digits(text, micros.getSecond(), 2).append('.');
        return digits(text, micros.getNano() / 1_000, 6).toString();
    }

    /** {@code value}, not negative, in {@code width} decimal digits, zeros first. */
    private static StringBuilder digits(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) text.append('0');
        return text.append(digits);
    }

    /** The value with its backslashes, tabs and line breaks escaped; the value itself where it has none (most have none). */
    static String escaped(String value) {
        int first = 0;
        while (first < value.length() && !special(value.charAt(first))) first++;
        if (first == value.length()) {
            return value;
        }
        StringBuilder escaped = new StringBuilder(value.length() + 16).append(value, 0, first);
        for (int i = first; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\t' -> escaped.append("\\t");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static boolean special(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r';
    }

    @Override
    public void send() throws SQLException {
        if (queued == 0) {
            return;
        }
        long rows = queued;
        queued = 0;
        byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
        out.setLength(0);
        long copied;
        try {
            copied = copy.copyIn(sql, new ByteArrayInputStream(text));
        } catch (IOException e) {
            throw new SQLException("Could not send rows to the database: " + e.getMessage(), "08006", e);
        }
        if (copied != rows) {
            throw new SQLException("The database took " + copied + " of " + rows + " rows sent to it", "22000");
        }
    }

    @Override
    public void close() {
        out.setLength(0);
    }
}
