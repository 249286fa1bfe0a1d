package dev.cascadestudio.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Moves column values between Java and a database the way that database stores them. Values are
 * plain: String, Boolean, Long, LocalDateTime, and JSON as its text. Each product's codecs are its
 * {@link DatabaseProduct}'s; on SQLite they match the controller: timestamps as text
 * {@code YYYY-MM-DD HH:MM:SS.ffffff}, booleans as 0/1, JSON as text.
 */
public final class SqlValues {

    /** The controller's SQLite timestamp text. */
    public static final DateTimeFormatter SQLITE_TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 6, true).optionalEnd()
            .toFormatter();
    static final DateTimeFormatter SQLITE_TIMESTAMP_OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final DatabaseProduct product;

    public SqlValues(DatabaseKind kind) {
        this(DatabaseProduct.of(kind));
    }

    public SqlValues(DatabaseProduct product) {
        this.product = product;
    }

    /** The JDBC parameter text for a column of this kind ({@code ?}, or a cast where JSON needs one). */
    public String placeholder(ColumnKind column) {
        return product.placeholder(column);
    }

    public void bind(PreparedStatement ps, int index, ColumnKind column, Object value) throws SQLException {
        product.bind(ps, index, column, value);
    }

    /** Reads a column as a plain value; SQLite timestamps stay the exact text the file holds. */
    public Object read(ResultSet rs, int index, ColumnKind column) throws SQLException {
        return product.read(rs, index, column);
    }

    /** Whether {@code read}, the text {@link #read} gave for that column of the current row, is exactly what the database holds ({@link DatabaseProduct#readTextExactly}). */
    public boolean readTextExactly(ResultSet rs, int index, String read) throws SQLException {
        return product.readTextExactly(rs, index, read);
    }

    public static LocalDateTime parseTimestamp(String text) {
        String t = text.trim();
        return t.indexOf('T') > 0 ? LocalDateTime.parse(t) : LocalDateTime.parse(t, SQLITE_TIMESTAMP);
    }

    /**
     * {@code values} as a JSON array of strings ({@code ["a","b"]}): quotes, backslashes and control
     * characters escaped as RFC 8259 asks, everything else as it is (JSON text is UTF-8 like the strings bound).
     */
    static String jsonStringArray(java.util.List<String> values) {
        StringBuilder json = new StringBuilder(values.size() * 40 + 2).append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append('"');
            String value = values.get(i);
            for (int c = 0; c < value.length(); c++) {
                char ch = value.charAt(c);
                if (ch == '"' || ch == '\\') {
                    json.append('\\').append(ch);
                } else if (ch < 0x20) {
                    json.append(String.format("\\u%04x", (int) ch));
                } else {
                    json.append(ch);
                }
            }
            json.append('"');
        }
        return json.append(']').toString();
    }

    static boolean booleanOf(Object value) {
        return value instanceof Boolean bool ? bool : Long.parseLong(value.toString()) != 0;
    }
}
