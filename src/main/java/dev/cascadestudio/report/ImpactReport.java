package dev.cascadestudio.report;

import dev.cascadestudio.cascade.AffectedRow;
import dev.cascadestudio.cascade.CascadeGraph;
import dev.cascadestudio.cascade.CommitStatement;
import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.KeyList;
import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.cascade.RowKey;
import dev.cascadestudio.service.CascadeService;
import dev.cascadestudio.service.UrlSecrets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A delete plan written down for someone to review without the application: the database (its URL
 * without secrets), when the report was made, the roots, the counts per table and per nulled column
 * with the route to each, the rows (all, or the first N per table with the totals), the statements
 * the commit runs with their parameters, and the plan drawn over the cascade graph. Built once from a
 * {@link DeletePlan} and the service that made it; {@link HtmlReport}, {@link MarkdownReport} and
 * {@link JsonReport} only format it.
 *
 * @param rowsPerTable the most rows listed per table or column, or null for all of them
 */
public record ImpactReport(String database, Instant madeAt, String title, List<RootRow> roots, DeletePlan plan,
                           List<EffectRows> deleted, List<EffectRows> nulled, List<Statement> statements,
                           PlanDrawing drawing, Integer rowsPerTable) {

    /** What the report says about the commit, in every format. */
    public static final String RECHECK = "Nothing has been deleted. This report describes a plan. When the delete is "
            + "committed, Cascade Studio plans again inside the commit's transaction and refuses, changing nothing, "
            + "if the database no longer matches this plan; a snapshot of every row and value it changes is saved "
            + "first, so the delete can be undone.";

    /** Rows read per page while listing an effect's rows. */
    private static final int PAGE = 1_000;
    /** How many of a root table's deleted rows are read at most while looking for the roots' names. */
    private static final int NAME_SCAN_LIMIT = 20_000;

    public ImpactReport {
        roots = List.copyOf(roots);
        deleted = List.copyOf(deleted);
        nulled = List.copyOf(nulled);
        statements = List.copyOf(statements);
        if (rowsPerTable != null && rowsPerTable < 0) {
            throw new IllegalArgumentException("The number of rows per table cannot be negative: " + rowsPerTable + ".");
        }
    }

    /** A root: the row the administrator chose, with its name (null when the row is gone). */
    public record RootRow(String table, String uid, String name) {}

    /** One table's deleted rows or one column's nulled rows: the plan's effect and the rows listed of it. */
    public record EffectRows(DeletePlan.Effect effect, List<AffectedRow> rows) {
        public EffectRows {
            rows = List.copyOf(rows);
        }

        /** Whether rows of this effect were left out of the list (its count says how many there are). */
        public boolean truncated() {
            return rows.size() < effect.count();
        }
    }

    /**
     * One statement of the commit, in order, with the rows it changes (the plan's count for its table
     * or column) and, per parameter, what the value is.
     */
    public record Statement(int order, CommitStatement statement, long rows, List<String> parameterMeanings) {
        public Statement {
            parameterMeanings = List.copyOf(parameterMeanings);
        }
    }

    /** What the services of one database give a report; {@link CascadeService} does. */
    public interface Source {
        CascadeGraph graph();

        String databaseUrl();

        List<AffectedRow> page(DeletePlan plan, DeletePlan.Effect effect, int offset, int limit);

        /** The next rows after {@code after} in key order (null: the first), paged by key. */
        List<AffectedRow> pageAfter(DeletePlan plan, DeletePlan.Effect effect, RowKey after, int limit);

        List<CommitStatement> commitStatements(DeletePlan plan);

        static Source of(CascadeService service) {
            return new Source() {
                @Override public CascadeGraph graph() { return service.graph(); }
                @Override public String databaseUrl() { return service.databaseUrl(); }
                @Override public List<AffectedRow> page(DeletePlan plan, DeletePlan.Effect effect, int offset, int limit) {
                    return service.page(plan, effect, offset, limit);
                }
                @Override public List<AffectedRow> pageAfter(DeletePlan plan, DeletePlan.Effect effect, RowKey after, int limit) {
                    return service.pageAfter(plan, effect, after, limit);
                }
                @Override public List<CommitStatement> commitStatements(DeletePlan plan) { return service.commitStatements(plan); }
            };
        }
    }

    public static ImpactReport of(DeletePlan plan, CascadeService service, Integer rowsPerTable, Instant madeAt) {
        return of(plan, Source.of(service), rowsPerTable, madeAt);
    }

    /** Reads the rows and builds the report. Blocks on the database: background work only in the window. */
    public static ImpactReport of(DeletePlan plan, Source source, Integer rowsPerTable, Instant madeAt) {
        if (rowsPerTable != null && rowsPerTable < 0) {
            throw new IllegalArgumentException("The number of rows per table cannot be negative: " + rowsPerTable + ".");
        }
        List<EffectRows> deleted = rows(plan, plan.deleted(), source, rowsPerTable);
        List<EffectRows> nulled = rows(plan, plan.nulled(), source, rowsPerTable);
        List<RootRow> roots = roots(plan, source, deleted);
        return new ImpactReport(UrlSecrets.withoutSecrets(source.databaseUrl()), madeAt, title(roots, plan), roots, plan,
                deleted, nulled, statements(plan, source), PlanDrawing.of(source.graph(), plan), rowsPerTable);
    }

    private static List<EffectRows> rows(DeletePlan plan, List<DeletePlan.Effect> effects, Source source, Integer limit) {
        List<EffectRows> out = new ArrayList<>();
        for (DeletePlan.Effect effect : effects) {
            if (effect.count() == 0) {
                continue;
            }
            long wanted = limit == null ? effect.count() : Math.min(limit, effect.count());
            List<AffectedRow> rows = new ArrayList<>();
            while (rows.size() < wanted) {
                RowKey after = rows.isEmpty() ? null : rows.get(rows.size() - 1).key();
                List<AffectedRow> page = source.pageAfter(plan, effect, after, (int) Math.min(PAGE, wanted - rows.size()));
                if (page.isEmpty()) {
                    break;
                }
                rows.addAll(page);
            }
            out.add(new EffectRows(effect, rows));
        }
        return out;
    }

    /** The roots' names from the rows listed, else from the plan's rows of their table (as the dialog finds them). */
    private static List<RootRow> roots(DeletePlan plan, Source source, List<EffectRows> deleted) {
        Map<Root, String> names = new HashMap<>();
        for (EffectRows listed : deleted) {
            for (AffectedRow row : listed.rows()) {
                Root root = new Root(row.key().table(), row.key().uid());
                if (plan.roots().contains(root)) {
                    names.putIfAbsent(root, row.name());
                }
            }
        }
        for (String table : plan.roots().stream().map(Root::table).distinct().toList()) {
            Set<String> missing = new HashSet<>();
            plan.roots().stream().filter(r -> r.table().equals(table) && !names.containsKey(r)).forEach(r -> missing.add(r.uid()));
            DeletePlan.Effect effect = plan.deletedFrom(table);
            long scanned = effect == null ? 0 : Math.min(effect.count(), NAME_SCAN_LIMIT);
            for (int offset = 0; offset < scanned && !missing.isEmpty(); offset += PAGE) {
                for (AffectedRow row : source.page(plan, effect, offset, PAGE)) {
                    if (missing.remove(row.key().uid())) {
                        names.put(new Root(table, row.key().uid()), row.name());
                    }
                }
            }
        }
        return plan.roots().stream().map(r -> new RootRow(r.table(), r.uid(), names.get(r))).toList();
    }

    private static String title(List<RootRow> roots, DeletePlan plan) {
        if (roots.isEmpty()) {
            return "Repair dangling " + String.join(", ", plan.repairs().stream().map(dev.cascadestudio.cascade.Repair::label).toList());
        }
        if (roots.size() == 1) {
            RootRow root = roots.get(0);
            String kind = root.table().replace('_', ' ');
            return root.name() == null ? "Delete " + kind + " " + root.uid() : "Delete " + kind + " “" + root.name() + "”";
        }
        Map<String, Integer> perTable = new java.util.LinkedHashMap<>();
        roots.forEach(r -> perTable.merge(r.table().replace('_', ' '), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        perTable.forEach((kind, n) -> parts.add(n + " " + kind + (n == 1 ? "" : "s")));
        return "Delete " + String.join(", ", parts);
    }

    private static List<Statement> statements(DeletePlan plan, Source source) {
        List<CommitStatement> commit = source.commitStatements(plan);
        List<Statement> out = new ArrayList<>();
        for (int i = 0; i < commit.size(); i++) {
            CommitStatement s = commit.get(i);
            List<String> meanings = s.parameters().stream().map(p -> meaning(plan, p)).toList();
            out.add(new Statement(i + 1, s, plan.rowsChangedBy(s.table(), s.columns()), meanings));
        }
        return out;
    }

    /** "uid of the selected project", "uids of the 10,208 selected runs", or the value's type when it is not a root's uid. */
    private static String meaning(DeletePlan plan, Object value) {
        if (value instanceof KeyList keys) {
            java.util.Set<String> uids = new java.util.HashSet<>(keys.keys());
            List<String> tables = plan.roots().stream().filter(r -> uids.contains(r.uid())).map(Root::table).distinct().toList();
            return "uids of the " + String.format("%,d", keys.keys().size()) + " selected "
                    + (tables.isEmpty() ? "rows" : String.join(" / ", tables) + " rows");
        }
        List<String> tables = plan.roots().stream().filter(r -> r.uid().equals(String.valueOf(value))).map(Root::table)
                .distinct().toList();
        return tables.isEmpty() ? "a value bound as " + (value == null ? "NULL" : value.getClass().getSimpleName())
                : "uid of the selected " + String.join(" / ", tables);
    }

    /** Rows listed in all, over every table and column. */
    public long rowsListed() {
        return deleted.stream().mapToLong(e -> e.rows().size()).sum() + nulled.stream().mapToLong(e -> e.rows().size()).sum();
    }

    /** Whether some table's or column's rows were left out of the list. */
    public boolean truncated() {
        return deleted.stream().anyMatch(EffectRows::truncated) || nulled.stream().anyMatch(EffectRows::truncated);
    }
}
