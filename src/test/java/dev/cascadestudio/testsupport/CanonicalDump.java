package dev.cascadestudio.testsupport;

import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.MappedTables;
import dev.cascadestudio.persistence.SqlValues;
import dev.cascadestudio.persistence.TableInfo;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** Every row of every mapped table, all columns, in key order: equal dumps mean equal databases. */
public final class CanonicalDump {

    private CanonicalDump() {}

    public static String of(Database database) {
        SqlValues values = new SqlValues(database.kind());
        return database.fromConnection(c -> {
            StringBuilder out = new StringBuilder();
            for (TableInfo table : MappedTables.all()) {
                out.append("## ").append(table.name()).append('\n');
                String cols = String.join(", ", table.columns().stream().map(col -> database.sqlNames().quote(col.name())).toList());
                String order = String.join(", ", table.keyColumns().stream().map(database.sqlNames()::quote).toList());
                try (PreparedStatement ps = c.prepareStatement("SELECT " + cols + " FROM " + database.sqlNames().quote(table.name())
                        + " ORDER BY " + order); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        for (int i = 0; i < table.columns().size(); i++) {
                            out.append(i == 0 ? "" : " | ").append(values.read(rs, i + 1, table.columns().get(i).kind()));
                        }
                        out.append('\n');
                    }
                }
            }
            return out.toString();
        });
    }
}
