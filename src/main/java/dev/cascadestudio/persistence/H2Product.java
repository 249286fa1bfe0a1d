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

    @Override public String toString() { return "H2"; }

    /** In-process like SQLite: a reused point lookup per key; 400-term lookups made the check of a 270,000-row undo take 68–106 s instead of 14 s. */
    @Override
    public int restoreLookupRows() {
        return 1;
    }
}
