package dev.cascadestudio.domain;

/**
 * One foreign-key rule as the mapping declares it: deleting a row of {@code parentTable} affects the
 * rows of {@code childTable} whose {@code column} equals the parent's {@code referencedColumn}.
 *
 * @param attribute the parent entity's collection attribute that declares the rule
 */
public record ForeignKeyRule(
        Class<?> parentEntity, String parentTable,
        Class<?> childEntity, String childTable,
        String column, String referencedColumn,
        Action action, Level level, String attribute) {

    /** What happens to the child row. */
    public enum Action { DELETE, SET_NULL }

    /** Who carries the rule out in the controller: its ORM, or the database's ON DELETE clause. */
    public enum Level { ORM, DB }

    public boolean isLabelRule() {
        return "parent".equals(column) && "name".equals(referencedColumn);
    }

    public boolean isOwnerRule() {
        return "owner_id".equals(column);
    }

    @Override
    public String toString() {
        return parentTable + " → " + childTable + "." + column + " " + action + " (" + level + ")";
    }
}
