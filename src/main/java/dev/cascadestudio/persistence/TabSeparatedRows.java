package dev.cascadestudio.persistence;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Rows as lines of tab-separated text, the text format of PostgreSQL's {@code COPY ... FROM STDIN}: a tab between
 * columns, a line feed after each row, NULL as {@code \N}, and a backslash, tab, line feed or carriage return inside a
 * value written as its backslash escape, so that no value can end a column, a row or the data early (a text {@code \N}
 * goes as {@code \\N}). Each value is written as the server reads it for its column's kind, as it reads a bound text
 * parameter: an integer's digits, a timestamp as {@code yyyy-MM-dd HH:mm:ss.ffffff}, a boolean as the product spells it.
 */
final class TabSeparatedRows {

    private final List<TableInfo.Column> columns;
    private final String yes;
    private final String no;
    private final StringBuilder out = new StringBuilder(1 << 16);
    private long rows;

    /** Rows of {@code columns}, booleans written as {@code yes} and {@code no}. */
    TabSeparatedRows(List<TableInfo.Column> columns, String yes, String no) {
        this.columns = List.copyOf(columns);
        this.yes = yes;
        this.no = no;
    }

    /** Adds one row, its values in the order of the columns. */
    void add(List<?> values) {
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
        rows++;
    }

    /** The rows added since the last {@link #take}. */
    long rows() {
        return rows;
    }

    /** The rows added since the last take, as UTF-8; none are left. */
    byte[] take() {
        byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
        out.setLength(0);
        rows = 0;
        return text;
    }

    /** Forgets the rows not taken. */
    void clear() {
        out.setLength(0);
        rows = 0;
    }

    private String text(ColumnKind kind, Object value) {
        return switch (kind) {
            case BOOLEAN -> SqlValues.booleanOf(value) ? yes : no;
            case INTEGER -> String.valueOf(value instanceof Number n ? n.longValue() : Long.parseLong(value.toString()));
            case TIMESTAMP -> timestamp(value instanceof LocalDateTime t ? t : SqlValues.parseTimestamp(value.toString()));
            case TEXT, JSON -> value.toString();
        };
    }

    /**
     * {@code yyyy-MM-dd HH:mm:ss.ffffff}, ISO's order, which the server reads whatever its DateStyle; rounded to
     * the microsecond, half up (a value read from a database is a whole number of microseconds already). A year after
     * 9999 has its five or more digits, a year before 1 is written as PostgreSQL writes it ({@code 0044-03-15 ... BC}
     * for the proleptic year -43); a year beyond the server's range is its to refuse.
     */
    static String timestamp(LocalDateTime t) {
        LocalDateTime micros = t.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
        int year = micros.getYear();
        StringBuilder text = new StringBuilder(29);
        digits(text, year < 1 ? 1 - year : year, 4).append('-');
        digits(text, micros.getMonthValue(), 2).append('-');
        digits(text, micros.getDayOfMonth(), 2).append(' ');
        digits(text, micros.getHour(), 2).append(':');
        digits(text, micros.getMinute(), 2).append(':');
        digits(text, micros.getSecond(), 2).append('.');
        digits(text, micros.getNano() / 1_000, 6);
        return (year < 1 ? text.append(" BC") : text).toString();
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
}
