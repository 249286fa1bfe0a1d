package dev.cascadestudio.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Moves column values between Java and a database the way that database stores them. Values are
 * plain: String, Boolean, Long, LocalDateTime, and JSON as its text. On SQLite this matches the
 * controller: timestamps as text {@code YYYY-MM-DD HH:MM:SS.ffffff}, booleans as 0/1, JSON as text.
 */
public final class SqlValues {

    /** The controller's SQLite timestamp text. */
    public static final DateTimeFormatter SQLITE_TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 6, true).optionalEnd()
            .toFormatter();
    private static final DateTimeFormatter SQLITE_TIMESTAMP_OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final DatabaseKind kind;

    public SqlValues(DatabaseKind kind) {
        this.kind = kind;
    }

    /** The JDBC parameter text for a column of this kind ({@code ?}, or a cast where JSON needs one). */
    public String placeholder(ColumnKind column) {
        if (column == ColumnKind.JSON && kind == DatabaseKind.H2) return "? FORMAT JSON";
        if (column == ColumnKind.JSON && kind == DatabaseKind.POSTGRESQL) return "CAST(? AS json)";
        return "?";
    }

    public void bind(PreparedStatement ps, int index, ColumnKind column, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, switch (column) {
                case BOOLEAN -> kind == DatabaseKind.SQLITE ? Types.INTEGER : Types.BOOLEAN;
                case TIMESTAMP -> kind == DatabaseKind.SQLITE ? Types.VARCHAR : Types.TIMESTAMP;
                case INTEGER -> Types.BIGINT;
                default -> Types.VARCHAR;
            });
            return;
        }
        switch (column) {
            case BOOLEAN -> {
                boolean b = value instanceof Boolean bool ? bool : Long.parseLong(value.toString()) != 0;
                if (kind == DatabaseKind.SQLITE) ps.setInt(index, b ? 1 : 0); else ps.setBoolean(index, b);
            }
            case TIMESTAMP -> {
                if (kind == DatabaseKind.SQLITE && value instanceof String text) {
                    ps.setString(index, text); // keep the file's own text exactly
                    return;
                }
                LocalDateTime t = value instanceof LocalDateTime ldt ? ldt : parseTimestamp(value.toString());
                if (kind == DatabaseKind.SQLITE) ps.setString(index, t.format(SQLITE_TIMESTAMP_OUT));
                else ps.setTimestamp(index, Timestamp.valueOf(t));
            }
            case INTEGER -> ps.setLong(index, value instanceof Number n ? n.longValue() : Long.parseLong(value.toString()));
            case JSON -> {
                if (kind == DatabaseKind.H2) ps.setBytes(index, value.toString().getBytes(StandardCharsets.UTF_8));
                else ps.setString(index, value.toString());
            }
            case TEXT -> ps.setString(index, value.toString());
        }
    }

    /** Reads a column as a plain value; SQLite timestamps stay the exact text the file holds. */
    public Object read(ResultSet rs, int index, ColumnKind column) throws SQLException {
        switch (column) {
            case BOOLEAN -> {
                if (kind == DatabaseKind.SQLITE) {
                    Object o = rs.getObject(index);
                    return o == null ? null : Long.parseLong(o.toString()) != 0;
                }
                boolean b = rs.getBoolean(index);
                return rs.wasNull() ? null : b;
            }
            case TIMESTAMP -> {
                if (kind == DatabaseKind.SQLITE) return rs.getString(index);
                Timestamp t = rs.getTimestamp(index);
                return t == null ? null : t.toLocalDateTime();
            }
            case INTEGER -> {
                long l = rs.getLong(index);
                return rs.wasNull() ? null : l;
            }
            case JSON -> {
                if (kind == DatabaseKind.H2) {
                    byte[] bytes = rs.getBytes(index);
                    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
                }
                return rs.getString(index);
            }
            default -> {
                return rs.getString(index);
            }
        }
    }

    public static LocalDateTime parseTimestamp(String text) {
        String t = text.trim();
        return t.indexOf('T') > 0 ? LocalDateTime.parse(t) : LocalDateTime.parse(t, SQLITE_TIMESTAMP);
    }
}
