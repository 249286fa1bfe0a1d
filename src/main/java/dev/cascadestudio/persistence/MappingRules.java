package dev.cascadestudio.persistence;

import dev.cascadestudio.domain.ForeignKeyRule;
import jakarta.persistence.CascadeType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.Metamodel;
import jakarta.persistence.metamodel.PluralAttribute;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/**
 * Reads every foreign-key rule from the Hibernate mapping: the metamodel names each entity's
 * collections, and the collection's annotations say which column, which action and which level.
 * This is the only place the rules are read; the cascade graph, the schema's constraints and the
 * documentation all come from here.
 */
public final class MappingRules {

    private MappingRules() {}

    public static List<ForeignKeyRule> read(Metamodel metamodel) {
        List<ForeignKeyRule> rules = new ArrayList<>();
        for (EntityType<?> entity : metamodel.getEntities()) {
            for (PluralAttribute<?, ?, ?> attribute : entity.getPluralAttributes()) {
                if (attribute.getJavaMember() instanceof Field field && field.isAnnotationPresent(OneToMany.class)) {
                    rules.add(rule(entity.getJavaType(), attribute.getElementType().getJavaType(), field));
                }
            }
        }
        rules.sort(Comparator.comparing(ForeignKeyRule::parentTable)
                .thenComparing(ForeignKeyRule::childTable).thenComparing(ForeignKeyRule::column));
        return List.copyOf(rules);
    }

    private static ForeignKeyRule rule(Class<?> parent, Class<?> child, Field field) {
        JoinColumn join = field.getAnnotation(JoinColumn.class);
        if (join == null) {
            throw new IllegalStateException(parent.getSimpleName() + "." + field.getName()
                    + " must name its foreign-key column with @JoinColumn");
        }
        OnDelete onDelete = field.getAnnotation(OnDelete.class);
        boolean ormRemove = Arrays.stream(field.getAnnotation(OneToMany.class).cascade())
                .anyMatch(c -> c == CascadeType.REMOVE || c == CascadeType.ALL);
        ForeignKeyRule.Action action;
        ForeignKeyRule.Level level;
        if (onDelete != null && onDelete.action() == OnDeleteAction.CASCADE) {
            action = ForeignKeyRule.Action.DELETE;
            level = ForeignKeyRule.Level.DB;
        } else if (onDelete != null && onDelete.action() == OnDeleteAction.SET_NULL) {
            action = ForeignKeyRule.Action.SET_NULL;
            level = ForeignKeyRule.Level.DB;
        } else if (ormRemove) {
            action = ForeignKeyRule.Action.DELETE;
            level = ForeignKeyRule.Level.ORM;
        } else {
            throw new IllegalStateException(parent.getSimpleName() + "." + field.getName()
                    + " declares no delete rule: use cascade = REMOVE or @OnDelete");
        }
        String referenced = join.referencedColumnName().isEmpty() ? "uid" : join.referencedColumnName();
        return new ForeignKeyRule(parent, tableOf(parent), child, tableOf(child), join.name(), referenced,
                action, level, field.getName());
    }

    public static String tableOf(Class<?> entity) {
        Table table = entity.getAnnotation(Table.class);
        if (table == null || table.name().isEmpty()) {
            throw new IllegalStateException(entity.getSimpleName() + " must name its table with @Table");
        }
        return table.name();
    }
}
