package dev.cascadestudio.cascade;

import java.util.List;

/**
 * One statement a commit runs, in the order it runs, as the executor prepares it: its text with
 * {@code ?} placeholders and the values bound to them (the roots' uids). {@link DeletePlan#statements()}
 * holds the same statements with the values written in.
 *
 * @param table  the table it deletes from or updates
 * @param column the column it sets to NULL, or null for a delete
 */
public record CommitStatement(String table, String column, String sql, List<Object> parameters) {

    public CommitStatement {
        parameters = List.copyOf(parameters);
    }

    public boolean isNulling() {
        return column != null;
    }

    /** {@code table} or {@code table.column}, as {@link DeletePlan.Effect#label()} names the effect it carries out. */
    public String label() {
        return column == null ? table : table + "." + column;
    }

    /** The statement with its values written in, for a person to read (never executed). */
    public String inline() {
        return new Sql(sql, parameters).inline();
    }
}
