package dev.cascadestudio.cascade;

import dev.cascadestudio.persistence.TableInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a complete snapshot holds, read in one streaming pass: its roots (with the versions it deleted),
 * and per section (a table's deleted rows, a column's nulled values) how many rows. {@link #plan()}
 * gives it the shape of the delete's {@link DeletePlan}, so a past delete can be shown as its preview
 * was; {@link #page} reads its rows for display, a page at a time. Nothing is kept but counts and the
 * roots' keys.
 */
public final class SnapshotContents {

    /** One section: {@code column} null for a table's deleted rows, else the column whose values were set to NULL. */
    public record Section(String table, String column, long rows, long newRows) {}

    private final Path snapshot;
    private final CascadeGraph graph;
    private final String createdAt;
    private final List<Root> roots;
    private final List<Repair> repairs;
    private final List<RowKey> rootRows;
    private final Map<RowKey, String> rootNames;
    private final List<Section> sections;

    private SnapshotContents(Path snapshot, CascadeGraph graph, String createdAt, List<Root> roots, List<Repair> repairs,
                             List<RowKey> rootRows, Map<RowKey, String> rootNames, List<Section> sections) {
        this.repairs = List.copyOf(repairs);
        this.rootNames = java.util.Collections.unmodifiableMap(new HashMap<>(rootNames));
        this.snapshot = snapshot;
        this.graph = graph;
        this.createdAt = createdAt;
        this.roots = List.copyOf(roots);
        this.rootRows = List.copyOf(rootRows);
        this.sections = List.copyOf(sections);
    }

    /**
     * Reads the snapshot. Refuses (IllegalArgumentException, one sentence) a missing file, a file that
     * is not a snapshot, of another format version, or cut short.
     */
    public static SnapshotContents read(Path snapshot, CascadeGraph graph) {
        // the reader checks every line as restore would, and the end line (counts, checksum) when it gets there
        String createdAt;
        List<Root> roots = new ArrayList<>();
        List<Repair> repairs;
        List<RowKey> rootRows = new ArrayList<>();
        Map<RowKey, String> rootNames = new HashMap<>();
        List<Section> sections = new ArrayList<>();
        Map<String, Set<List<Object>>> nulledKeys = new HashMap<>();
        try (SnapshotReader in = SnapshotReader.open(snapshot, graph)) {
            roots.addAll(in.header().roots());
            repairs = in.header().repairs();
            createdAt = in.header().createdAt();
            Set<String> rootTables = new HashSet<>();
            roots.forEach(r -> rootTables.add(r.table()));
            for (SnapshotReader.Section section = in.nextSection(); section != null; section = in.nextSection()) {
                TableInfo table = section.table();
                List<String> columns = names(section.columns());
                long rows = 0;
                long newRows = 0;
                Set<List<Object>> seen = section.deleted() ? null
                        : nulledKeys.computeIfAbsent(table.name(), t -> new HashSet<>());
                for (List<Object> row = in.nextRow(); row != null; row = in.nextRow()) {
                    rows++;
                    if (seen != null) {
                        if (seen.add(row.subList(0, Math.min(row.size(), columns.size())))) {
                            newRows++;
                        }
                    } else if (section.deleted() && rootTables.contains(table.name())) {
                        RowKey key = key(table, columns, row);
                        if (roots.contains(new Root(table.name(), key.uid()))) {
                            rootRows.add(key);
                            int name = columns.indexOf("name");
                            rootNames.put(key, text(row, name));
                        }
                    }
                }
                sections.add(new Section(table.name(), columnName(section), rows, seen == null ? rows : newRows));
            }
        }
        return new SnapshotContents(snapshot, graph, createdAt, roots, repairs, rootRows, rootNames, sections);
    }

    /**
     * The snapshot as {@link #read} gives it, for one a restore has just read whole: the header and the roots' rows
     * (their sections come first) from the file, and {@code sections} as the restore counted them (each section's
     * {@link Section#newRows()} its rows), instead of every row again.
     */
    public static SnapshotContents withSections(Path snapshot, CascadeGraph graph, List<Section> sections) {
        try (SnapshotReader in = SnapshotReader.open(snapshot, graph)) {
            SnapshotReader.Header header = in.header();
            Map<RowKey, String> found = rootRows(in, header.roots());
            return new SnapshotContents(snapshot, graph, header.createdAt(), header.roots(), header.repairs(),
                    new ArrayList<>(found.keySet()), found, sections);
        }
    }

    /**
     * Only the roots' rows (one per version, with its name) of a snapshot just written: reads no further
     * than the roots' own sections, which come first, so it costs next to nothing after a large delete.
     */
    public static Map<RowKey, String> rootRows(Path snapshot, List<Root> roots, CascadeGraph graph) {
        try (SnapshotReader in = SnapshotReader.open(snapshot, graph)) {
            return rootRows(in, roots);
        }
    }

    /** The roots' rows, read from a reader at its first section up to the last of the roots' sections. */
    private static Map<RowKey, String> rootRows(SnapshotReader in, List<Root> roots) {
        Set<String> rootTables = new HashSet<>();
        roots.forEach(r -> rootTables.add(r.table()));
        Map<RowKey, String> found = new LinkedHashMap<>();
        for (SnapshotReader.Section section = in.nextSection(); section != null && !rootTables.isEmpty();
             section = in.nextSection()) {
            TableInfo table = section.table();
            if (!section.deleted() || !rootTables.remove(table.name())) {
                continue;
            }
            List<String> columns = names(section.columns());
            for (List<Object> row = in.nextRow(); row != null; row = in.nextRow()) {
                RowKey key = key(table, columns, row);
                if (roots.contains(new Root(table.name(), key.uid()))) {
                    found.put(key, text(row, columns.indexOf("name")));
                }
            }
        }
        return found;
    }

    public Path snapshot() { return snapshot; }
    /** When the snapshot was written (ISO-8601), or null if its header does not say. */
    public String createdAt() { return createdAt; }
    public List<Root> roots() { return roots; }
    /** The dangling columns the delete repaired ({@link Repair}); empty for a delete of chosen rows. */
    public List<Repair> repairs() { return repairs; }
    /** The roots' rows as deleted: one per version. */
    public List<RowKey> rootRows() { return rootRows; }
    public List<Section> sections() { return sections; }
    /** A root row's name as deleted, or null. */
    public String rootName(RowKey rootRow) { return rootNames.get(rootRow); }

    /** Rows per table: deleted rows under {@code "deleted"}, nulled values under {@code "nulled"}. */
    public Map<String, Map<String, Long>> countsPerTable(String deletedName, String nulledName) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (Section s : sections) {
            counts.computeIfAbsent(s.table(), t -> new LinkedHashMap<>())
                    .merge(s.column() == null ? deletedName : nulledName, s.rows(), Long::sum);
        }
        return counts;
    }

    /**
     * The delete as a plan: its roots, per table the rows deleted, per column the values nulled. A
     * snapshot keeps no routes, digests or statements, so those are empty.
     */
    public DeletePlan plan() {
        List<DeletePlan.Effect> deleted = new ArrayList<>();
        List<DeletePlan.Effect> nulled = new ArrayList<>();
        for (Section s : sections) {
            DeletePlan.Effect effect = new DeletePlan.Effect(s.table(), s.column(), null, s.rows(), s.newRows(), "", List.of());
            (s.column() == null ? deleted : nulled).add(effect);
        }
        return new DeletePlan(roots, repairs, deleted, nulled, List.of(), 0);
    }

    /**
     * Up to {@code limit} rows of one section from {@code offset} on, as the delete preview lists rows:
     * key and name for a deleted row (a root marked by an empty route), key and old value for a nulled one.
     */
    public List<AffectedRow> page(String table, String column, long offset, int limit) {
        List<AffectedRow> page = new ArrayList<>();
        try (SnapshotReader in = SnapshotReader.open(snapshot, graph)) {
            for (SnapshotReader.Section section = in.nextSection(); section != null; section = in.nextSection()) {
                if (!section.table().name().equals(table) || !java.util.Objects.equals(columnName(section), column)) {
                    continue;
                }
                long index = 0;
                for (List<Object> row = in.nextRow(); row != null && page.size() < limit; row = in.nextRow(), index++) {
                    if (index >= offset) {
                        page.add(affected(section, row));
                    }
                }
                break;
            }
        }
        return page;
    }

    private AffectedRow affected(SnapshotReader.Section section, List<Object> row) {
        TableInfo table = section.table();
        List<String> columns = names(section.columns());
        RowKey key = key(table, columns, row);
        if (!section.deleted()) {
            int old = columns.size();
            Object value = old < row.size() ? row.get(old) : null;
            return new AffectedRow(key, columnName(section) + " was " + value, null);
        }
        int nameAt = columns.indexOf("name");
        Object name = nameAt >= 0 && nameAt < row.size() ? row.get(nameAt) : null;
        Route route = roots.contains(new Root(table.name(), key.uid())) ? new Route(table.name(), List.of()) : null;
        return new AffectedRow(key, name == null ? null : name.toString(), route);
    }

    private static List<String> names(List<TableInfo.Column> columns) {
        return columns.stream().map(TableInfo.Column::name).toList();
    }

    /** The section {@code section} of a file, holding {@code rows} rows (none counted twice: a restore's count). */
    static Section section(SnapshotReader.Section section, long rows) {
        return new Section(section.table().name(), columnName(section), rows, rows);
    }

    private static String columnName(SnapshotReader.Section section) {
        return section.column() == null ? null : section.column().name();
    }

    private static RowKey key(TableInfo table, List<String> columns, List<Object> row) {
        int uid = columns.indexOf("uid");
        int version = table.versioned() ? columns.indexOf("version") : -1;
        return new RowKey(table.name(), text(row, uid), version < 0 ? null : text(row, version));
    }

    private static String text(List<Object> row, int i) {
        Object v = i >= 0 && i < row.size() ? row.get(i) : null;
        return v == null ? null : v.toString();
    }
}
