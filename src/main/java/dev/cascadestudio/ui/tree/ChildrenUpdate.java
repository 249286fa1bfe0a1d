package dev.cascadestudio.ui.tree;

import dev.cascadestudio.ui.tree.TreeEntry.GroupEntry;
import dev.cascadestudio.ui.tree.TreeEntry.MoreEntry;
import dev.cascadestudio.ui.tree.TreeEntry.RowEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javafx.scene.control.TreeItem;

/**
 * Puts freshly read children under a node, keeping the tree items of entries it already had (by
 * key), so that what is open below them, and the selection, survive a reload.
 */
final class ChildrenUpdate {

    private ChildrenUpdate() {}

    /**
     * @param page   rows per page, for the "Show … more" entry of a group
     * @param create makes the tree item for an entry the node did not have
     */
    static void apply(BrowserItem item, TreeQueries.Children children, int page, Function<TreeEntry, BrowserItem> create) {
        // A row's own entry (its name, a user's project badge) is read with its parent's children:
        // the entry a row's reload started from is older than the one its parent's reload put here.
        if (!(item.getValue() instanceof RowEntry) && !children.parent().equals(item.getValue())) {
            item.setValue(children.parent());
        }
        Map<String, BrowserItem> existing = new HashMap<>();
        for (TreeItem<TreeEntry> child : item.getChildren()) {
            existing.put(child.getValue().key(), (BrowserItem) child);
        }
        List<BrowserItem> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TreeEntry entry : children.entries()) {
            if (seen.add(entry.key())) { // a row that moved from one page to the next between two reads comes once
                items.add(reuse(existing, entry, create));
            }
        }
        if (item.getValue() instanceof GroupEntry) {
            int shown = items.size();
            item.shownRows(shown);
            if (children.total() > shown) {
                long rest = children.total() - shown;
                items.add(reuse(existing, new MoreEntry(shown, children.total(), (int) Math.min(page, rest), false), create));
            }
        }
        if (!items.equals(item.getChildren())) {
            item.getChildren().setAll(items);
        }
    }

    private static BrowserItem reuse(Map<String, BrowserItem> existing, TreeEntry entry, Function<TreeEntry, BrowserItem> create) {
        BrowserItem child = existing.remove(entry.key());
        if (child == null) {
            return create.apply(entry);
        }
        if (!child.getValue().equals(entry)) {
            child.setValue(entry);
        }
        return child;
    }
}
