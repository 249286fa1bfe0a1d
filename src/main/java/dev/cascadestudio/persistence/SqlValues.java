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

    /**
     * A timestamp as SQLite's text ({@code 2026-03-02 12:05:00.000000}, {@link #SQLITE_TIMESTAMP}) or ISO's
     * ({@code 2026-03-02T12:05:00}). The usual shape, a valid date and time with 0 to 6 digits of fraction, is read
     * by hand: the formatter took a seventh of a big delete's snapshot (every row has two timestamps, each checked);
     * anything else, valid or not, goes to the formatters, so the result is theirs either way.
     */
    public static LocalDateTime parseTimestamp(String text) {
        String t = text.trim();
        LocalDateTime usual = usualTimestamp(t);
        if (usual != null) {
            return usual;
        }
        return t.indexOf('T') > 0 ? LocalDateTime.parse(t) : LocalDateTime.parse(t, SQLITE_TIMESTAMP);
    }

    /**
     * {@code yyyy-MM-dd HH:mm:ss[.f{1,6}]} or the same with {@code T}, or {@code yyyy-MM-ddTHH:mm} (what
     * {@link LocalDateTime#toString} writes for a whole minute, as a server's timestamps are read), a valid date and
     * time in the years 1 to 9999; else null.
     */
    static LocalDateTime usualTimestamp(String t) {
        int n = t.length();
        boolean wholeMinute = n == 16 && t.charAt(10) == 'T';
        if ((n < 19 && !wholeMinute) || n == 20 || n > 26 || t.charAt(4) != '-' || t.charAt(7) != '-'
                || (t.charAt(10) != ' ' && t.charAt(10) != 'T') || t.charAt(13) != ':'
                || (!wholeMinute && t.charAt(16) != ':') || (n > 19 && t.charAt(19) != '.')) {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        int hour = digits(t, 11, 13);
        int minute = digits(t, 14, 16);
        int second = wholeMinute ? 0 : digits(t, 17, 19);
        int fraction = n > 19 ? digits(t, 20, n) : 0;
        if ((year | month | day | hour | minute | second | fraction) < 0 || year < 1 || month < 1 || month > 12 || day < 1
                || day > java.time.YearMonth.of(year, month).lengthOfMonth() || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        for (int i = n; i < 26; i++) fraction *= 10; // to microseconds
        return LocalDateTime.of(year, month, day, hour, minute, second, fraction * 1_000);
    }

    /** The decimal number of {@code t}'s characters {@code from} to {@code to}, or -1 where one is not an ASCII digit. */
    private static int digits(String t, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
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
