package dev.cascadestudio.persistence;

import java.util.List;

/**
 * A mapped table as the mapping declares it: its columns in a stable order and its key columns.
 *
 * @param versioned whether the key is (uid, version)
 * @param label whether this is a {@code T_labels} table (integer uid, parent → T.name)
 */
public record TableInfo(String name, Class<?> entity, List<Column> columns, List<String> keyColumns,
                        boolean versioned, boolean label) {

    /**
     * @param defaultValue the value the column's DEFAULT gives a row that does not name it (the mapping's
     *                     {@code @ColumnDefault}, a string literal unquoted), or null where there is none
     */
    public record Column(String name, ColumnKind kind, boolean nullable, int length, String defaultValue) {}

    public Column column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " has no column " + columnName));
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }
}
