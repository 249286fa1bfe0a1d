package dev.cascadestudio.persistence;

/**
 * MariaDB and MySQL: text compares under each column's collation (utf8mb4_general_ci ignores case and
 * trailing spaces, utf8mb4_bin trailing spaces), so every text comparison that decides a delete is the
 * database's own; JSON is text with a check.
 */
final class MariaDbProduct extends ServerProduct {

    static final MariaDbProduct INSTANCE = new MariaDbProduct();

    private MariaDbProduct() {}

    @Override
    public String identity(String url) {
        return serverIdentity(url, 3306);
    }

    @Override public boolean identifiesRowsById() { return false; }
    @Override public boolean takesKeyArrays() { return false; }
    @Override public boolean comparesTextByteForByte() { return false; }

    /**
     * MariaDB 10.11 cannot make a semi-join of {@code IN (SELECT ...)} in a single-table UPDATE or
     * DELETE (11.1 can): EXPLAIN shows a full scan of {@code run} (300,000 rows on 1M) with a
     * DEPENDENT SUBQUERY per row, nested once per level up to the project. Joined to the DISTINCT
     * deleted parent keys, the same statements find their rows through the child's foreign-key index
     * (EXPLAIN: ref on ix_run_workflow_id). MySQL 8 takes the same multi-table syntax. The planner's
     * "nulled already" column, a CASE WHEN ... IN (SELECT ...) in the select list, was a dependent
     * subquery per run too: 11.4 s of an 11.5 s plan; LEFT JOINed to the keys it is a lookup.
     */
    @Override
    public boolean joinsToParentKeys() {
        return true;
    }

    /**
     * None: the keys go one parameter each. The one way to bind a list as one parameter here,
     * {@code JSON_TABLE}, gives a column of its own collation, and the comparison with {@code uid} must
     * be the column's own ({@link #comparesTextByteForByte()}). MariaDB/MySQL sort a constant {@code IN}
     * list and search it by halves; GridBenchmark does not measure this product.
     */
    @Override
    public String inKeyList(String column, int keys) {
        return null;
    }

    /**
     * The chunk as a derived table of {@code SELECT ? AS k0, ?, ... UNION ALL SELECT ?, ...} read first
     * ({@code STRAIGHT_JOIN}), each of its rows finding its table row by the key. One UPDATE per row spent about
     * 140 µs a value on the undo of a 1M-row delete (175,756 values, 25 s); joined to a table of the same values,
     * the 100,432 {@code run.workflow_id} ones went back in 4.7 s instead of about 14 s (README, Start-up and speed).
     */
    @Override
    public java.util.Optional<String> putBackValues(SqlNames names, String table, java.util.List<String> keys, String column,
                                                    String value, int rows) {
        StringBuilder chunk = new StringBuilder("SELECT ");
        for (int i = 0; i < keys.size(); i++) {
            chunk.append("? AS k").append(i).append(", ");
        }
        chunk.append(value).append(" AS v");
        String next = " UNION ALL SELECT " + "?, ".repeat(keys.size()) + value;
        chunk.append(next.repeat(rows - 1));
        StringBuilder on = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            on.append(i == 0 ? "" : " AND ").append("t.").append(names.quote(keys.get(i))).append(" = j.k").append(i);
        }
        String target = "t." + names.quote(column);
        return java.util.Optional.of("UPDATE (" + chunk + ") j STRAIGHT_JOIN " + names.quote(table) + " t ON " + on
                + " SET " + target + " = j.v WHERE " + target + " IS NULL");
    }

    /**
     * {@code foreign_key_checks = 0} for the session, then its value before. InnoDB checks a foreign key by finding
     * and locking the parent row, here a row the same transaction has just inserted. The 175,756 values of a 1M-row
     * undo went back in 10.1, 10.4, 12.5 and 9.8 s without the check and 11.0, 12.5, 12.0 and 14.5 s with it
     * (UndoBenchmark, the two alternated on one machine, 2026-12-07).
     */
    @Override
    public BulkWrite checkingNoForeignKeys(java.sql.Connection connection) throws java.sql.SQLException {
        String before = ReadOnlyConnections.single(connection, "SELECT @@SESSION.foreign_key_checks");
        try (java.sql.Statement s = connection.createStatement()) {
            s.execute("SET SESSION foreign_key_checks = 0");
        }
        return () -> {
            try (java.sql.Statement s = connection.createStatement()) {
                s.execute("SET SESSION foreign_key_checks = " + ("0".equals(before) ? "0" : "1"));
            }
        };
    }

    /** MariaDB's and MySQL's RTRIM takes no characters to trim (TRIM TRAILING trims a whole string): a regular expression does it. */
    @Override
    public String withoutTrailingDigits(String text) {
        return "REGEXP_REPLACE(" + text + ", '[0-9]+$', '')";
    }

    /** LENGTH counts bytes here. */
    @Override
    public String characterLength(String text) {
        return "CHAR_LENGTH(" + text + ")";
    }

    /** The driver's {@code setReadOnly} is only a hint outside replication: the session itself is made read-only. */
    @Override
    public java.util.Optional<String> readOnlySessionSql() {
        return java.util.Optional.of("SET SESSION TRANSACTION READ ONLY");
    }

    /** MariaDB before 11.1 calls it {@code tx_read_only}, MySQL 8 only {@code transaction_read_only}. */
    @Override
    public boolean isReadOnly(java.sql.Connection connection) throws java.sql.SQLException {
        String value;
        try {
            value = ReadOnlyConnections.single(connection, "SELECT @@session.tx_read_only");
        } catch (java.sql.SQLException e) {
            value = ReadOnlyConnections.single(connection, "SELECT @@session.transaction_read_only");
        }
        return "1".equals(value);
    }

    @Override public String toString() { return "MariaDB/MySQL"; }

    /** MariaDB and MySQL say 23000 for every integrity error; their error codes 1452 and 1451 are the foreign key's. */
    @Override
    public boolean isForeignKeyViolation(java.sql.SQLException e) {
        return e.getErrorCode() == 1452 || e.getErrorCode() == 1451 || e.getErrorCode() == 1216 || e.getErrorCode() == 1217;
    }
}
