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
        List<ExecutionStep> steps = new ArrayList<>();
        for (var edge : queries.nullingEdges()) {
            PlanQueries.Effect effect = new PlanQueries.Effect(edge.childTable(), edge);
            steps.add(new ExecutionStep(effect, Sql.of("UPDATE " + queries.q(edge.childTable()) + " SET "
                    + queries.q(edge.column()) + " = NULL WHERE ").append(queries.nulledPredicate(edge))));
        }
        List<String> tables = new ArrayList<>(queries.deletedTables());
        java.util.Collections.reverse(tables);
        for (String table : tables) {
            steps.add(new ExecutionStep(new PlanQueries.Effect(table, null),
                    Sql.of("DELETE FROM " + queries.q(table) + " WHERE ").append(queries.deletedPredicate(table))));
        }
        return steps;
    }
}
