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
