package dev.cascadestudio.ui.tree;

import dev.cascadestudio.service.DisplayNames;
import dev.cascadestudio.service.TreeGroup;
import dev.cascadestudio.ui.tree.TreeEntry.FailedEntry;
import dev.cascadestudio.ui.tree.TreeEntry.GroupEntry;
import dev.cascadestudio.ui.tree.TreeEntry.LoadingEntry;
import dev.cascadestudio.ui.tree.TreeEntry.MoreEntry;
import dev.cascadestudio.ui.tree.TreeEntry.RootEntry;
import dev.cascadestudio.ui.tree.TreeEntry.RowEntry;
import dev.cascadestudio.ui.tree.TreeEntry.UnownedEntry;

/** The words the tree shows for its nodes, in one place so cells, details and status agree. */
public final class TreeTexts {

    public static final String UNOWNED = "Unowned";

    private TreeTexts() {}

    public static String title(TreeEntry entry) {
        if (entry instanceof RowEntry row) {
            return DisplayNames.of(row.row().name());
        }
        if (entry instanceof GroupEntry group) {
            return groupTitle(group.group());
        }
        if (entry instanceof UnownedEntry) {
            return UNOWNED;
        }
        if (entry instanceof MoreEntry more) {
            return more.loading() ? "Loading more…" : "Show " + number(more.next()) + " more";
        }
        if (entry instanceof LoadingEntry) {
            return "Loading…";
        }
        if (entry instanceof FailedEntry failed) {
            return failed.message();
        }
        if (entry instanceof RootEntry) {
            return "users";
        }
        throw new IllegalArgumentException(String.valueOf(entry));
    }

    /** "Documents", or under Unowned "Documents without project", "Runs without workflow". */
    public static String groupTitle(TreeGroup group) {
        String plural = EntityKind.of(group.rule().childTable()).plural();
        return group.orphans() ? plural + " without " + EntityKind.of(group.rule().parentTable()).asParent() : plural;
    }

    /** "1 row", "1,200 rows". */
    public static String rows(long count) {
        return count == 1 ? "1 row" : number(count) + " rows";
    }

    public static String projects(long count) {
        if (count == 0) {
            return "No projects";
        }
        return count == 1 ? "1 project" : number(count) + " projects";
    }

    public static String number(long n) {
        return String.format("%,d", n);
    }
}
