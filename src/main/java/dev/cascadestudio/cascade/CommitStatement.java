package dev.cascadestudio.cascade;

import java.util.List;

/**
 * One statement a commit runs, in the order it runs, as the executor prepares it: its text with
 * {@code ?} placeholders and the values bound to them (the roots' uids). {@link DeletePlan#statements()}
 * holds the same statements with the values written in.
 *
 * @param table   the table it deletes from or updates
 * @param columns the columns it sets to NULL (several where the product sets a table's nulled columns in one
 *                UPDATE), or none for a delete
 */
public record CommitStatement(String table, List<String> columns, String sql, List<Object> parameters) {

    public CommitStatement {
        columns = List.copyOf(columns);
        parameters = List.copyOf(parameters);
    }

    public boolean isNulling() {
        return !columns.isEmpty();
    }

    /**
     * {@code table}, {@code table.column}, or {@code table.a, table.b}: the effect it carries out as {@link
     * DeletePlan.Effect#label()} names it, or the effects.
     */
    public String label() {
        return columns.isEmpty() ? table : String.join(", ", columns.stream().map(c -> table + "." + c).toList());
    }

    /** The statement with its values written in, for a person to read (never executed). */
    public String inline() {
        return new Sql(sql, parameters).inline();
    }
}
