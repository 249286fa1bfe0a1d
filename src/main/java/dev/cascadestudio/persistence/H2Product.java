package dev.cascadestudio.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** H2: row ids, key arrays (at most 65,536 elements), byte-for-byte text; JSON bound as UTF-8 bytes with FORMAT JSON. */
final class H2Product extends ServerProduct {

    static final H2Product INSTANCE = new H2Product();

    private H2Product() {}

    @Override public boolean identifiesRowsById() { return true; }
    @Override public boolean takesKeyArrays() { return true; }
    @Override public boolean comparesTextByteForByte() { return true; }

    /**
     * {@code column = ANY(?)}, the keys bound as one array: no 10,000 parameters to parse and bind, but
     * H2 still checks each row it finds through the column's index against the whole array, one element
     * at a time, as it does an {@code IN (?, ?, …)} list (JFR: {@code ConditionInArray.getValueSlow}),
     * so 10,208 chosen runs plan about as slowly as with the list (1.47 s against 1.52 s on 1M rows, 256 MB
     * heap). {@code column IN (SELECT * FROM UNNEST(?))} is far worse: H2 runs the subquery again for every
     * row. Up to {@value #MAX_ARRAY} keys, the most H2 takes in an array; more go one parameter each.
     */
    @Override
    public String inKeyList(String column, int keys) {
        return keys <= MAX_ARRAY ? column + " = ANY(?)" : null;
    }

    @Override
    public Object keyList(java.util.List<String> keys) {
        return keys.toArray(new String[0]);
    }

    /** H2 2.5 refuses an array of more elements. */
    static final int MAX_ARRAY = 65_536;

    @Override
    public String placeholder(ColumnKind column) {
        return column == ColumnKind.JSON ? "? FORMAT JSON" : "?";
    }

    @Override
    void bindJson(PreparedStatement ps, int index, String json) throws SQLException {
        ps.setBytes(index, json.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    Object readJson(ResultSet rs, int index) throws SQLException {
        byte[] bytes = rs.getBytes(index);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** An embedded H2 file: a commit rewrites pages of one file, so a crash in between is undone from a backup. */
    @Override
    public java.nio.file.Path crashGuardedFile(String url) {
        return Database.embeddedH2File(url);
    }

    /** {@code ACCESS_MODE_DATA=r} (replacing any the URL has), and none of the settings for safe commits: nothing is written. */
    @Override
    public String readOnlyUrl(DatabaseKind kind, String url) {
        StringBuilder result = new StringBuilder();
        String[] parts = url.split(";");
        result.append(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            String key = parts[i].contains("=") ? parts[i].substring(0, parts[i].indexOf('=')) : parts[i];
            if (!key.strip().equalsIgnoreCase("ACCESS_MODE_DATA") && !parts[i].isBlank()) {
                result.append(';').append(parts[i]);
            }
        }
        return result.append(";ACCESS_MODE_DATA=r").toString();
    }

    /** {@code jdbc:h2:file:} and the real path of the file (without {@code .mv.db}); in memory, the name without settings. */
    @Override
    public String identity(String url) {
        java.nio.file.Path file = H2Url.fileOrNull(url);
        if (file == null) {
            int settings = url.indexOf(';');
            return settings < 0 ? url : url.substring(0, settings);
        }
        return "jdbc:h2:file:" + DatabaseProduct.realPath(file);
    }

    /**
     * {@code LOCATE(?, LOWER(text)) > 0}, the text itself bound: H2 compiles a LIKE pattern given as a
     * parameter again for every row, which made a text filter's count over the 371,728 runs of the 1M-row
     * file take about 2.5 times as long (670 against 235 ms, median of 5 on a loaded machine).
     */
    @Override
    public String containsLowered(String text, String placeholder) {
        return "LOCATE(" + placeholder + ", LOWER(" + text + ")) > 0";
    }

    @Override
    public String containedText(String lowered) {
        return lowered;
    }

    /**
     * A grid page where fewer than one row in {@value #FEW_MATCHING} passes the filter: below that share,
     * walking the order's index costs more than reading the matching rows and sorting them (measured on
     * the 371,728 runs of the 1M-row file: about 7 µs a row walked, about 0.2 s to scan the table).
     */
    static final int FEW_MATCHING = 100;

    /**
     * H2 does not weigh a page's LIMIT when it chooses an index. Given a condition on an indexed column it
     * reads every row that index finds and sorts them all (status 'completed': 348,496 runs for a page of
     * 200, 5.7 s); given a condition no index answers (a text) it walks the order's index and fetches every
     * row of the table through it, one lookup each (371,728 lookups, about 2.6 s, for the 16 runs that match;
     * a scan of the table reads the same rows about ten times faster). So it is told, from how many rows were
     * counted: where fewer than one in {@value #FEW_MATCHING} pass, the matching rows are read first and only
     * they are sorted (a derived table, which H2 does not merge into the query); where more pass and the order
     * is an index's leading columns, that index is walked ({@code USE INDEX}), about {@value #FEW_MATCHING}
     * rows read at most for each row of the page. With no condition H2 already walks the order's index.
     */
    @Override
    public String pageSql(java.sql.Connection connection, PageQuery query) throws SQLException {
        if (query.onlyColumn() != null) {
            // H2 reads an index alone, without the table's rows, only where a condition on the index's column leads it
            // there: with "name >= ''", always true of a name, the natural order of 371,728 runs read the name index
            // (about 0.35 s); without it, every row of the table (about 0.7 s)
            return query.withConditionFirst("c." + query.onlyColumn() + " >= ''").plain();
        }
        if (query.where().isEmpty() || query.matching() < 0) {
            return query.plain();
        }
        long rows = rowCount(connection, query.table());
        if (query.matching() * FEW_MATCHING < rows) {
            return query.matchesFirst();
        }
        String index = indexOn(connection, query.tableName(), query.orderColumns());
        return index == null ? query.plain() : query.plain(" USE INDEX (\"" + index.replace("\"", "\"\"") + "\")");
    }

    /**
     * Ends an order by {@code column} with the rest of an index that starts with the column and ends with the key
     * (the mapping's {@code ix_run_created}: the key; {@code ix_run_status}: created, then the key): that index then
     * serves the whole order and a page reads only its own entries. Elsewhere with the row id: H2 sorts every row for
     * such an order, and comparing the 32-character uids of the 350,000 runs that share a status took 8 to 15 s where
     * the row id, a number, took about 2 s (1M-row file).
     */
    @Override
    public java.util.List<String> orderTieBreak(java.sql.Connection connection, String table, String column,
                                                java.util.List<String> keyColumns) throws SQLException {
        for (java.util.List<String> index : indexes(connection, table).values()) {
            if (index.size() > keyColumns.size() && index.get(0).equals(column)
                    && index.subList(index.size() - keyColumns.size(), index.size()).equals(keyColumns)) {
                return index.subList(1, index.size());
            }
        }
        return java.util.List.of("_ROWID_");
    }

    /** H2 keeps a table's row count: {@code COUNT(*)} without a condition reads no rows. */
    private static long rowCount(java.sql.Connection connection, String quotedTable) throws SQLException {
        try (java.sql.Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + quotedTable)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The name of an index of {@code table} whose leading columns are {@code columns} in that order (H2 names
     * a primary key's index itself, differently in each file); null where there is none.
     */
    private static String indexOn(java.sql.Connection connection, String table, java.util.List<String> columns) throws SQLException {
        if (columns.isEmpty()) {
            return null;
        }
        return indexes(connection, table).entrySet().stream()
                .filter(e -> e.getValue().size() >= columns.size() && e.getValue().subList(0, columns.size()).equals(columns))
                .map(java.util.Map.Entry::getKey).findFirst().orElse(null);
    }

    /** The indexes of {@code table} by name, each with its columns in order. */
    private static java.util.Map<String, java.util.List<String>> indexes(java.sql.Connection connection, String table)
            throws SQLException {
        java.util.Map<String, java.util.List<String>> indexes = new java.util.LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT INDEX_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS"
                + " WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_NAME = ? ORDER BY INDEX_NAME, ORDINAL_POSITION")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    indexes.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return indexes;
    }

    @Override public String toString() { return "H2"; }

    /** In-process like SQLite: a reused point lookup per key; 400-term lookups made the check of a 270,000-row undo take 68–106 s instead of 14 s. */
    @Override
    public int restoreLookupRows() {
        return 1;
    }
}
