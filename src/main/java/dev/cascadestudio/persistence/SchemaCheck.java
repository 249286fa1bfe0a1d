package dev.cascadestudio.persistence;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compares an existing database with the mapping ({@link MappedTables}) through the driver's
 * metadata: which tables and columns are missing, which columns have a type that cannot hold the
 * mapping's values or are shorter than the mapping's length, and which required columns the mapping
 * does not know. The database is only read.
 */
public final class SchemaCheck {

    private static final Set<Integer> TEXT = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR,
            Types.NVARCHAR, Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB);
    private static final Set<Integer> WHOLE_NUMBER = Set.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT,
            Types.NUMERIC, Types.DECIMAL);
    private static final Set<Integer> TIME = Set.of(Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE, Types.DATE);
    private static final Set<Integer> TRUTH = Set.of(Types.BOOLEAN, Types.BIT, Types.TINYINT, Types.SMALLINT, Types.INTEGER);

    private SchemaCheck() {}

    /**
     * The differences between the database on {@code connection} and the mapping; empty when it has
     * every table and column with fitting types.
     *
     * @param typesEnforced false for a database whose columns take any value whatever their declared
     *                      type (SQLite): only missing tables and columns and unknown required columns count
     */
    public static List<SchemaDifference> compare(Connection connection, boolean typesEnforced) throws SQLException {
        Map<String, Map<String, ColumnFound>> found = columns(connection);
        List<SchemaDifference> differences = new ArrayList<>();
        for (TableInfo table : MappedTables.all()) {
            Map<String, ColumnFound> columns = found.get(table.name());
            if (columns == null) {
                differences.add(new SchemaDifference(table.name(), null, SchemaDifference.Problem.MISSING_TABLE, ""));
                continue;
            }
            for (TableInfo.Column column : table.columns()) {
                ColumnFound actual = columns.get(column.name());
                if (actual == null) {
                    differences.add(new SchemaDifference(table.name(), column.name(), SchemaDifference.Problem.MISSING_COLUMN, ""));
                } else if (typesEnforced && !fits(column.kind(), actual)) {
                    differences.add(new SchemaDifference(table.name(), column.name(), SchemaDifference.Problem.WRONG_TYPE,
                            "is " + actual.typeName() + ", where " + expected(column.kind()) + " is expected"));
                } else if (typesEnforced && column.kind() == ColumnKind.TEXT && column.length() > 0
                        && TEXT.contains(actual.jdbcType()) && actual.size() > 0 && actual.size() < column.length()) {
                    differences.add(new SchemaDifference(table.name(), column.name(), SchemaDifference.Problem.TOO_SHORT,
                            "holds " + actual.size() + " characters, where the controller allows " + column.length()));
                }
            }
            Set<String> mapped = Set.copyOf(table.columnNames());
            columns.forEach((name, actual) -> {
                if (!mapped.contains(name) && actual.required()) {
                    differences.add(new SchemaDifference(table.name(), name, SchemaDifference.Problem.UNKNOWN_REQUIRED_COLUMN, ""));
                }
            });
        }
        return List.copyOf(differences);
    }

    /** The differences as one sentence for a message, at most {@code limit} of them named. */
    public static String describe(List<SchemaDifference> differences, int limit) {
        List<String> parts = differences.stream().limit(limit).map(SchemaDifference::describe).toList();
        String more = differences.size() > limit ? " and " + (differences.size() - limit) + " more" : "";
        return String.join("; ", parts) + more + ".";
    }

    private record ColumnFound(int jdbcType, String typeName, int size, boolean required) {}

    private static Map<String, Map<String, ColumnFound>> columns(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        Map<String, Map<String, ColumnFound>> tables = new LinkedHashMap<>();
        String schema = schemaOf(connection);
        try (ResultSet rs = meta.getColumns(connection.getCatalog(), schema, "%", "%")) {
            while (rs.next()) {
                String tableSchema = rs.getString("TABLE_SCHEM");
                if (tableSchema != null && (tableSchema.equalsIgnoreCase("INFORMATION_SCHEMA")
                        || tableSchema.equalsIgnoreCase("pg_catalog"))) {
                    continue;
                }
                String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                String column = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                String typeName = rs.getString("TYPE_NAME");
                boolean required = "NO".equalsIgnoreCase(rs.getString("IS_NULLABLE")) && rs.getString("COLUMN_DEF") == null
                        && !"YES".equalsIgnoreCase(safeString(rs, "IS_AUTOINCREMENT"))
                        && !"YES".equalsIgnoreCase(safeString(rs, "IS_GENERATEDCOLUMN"));
                tables.computeIfAbsent(table, t -> new LinkedHashMap<>())
                        .putIfAbsent(column, new ColumnFound(rs.getInt("DATA_TYPE"), typeName == null ? "?" : typeName,
                                rs.getInt("COLUMN_SIZE"), required));
            }
        }
        return tables;
    }

    /** The schema the connection works in, where the driver has one (PostgreSQL, H2); null for all. */
    static String schemaOf(Connection connection) {
        try {
            return connection.getSchema();
        } catch (SQLException | AbstractMethodError | UnsupportedOperationException e) {
            return null;
        }
    }

    private static String safeString(ResultSet rs, String column) {
        try {
            return rs.getString(column);
        } catch (SQLException e) {
            return null;
        }
    }

    private static boolean fits(ColumnKind kind, ColumnFound column) {
        int type = column.jdbcType();
        String name = column.typeName().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case TEXT -> TEXT.contains(type) || name.contains("text") || name.contains("char");
            case INTEGER -> WHOLE_NUMBER.contains(type) || name.contains("int");
            case TIMESTAMP -> TIME.contains(type) || name.contains("timestamp") || name.contains("datetime");
            case BOOLEAN -> TRUTH.contains(type) || name.contains("bool");
            case JSON -> TEXT.contains(type) || name.contains("json") || name.contains("text");
        };
    }

    private static String expected(ColumnKind kind) {
        return switch (kind) {
            case TEXT -> "text";
            case INTEGER -> "a whole number";
            case TIMESTAMP -> "a timestamp";
            case BOOLEAN -> "a boolean";
            case JSON -> "JSON or text";
        };
    }
}
