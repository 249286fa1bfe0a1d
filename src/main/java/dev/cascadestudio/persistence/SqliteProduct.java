package dev.cascadestudio.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;

/**
 * SQLite as the controller writes it: timestamps as text {@code YYYY-MM-DD HH:MM:SS.ffffff} (read back
 * as the file's exact text), booleans 0/1, JSON as text; BINARY collation, byte for byte.
 */
final class SqliteProduct implements DatabaseProduct {

    static final SqliteProduct INSTANCE = new SqliteProduct();

    private SqliteProduct() {}

    @Override public boolean identifiesRowsById() { return false; }
    @Override public boolean takesKeyArrays() { return false; }
    @Override public boolean comparesTextByteForByte() { return true; }

    /**
     * {@code column IN (SELECT value FROM json_each(?))}, the keys bound as one JSON array of strings
     * (sqlite-jdbc's SQLite has JSON1): SQLite then parses one parameter instead of thousands, and
     * compares each key as text, as it compares a bound string.
     */
    @Override
    public String inKeyList(String column, int keys) {
        return column + " IN (SELECT value FROM json_each(?))";
    }

    @Override
    public Object keyList(java.util.List<String> keys) {
        return SqlValues.jsonStringArray(keys);
    }

    @Override
    public int connectionPoolSize() {
        return 1;
    }

    @Override
    public int restoreLookupRows() {
        return 1;
    }

    /**
     * A page cache of up to {@value #BULK_CACHE_KIB} KiB instead of SQLite's 2 MB default while a big
     * snapshot goes back: its inserts and updates land all over the tables' B-trees and indexes, and
     * with the default cache every one of them reads its pages from the file again (a restore of
     * 270,000 rows took half as long again). Set back to what it was afterwards.
     */
    @Override
    public BulkWrite beginBulkWrite(java.sql.Connection connection) throws java.sql.SQLException {
        long before;
        try (java.sql.Statement s = connection.createStatement(); java.sql.ResultSet rs = s.executeQuery("PRAGMA cache_size")) {
            before = rs.next() ? rs.getLong(1) : -2000;
        }
        try (java.sql.Statement s = connection.createStatement()) {
            s.execute("PRAGMA cache_size = -" + BULK_CACHE_KIB);
        }
        return () -> {
            try (java.sql.Statement s = connection.createStatement()) {
                s.execute("PRAGMA cache_size = " + before);
            }
        };
    }

    private static final long BULK_CACHE_KIB = 256 * 1024;

    /**
     * {@code json_each(?)} and {@code ->>}, built into SQLite since 3.38: a restore's chunk of keys goes in
     * as one bound text, and a column compares a value from it as it compares a bound string (an INTEGER
     * column's affinity makes an integer of a string of digits).
     */
    @Override
    public java.util.Optional<JsonRows> jsonRows() {
        return java.util.Optional.of(JSON_EACH);
    }

    private static final JsonRows JSON_EACH = new JsonRows() {
        @Override public String from(String alias) { return "json_each(?) AS " + alias; }
        @Override public String value(String alias, int index) { return alias + ".value ->> " + index; }
        @Override public String position(String alias) { return alias + ".key"; }
        /** SQLite's unary {@code +}: the term no longer qualifies for an index. */
        @Override public String isNullUnindexed(String column) { return "+" + column + " IS NULL"; }
    };

    /** sqlite-jdbc's {@code open_mode} flag {@code SQLITE_OPEN_READONLY} (what {@code SQLiteConfig.setReadOnly} sets). */
    @Override
    public java.util.Map<String, String> readOnlyDriverProperties() {
        return java.util.Map.of("open_mode", "1");
    }

    @Override
    public String placeholder(ColumnKind column) {
        return "?";
    }

    @Override
    public void bind(PreparedStatement ps, int index, ColumnKind column, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, switch (column) {
                case BOOLEAN -> Types.INTEGER;
                case INTEGER -> Types.BIGINT;
                default -> Types.VARCHAR;
            });
            return;
        }
        switch (column) {
            case BOOLEAN -> ps.setInt(index, SqlValues.booleanOf(value) ? 1 : 0);
            case TIMESTAMP -> {
                if (value instanceof String text) {
                    ps.setString(index, text); // keep the file's own text exactly
                } else {
                    LocalDateTime t = value instanceof LocalDateTime ldt ? ldt : SqlValues.parseTimestamp(value.toString());
                    ps.setString(index, t.format(SqlValues.SQLITE_TIMESTAMP_OUT));
                }
            }
            case INTEGER -> ps.setLong(index, value instanceof Number n ? n.longValue() : Long.parseLong(value.toString()));
            case JSON, TEXT -> ps.setString(index, value.toString());
        }
    }

    @Override
    public Object read(ResultSet rs, int index, ColumnKind column) throws SQLException {
        switch (column) {
            case BOOLEAN -> {
                Object o = rs.getObject(index);
                return o == null ? null : Long.parseLong(o.toString()) != 0;
            }
            case INTEGER -> {
                long l = rs.getLong(index);
                return rs.wasNull() ? null : l;
            }
            default -> {
                return rs.getString(index); // timestamps stay the exact text the file holds
            }
        }
    }

    /** {@code jdbc:sqlite:} and the real path of the file, whichever form the URL takes; in memory, the URL as given. */
    @Override
    public String identity(String url) {
        java.nio.file.Path file;
        try {
            file = SqliteUrl.check(url).file();
        } catch (DatabaseOpenException | java.nio.file.InvalidPathException e) {
            return url;
        }
        return file == null ? url : SqliteUrl.PREFIX + DatabaseProduct.realPath(file);
    }

    /**
     * sqlite-jdbc decodes a TEXT value's bytes as UTF-8 and puts U+FFFD in place of every byte sequence
     * that is not UTF-8 ({@code 41 C3 FF 42} reads as {@code A\uFFFD\uFFFDB}, written back as
     * {@code 41 EF BF BD EF BF BD 42}). So text without U+FFFD was valid UTF-8 and is exact; text with
     * it is exact only if the stored bytes are its UTF-8 bytes (a genuine U+FFFD), read again as bytes.
     */
    @Override
    public boolean readTextExactly(ResultSet rs, int index, String read) throws SQLException {
        if (read == null || read.indexOf('\uFFFD') < 0) {
            return true;
        }
        return java.util.Arrays.equals(rs.getBytes(index), read.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override public String toString() { return "SQLite"; }

    /** SQLite enforces no foreign key unless a connection switches it on, which Cascade Studio never does. */
    @Override
    public boolean enforcesDeclaredForeignKeys() {
        return false;
    }
}
