package dev.cascadestudio.persistence;

import dev.cascadestudio.domain.ForeignKeyRule;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hibernate.SessionFactory;

/**
 * Creates Cascade Studio's own schema from the mapping. Hibernate exports tables, keys, indexes and
 * the foreign keys that reference a primary key; it emits none for keys that reference a non-key
 * column ({@code T.uid} of a versioned table), so those are added here from the same
 * {@link MappingRules}. Label rules get no constraint on purpose: {@code parent → T.name} with no
 * ON UPDATE would make every labelled row impossible to rename; the controller enforces none either.
 */
final class SchemaCreator {

    private SchemaCreator() {}

    static void create(SessionFactory factory, SqlNames names) {
        factory.getSchemaManager().exportMappedObjects(true);
        List<ForeignKeyRule> rules = MappingRules.read();
        factory.inTransaction(session -> session.doWork(connection -> addMissingForeignKeys(connection, names, rules)));
    }

    private static void addMissingForeignKeys(Connection connection, SqlNames names, List<ForeignKeyRule> rules)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (ForeignKeyRule rule : rules) {
                if (rule.isLabelRule() || hasForeignKey(connection, rule.childTable(), rule.column())) {
                    continue;
                }
                String onDelete = switch (rule.level()) {
                    case DB -> rule.action() == ForeignKeyRule.Action.DELETE ? " ON DELETE CASCADE" : " ON DELETE SET NULL";
                    case ORM -> "";
                };
                statement.execute("ALTER TABLE " + names.quote(rule.childTable())
                        + " ADD CONSTRAINT " + names.quote("fk_" + rule.childTable() + "_" + rule.column())
                        + " FOREIGN KEY (" + names.quote(rule.column()) + ") REFERENCES "
                        + names.quote(rule.parentTable()) + " (" + names.quote(rule.referencedColumn()) + ")" + onDelete);
            }
        }
    }

    static boolean hasForeignKey(Connection connection, String table, String column) throws SQLException {
        Set<String> columns = new HashSet<>();
        // the working database and schema only: with none, MariaDB's driver looks for the table in every
        // database on the server and logs a warning for each one that lacks it
        try (ResultSet rs = connection.getMetaData().getImportedKeys(connection.getCatalog(), SchemaCheck.schemaOf(connection), table)) {
            while (rs.next()) {
                columns.add(rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return columns.contains(column);
    }
}
