package dev.cascadestudio.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Which columns the database itself refuses a value of that names no row: a foreign key it declares and enforces
 * (every product but SQLite, where Cascade Studio never switches enforcement on). Read from the driver's metadata once
 * per column, on the connection's own database and schema. A restore leaves to such a key the check that a label it puts
 * back names a row.
 */
public final class EnforcedForeignKeys {

    private final Connection connection;
    private final boolean enforced;
    private final Map<String, Boolean> known = new HashMap<>();

    public EnforcedForeignKeys(Connection connection, DatabaseKind kind) {
        this.connection = connection;
        this.enforced = DatabaseProduct.of(kind).enforcesDeclaredForeignKeys();
    }

    /** Whether the database refuses a value of {@code table.column} that names no row. */
    public boolean enforces(String table, String column) throws SQLException {
        if (!enforced) {
            return false;
        }
        String key = table + "." + column;
        Boolean answer = known.get(key);
        if (answer == null) {
            answer = SchemaCreator.hasForeignKey(connection, table, column);
            known.put(key, answer);
        }
        return answer;
    }
}
