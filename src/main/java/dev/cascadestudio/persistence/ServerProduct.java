package dev.cascadestudio.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;

/** The value codecs the JDBC types give directly: BOOLEAN, TIMESTAMP, BIGINT and JSON as text. */
abstract class ServerProduct implements DatabaseProduct {

    @Override
    public String placeholder(ColumnKind column) {
        return "?";
    }

    @Override
    public void bind(PreparedStatement ps, int index, ColumnKind column, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, switch (column) {
                case BOOLEAN -> Types.BOOLEAN;
                case TIMESTAMP -> Types.TIMESTAMP;
                case INTEGER -> Types.BIGINT;
                default -> Types.VARCHAR;
            });
            return;
        }
        switch (column) {
            case BOOLEAN -> ps.setBoolean(index, SqlValues.booleanOf(value));
            case TIMESTAMP -> ps.setTimestamp(index, Timestamp.valueOf(value instanceof LocalDateTime t ? t
                    : SqlValues.parseTimestamp(value.toString())));
            case INTEGER -> ps.setLong(index, value instanceof Number n ? n.longValue() : Long.parseLong(value.toString()));
            case JSON -> bindJson(ps, index, value.toString());
            case TEXT -> ps.setString(index, value.toString());
        }
    }

    void bindJson(PreparedStatement ps, int index, String json) throws SQLException {
        ps.setString(index, json);
    }

    @Override
    public Object read(ResultSet rs, int index, ColumnKind column) throws SQLException {
        switch (column) {
            case BOOLEAN -> {
                boolean b = rs.getBoolean(index);
                return rs.wasNull() ? null : b;
            }
            case TIMESTAMP -> {
                Timestamp t = rs.getTimestamp(index);
                return t == null ? null : t.toLocalDateTime();
            }
            case INTEGER -> {
                long l = rs.getLong(index);
                return rs.wasNull() ? null : l;
            }
            case JSON -> {
                return readJson(rs, index);
            }
            default -> {
                return rs.getString(index);
            }
        }
    }

    Object readJson(ResultSet rs, int index) throws SQLException {
        return rs.getString(index);
    }
}
