package dev.cascadestudio.ui.graph;

import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.ReachedRows;
import dev.cascadestudio.domain.ForeignKeyRule;
import dev.cascadestudio.service.FailureMessages;
import dev.cascadestudio.ui.task.BackgroundTask;
import dev.cascadestudio.ui.task.TaskExecutor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;

/**
 * The rows a delete reaches, as a tree read a little at a time: the roots, their children and
 * grandchildren along the plan's edges, read a parent and an edge at a time on the executor (a count
 * per parent by one {@code GROUP BY} per edge, then a page of rows). A group of more than
 * {@link #FOLD_AT} rows shows its first {@link #SHOWN_WHEN_FOLDED} and one fold node for the rest
 * ("+ 9,997 more documents"), which unfolds {@link #PAGE} rows at a time, or up to {@link #CAP}. Only
 * rows drawn are ever read, so a 270,000-row delete draws as fast as a small one. Called on the FX
 * thread only; {@link #revisionProperty()} ticks after every change of what is drawn.
 */
public final class RowsReachedViewModel {

    /** A group of more rows than this under one parent is folded. */
    public static final int FOLD_AT = 8;
    /** The rows of a folded group drawn before its fold node. */
    public static final int SHOWN_WHEN_FOLDED = 3;
    /** The rows one click on a fold node adds. */
    public static final int PAGE = 25;
    /** At most this many rows of one group are drawn; the Affected rows tab lists them all. */
    public static final int CAP = 200;
    /** Children of the roots' children are read at first only while the drawing stays under this many nodes. */
    public static final int FIRST_DRAWING_BUDGET = 90;

    /** A node of the drawing. */
    public sealed interface Item permits RowItem, FoldItem {
        String id();
    }

    /** One row: a root, a deleted row, or a row whose column the delete sets to NULL. */
    public static final class RowItem implements Item {
        private final String id;
        private final ReachedRows.Row row;
        private final RowItem parent;
        private final List<Group> groups = new ArrayList<>();
        private boolean expandable;
        private boolean expanded;

        RowItem(String id, ReachedRows.Row row, RowItem parent) {
            this.id = id;
            this.row = row;
            this.parent = parent;
        }

        @Override public String id() { return id; }
        public ReachedRows.Row row() { return row; }
        /** The row it was reached from; null for a root. */
        public RowItem parent() { return parent; }
        public boolean isRoot() { return parent == null; }
        public boolean nulled() { return row.nulled(); }
        /** Whether it is deleted and may have children its children have not been read yet. */
        public boolean expandable() { return expandable && !expanded; }
        public boolean expanded() { return expanded; }
        /** Its children per edge, as read so far. */
        public List<Group> groups() { return List.copyOf(groups); }
    }

    /** The "+ N more" node of a group with rows not drawn. */
    public static final class FoldItem implements Item {
        private final String id;
        private final Group group;
        private boolean loading;

        FoldItem(String id, Group group) {
            this.id = id;
            this.group = group;
        }

        @Override public String id() { return id; }
        public Group group() { return group; }
        /** The rows of its group not drawn. */
        public long remaining() { return group.count - group.rows.size(); }
        /** Whether the group has reached {@link #CAP} rows drawn: the fold no longer unfolds. */
        public boolean capped() { return group.rows.size() >= CAP; }
        public boolean loading() { return loading; }
    }

    /** One parent's children through one edge. */
    public static final class Group {
        private final RowItem parent;
        private final ForeignKeyRule edge;
        private final long count;
        private final List<RowItem> rows = new ArrayList<>();
        private FoldItem fold;

        Group(RowItem parent, ForeignKeyRule edge, long count) {
            this.parent = parent;
            this.edge = edge;
            this.count = count;
        }

        public RowItem parent() { return parent; }
        public ForeignKeyRule edge() { return edge; }
        public long count() { return count; }
        public List<RowItem> rows() { return List.copyOf(rows); }
        public FoldItem fold() { return fold; }
    }

    /** An arrow of the drawing, from a row to a child row or fold node, labelled with {@code edge}'s column. */
    public record Link(String source, String target, ForeignKeyRule edge) {}

    /** One group as read in the background: which parent, which edge, how many, and the first rows. */
    private record Read(String parentId, ForeignKeyRule edge, long count, List<ReachedRows.Row> rows) {}

    private final TaskExecutor executor;
    private final SimpleIntegerProperty revision = new SimpleIntegerProperty();
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty();
    private final SimpleStringProperty summary = new SimpleStringProperty("");
    private final SimpleStringProperty error = new SimpleStringProperty("");
    private final SimpleObjectProperty<RowItem> selected = new SimpleObjectProperty<>();
    private final List<RowItem> roots = new ArrayList<>();
    private final Map<String, RowItem> rowsById = new HashMap<>();
    private ReachedRowsSource source;
    private Map<String, List<ForeignKeyRule>> edgesByTable = Map.of();
    private int generation;
    private int running;

    public RowsReachedViewModel(TaskExecutor executor) {
        this.executor = Objects.requireNonNull(executor);
    }

    public ReadOnlyIntegerProperty revisionProperty() { return revision; }
    public ReadOnlyBooleanProperty busyProperty() { return busy; }
    /** "Drawn 57 of 1,204 rows." */
    public ReadOnlyStringProperty summaryProperty() { return summary; }
    /** Why the rows could not be read, in one sentence; empty when they could. */
    public ReadOnlyStringProperty errorProperty() { return error; }
    public ReadOnlyObjectProperty<RowItem> selectedProperty() { return selected; }

    /** The plan drawn, or null. */
    public DeletePlan plan() {
        return source == null ? null : source.plan();
    }

    /** Draws the rows {@code newSource}'s plan reaches (null clears): roots, children and, while small, grandchildren. */
    public void load(ReachedRowsSource newSource) {
        source = newSource;
        generation++;
        roots.clear();
        rowsById.clear();
        selected.set(null);
        error.set("");
        edgesByTable = Map.of();
        changed();
        if (newSource == null) {
            return;
        }
        int ticket = generation;
        run(() -> firstDrawing(newSource), first -> {
            edgesByTable = first.edges();
            for (ReachedRows.Row row : first.roots()) {
                RowItem item = new RowItem(rootId(row), row, null);
                roots.add(item);
                rowsById.put(item.id, item);
                markExpandable(item);
            }
            first.reads().forEach(this::apply);
            changed();
        }, ticket);
    }

    private record First(List<ReachedRows.Row> roots, Map<String, List<ForeignKeyRule>> edges, List<Read> reads) {}

    /** Background: the roots, their groups, then the groups of their children while the drawing stays small. */
    private static First firstDrawing(ReachedRowsSource source) {
        Map<String, List<ForeignKeyRule>> edges = new LinkedHashMap<>();
        source.plan().deleted().forEach(e -> edges.put(e.table(), source.edgesFrom(e.table())));
        List<ReachedRows.Row> roots = source.roots();
        Map<String, ReachedRows.Row> parents = new LinkedHashMap<>();
        roots.forEach(r -> parents.put(rootId(r), r));
        List<Read> reads = new ArrayList<>(readGroups(source, edges, parents));
        int nodes = roots.size() + nodesOf(reads);
        Map<String, ReachedRows.Row> next = new LinkedHashMap<>();
        for (Read read : reads) {
            for (ReachedRows.Row row : read.rows()) {
                if (!row.nulled() && !edges.getOrDefault(row.key().table(), List.of()).isEmpty()) {
                    next.put(childId(read.parentId(), row), row);
                }
            }
        }
        for (Map.Entry<String, ReachedRows.Row> child : next.entrySet()) {
            if (nodes >= FIRST_DRAWING_BUDGET) {
                break;
            }
            List<Read> more = readGroups(source, edges, Map.of(child.getKey(), child.getValue()));
            nodes += nodesOf(more);
            reads.addAll(more);
        }
        return new First(roots, edges, reads);
    }

    private static int nodesOf(List<Read> reads) {
        return reads.stream().mapToInt(r -> r.rows().size() + (r.count() > r.rows().size() ? 1 : 0)).sum();
    }

    /** Background: every group of {@code parents} (by id), one count query per edge and one page per non-empty group. */
    private static List<Read> readGroups(ReachedRowsSource source, Map<String, List<ForeignKeyRule>> edges,
                                         Map<String, ReachedRows.Row> parents) {
        Map<String, Map<String, ReachedRows.Row>> byTable = new LinkedHashMap<>();
        parents.forEach((id, row) -> byTable.computeIfAbsent(row.key().table(), t -> new LinkedHashMap<>()).put(id, row));
        List<Read> reads = new ArrayList<>();
        for (Map.Entry<String, Map<String, ReachedRows.Row>> table : byTable.entrySet()) {
            for (ForeignKeyRule edge : edges.getOrDefault(table.getKey(), List.of())) {
                List<String> values = table.getValue().values().stream().map(r -> r.valueFor(edge)).toList();
                Map<String, Long> counts = source.counts(edge, values);
                for (Map.Entry<String, ReachedRows.Row> parent : table.getValue().entrySet()) {
                    String value = parent.getValue().valueFor(edge);
                    long count = value == null ? 0 : counts.getOrDefault(value, 0L);
                    if (count > 0) {
                        int first = count > FOLD_AT ? SHOWN_WHEN_FOLDED : (int) count;
                        ReachedRows.Group group = source.group(edge, value, 0, first);
                        reads.add(new Read(parent.getKey(), edge, group.count(), group.rows()));
                    }
                }
            }
        }
        return reads;
    }

    /** Reads and draws the children of a deleted row not expanded yet. */
    public void expand(RowItem row) {
        if (source == null || !row.expandable() || rowsById.get(row.id) != row) {
            return;
        }
        row.expanded = true;
        ReachedRowsSource from = source;
        Map<String, List<ForeignKeyRule>> edges = edgesByTable;
        run(() -> readGroups(from, edges, Map.of(row.id, row.row)), reads -> {
            reads.forEach(this::apply);
            changed();
        }, generation);
    }

    /** Draws the next {@link #PAGE} rows of a folded group, or with {@code all} every row up to {@link #CAP}. */
    public void unfold(FoldItem fold, boolean all) {
        if (source == null || fold.loading || fold.capped() || fold.remaining() <= 0) {
            return;
        }
        Group group = fold.group;
        int offset = group.rows.size();
        int limit = all ? CAP - offset : Math.min(PAGE, CAP - offset);
        String value = group.parent.row.valueFor(group.edge);
        fold.loading = true;
        changed();
        ReachedRowsSource from = source;
        run(() -> from.group(group.edge, value, offset, limit), read -> {
            fold.loading = false;
            if (group.rows.size() == offset) { // not unfolded twice meanwhile
                read.rows().forEach(r -> addRow(group, r));
            }
            if (group.rows.size() >= group.count) {
                group.fold = null;
            }
            changed();
        }, generation);
    }

    /** The drawing could not be laid out: said in one sentence where the rows would be. */
    void layoutFailed(Throwable failure) {
        error.set("Cannot lay the rows out: " + FailureMessages.describe(failure));
    }

    public void select(RowItem row) {
        selected.set(row);
    }

    /** The roots as drawn. */
    public List<RowItem> roots() {
        return List.copyOf(roots);
    }

    /** Every node, parents before children and siblings in order. */
    public List<Item> items() {
        List<Item> items = new ArrayList<>();
        roots.forEach(r -> collect(r, items));
        return items;
    }

    private void collect(RowItem row, List<Item> items) {
        items.add(row);
        for (Group group : row.groups) {
            group.rows.forEach(child -> collect(child, items));
            if (group.fold != null) {
                items.add(group.fold);
            }
        }
    }

    /** Every arrow, in the order of {@link #items()}. */
    public List<Link> links() {
        List<Link> links = new ArrayList<>();
        for (Item item : items()) {
            if (item instanceof RowItem row && row.parent != null) {
                links.add(new Link(row.parent.id, row.id, row.row.via()));
            } else if (item instanceof FoldItem fold) {
                links.add(new Link(fold.group.parent.id, fold.id, fold.group.edge));
            }
        }
        return links;
    }

    private void apply(Read read) {
        RowItem parent = rowsById.get(read.parentId());
        if (parent == null) {
            return;
        }
        parent.expanded = true;
        Group group = new Group(parent, read.edge(), read.count());
        parent.groups.add(group);
        read.rows().forEach(r -> addRow(group, r));
        if (group.count > group.rows.size()) {
            group.fold = new FoldItem(parent.id + ">" + read.edge().childTable() + "." + read.edge().column() + ":more", group);
        }
    }

    private void addRow(Group group, ReachedRows.Row row) {
        RowItem item = new RowItem(childId(group.parent.id, row), row, group.parent);
        if (rowsById.putIfAbsent(item.id, item) == null) {
            group.rows.add(item);
            markExpandable(item);
        }
    }

    private void markExpandable(RowItem item) {
        item.expandable = !item.row.nulled() && !edgesByTable.getOrDefault(item.row.key().table(), List.of()).isEmpty();
    }

    private static String rootId(ReachedRows.Row row) {
        return row.key().table() + ":" + row.key().display();
    }

    private static String childId(String parentId, ReachedRows.Row row) {
        return parentId + ">" + row.via().column() + ":" + row.key().table() + ":" + row.key().display();
    }

    private void changed() {
        long drawn = rowsById.size();
        DeletePlan plan = plan();
        summary.set(plan == null ? "" : String.format("Drawn %,d of the %,d rows this delete changes", drawn, plan.affectedRowCount()));
        revision.set(revision.get() + 1);
    }

    private <V> void run(BackgroundTask.Work<V> work, java.util.function.Consumer<V> onSuccess, int ticket) {
        executor.execute(BackgroundTask.of(work)
                .onRunning(() -> {
                    running++;
                    busy.set(true);
                })
                .onSuccess(value -> {
                    if (ticket == generation) {
                        onSuccess.accept(value);
                    }
                })
                .onFailure(failure -> {
                    if (ticket == generation) {
                        error.set(FailureMessages.describe(failure));
                        changed();
                    }
                })
                .onFinished(() -> {
                    running--;
                    busy.set(running > 0);
                }));
    }
}
