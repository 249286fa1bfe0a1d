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
     * SQLITE_BUSY_SNAPSHOT: in WAL mode a reader keeps no writer out, and a transaction that read (a delete's snapshot)
     * before another connection committed may no longer write; its view is not the latest. The delete shows its plan
     * again. In the default rollback journal the reader's lock keeps the other writer from committing instead.
     */
    @Override
    public boolean isSerializationFailure(SQLException e) {
        return e instanceof org.sqlite.SQLiteException failure
                && failure.getResultCode() == org.sqlite.SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT;
    }

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

    /**
     * A controller's file keys its versioned tables {@code PRIMARY KEY (version, uid)}, and nothing indexes the uid
     * alone: 10,000 chosen runs were found by scanning all 371,728 (about 0.1 s). With the versions it holds (usually
     * only {@code ''}) named, SQLite seeks each (version, uid) in that key: 18 to 36 ms. The versions come from the key
     * itself, one seek each (a recursive loose index scan), in the same statement, so the condition is true of every
     * row whatever was written since; it is only offered where
     * the table holds at most {@value #FEW_VERSIONS}, counted first the same way. Only the chosen rows' own scan
     * takes it: inside the subqueries of other statements it made SQLite judge the chosen rows to be one and scan
     * a child table once for each of them (a project's plan took 5.9 s instead of 54 ms).
     */
    @Override
    public String everyVersion(java.sql.Connection connection, SqlNames names, String table) throws SQLException {
        int versionAt = 0;
        int uidAt = 0;
        try (PreparedStatement ps = connection.prepareStatement("SELECT name, pk FROM pragma_table_info(?)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if ("version".equals(rs.getString(1))) {
                        versionAt = rs.getInt(2);
                    } else if ("uid".equals(rs.getString(1))) {
                        uidAt = rs.getInt(2);
                    }
                }
            }
        }
        if (versionAt != 1 || uidAt != 2) {
            return null;
        }
        String versions = versions(names, table);
        try (java.sql.Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM (" + versions + " LIMIT " + (FEW_VERSIONS + 1) + ")")) {
            if (!rs.next() || rs.getInt(1) > FEW_VERSIONS) {
                return null;
            }
        }
        return names.quote("version") + " IN (" + versions + ")";
    }

    /** Every version {@code table} holds, each found by one seek in a key that leads with the version. */
    private static String versions(SqlNames names, String table) {
        String t = names.quote(table);
        String v = names.quote("version");
        return "WITH RECURSIVE cs_versions(v) AS (SELECT MIN(" + v + ") FROM " + t + " UNION ALL SELECT (SELECT MIN(" + v
                + ") FROM " + t + " WHERE " + v + " > cs_versions.v) FROM cs_versions WHERE cs_versions.v IS NOT NULL)"
                + " SELECT v FROM cs_versions WHERE v IS NOT NULL";
    }

    /**
     * Yes: a controller's file has no index on a label's {@code parent} nor on {@code uid} alone, so the labels of
     * 10,000 chosen runs were found by reading the runs again for their names (a scan of all 371,728) inside the
     * labels' statement; with the names at hand from the runs' own scan, bound as one JSON array, the labels are one
     * scan of their own table (34 ms).
     */
    @Override
    public boolean findsChildrenOfChosenRowsByKeyList() {
        return true;
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
