package dev.cascadestudio.persistence;

import dev.cascadestudio.domain.DomainModel;
import dev.cascadestudio.domain.LabelEntity;
import dev.cascadestudio.domain.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The tables and columns of the mapping, read once from the entity classes' annotations. */
public final class MappedTables {

    private static final Map<String, TableInfo> TABLES = read();

    private MappedTables() {}

    public static List<TableInfo> all() {
        return List.copyOf(TABLES.values());
    }

    public static TableInfo get(String table) {
        TableInfo info = TABLES.get(table);
        if (info == null) {
            throw new IllegalArgumentException("Unknown table '" + table + "'. Known tables: "
                    + String.join(", ", TABLES.keySet()));
        }
        return info;
    }

    public static boolean exists(String table) {
        return TABLES.containsKey(table);
    }

    private static Map<String, TableInfo> read() {
        Map<String, TableInfo> tables = new LinkedHashMap<>();
        for (Class<?> entity : DomainModel.allEntityClasses()) {
            List<TableInfo.Column> columns = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            List<Class<?>> hierarchy = new ArrayList<>();
            for (Class<?> c = entity; c != Object.class; c = c.getSuperclass()) {
                hierarchy.add(0, c);
            }
            for (Class<?> c : hierarchy) {
                for (Field field : c.getDeclaredFields()) {
                    Column column = field.getAnnotation(Column.class);
                    if (column == null || Modifier.isStatic(field.getModifiers())) {
                        continue;
                    }
                    columns.add(new TableInfo.Column(column.name(), kindOf(field), column.nullable() && !field.isAnnotationPresent(Id.class)
                            && !field.getType().isPrimitive(), column.length(), defaultValue(field)));
                    if (field.isAnnotationPresent(Id.class)) {
                        keys.add(column.name());
                    }
                }
            }
            // key columns first, in (uid, version) order, then the rest as declared
            columns.sort((a, b) -> Integer.compare(rank(keys, a.name()), rank(keys, b.name())));
            String table = MappingRules.tableOf(entity);
            tables.put(table, new TableInfo(table, entity, List.copyOf(columns), List.copyOf(keys),
                    VersionedEntity.class.isAssignableFrom(entity), LabelEntity.class.isAssignableFrom(entity)));
        }
        return tables;
    }

    /** A {@code @ColumnDefault} string literal ({@code '[]'}, {@code ''}) as the value it stands for. */
    private static String defaultValue(Field field) {
        ColumnDefault annotation = field.getAnnotation(ColumnDefault.class);
        if (annotation == null) {
            return null;
        }
        String literal = annotation.value().trim();
        if (literal.length() < 2 || !literal.startsWith("'") || !literal.endsWith("'")) {
            throw new IllegalStateException(field + ": only string literals are supported as a column default, not " + literal);
        }
        return literal.substring(1, literal.length() - 1).replace("''", "'");
    }

    private static int rank(List<String> keys, String column) {
        int i = keys.indexOf(column);
        return i >= 0 ? i : keys.size();
    }

    private static ColumnKind kindOf(Field field) {
        JdbcTypeCode code = field.getAnnotation(JdbcTypeCode.class);
        if (code != null && code.value() == SqlTypes.JSON) {
            return ColumnKind.JSON;
        }
        Class<?> type = field.getType();
        if (type == boolean.class || type == Boolean.class) return ColumnKind.BOOLEAN;
        if (type == LocalDateTime.class) return ColumnKind.TIMESTAMP;
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) return ColumnKind.INTEGER;
        return ColumnKind.TEXT;
    }
}
