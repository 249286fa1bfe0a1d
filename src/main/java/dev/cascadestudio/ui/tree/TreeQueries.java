package dev.cascadestudio.ui.tree;

import dev.cascadestudio.service.BrowseService;
import dev.cascadestudio.service.CountedRow;
import dev.cascadestudio.service.RowRef;
import dev.cascadestudio.service.TreeGroup;
import dev.cascadestudio.service.TreeService;
import dev.cascadestudio.service.TreeStep;
import dev.cascadestudio.service.UserSummary;
import dev.cascadestudio.ui.tree.TreeEntry.GroupEntry;
import dev.cascadestudio.ui.tree.TreeEntry.RootEntry;
import dev.cascadestudio.ui.tree.TreeEntry.RowEntry;
import dev.cascadestudio.ui.tree.TreeEntry.UnownedEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a node's children are, read through the services. Runs on the background thread only; returns
 * entries, never tree items.
 */
final class TreeQueries {

    /**
     * A node's children as read now. {@code parent} is the node's own entry with fresh counts (a
     * row's entry comes back as passed in: rows are read with their parent's children);
     * {@code total} is a group's number of rows, of which {@code entries} holds the first ones.
     */
    record Children(TreeEntry parent, List<TreeEntry> entries, long total) {}

    private final TreeService tree;
    private final BrowseService browse;

    TreeQueries(TreeService tree, BrowseService browse) {
        this.tree = tree;
        this.browse = browse;
    }

    /** The children of {@code parent}; a group's first {@code rows} rows. */
    Children children(TreeEntry parent, int rows) {
        if (parent instanceof RootEntry) {
            return topLevel(parent);
        }
        if (parent instanceof RowEntry row) {
            return new Children(row, groups(tree.groups(row.row())), 0);
        }
        if (parent instanceof UnownedEntry) {
            List<TreeGroup> groups = tree.unownedGroups();
            return new Children(new UnownedEntry(groups.stream().mapToLong(TreeGroup::count).sum()), groups(groups), 0);
        }
        if (parent instanceof GroupEntry group) {
            return rows(group, 0, rows);
        }
        throw new IllegalArgumentException("No children under " + parent);
    }

    /** Rows {@code offset} … {@code offset + limit - 1} of a group, with the group's count as it is now. */
    Children rows(GroupEntry group, int offset, int limit) {
        TreeGroup g = group.group();
        long total = tree.count(g.rule(), g.parentUid());
        List<TreeEntry> entries = new ArrayList<>();
        for (CountedRow row : tree.countedRows(g.rule(), g.parentUid(), offset, limit)) {
            entries.add(new RowEntry(row.row(), tree.hasChildren(row.row().table()), row.rowsUnder()));
        }
        return new Children(new GroupEntry(new TreeGroup(g.rule(), g.parentUid(), total)), entries, total);
    }

    Optional<List<TreeStep>> locate(RowRef row) {
        return tree.locate(row);
    }

    private Children topLevel(TreeEntry root) {
        return withUnowned(users(root), unowned());
    }

    /** The top level without "Unowned": the users, each with its number of projects. */
    Children users(TreeEntry root) {
        return users(root, browse.userSummaries(), tree.hasChildren("user"));
    }

    /** {@code users} (an "Unowned" among them left out) as the first level's entries. */
    static Children users(TreeEntry root, List<UserSummary> users, boolean haveChildren) {
        List<TreeEntry> entries = new ArrayList<>();
        for (UserSummary user : users) {
            if (!user.isUnowned()) {
                entries.add(new RowEntry(new RowRef("user", user.uid(), null, user.name()), haveChildren, user.projectCount()));
            }
        }
        return new Children(root, entries, 0);
    }

    /**
     * "Unowned" with the number of rows that have no owner (none, or one that is gone), or null where every row
     * has one. A count per table of every row: most of the first level's time on a big database (1M-row H2 file:
     * about 1.5 s cold against 0.15 s for the users).
     */
    UnownedEntry unowned() {
        long unowned = tree.unownedGroups().stream().mapToLong(TreeGroup::count).sum();
        return unowned > 0 ? new UnownedEntry(unowned) : null;
    }

    /** {@code users} with {@code unowned} after them (null: without). */
    static Children withUnowned(Children users, UnownedEntry unowned) {
        if (unowned == null) {
            return users;
        }
        List<TreeEntry> entries = new ArrayList<>(users.entries());
        entries.add(unowned);
        return new Children(users.parent(), entries, users.total());
    }

    private static List<TreeEntry> groups(List<TreeGroup> groups) {
        return groups.stream().<TreeEntry>map(GroupEntry::new).toList();
    }
}
