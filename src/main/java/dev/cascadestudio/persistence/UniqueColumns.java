package dev.cascadestudio.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which columns the database itself keeps unique, table by table: its primary keys and unique indexes, as the
 * driver's metadata lists them. A restore leaves to these constraints the check that a row to put back is not
 * there again (its key, its name), and looks the rows up itself only where the database keeps no such constraint.
 * Read once per table, for the connection's own database and schema.
 */
public final class UniqueColumns {

    private final Connection connection;
    private final Map<String, List<Set<String>>> byTable = new HashMap<>();

    public UniqueColumns(Connection connection) {
        this.connection = connection;
    }

    /**
     * Whether the database refuses two rows of {@code table} with the same values in {@code columns}: some primary key
     * or unique index of the table is made of these columns or of some of them.
     */
    public boolean keeps(String table, Collection<String> columns) throws SQLException {
        Set<String> wanted = new HashSet<>();
        columns.forEach(c -> wanted.add(c.toLowerCase(Locale.ROOT)));
        for (Set<String> unique : unique(table)) {
            if (!unique.isEmpty() && wanted.containsAll(unique)) {
                return true;
            }
        }
        return false;
    }

    private List<Set<String>> unique(String table) throws SQLException {
        List<Set<String>> known = byTable.get(table);
        if (known != null) {
            return known;
        }
        String catalog = connection.getCatalog();
        String schema = SchemaCheck.schemaOf(connection);
        List<Set<String>> sets = new ArrayList<>();
        Set<String> primary = new HashSet<>();
        try (ResultSet rs = connection.getMetaData().getPrimaryKeys(catalog, schema, table)) {
            while (rs.next()) {
                primary.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        sets.add(primary);
        Map<String, Set<String>> indexes = new LinkedHashMap<>();
        try (ResultSet rs = connection.getMetaData().getIndexInfo(catalog, schema, table, true, true)) {
            while (rs.next()) {
                String index = rs.getString("INDEX_NAME");
                String column = rs.getString("COLUMN_NAME");
                if (rs.getBoolean("NON_UNIQUE") || index == null || column == null) {
                    continue; // a driver that lists every index all the same; an expression or a table's statistics
                }
                indexes.computeIfAbsent(index, i -> new HashSet<>()).add(column.toLowerCase(Locale.ROOT));
            }
        }
        sets.addAll(indexes.values());
        byTable.put(table, sets);
        return sets;
    }
}
