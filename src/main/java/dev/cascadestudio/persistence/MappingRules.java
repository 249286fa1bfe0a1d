package dev.cascadestudio.persistence;

import dev.cascadestudio.domain.DomainModel;
import dev.cascadestudio.domain.ForeignKeyRule;
import jakarta.persistence.CascadeType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/**
 * Reads every foreign-key rule from the Hibernate mapping: each mapped entity's {@code @OneToMany}
 * collections (its own fields and those of its mapped superclasses), whose annotations say which column,
 * which action and which level. This is the only place the rules are read; the cascade graph, the schema's
 * constraints and the documentation all come from here. They are read from the entity classes Hibernate is
 * given ({@link DomainModel#allEntityClasses()}), not from a session factory's metamodel, so that the rules
 * need no Hibernate bootstrap (a second of every start); {@code MappingRulesTest} checks that Hibernate's
 * metamodel names the same collections.
 */
public final class MappingRules {

    private MappingRules() {}

    /** The rules of every entity Hibernate is given, sorted by parent table, child table and column. */
    public static List<ForeignKeyRule> read() {
        List<ForeignKeyRule> rules = new ArrayList<>();
        for (Class<?> entity : DomainModel.allEntityClasses()) {
            for (Class<?> c = entity; c != null && c != Object.class; c = c.getSuperclass()) {
                if (c != entity && !c.isAnnotationPresent(MappedSuperclass.class)) {
                    break;
                }
                for (Field field : c.getDeclaredFields()) {
                    if (field.isAnnotationPresent(OneToMany.class)) {
                        rules.add(rule(entity, elementType(entity, field), field));
                    }
                }
            }
        }
        rules.sort(Comparator.comparing(ForeignKeyRule::parentTable)
                .thenComparing(ForeignKeyRule::childTable).thenComparing(ForeignKeyRule::column));
        return List.copyOf(rules);
    }

    /** The entity a collection holds: {@code targetEntity}, else the collection's type argument. */
    private static Class<?> elementType(Class<?> entity, Field field) {
        Class<?> target = field.getAnnotation(OneToMany.class).targetEntity();
        if (target != void.class) {
            return target;
        }
        if (field.getGenericType() instanceof ParameterizedType type && type.getActualTypeArguments().length == 1
                && type.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        throw new IllegalStateException(entity.getSimpleName() + "." + field.getName()
                + " must say what it holds: a typed collection or targetEntity");
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
