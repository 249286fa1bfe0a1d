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
     * Temporary InnoDB tables made by {@code CREATE TEMPORARY TABLE ... SELECT} from the table itself, so that their
     * keys and values have the table's types and collations (the values taken from an outer join, so that each may be
     * NULL where the table's column may not), loaded a thousand values per {@code INSERT}, and an UPDATE that finds each
     * row by its primary key, the temporary table's rows first ({@code STRAIGHT_JOIN}). The 175,756 values of a 1M-row
     * undo went back in 9.4 s four thousand per UPDATE joined to a {@code SELECT ? ... UNION ALL SELECT ...} chunk, one
     * column at a time in the file's order; from a table in the order of the keys, run's two columns in one UPDATE took
     * 3.9 s, loading and ordering the table 0.8 s (README, Start-up and speed). No statement here commits: MariaDB and
     * MySQL create and drop temporary tables inside the transaction.
     */
    @Override
    public java.util.Optional<ValuesTable> valuesTable() {
        return java.util.Optional.of(new ValuesTable() {
            @Override
            public String create(SqlNames names, String temp, String table, java.util.List<String> keys,
                                 java.util.List<String> columns) {
                return "CREATE TEMPORARY TABLE " + temp + " (cs_twice INT NOT NULL DEFAULT 0, PRIMARY KEY ("
                        + list("k", keys.size()) + ")) ENGINE=InnoDB " + typedAs(names, table, keys, columns);
            }

            @Override
            public String add(String temp, int keys, int columns, int column, String value, int rows) {
                // every value column named, the others NULL: one copied from a NOT NULL column has no default
                StringBuilder row = new StringBuilder("(").append("?, ".repeat(keys - 1)).append("?");
                for (int i = 0; i < columns; i++) {
                    row.append(", ").append(i == column ? value : "NULL");
                }
                row.append(")");
                // VALUES(v): MariaDB's only way to name the row being inserted; MySQL 8.0.20+ warns but accepts it
                String v = "v" + column;
                return "INSERT INTO " + temp + " (" + list("k", keys) + ", " + list("v", columns) + ") VALUES "
                        + String.join(", ", java.util.Collections.nCopies(rows, row)) + " ON DUPLICATE KEY UPDATE cs_twice = IF("
                        + v + " IS NULL, cs_twice, " + (column + 1) + "), " + v + " = VALUES(" + v + ")";
            }

            @Override
            public String twice(String temp, int keys, int columns) {
                return "SELECT cs_twice, " + list("k", keys) + " FROM " + temp + " WHERE cs_twice > 0 LIMIT 1";
            }

            @Override
            public java.util.List<String> ordered(String temp, String ordered, int keys, int columns) {
                return java.util.List.of("CREATE TEMPORARY TABLE " + ordered + " (cs_position BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY) "
                        + "ENGINE=InnoDB SELECT " + list("k", keys) + ", " + list("v", columns) + " FROM " + temp
                        + " ORDER BY " + list("k", keys));
            }

            @Override
            public String update(SqlNames names, String ordered, String table, java.util.List<String> keys,
                                 java.util.List<String> columns) {
                String on = each(names, keys, " AND ", (key, i) -> "t." + key + " = j.k" + i);
                String set = each(names, columns, ", ", (column, i) -> "t." + column + " = IF(j.v" + i + " IS NULL, t."
                        + column + ", j.v" + i + ")");
                String stillNull = each(names, columns, "", (column, i) -> " AND (j.v" + i + " IS NULL OR t." + column + " IS NULL)");
                return "UPDATE " + ordered + " j STRAIGHT_JOIN " + names.quote(table) + " t ON " + on + " SET " + set
                        + " WHERE j.cs_position > ? AND j.cs_position <= ?" + stillNull;
            }

            @Override
            public String drop(String temp) {
                return "DROP TEMPORARY TABLE IF EXISTS " + temp;
            }
        });
    }

    /**
     * SERIALIZABLE for the next transaction only: InnoDB then reads every row of the delete's snapshot with a shared
     * lock (and the gaps beside it, where a new child would go), which another client's edit of that row, or a new child
     * of a deleted parent, waits on until the delete has committed. At InnoDB's default REPEATABLE READ the snapshot
     * was a consistent read and the statements read the latest rows: an edit committed in between was deleted with its
     * row, and Undo put the row back as it had been before the edit. The transaction is begun at once: a level set for
     * the next transaction outlived a delete that failed before its first statement (the driver's rollback sent nothing,
     * there being no transaction yet), and the pooled connection's next reads took shared locks.
     */
    @Override
    public java.util.List<String> deleteTransactionSql() {
        return java.util.List.of("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE", "START TRANSACTION");
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

    /**
     * InnoDB's row-lock wait (50 s by default) and the server's metadata-lock wait (a year by default: a DDL statement
     * of a migration holds one), in whole seconds.
     */
    @Override
    public java.util.List<String> lockWaitSql(java.time.Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return java.util.List.of("SET SESSION innodb_lock_wait_timeout = " + seconds + ", SESSION lock_wait_timeout = " + seconds);
    }

    /**
     * InnoDB's lock waits joined to its transactions and the process list: the blocking transactions of the waiting
     * connection, with their user, client, age and statement. A user without the PROCESS privilege sees none of them
     * there, and is told only the driver's lock message. A metadata lock (a migration's DDL) is not among InnoDB's waits.
     */
    @Override
    public java.util.Optional<LockHolders> lockHolders() {
        return java.util.Optional.of(new LockHolders() {
            @Override
            public long sessionOf(java.sql.Connection connection) throws java.sql.SQLException {
                return connection.unwrap(org.mariadb.jdbc.Connection.class).getThreadId();
            }

            @Override
            public java.util.List<String> holding(java.sql.Connection asker, long waiting) throws java.sql.SQLException {
                java.util.List<String> holders = new java.util.ArrayList<>();
                try (java.sql.PreparedStatement ps = asker.prepareStatement("SELECT DISTINCT b.trx_mysql_thread_id, p.USER, p.HOST,"
                        + " TIMESTAMPDIFF(SECOND, b.trx_started, NOW()), p.COMMAND, COALESCE(b.trx_query, p.INFO)"
                        + " FROM information_schema.INNODB_LOCK_WAITS w"
                        + " JOIN information_schema.INNODB_TRX r ON r.trx_id = w.requesting_trx_id"
                        + " JOIN information_schema.INNODB_TRX b ON b.trx_id = w.blocking_trx_id"
                        + " LEFT JOIN information_schema.PROCESSLIST p ON p.ID = b.trx_mysql_thread_id"
                        + " WHERE r.trx_mysql_thread_id = ? ORDER BY b.trx_mysql_thread_id")) {
                    ps.setLong(1, waiting);
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Object age = rs.getObject(4);
                            holders.add(LockWatch.describe(rs.getLong(1), rs.getString(2), rs.getString(3), null,
                                    age == null ? null : ((Number) age).longValue(),
                                    "Sleep".equalsIgnoreCase(rs.getString(5)) ? "idle" : null, rs.getString(6)));
                        }
                    }
                }
                return holders;
            }
        });
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
