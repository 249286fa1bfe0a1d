package dev.cascadestudio.persistence;

/** PostgreSQL: byte-for-byte text in the C/UTF-8 collations the controller's text uses; JSON parameters cast from text. */
final class PostgreSqlProduct extends ServerProduct {

    static final PostgreSqlProduct INSTANCE = new PostgreSqlProduct();

    private PostgreSqlProduct() {}

    @Override
    public String identity(String url) {
        return serverIdentity(url, 5432);
    }

    @Override public boolean identifiesRowsById() { return false; }
    @Override public boolean takesKeyArrays() { return false; }
    @Override public boolean comparesTextByteForByte() { return true; }

    /**
     * Every UPDATE writes a new version of each row it touches, with new entries in all of the row's indexes
     * when an indexed column changes. A project's big delete nulls {@code run.schedule_id} for 50,216 runs and
     * {@code run.workflow_id} for 100,432, the first set within the second: the two UPDATEs took 1.17 + 1.73 s
     * on a copy of the 1M-row controller database, one UPDATE setting both 1.73 s (1.16 + 1.87 s against 1.90 s
     * on a second copy; psql, {@code \timing}). SQLite was measured too and is not faster so (0.67–0.74 s against
     * 0.60 s: the OR of two conditions reads the whole table where each alone uses its index).
     */
    @Override public boolean nullsATablesColumnsTogether() { return true; }

    /**
     * {@code column = ANY(?)}, the keys bound as one text array: an index scan for the array's keys,
     * and one parameter where a list of them counts against the 65,535 a statement takes.
     */
    @Override
    public String inKeyList(String column, int keys) {
        return column + " = ANY(?)";
    }

    @Override
    public Object keyList(java.util.List<String> keys) {
        return keys.toArray(new String[0]);
    }

    /**
     * {@code (condition) IS NOT TRUE}. PostgreSQL estimates a {@code CASE} it cannot look into at 0.5% of
     * the table: on a database not analysed yet, the deployment.workflow_id step of a 15,000-workflow
     * project then became a nested loop over every deployment and every workflow of the project (106
     * million comparisons, 24 s for an UPDATE that nulls nothing). With {@code IS NOT TRUE} the same
     * statement is a hash semi-join, 29 ms (EXPLAIN ANALYZE on 1M rows).
     */
    @Override
    public String notTrue(String condition) {
        return "(" + condition + ") IS NOT TRUE";
    }

    @Override
    public String placeholder(ColumnKind column) {
        return column == ColumnKind.JSON ? "CAST(? AS json)" : "?";
    }

    /**
     * {@code COPY ... FROM STDIN} ({@link PostgreSqlCopy}) where the connection is the driver's own (a wrapper that hides
     * it gets the INSERT batches). The 94,157 rows of the 1M-row big delete's undo went back in 1.80–2.47 s (medians 1.85
     * and 1.88 s in two runs) against 2.46–3.45 s (median 2.63 s) with the INSERT batches, and the 1M-row generator took
     * 17–18 s against 24 s (UndoBenchmark, old and new code on one machine, 2026-12-07). The driver's
     * {@code reWriteBatchedInserts} had changed nothing measurable in the undo.
     */
    @Override
    public RowBatch rowBatch(java.sql.Connection connection, SqlNames names, String table,
                             java.util.List<TableInfo.Column> columns) throws java.sql.SQLException {
        if (!connection.isWrapperFor(org.postgresql.PGConnection.class)) {
            return new InsertBatch(connection, this, names, table, columns);
        }
        return new PostgreSqlCopy(connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI(), names, table, columns);
    }

    /**
     * Temporary tables made by {@code CREATE TEMPORARY TABLE ... AS SELECT} from the table itself (its keys' and values'
     * types), loaded by COPY ({@link #rowBatch}) one row per value, then brought together a row per key, numbered in the
     * order of the keys and analysed; the whole table is set from that by one {@code UPDATE ... FROM}, a hash join that
     * reads the table once in the order of its heap (ten thousand rows per UPDATE were nested loops into the primary key,
     * in key order, not the heap's, as session 18's statement log showed, and slower in one run here: 4.7–5.7 s). The 175,756 values of the 1M-row big delete's undo went back in 4.1–4.9 s against
     * 5.4–6.8 s one UPDATE per value, the whole undo 6.1 s instead of 7.2–7.6 s with the rows already by COPY (7.9 s
     * before either change; UndoBenchmark, medians of 3, 2026-12-07;
     * the server's statement log: run's UPDATE 3.0 s, session's 0.4 s, the copy of the values a row per key 0.3 s).
     * Loaded by INSERT ... ON CONFLICT instead, the loading alone had taken 1.3 s.
     */
    @Override
    public java.util.Optional<ValuesTable> valuesTable() {
        return java.util.Optional.of(new ValuesTable() {
            @Override
            public String create(SqlNames names, String temp, String table, java.util.List<String> keys,
                                 java.util.List<String> columns) {
                return "CREATE TEMPORARY TABLE " + temp + " AS " + typedAs(names, table, keys, columns);
            }

            @Override
            public String add(String temp, int keys, int columns, int column, String value, int rows) {
                throw new UnsupportedOperationException("PostgreSQL's values go in by COPY");
            }

            @Override
            public boolean loadsRows() {
                return true;
            }

            @Override
            public String twice(String temp, int keys, int columns) {
                StringBuilder which = new StringBuilder("CASE");
                StringBuilder having = new StringBuilder();
                for (int i = 0; i < columns; i++) {
                    which.append(" WHEN COUNT(v").append(i).append(") > 1 THEN ").append(i + 1);
                    having.append(i == 0 ? "" : " OR ").append("COUNT(v").append(i).append(") > 1");
                }
                return "SELECT " + which + " END, " + list("k", keys) + " FROM " + temp + " GROUP BY " + list("k", keys)
                        + " HAVING " + having + " LIMIT 1";
            }

            @Override
            public java.util.List<String> ordered(String temp, String ordered, int keys, int columns) {
                StringBuilder values = new StringBuilder();
                for (int i = 0; i < columns; i++) values.append(", MAX(v").append(i).append(") AS v").append(i);
                return java.util.List.of(
                        "CREATE TEMPORARY TABLE " + ordered + " AS SELECT ROW_NUMBER() OVER (ORDER BY " + list("k", keys)
                                + ") AS cs_position, " + list("k", keys) + values + " FROM " + temp + " GROUP BY " + list("k", keys),
                        "ANALYZE " + ordered);
            }

            @Override
            public String update(SqlNames names, String ordered, String table, java.util.List<String> keys,
                                 java.util.List<String> columns) {
                String set = each(names, columns, ", ", (column, i) -> column + " = COALESCE(j.v" + i + ", t." + column + ")");
                String on = each(names, keys, " AND ", (key, i) -> "t." + key + " = j.k" + i);
                String stillNull = each(names, columns, "", (column, i) -> " AND (j.v" + i + " IS NULL OR t." + column + " IS NULL)");
                return "UPDATE " + names.quote(table) + " t SET " + set + " FROM " + ordered + " j WHERE " + on
                        + " AND j.cs_position > ? AND j.cs_position <= ?" + stillNull;
            }

            /** All of a table's rows in one UPDATE: a hash join reading the table once, in the order of its heap. */
            @Override
            public int rowsPerUpdate() {
                return Integer.MAX_VALUE;
            }

            @Override
            public String drop(String temp) {
                // only the session's own temporary table, never a permanent one of that name further along the search path
                return "DROP TABLE IF EXISTS pg_temp." + temp;
            }
        });
    }

    /** What PostgreSQL names an exported snapshot ({@code 00000003-0000001B-1}): the only text adopted into SQL. */
    private static final java.util.regex.Pattern SNAPSHOT_NAME = java.util.regex.Pattern.compile("[0-9A-Fa-f-]+");

    /**
     * {@code pg_export_snapshot()} in the writing transaction, {@code SET TRANSACTION SNAPSHOT} in a read-only
     * REPEATABLE READ transaction of the reader: the reader sees the data as the writer did when it exported its view,
     * whatever the writer changes afterwards, until the writer's transaction ends (it is exported for as long).
     */
    @Override
    public java.util.Optional<SharedView> sharedView() {
        return java.util.Optional.of(new SharedView() {
            @Override
            public boolean offered(java.sql.Connection reader) throws java.sql.SQLException {
                boolean offered;
                try (java.sql.Statement statement = reader.createStatement();
                     java.sql.ResultSet rs = statement.executeQuery("SELECT pg_export_snapshot()")) {
                    offered = rs.next();
                } catch (java.sql.SQLException refused) {
                    offered = false; // permission denied, or a server of PostgreSQL's protocol that has no such function
                }
                reader.rollback(); // a connection that cannot even do this throws: the caller reads before writing
                return offered;
            }

            @Override
            public String export(java.sql.Connection writer) throws java.sql.SQLException {
                String name;
                try (java.sql.Statement statement = writer.createStatement();
                     java.sql.ResultSet rs = statement.executeQuery("SELECT pg_export_snapshot()")) {
                    name = rs.next() ? rs.getString(1) : null;
                }
                if (name == null || !SNAPSHOT_NAME.matcher(name).matches()) {
                    throw new java.sql.SQLException("PostgreSQL exported a snapshot named '" + name + "'");
                }
                return name;
            }

            @Override
            public void adopt(java.sql.Connection reader, String name) throws java.sql.SQLException {
                if (!SNAPSHOT_NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("not a snapshot's name: " + name);
                }
                try (java.sql.Statement statement = reader.createStatement()) {
                    statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                    statement.execute("SET TRANSACTION SNAPSHOT '" + name + "'");
                }
            }
        });
    }

    /**
     * REPEATABLE READ: every statement of the delete sees the data as its first did, which is the view its snapshot
     * is read in (beside the statements, {@link #sharedView}, or before them), and a row another client changed or
     * deleted since that view makes the statement that reaches it fail ("could not serialize access") instead of taking
     * the new version. Under READ COMMITTED each statement saw the latest data: an edit committed while the snapshot
     * was read was deleted with its row, and Undo put the row back as it had been before the edit. A row another client
     * adds meanwhile is not in that view, so the delete leaves it, as it would one added just after its commit. The
     * driver has begun the transaction before this statement, which holds for that transaction only.
     */
    @Override
    public java.util.List<String> deleteTransactionSql() {
        return java.util.List.of("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
    }

    /**
     * {@code lock_timeout} for the session: PostgreSQL waits for a lock for ever by default, so a controller's
     * transaction left open on a row the delete takes kept the delete's dialog at its last line with no way out.
     */
    @Override
    public java.util.List<String> lockWaitSql(java.time.Duration wait) {
        return java.util.List.of("SET lock_timeout = '" + Math.max(1, wait.toMillis()) + "ms'");
    }

    /**
     * {@code pg_blocking_pids} of the waiting backend joined to {@code pg_stat_activity}: each holder's user, client,
     * application, the age of its transaction, its state and its last statement. A role without
     * {@code pg_read_all_stats} is shown another role's statement as {@code <insufficient privilege>}, which is left out.
     */
    @Override
    public java.util.Optional<LockHolders> lockHolders() {
        return java.util.Optional.of(new LockHolders() {
            @Override
            public long sessionOf(java.sql.Connection connection) throws java.sql.SQLException {
                return connection.unwrap(org.postgresql.PGConnection.class).getBackendPID();
            }

            @Override
            public java.util.List<String> holding(java.sql.Connection asker, long waiting) throws java.sql.SQLException {
                java.util.List<String> holders = new java.util.ArrayList<>();
                try (java.sql.PreparedStatement ps = asker.prepareStatement("SELECT pid, usename, host(client_addr), application_name,"
                        + " EXTRACT(EPOCH FROM now() - xact_start)::bigint, state, query"
                        + " FROM pg_stat_activity WHERE pid = ANY (pg_blocking_pids(?)) ORDER BY pid")) {
                    ps.setInt(1, (int) waiting);
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Object age = rs.getObject(5);
                            holders.add(LockWatch.describe(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                    age == null ? null : ((Number) age).longValue(), rs.getString(6), rs.getString(7)));
                        }
                    }
                }
                return holders;
            }
        });
    }

    @Override
    public java.util.Map<String, String> readOnlyDriverProperties() {
        return java.util.Map.of("readOnly", "true", "readOnlyMode", "always");
    }

    @Override
    public java.util.Optional<String> readOnlySessionSql() {
        return java.util.Optional.of("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
    }

    @Override
    public boolean isReadOnly(java.sql.Connection connection) throws java.sql.SQLException {
        return "on".equalsIgnoreCase(ReadOnlyConnections.single(connection, "SHOW transaction_read_only"));
    }

    @Override public String toString() { return "PostgreSQL"; }
}
