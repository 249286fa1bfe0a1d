package dev.cascadestudio.cascade;

import dev.cascadestudio.domain.ForeignKeyRule;
import java.util.List;
import java.util.Objects;

/**
 * What deleting the roots (and repairing the dangling values of {@code repairs}) does, computed before
 * anything changes: per table the rows deleted (roots and labels included), per (table, column) the
 * rows whose value becomes NULL (rows deleted anyway left out), the routes that reach them, and the
 * statements the commit will run. Immutable; the executor applies exactly this plan or refuses it as
 * stale.
 */
public record DeletePlan(List<Root> roots, List<Repair> repairs, List<Effect> deleted, List<Effect> nulled,
                         List<String> statements, int planningStatements) {

    public DeletePlan {
        roots = List.copyOf(roots);
        repairs = List.copyOf(repairs);
        deleted = List.copyOf(deleted);
        nulled = List.copyOf(nulled);
        statements = List.copyOf(statements);
    }

    public DeletePlan(List<Root> roots, List<Effect> deleted, List<Effect> nulled, List<String> statements,
                      int planningStatements) {
        this(roots, List.of(), deleted, nulled, statements, planningStatements);
    }

    /** Whether the plan only repairs dangling values (no row was chosen). */
    public boolean isRepair() {
        return roots.isEmpty() && !repairs.isEmpty();
    }

    /**
     * One table's deleted rows ({@code column} null) or one column's nulled rows.
     *
     * @param count   the rows deleted; for a nulled column, its rows, which is the values it nulls
     * @param newRows for a nulled column, how many of its rows no column of the same table before it in
     *                {@link #nulled()} also nulls, so that a table's nulled rows are the sum over its
     *                columns (a run that loses both {@code workflow_id} and {@code schedule_id} is one
     *                row and two values); for deleted rows, {@code count}
     * @param digest  a hash of the affected rows' keys; equal digests mean the same rows
     */
    public record Effect(String table, String column, ForeignKeyRule edge, long count, long newRows, String digest,
                         List<RouteCount> routes) {
        public Effect {
            routes = List.copyOf(routes);
            if (newRows < 0 || newRows > count || (column == null && newRows != count)) {
                throw new IllegalArgumentException(label() + ": " + newRows + " new rows of " + count);
            }
        }

        public boolean isNulling() {
            return column != null;
        }

        /** {@code table} or {@code table.column}. */
        public String label() {
            return column == null ? table : table + "." + column;
        }

        boolean sameRowsAs(Effect other) {
            return table.equals(other.table) && Objects.equals(column, other.column)
                    && count == other.count && digest.equals(other.digest);
        }
    }

    /** How many of an effect's rows are reached first along one route. */
    public record RouteCount(Route route, long count) {}

    /** Rows deleted, labels included. */
    public long deletedCount() {
        return deleted.stream().mapToLong(Effect::count).sum();
    }

    /** Foreign-key values set to NULL: a row that loses two of its keys counts twice. */
    public long nulledValueCount() {
        return nulled.stream().mapToLong(Effect::count).sum();
    }

    /** Rows that keep existing with one or more foreign keys set to NULL, each counted once. */
    public long nulledRowCount() {
        return nulled.stream().mapToLong(Effect::newRows).sum();
    }

    /** Rows the delete changes: deleted, or left with a key set to NULL, each counted once. */
    public long affectedRowCount() {
        return deletedCount() + nulledRowCount();
    }

    public boolean isEmpty() {
        return deletedCount() == 0 && nulledValueCount() == 0;
    }

    public Effect deletedFrom(String table) {
        return deleted.stream().filter(e -> e.table().equals(table)).findFirst().orElse(null);
    }

    public Effect nulledIn(String table, String column) {
        return nulled.stream().filter(e -> e.table().equals(table) && e.column().equals(column)).findFirst().orElse(null);
    }

    /**
     * The rows one statement changes: a table's deleted rows ({@code columns} empty), one column's nulled rows, or
     * where one statement sets several of a table's columns, its nulled rows counted once each. Such a statement
     * sets every column of the table the plan nulls (each row it changes is then counted by the first of them in
     * {@link #nulled()} that nulls it: the sum of their {@link Effect#newRows()}); it may name columns the plan
     * does not list, which null no row.
     */
    public long rowsChangedBy(String table, List<String> columns) {
        if (columns.isEmpty()) {
            Effect deleted = deletedFrom(table);
            return deleted == null ? 0 : deleted.count();
        }
        if (columns.size() == 1) {
            Effect nulled = nulledIn(table, columns.get(0));
            return nulled == null ? 0 : nulled.count();
        }
        List<Effect> ofTable = nulled.stream().filter(e -> e.table().equals(table)).toList();
        if (!columns.containsAll(ofTable.stream().map(Effect::column).toList())) {
            throw new IllegalArgumentException("a statement that sets " + table + "." + columns + " sets some of its nulled columns only");
        }
        return ofTable.stream().mapToLong(Effect::newRows).sum();
    }

    /** Whether both plans affect exactly the same rows in the same way. */
    public boolean sameEffectsAs(DeletePlan other) {
        return sameEffects(deleted, other.deleted) && sameEffects(nulled, other.nulled);
    }

    /** Whether both plans delete and null as many rows of each table and column (whatever the rows). */
    public boolean sameCountsAs(DeletePlan other) {
        return counts(deleted).equals(counts(other.deleted)) && counts(nulled).equals(counts(other.nulled));
    }

    private static List<String> counts(List<Effect> effects) {
        return effects.stream().filter(e -> e.count() > 0).map(e -> e.label() + "=" + e.count()).sorted().toList();
    }

    private static boolean sameEffects(List<Effect> a, List<Effect> b) {
        List<Effect> left = a.stream().filter(e -> e.count() > 0).toList();
        List<Effect> right = b.stream().filter(e -> e.count() > 0).toList();
        if (left.size() != right.size()) {
            return false;
        }
        for (int i = 0; i < left.size(); i++) {
            if (!left.get(i).sameRowsAs(right.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** "Delete 1,204 rows, set 37 values in 30 rows to NULL"; a repair that deletes nothing: "Set 3 values in 3 rows to NULL". */
    public String summary() {
        if (deletedCount() == 0 && nulledValueCount() > 0) {
            return "Set " + counted(nulledValueCount(), "value") + " in " + counted(nulledRowCount(), "row") + " to NULL";
        }
        String s = "Delete " + counted(deletedCount(), "row");
        return nulledValueCount() == 0 ? s
                : s + ", set " + counted(nulledValueCount(), "value") + " in " + counted(nulledRowCount(), "row") + " to NULL";
    }

    private static String counted(long n, String noun) {
        return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
    }
}
