package dev.cascadestudio.cascade;

import dev.cascadestudio.domain.ForeignKeyRule;
import dev.cascadestudio.persistence.MappedTables;

/**
 * A source of a plan other than chosen rows: the rows of {@code table} whose {@code column} holds a
 * value that names no row of the column's parent table (a dangling reference). The parent is gone, so
 * the plan does to them what deleting that parent would have done, by the column's own rule: a SET NULL
 * column is set to NULL, and a row reached by a DELETE rule (a label whose parent is gone) is deleted,
 * with whatever its delete takes in turn. It is planned, previewed, snapshotted, committed, recorded and
 * undone like any delete, and the commit re-checks that it still finds the same rows.
 */
public record Repair(String table, String column) {

    /** The edge of {@code graph} whose dangling values this repairs; refuses a column that refers to nothing. */
    public ForeignKeyRule edge(CascadeGraph graph) {
        if (!MappedTables.exists(table)) {
            throw new IllegalArgumentException("There is no table '" + table + "'. Tables: "
                    + String.join(", ", graph.tables().stream().map(t -> t.name()).toList()) + ".");
        }
        for (ForeignKeyRule edge : graph.incoming(table)) {
            if (edge.column().equals(column)) {
                return edge;
            }
        }
        String references = String.join(", ", graph.incoming(table).stream().map(ForeignKeyRule::column).toList());
        if (!graph.table(table).columnNames().contains(column)) {
            throw new IllegalArgumentException(table + " has no column '" + column + "'. Its columns that refer to a table: "
                    + references + ".");
        }
        throw new IllegalArgumentException(table + "." + column + " refers to no table, so none of its values can dangle."
                + " Its columns that do: " + references + ".");
    }

    /** The repair of {@code edge}'s dangling values. */
    public static Repair of(ForeignKeyRule edge) {
        return new Repair(edge.childTable(), edge.column());
    }

    /** {@code run.model_id}. */
    public String label() {
        return table + "." + column;
    }
}
