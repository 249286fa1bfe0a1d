package dev.cascadestudio.cascade;

import java.util.ArrayList;
import java.util.List;

/**
 * One statement of a commit. Order matters and is fixed here: first every SET NULL update (their
 * conditions still see the parent rows), then the deletes, children before parents (each delete's
 * condition refers only to ancestors, which are still there). Every action is an explicit
 * statement: the controller's SQLite file enforces no foreign keys, so ON DELETE never fires there.
 */
record ExecutionStep(PlanQueries.Effect effect, Sql sql) {

    static List<ExecutionStep> steps(PlanQueries queries) {
        boolean joins = queries.product().joinsToParentKeys();
        List<ExecutionStep> steps = new ArrayList<>();
        for (var edge : queries.nullingEdges()) {
            PlanQueries.Effect effect = new PlanQueries.Effect(edge.childTable(), edge);
            steps.add(new ExecutionStep(effect, joins ? joinedUpdate(queries, effect)
                    : Sql.of("UPDATE " + queries.q(edge.childTable()) + " SET " + queries.q(edge.column()) + " = NULL WHERE ")
                            .append(queries.nulledPredicate(edge))));
        }
        List<String> tables = new ArrayList<>(queries.deletedTables());
        java.util.Collections.reverse(tables);
        for (String table : tables) {
            PlanQueries.Effect effect = new PlanQueries.Effect(table, null);
            // a root table, or one reached through several edges, has no parent keys to join to
            steps.add(new ExecutionStep(effect, joins && queries.joinsToParentKeys(effect) ? joinedDelete(queries, effect)
                    : Sql.of("DELETE FROM " + queries.q(table) + " WHERE ").append(queries.deletedPredicate(table))));
        }
        return steps;
    }

    /**
     * {@code UPDATE (SELECT DISTINCT <deleted parent keys>) p JOIN child ON child.column = p.key SET
     * child.column = NULL [WHERE <not deleted anyway>]}: the same rows as the plain form (the planner's
     * scan selects them the same way), found from the parent's keys through the child's index.
     */
    private static Sql joinedUpdate(PlanQueries queries, PlanQueries.Effect effect) {
        PlanQueries.Source source = queries.source(effect);
        Sql sql = Sql.of("UPDATE ").append(source.tables()).append(" SET " + queries.q(effect.table()) + "."
                + queries.q(effect.column()) + " = NULL");
        return source.condition() == null ? sql : sql.append(" WHERE ").append(source.condition());
    }

    /** {@code DELETE child FROM (SELECT DISTINCT <deleted parent keys>) p JOIN child ON child.column = p.key}. */
    private static Sql joinedDelete(PlanQueries queries, PlanQueries.Effect effect) {
        PlanQueries.Source source = queries.source(effect);
        Sql sql = Sql.of("DELETE " + queries.q(effect.table()) + " FROM ").append(source.tables());
        return source.condition() == null ? sql : sql.append(" WHERE ").append(source.condition());
    }
}
