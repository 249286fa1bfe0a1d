package dev.cascadestudio.cascade;

import dev.cascadestudio.domain.ForeignKeyRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One statement of a commit. Order matters and is fixed here: first every SET NULL update (their
 * conditions still see the parent rows), then the deletes, children before parents (each delete's
 * condition refers only to ancestors, which are still there). Every action is an explicit
 * statement: the controller's SQLite file enforces no foreign keys, so ON DELETE never fires there.
 *
 * @param effects what the statement carries out: one table's deletion, or the nulling of one column; where the
 *                product sets a table's nulled columns together ({@link
 *                dev.cascadestudio.persistence.DatabaseProduct#nullsATablesColumnsTogether()}), every nulled column of
 *                that table, in the plan's order
 */
record ExecutionStep(List<PlanQueries.Effect> effects, Sql sql) {

    ExecutionStep {
        effects = List.copyOf(effects);
        PlanQueries.Effect first = effects.isEmpty() ? null : effects.get(0);
        if (first == null || (first.edge() == null ? effects.size() != 1
                : effects.stream().anyMatch(e -> e.edge() == null || !e.table().equals(first.table())))) {
            throw new IllegalArgumentException("one deletion, or nullings of one table: " + effects);
        }
    }

    String table() {
        return effects.get(0).table();
    }

    boolean isNulling() {
        return effects.get(0).edge() != null;
    }

    /** The columns it sets to NULL, in the plan's order; none for a delete. */
    List<String> columns() {
        return isNulling() ? effects.stream().map(PlanQueries.Effect::column).toList() : List.of();
    }

    static List<ExecutionStep> steps(PlanQueries queries) {
        boolean joins = queries.product().joinsToParentKeys();
        List<ExecutionStep> steps = new ArrayList<>();
        for (List<ForeignKeyRule> edges : nullingGroups(queries)) {
            List<PlanQueries.Effect> effects = edges.stream().map(e -> new PlanQueries.Effect(e.childTable(), e)).toList();
            if (edges.size() > 1) {
                steps.add(new ExecutionStep(effects, togetherUpdate(queries, edges)));
                continue;
            }
            ForeignKeyRule edge = edges.get(0);
            steps.add(new ExecutionStep(effects, joins ? joinedUpdate(queries, effects.get(0))
                    : Sql.of("UPDATE " + queries.q(edge.childTable()) + " SET " + queries.q(edge.column()) + " = NULL WHERE ")
                            .append(queries.nulledPredicate(edge))));
        }
        List<String> tables = new ArrayList<>(queries.deletedTables());
        java.util.Collections.reverse(tables);
        for (String table : tables) {
            PlanQueries.Effect effect = new PlanQueries.Effect(table, null);
            // a root table, or one reached through several edges, has no parent keys to join to
            steps.add(new ExecutionStep(List.of(effect), joins && queries.joinsToParentKeys(effect) ? joinedDelete(queries, effect)
                    : Sql.of("DELETE FROM " + queries.q(table) + " WHERE ").append(queries.deletedPredicate(table))));
        }
        return steps;
    }

    /**
     * The nulling edges, one per group; where the product sets a table's columns together, a table's edges form one
     * group, placed where its first edge was. The order of the nulling statements does not change their rows: a
     * nulled column's rows are chosen by its own value and by which rows are deleted, and no statement deletes
     * anything before the last UPDATE, nor sets a column that chooses which rows are deleted (those are CASCADE
     * columns).
     */
    private static List<List<ForeignKeyRule>> nullingGroups(PlanQueries queries) {
        boolean together = queries.product().nullsATablesColumnsTogether();
        Map<Object, List<ForeignKeyRule>> groups = new LinkedHashMap<>();
        for (ForeignKeyRule edge : queries.nullingEdges()) {
            groups.computeIfAbsent(together ? edge.childTable() : edge, key -> new ArrayList<>()).add(edge);
        }
        return List.copyOf(groups.values());
    }

    /**
     * {@code UPDATE child SET a = CASE WHEN <a's rows> THEN NULL ELSE a END, b = ... WHERE (<a's rows>) OR (<b's
     * rows>)}: each condition is the one the column's own UPDATE would have, so each column loses the same values,
     * and a row that loses several is written once. It changes as many rows as the columns' nulled rows counted
     * once each.
     */
    private static Sql togetherUpdate(PlanQueries queries, List<ForeignKeyRule> edges) {
        Sql sql = Sql.of("UPDATE " + queries.q(edges.get(0).childTable()) + " SET ");
        for (int i = 0; i < edges.size(); i++) {
            String column = queries.q(edges.get(i).column());
            sql = sql.append(i == 0 ? "" : ", ").append(column + " = CASE WHEN ").append(queries.nulledPredicate(edges.get(i)))
                    .append(" THEN NULL ELSE " + column + " END");
        }
        sql = sql.append(" WHERE ");
        for (int i = 0; i < edges.size(); i++) {
            sql = sql.append(i == 0 ? "(" : " OR (").append(queries.nulledPredicate(edges.get(i))).append(")");
        }
        return sql;
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
