package dev.cascadestudio.ui.tree;

import dev.cascadestudio.service.RowRef;
import dev.cascadestudio.service.TreeGroup;

/**
 * What one node of the browse tree stands for. Each entry has a key that stays the same across
 * reloads, so a refresh can keep the node (and with it expansion and selection) while its value
 * changes.
 */
public sealed interface TreeEntry {

    String key();

    /** Whether the node can have children (and gets a "Loading…" child until they are read). */
    boolean expandable();

    /** The invisible root above the users. */
    record RootEntry() implements TreeEntry {
        public String key() { return "root"; }
        public boolean expandable() { return true; }
    }

    /**
     * A row, with the number its badge shows: for a user the projects it owns, for another row with
     * groups under it the rows in those groups; -1 (no badge) for a row with nothing under it.
     */
    record RowEntry(RowRef row, boolean expandable, long count) implements TreeEntry {
        public String key() { return rowKey(row); }
        public EntityKind kind() { return EntityKind.of(row.table()); }
    }

    /** The top-level node for rows whose owner or parent is NULL or no longer exists. */
    record UnownedEntry(long count) implements TreeEntry {
        public String key() { return "unowned"; }
        public boolean expandable() { return true; }
    }

    /**
     * The rows of one kind under a row (or under "Unowned"), with their number. An empty group is
     * listed, so that every row shows the same kinds of children, but has nothing to expand.
     */
    record GroupEntry(TreeGroup group) implements TreeEntry {
        public String key() { return groupKey(group.rule().childTable(), group.rule().column(), group.orphans()); }
        public boolean expandable() { return group.count() > 0; }
        public EntityKind kind() { return EntityKind.of(group.rule().childTable()); }
        public long count() { return group.count(); }
    }

    /** The last child of a group that has more rows than are shown: "Show 500 more". */
    record MoreEntry(long shown, long total, int next, boolean loading) implements TreeEntry {
        public String key() { return "more"; }
        public boolean expandable() { return false; }
    }

    /** Stands in for the children while they are read. */
    record LoadingEntry() implements TreeEntry {
        public String key() { return "loading"; }
        public boolean expandable() { return false; }
    }

    /** Stands in for the children when they could not be read; collapsing and expanding tries again. */
    record FailedEntry(String message) implements TreeEntry {
        public String key() { return "failed"; }
        public boolean expandable() { return false; }
    }

    static String rowKey(RowRef row) {
        return "row:" + row.table() + ":" + row.uid() + ":" + (row.version() == null ? "" : row.version());
    }

    static String groupKey(String childTable, String column, boolean orphans) {
        return "group:" + childTable + "." + column + (orphans ? ":orphans" : "");
    }
}
