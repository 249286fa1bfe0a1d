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

    /**
     * A network server's database as {@code jdbc:<scheme>://host:port[,host:port…]/database}: host names in
     * lower case, {@code defaultPort} where none is given ({@code localhost} where no host is), the
     * settings after {@code ?} (user, password, options) left out: they do not change which database it is.
     */
    static String serverIdentity(String url, int defaultPort) {
        int schemeEnd = url.indexOf(':', "jdbc:".length());
        if (!url.regionMatches(true, 0, "jdbc:", 0, 5) || schemeEnd < 0) {
            return url;
        }
        String scheme = url.substring(0, schemeEnd + 1).toLowerCase(java.util.Locale.ROOT);
        String rest = url.substring(schemeEnd + 1);
        int settings = rest.indexOf('?');
        if (settings >= 0) rest = rest.substring(0, settings);
        String hosts = "localhost";
        String database = rest;
        if (rest.startsWith("//")) {
            int slash = rest.indexOf('/', 2);
            hosts = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
            database = slash < 0 ? "" : rest.substring(slash + 1);
        }
        StringBuilder out = new StringBuilder(scheme).append("//");
        String[] each = hosts.isEmpty() ? new String[] {"localhost"} : hosts.split(",");
        for (int i = 0; i < each.length; i++) {
            String host = each[i].strip().toLowerCase(java.util.Locale.ROOT);
            int portColon = host.startsWith("[") ? host.indexOf(':', Math.max(0, host.indexOf(']'))) : host.lastIndexOf(':');
            if (portColon < 0) host = host + ":" + defaultPort;
            if (i > 0) out.append(',');
            out.append(host);
        }
        return out.append('/').append(database).toString();
    }

    // ---- the SQL of values tables (MariaDB, PostgreSQL) ----

    /**
     * A query of no rows whose columns are {@code table}'s {@code keys} as {@code k0, k1, ...} and its {@code columns} as
     * {@code v0, v1, ...}, of their types and collations: what a values table is made from. The values come from an outer
     * join, so that each may be NULL where the table's column may not.
     */
    static String typedAs(SqlNames names, String table, java.util.List<String> keys, java.util.List<String> columns) {
        return "SELECT " + each(names, keys, ", ", (key, i) -> "t." + key + " AS k" + i)
                + each(names, columns, "", (column, i) -> ", n." + column + " AS v" + i) + " FROM " + names.quote(table)
                + " t LEFT JOIN " + names.quote(table) + " n ON 1 = 0 WHERE 1 = 0";
    }

    /** {@code term} of each of {@code names}, quoted, with its index, joined by {@code separator}. */
    static String each(SqlNames quoting, java.util.List<String> names, String separator,
                       java.util.function.BiFunction<String, Integer, String> term) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            out.append(i == 0 ? "" : separator).append(term.apply(quoting.quote(names.get(i)), i));
        }
        return out.toString();
    }

    /** {@code prefix0, prefix1, ...}: {@code n} names of a values table's columns. */
    static String list(String prefix, int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) out.append(i == 0 ? "" : ", ").append(prefix).append(i);
        return out.toString();
    }
}
