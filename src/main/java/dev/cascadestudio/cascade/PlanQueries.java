package dev.cascadestudio.cascade;

import dev.cascadestudio.domain.ForeignKeyRule;
import dev.cascadestudio.persistence.ColumnKind;
import dev.cascadestudio.persistence.DatabaseProduct;
import dev.cascadestudio.persistence.SqlNames;
import dev.cascadestudio.persistence.TableInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the set-based SQL of a plan. The rows deleted from a table are described by one predicate
 * composed along the DELETE edges from the roots ({@code project_id IN (SELECT uid FROM project
 * WHERE uid IN (?))}), never by lists of row keys, so every statement touches a whole set and the
 * number of statements depends on the graph, not on the number of rows.
 */
final class PlanQueries {

    private final CascadeGraph graph;
    private final SqlNames names;
    private final DatabaseProduct product;
    private final Map<String, List<String>> rootUids;
    /** The edges whose dangling values the plan repairs ({@link Repair}), in the order asked. */
    private final List<ForeignKeyRule> repairs;
    private final Map<String, Sql> deletedPredicates = new HashMap<>();
    private final Map<String, List<Route>> routes = new HashMap<>();
    private final Map<String, Sql> rootConditions = new HashMap<>();

    PlanQueries(CascadeGraph graph, SqlNames names, DatabaseProduct product, List<Root> roots) {
        this(graph, names, product, roots, List.of());
    }

    PlanQueries(CascadeGraph graph, SqlNames names, DatabaseProduct product, List<Root> roots, List<Repair> repairs) {
        this.graph = graph;
        List<ForeignKeyRule> edges = new ArrayList<>();
        for (Repair repair : repairs) {
            ForeignKeyRule edge = repair.edge(graph);
            if (!edges.contains(edge)) {
                edges.add(edge);
            }
        }
        this.repairs = List.copyOf(edges);
        this.names = names;
        this.product = product;
        // a set per table: List.contains made 10,000 chosen runs 50 million comparisons, a quarter of their plan on H2
        Map<String, Set<String>> byTable = new LinkedHashMap<>();
        for (Root root : roots) {
            byTable.computeIfAbsent(root.table(), t -> new HashSet<>()).add(root.uid());
        }
        Map<String, List<String>> sorted = new LinkedHashMap<>();
        byTable.forEach((table, uids) -> sorted.put(table, uids.stream().sorted().toList()));
        this.rootUids = sorted;
    }

    String q(String identifier) {
        return names.quote(identifier);
    }

    DatabaseProduct product() {
        return product;
    }

    /** Tables with deleted rows, parents before children. */
    List<String> deletedTables() {
        return graph.parentsFirst().stream().filter(t -> deletedPredicate(t) != null).toList();
    }

    /**
     * SET NULL edges whose parent loses rows, or whose dangling values are repaired: each names a (table,
     * column) whose values become NULL.
     */
    List<ForeignKeyRule> nullingEdges() {
        return graph.edges().stream()
                .filter(e -> e.action() == ForeignKeyRule.Action.SET_NULL
                        && (deletedPredicate(e.parentTable()) != null || repairs.contains(e)))
                .sorted(Comparator.comparing(ForeignKeyRule::childTable).thenComparing(ForeignKeyRule::column))
                .toList();
    }

    /** The condition on {@code table}'s columns that selects its deleted rows, or null if none are. */
    Sql deletedPredicate(String table) {
        if (deletedPredicates.containsKey(table)) {
            return deletedPredicates.get(table);
        }
        List<Sql> parts = new ArrayList<>();
        if (rootUids.containsKey(table)) {
            parts.add(rootCondition(table));
        }
        for (ForeignKeyRule edge : graph.incoming(table)) {
            if (edge.action() == ForeignKeyRule.Action.DELETE) {
                Sql parent = deletedPredicate(edge.parentTable());
                if (parent != null) {
                    parts.add(reference(edge, parent));
                }
                if (repairs.contains(edge)) {
                    parts.add(dangling(edge));
                }
            }
        }
        Sql predicate = parts.isEmpty() ? null : Sql.of("(").append(Sql.join(" OR ", parts)).append(")");
        deletedPredicates.put(table, predicate);
        return predicate;
    }

    /** {@code child.column IN (SELECT parent.ref FROM parent WHERE parentCondition)}. */
    private Sql reference(ForeignKeyRule edge, Sql parentCondition) {
        return Sql.of(q(edge.column()) + " IN (SELECT " + q(edge.referencedColumn()) + " FROM "
                + q(edge.parentTable()) + " WHERE ").append(parentCondition).append(")");
    }

    /**
     * {@code (child.column IS NOT NULL AND NOT EXISTS (SELECT 1 FROM parent cs_gone WHERE cs_gone.ref =
     * child.column))}: the child's rows whose value names no parent row, by the database's own {@code =}
     * (the {@link Auditor} finds them by the same condition). The child's column is qualified by its table's
     * name, which every statement gives the child table (it is never aliased), so the condition reads the same
     * inside a subquery.
     */
    Sql dangling(ForeignKeyRule edge) {
        return Sql.of(dangling(names, edge));
    }

    /** {@link #dangling(ForeignKeyRule)} written with {@code names}: the one condition for a value that names no row. */
    static String dangling(SqlNames names, ForeignKeyRule edge) {
        String column = names.quote(edge.childTable()) + "." + names.quote(edge.column());
        String gone = names.quote(GONE_ALIAS);
        return "(" + column + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " + names.quote(edge.parentTable()) + " "
                + gone + " WHERE " + gone + "." + names.quote(edge.referencedColumn()) + " = " + column + "))";
    }

    /**
     * {@code column} is one of {@code values}: bound as one parameter where the product takes a key list
     * ({@link DatabaseProduct#inKeyList}: H2's and PostgreSQL's
     * {@code = ANY(?)}, SQLite's {@code IN (SELECT value FROM json_each(?))}), else {@code IN (?, ?, …)}.
     * The roots' list appears in most statements of a plan and a commit, several times in some, so
     * 10,000 chosen runs were 10,000 parameters to bind and parse each time. Fewer than
     * {@value #KEY_LIST_FROM} stay a list, which reads better in the statements shown before a delete.
     */
    private Sql inList(String column, List<String> values) {
        String oneParameter = values.size() < KEY_LIST_FROM ? null : product.inKeyList(column, values.size());
        if (oneParameter != null) {
            return new Sql(oneParameter, List.of(new KeyList(values, product)));
        }
        return new Sql(column + " IN (" + String.join(", ", Collections.nCopies(values.size(), "?")) + ")",
                new ArrayList<>(values));
    }

    /** From this many values on, {@link #inList} binds them as one parameter where the product takes one. */
    static final int KEY_LIST_FROM = 100;

    /** {@code uid} is one of {@code table}'s roots: built once per table, since many statements repeat it. */
    private Sql rootCondition(String table) {
        return rootConditions.computeIfAbsent(table, t -> inList(q("uid"), rootUids.get(t)));
    }

    /** The rows of {@code edge.childTable} whose column the plan sets to NULL (rows deleted anyway excluded). */
    Sql nulledPredicate(ForeignKeyRule edge) {
        Sql predicate = nullsThrough(edge);
        Sql deletedAnyway = deletedPredicate(edge.childTable());
        if (deletedAnyway != null) {
            // not NOT: a NULL from the deleted-condition must not hide a row (NOT NULL is NULL)
            predicate = predicate.append(" AND ").append(notTrue(deletedAnyway));
        }
        return predicate;
    }

    /**
     * The rows whose {@code edge} column the plan sets to NULL, rows deleted anyway included: those pointing
     * to a deleted parent row, and those pointing to no row where the plan repairs the edge.
     */
    private Sql nullsThrough(ForeignKeyRule edge) {
        Sql parent = deletedPredicate(edge.parentTable());
        Sql reference = parent == null ? null : reference(edge, parent);
        if (!repairs.contains(edge)) {
            return reference;
        }
        return reference == null ? dangling(edge) : Sql.of("(").append(reference).append(" OR ").append(dangling(edge)).append(")");
    }

    /**
     * {@code CASE WHEN <an earlier nulled column of the same table also nulls this row> THEN 1 ELSE 0 END},
     * or null for a deletion or the table's first nulled column. Selected with a nulled column's rows, it
     * tells the rows counted already (a run losing its {@code schedule_id} and its {@code workflow_id}
     * is one row) without another statement. "Earlier" is the order of {@link #nullingEdges()}.
     */
    Sql nulledBeforeExpression(Effect effect) {
        List<ForeignKeyRule> edges = earlierEdges(effect);
        if (edges.isEmpty()) {
            return null;
        }
        List<Sql> earlier = new ArrayList<>();
        for (int i = 0; i < edges.size(); i++) {
            ForeignKeyRule edge = edges.get(i);
            if (!product.joinsToParentKeys()) {
                earlier.add(nullsThrough(edge));
                continue;
            }
            if (deletedPredicate(edge.parentTable()) != null) {
                earlier.add(Sql.of(q(BEFORE_ALIAS + i) + "." + q(PARENT_KEY) + " IS NOT NULL"));
            }
            if (repairs.contains(edge)) {
                earlier.add(dangling(edge)); // no parent keys to join to: the parent row is not there
            }
        }
        return Sql.of("CASE WHEN ").append(Sql.join(" OR ", earlier)).append(" THEN 1 ELSE 0 END");
    }

    /** The nulling edges of the effect's table before the effect's own, in {@link #nullingEdges()} order. */
    private List<ForeignKeyRule> earlierEdges(Effect effect) {
        List<ForeignKeyRule> earlier = new ArrayList<>();
        if (effect.edge() == null) {
            return earlier;
        }
        for (ForeignKeyRule edge : nullingEdges()) {
            if (edge.equals(effect.edge())) {
                break;
            }
            if (edge.childTable().equals(effect.table())) {
                earlier.add(edge);
            }
        }
        return earlier;
    }

    /**
     * {@link #scanSource(Effect)}, which {@link #nulledBeforeExpression} can be selected with. For a
     * product that joins to parent keys, that expression tests LEFT JOINed keys, added here: {@code
     * LEFT JOIN (SELECT DISTINCT schedule.uid AS k FROM <deleted schedules>) cs_before0 ON
     * run.schedule_id = cs_before0.k}. Each row matches at most one of the DISTINCT keys (DISTINCT and
     * {@code =} compare alike), so no row is found twice. MariaDB ran the {@code CASE WHEN schedule_id
     * IN (SELECT ...)} form as a dependent subquery per run: 11.4 s of an 11.5 s plan on 1M rows.
     */
    Sql scanSourceWithNulledBefore(Effect effect) {
        List<ForeignKeyRule> earlier = earlierEdges(effect);
        if (!product.joinsToParentKeys() || earlier.isEmpty()) {
            return scanSource(effect);
        }
        Source source = source(effect);
        Sql from = Sql.of(" FROM ").append(source.tables());
        for (int i = 0; i < earlier.size(); i++) {
            ForeignKeyRule edge = earlier.get(i);
            if (deletedPredicate(edge.parentTable()) == null) {
                continue; // repaired only: nulledBeforeExpression tests its dangling values in place
            }
            String alias = q(BEFORE_ALIAS + i);
            from = from.append(" LEFT JOIN (SELECT DISTINCT " + q(edge.parentTable()) + "." + q(edge.referencedColumn())
                            + " AS " + q(PARENT_KEY))
                    .append(deletedRows(edge.parentTable(), 1))
                    .append(") " + alias + " ON " + q(edge.childTable()) + "." + q(edge.column()) + " = " + alias + "."
                            + q(PARENT_KEY));
        }
        return source.condition() == null ? from : from.append(" WHERE ").append(source.condition());
    }

    /**
     * The rows of {@code edge.childTable} the plan affects through {@code edge}, each under one parent
     * only: for a SET NULL edge its {@link #nulledPredicate}; for a DELETE edge the table's
     * {@link #deletedPredicate}, less the rows that are roots themselves or are reached through a DELETE
     * edge listed before it (so that a row two edges reach is drawn once). Null if the plan affects no
     * row through the edge. Combined with {@code column = ?} it gives one parent row's children.
     */
    Sql reachedThrough(ForeignKeyRule edge) {
        if (deletedPredicate(edge.parentTable()) == null) {
            return null;
        }
        if (edge.action() == ForeignKeyRule.Action.SET_NULL) {
            return nulledPredicate(edge);
        }
        Sql deleted = deletedPredicate(edge.childTable());
        List<Sql> before = new ArrayList<>();
        if (rootUids.containsKey(edge.childTable())) {
            before.add(rootCondition(edge.childTable()));
        }
        for (ForeignKeyRule earlier : graph.incoming(edge.childTable())) {
            if (earlier.equals(edge)) {
                break;
            }
            if (earlier.action() == ForeignKeyRule.Action.DELETE && deletedPredicate(earlier.parentTable()) != null) {
                before.add(reference(earlier, deletedPredicate(earlier.parentTable())));
            }
        }
        return before.isEmpty() ? deleted
                : deleted.append(" AND ").append(notTrue(Sql.of("(").append(Sql.join(" OR ", before)).append(")")));
    }

    /** The tables that hold chosen rows, in the order first chosen. */
    List<String> rootTables() {
        return List.copyOf(rootUids.keySet());
    }

    /** The roots of one table, by uid. */
    List<String> rootUids(String table) {
        return rootUids.getOrDefault(table, List.of());
    }

    /** {@code uid} is one of {@code uids} ({@link #inList}). */
    Sql uidIn(List<String> uids) {
        return inList(q("uid"), uids);
    }

    /** {@code column} is one of {@code values} ({@link #inList}). */
    Sql columnIn(String column, List<String> values) {
        return inList(q(column), values);
    }

    /** Every route from a root table to {@code table} along DELETE edges, shortest first. */
    List<Route> routesTo(String table) {
        List<Route> cached = routes.get(table);
        if (cached != null) {
            return cached;
        }
        List<Route> found = new ArrayList<>();
        if (rootUids.containsKey(table)) {
            found.add(new Route(table, List.of()));
        }
        for (ForeignKeyRule edge : graph.incoming(table)) {
            if (edge.action() == ForeignKeyRule.Action.DELETE) {
                for (Route r : routesTo(edge.parentTable())) {
                    found.add(r.then(edge));
                }
                if (repairs.contains(edge)) {
                    found.add(Route.fromGone(edge));
                }
            }
        }
        found.sort(Comparator.comparingInt(r -> r.edges().size()));
        List<Route> result = List.copyOf(found);
        routes.put(table, result);
        return result;
    }

    List<Route> routesOf(Effect effect) {
        if (effect.edge() == null) {
            return routesTo(effect.table());
        }
        List<Route> found = new ArrayList<>(routesTo(effect.edge().parentTable()).stream().map(r -> r.then(effect.edge())).toList());
        if (repairs.contains(effect.edge())) {
            found.add(Route.fromGone(effect.edge()));
        }
        found.sort(Comparator.comparingInt(r -> r.edges().size()));
        return List.copyOf(found);
    }

    /** The condition that selects exactly the rows reached along {@code route}. */
    Sql routePredicate(Route route) {
        List<ForeignKeyRule> edges = route.edges();
        Sql condition;
        if (route.fromGone()) {
            condition = dangling(edges.get(0));
            edges = edges.subList(1, edges.size());
        } else {
            condition = rootCondition(route.rootTable());
        }
        for (ForeignKeyRule edge : edges) {
            condition = reference(edge, condition);
        }
        return condition;
    }

    Sql predicate(Effect effect) {
        return effect.edge() == null ? deletedPredicate(effect.table()) : nulledPredicate(effect.edge());
    }

    /**
     * {@code FROM ... [WHERE ...]} selecting exactly the rows of {@link #predicate}, each once. Where a
     * table's deleted rows are reached through one edge only (every table of a single-table root set),
     * they are found by joining the table to the DISTINCT keys of its parent's deleted rows, found the
     * same way, down from the roots: {@code FROM (SELECT DISTINCT workflow.uid FROM (SELECT DISTINCT
     * project.uid FROM project WHERE uid IN (?)) p1 JOIN workflow ON workflow.project_id = p1.k) p0
     * JOIN schedule ON schedule.workflow_id = p0.k}. H2 re-evaluates an {@code IN (subquery)} for
     * every row it has already found through the index, and a nested one for every row at each level;
     * the join took about a quarter off a 200,000-row plan's CPU time. Where several edges reach a
     * table, the plain {@code WHERE predicate}. (On H2 the planner mostly uses
     * {@link #scanSource(Effect, ParentKeys)} instead; this form serves the other databases, pages
     * of rows, and parents with too many keys to keep.)
     */
    Sql scanSource(Effect effect) {
        return scanSource(effect, (Sql) null);
    }

    /** {@link #scanSource(Effect)} with {@code also} (null: nothing) added to its condition. */
    Sql scanSource(Effect effect, Sql also) {
        Source source = source(effect);
        Sql from = Sql.of(" FROM ").append(source.tables());
        Sql condition = source.condition() == null ? also
                : also == null ? source.condition() : Sql.of("(").append(source.condition()).append(") AND ").append(also);
        return condition == null ? from : from.append(" WHERE ").append(condition);
    }

    /**
     * {@code table}'s rows after {@code key} in key order, written out ({@code uid > ? OR (uid = ? AND
     * version > ?)}) rather than as a row-value comparison, which not every product's planner turns
     * into an index range.
     */
    Sql keyAfter(String table, RowKey key) {
        String uid = q(table) + "." + q("uid");
        if (!graph.table(table).versioned()) {
            // a label's uid is a number: compared as one, as the ORDER BY sorts it
            boolean number = graph.table(table).column("uid").kind() == ColumnKind.INTEGER;
            return Sql.of(uid + " > ?", number ? (Object) Long.valueOf(key.uid()) : key.uid());
        }
        String version = q(table) + "." + q("version");
        return Sql.of("(" + uid + " > ? OR (" + uid + " = ? AND " + version + " > ?))",
                key.uid(), key.uid(), key.version() == null ? "" : key.version());
    }

    /**
     * The rows of {@link #scanSource(Effect)} as the table references and the condition (null for none)
     * of a statement: {@code FROM tables [WHERE condition]} for a SELECT, and for a product whose UPDATE
     * and DELETE take joins ({@link DatabaseProduct#joinsToParentKeys()}) {@code UPDATE tables SET
     * ...} and {@code DELETE child FROM tables}.
     */
    Source source(Effect effect) {
        ForeignKeyRule edge = effect.edge() != null ? effect.edge() : soleDeletingEdge(effect.table());
        if (edge == null || repairs.contains(edge)) {
            // no deleted parent keys to join to (a root table, several edges, or dangling values)
            return new Source(Sql.of(q(effect.table())), predicate(effect));
        }
        Sql deletedAnyway = effect.edge() == null ? null : deletedPredicate(effect.table());
        return new Source(joinedTables(edge, 0), deletedAnyway == null ? null : notTrue(deletedAnyway));
    }

    /** Whether {@link #source} joins the effect's table to its parent's deleted keys (else it is the table alone). */
    boolean joinsToParentKeys(Effect effect) {
        return effect.edge() != null ? !repairs.contains(effect.edge()) : soleDeletingEdge(effect.table()) != null;
    }

    /** Table references, and the condition on them (null for none). */
    record Source(Sql tables, Sql condition) {}

    /** {@code condition} is false or NULL, in the product's own shape ({@link DatabaseProduct#notTrue}). */
    private Sql notTrue(Sql condition) {
        return new Sql(product.notTrue(condition.text()), condition.params());
    }

    /**
     * The same rows as {@link #scanSource(Effect)}, but where the effect's rows are reached through one
     * edge and {@code known} holds the parent's deleted keys for that edge, found by the child's
     * foreign-key index alone: {@code FROM UNNEST(?) p(k) JOIN run ON run.workflow_id = p.k}, the
     * distinct keys bound as one array ({@code run.workflow_id = ANY(?)} finds the same rows through the
     * index too, but H2 then checks each found row against the whole array again). Finding the
     * parent's keys again for every child meant reading every deleted parent row whole once per child
     * edge (its uid or name is not in the index it is found by).
     */
    Sql scanSource(Effect effect, ParentKeys known) {
        if (effect.edge() == null && onlyRoots(effect.table())) {
            return rootsJoined(effect.table());
        }
        ForeignKeyRule edge = keyedEdge(effect);
        Object[] keys = edge == null ? null : known.of(edge.parentTable(), edge.referencedColumn());
        if (keys == null) {
            return scanSource(effect);
        }
        String child = q(effect.table());
        String alias = q(PARENT_ALIAS);
        Sql source = new Sql(" FROM UNNEST(?) " + alias + "(" + q(PARENT_KEY) + ") JOIN " + child + " ON " + child + "."
                + q(edge.column()) + " = " + alias + "." + q(PARENT_KEY), List.of((Object) keys));
        Sql deletedAnyway = effect.edge() == null ? null : deletedPredicate(effect.table());
        return deletedAnyway == null ? source : source.append(" WHERE ").append(notTrue(deletedAnyway));
    }

    /**
     * The same rows as {@link #scanSourceWithNulledBefore(Effect)}, for a product whose scans read each row's key and
     * that finds the children of many chosen rows by key list ({@link DatabaseProduct#findsChildrenOfChosenRowsByKeyList}):
     * a table whose deleted rows are its chosen rows alone is read {@code FROM run WHERE uid IN (…) AND everyVersion}
     * ({@code everyVersion} null: without it); a table reached through one edge from such a table, whose keys
     * {@code known} holds, {@code FROM run_labels WHERE run_labels.parent IN (…)}, the keys bound as one list.
     */
    Sql scanSourceByKeyList(Effect effect, ParentKeys known, String everyVersion) {
        if (effect.edge() == null && onlyRoots(effect.table())) {
            Sql roots = rootCondition(effect.table());
            return Sql.of(" FROM " + q(effect.table()) + " WHERE ")
                    .append(everyVersion == null ? roots : Sql.of("(").append(roots).append(" AND " + everyVersion + ")"));
        }
        ForeignKeyRule edge = keyedEdge(effect);
        Object[] keys = edge == null ? null : known.of(edge.parentTable(), edge.referencedColumn());
        if (keys == null || keys.length == 0) {
            return scanSourceWithNulledBefore(effect);
        }
        String child = q(effect.table());
        List<String> values = new ArrayList<>();
        for (Object key : keys) {
            values.add((String) key);
        }
        Collections.sort(values); // the statement's text and parameters do not depend on a hash order
        Sql source = Sql.of(" FROM " + child + " WHERE ").append(inList(child + "." + q(edge.column()), values));
        Sql deletedAnyway = effect.edge() == null ? null : deletedPredicate(effect.table());
        return deletedAnyway == null ? source : source.append(" AND (").append(notTrue(deletedAnyway)).append(")");
    }

    /**
     * The one edge {@code effect}'s rows are reached through whose parent's deleted keys a scan may start from: the
     * effect's own SET NULL edge, or its table's sole deleting edge; null where there is none (a table of chosen rows,
     * several edges) or the edge is repaired (its dangling values have no parent keys).
     */
    private ForeignKeyRule keyedEdge(Effect effect) {
        ForeignKeyRule edge = effect.edge() != null ? effect.edge() : soleDeletingEdge(effect.table());
        return edge == null || repairs.contains(edge) ? null : edge;
    }

    /**
     * Whether {@code table}'s deleted rows are its chosen rows alone, enough of them to be bound as one array
     * ({@value #KEY_LIST_FROM} on): no DELETE edge from a table losing rows and no repair reaches it.
     */
    boolean onlyRoots(String table) {
        if (rootUids.getOrDefault(table, List.of()).size() < KEY_LIST_FROM) {
            return false;
        }
        for (ForeignKeyRule edge : graph.incoming(table)) {
            if (edge.action() == ForeignKeyRule.Action.DELETE && (deletedPredicate(edge.parentTable()) != null || repairs.contains(edge))) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code FROM UNNEST(?) cs_parent(cs_parent_key) JOIN run ON run.uid = cs_parent.cs_parent_key}: the chosen rows of
     * {@code table}, every version, each once (the uids are distinct), found through the uid index from the array.
     * {@code run.uid = ANY(?)} finds them through the index too, but H2 then checks every row found against the whole
     * array, one element at a time: 10,000 chosen runs planned about 12 times slower than their project. For the
     * planner on a product whose scans take key arrays (H2), as {@link #scanSource(Effect, ParentKeys)} joins children.
     */
    Sql rootsJoined(String table) {
        String t = q(table);
        String alias = q(PARENT_ALIAS);
        return new Sql(" FROM UNNEST(?) " + alias + "(" + q(PARENT_KEY) + ") JOIN " + t + " ON " + t + "." + q("uid") + " = "
                + alias + "." + q(PARENT_KEY), List.of((Object) rootUids.get(table).toArray()));
    }

    /** The deleted keys of a parent table, where the planner has them at hand. */
    interface ParentKeys {
        /** The distinct values of {@code column} over {@code table}'s deleted rows, or null if not known. */
        Object[] of(String table, String column);
    }

    /** {@code FROM ... [WHERE ...]} giving {@code table}'s deleted rows, under {@code table}'s own name. */
    private Sql deletedRows(String table, int depth) {
        ForeignKeyRule edge = soleDeletingEdge(table);
        return edge == null
                ? Sql.of(" FROM " + q(table) + " WHERE ").append(deletedPredicate(table))
                : joinedToParentKeys(edge, depth);
    }

    /** {@code FROM (SELECT DISTINCT <parent key> of the parent's deleted rows) pN JOIN child ON child.column = pN.key}. */
    private Sql joinedToParentKeys(ForeignKeyRule edge, int depth) {
        return Sql.of(" FROM ").append(joinedTables(edge, depth));
    }

    /** {@code (SELECT DISTINCT <parent key> of the parent's deleted rows) pN JOIN child ON child.column = pN.key}. */
    private Sql joinedTables(ForeignKeyRule edge, int depth) {
        String parent = q(edge.parentTable());
        String child = q(edge.childTable());
        String alias = q(PARENT_ALIAS + depth);
        return Sql.of("(SELECT DISTINCT " + parent + "." + q(edge.referencedColumn()) + " AS " + q(PARENT_KEY))
                .append(deletedRows(edge.parentTable(), depth + 1))
                .append(") " + alias + " JOIN " + child + " ON " + child + "." + q(edge.column()) + " = "
                        + alias + "." + q(PARENT_KEY));
    }

    /** Names no mapped table or column uses, so unqualified column names still mean the child's. */
    private static final String PARENT_ALIAS = "cs_parent";
    private static final String PARENT_KEY = "cs_parent_key";
    private static final String BEFORE_ALIAS = "cs_before";
    private static final String GONE_ALIAS = "cs_gone";

    /** The DELETE edge that alone reaches {@code table}'s deleted rows, or null (a root table, several edges). */
    private ForeignKeyRule soleDeletingEdge(String table) {
        if (rootUids.containsKey(table)) {
            return null;
        }
        ForeignKeyRule sole = null;
        for (ForeignKeyRule edge : graph.incoming(table)) {
            if (edge.action() == ForeignKeyRule.Action.DELETE && repairs.contains(edge)) {
                return null; // its dangling rows have no parent keys to join to
            }
            if (edge.action() == ForeignKeyRule.Action.DELETE && deletedPredicate(edge.parentTable()) != null) {
                if (sole != null) {
                    return null;
                }
                sole = edge;
            }
        }
        return sole;
    }

    /** Key columns to list rows of a table by: (uid, version), or uid for label tables. */
    String keyColumns(String table) {
        TableInfo info = graph.table(table);
        return info.versioned() ? q("uid") + ", " + q("version") : q("uid");
    }

    /** An expression numbering the route (0, 1, ...) that reaches each row first. */
    Sql routeIndexExpression(Effect effect) {
        List<Route> rs = routesOf(effect);
        if (rs.size() <= 1) {
            return Sql.of("0");
        }
        Sql expr = Sql.of("CASE");
        for (int i = 0; i < rs.size(); i++) {
            expr = expr.append(" WHEN ").append(routePredicate(rs.get(i))).append(" THEN " + i);
        }
        return expr.append(" ELSE -1 END");
    }

    /** The effects of the plan: deletions (column null) in parent-first order, then nullings. */
    List<Effect> effects() {
        List<Effect> all = new ArrayList<>();
        for (String t : deletedTables()) {
            all.add(new Effect(t, null));
        }
        for (ForeignKeyRule e : nullingEdges()) {
            all.add(new Effect(e.childTable(), e));
        }
        return all;
    }

    /** A table losing rows ({@code edge == null}), or a column set to NULL through {@code edge}. */
    record Effect(String table, ForeignKeyRule edge) {
        String column() {
            return edge == null ? null : edge.column();
        }
    }
}
