package dev.cascadestudio.ui.tree;

import dev.cascadestudio.service.DisplayNames;
import dev.cascadestudio.service.FailureMessages;
import dev.cascadestudio.service.RowRef;
import dev.cascadestudio.service.TreeStep;
import dev.cascadestudio.ui.tree.TreeEntry.GroupEntry;
import java.util.List;

/**
 * Opens the tree down to one row: asks the service for the row's path (each row with its position
 * in its group), then walks it, reading children and pages on the way, and selects the row.
 */
final class TreeRevealer {

    private final BrowserTreeModel model;
    /** Only the latest reveal may move the selection; an older one that finishes later stops. */
    private int latest;

    TreeRevealer(BrowserTreeModel model) {
        this.model = model;
    }

    void reveal(TreeQueries queries, RowRef row) {
        int request = ++latest;
        model.activity().run("Finding " + DisplayNames.of(row.name()) + "…", () -> queries.locate(row), path -> {
            if (request != latest) {
                return;
            }
            if (path.isEmpty()) {
                model.report(DisplayNames.of(row.name()) + " no longer exists");
                return;
            }
            walk(model.rootItem(), path.get(), 0, request, row);
        }, failure -> model.report("Cannot find " + DisplayNames.of(row.name()) + ": " + FailureMessages.describe(failure)));
    }

    private void walk(BrowserItem item, List<TreeStep> path, int index, int request, RowRef row) {
        model.whenLoaded(item, () -> {
            if (request != latest) {
                return;
            }
            TreeStep step = path.get(index);
            if (step instanceof TreeStep.RowStep rowStep && item.getValue() instanceof GroupEntry
                    && rowStep.position() >= item.shownRows()) {
                int page = BrowserTreeModel.PAGE;
                int upTo = (int) ((rowStep.position() / page + 1) * page);
                model.loadRows(item, upTo, () -> walk(item, path, index, request, row));
                return;
            }
            BrowserItem child = item.child(key(step));
            if (child == null) {
                model.report(DisplayNames.of(row.name()) + " moved while the tree was read; search again");
                return;
            }
            if (index == path.size() - 1) {
                model.select(child);
                return;
            }
            child.setExpanded(true);
            walk(child, path, index + 1, request, row);
        });
    }

    private static String key(TreeStep step) {
        if (step instanceof TreeStep.UserStep user) {
            return TreeEntry.rowKey(user.user());
        }
        if (step instanceof TreeStep.UnownedStep) {
            return new TreeEntry.UnownedEntry(0).key();
        }
        if (step instanceof TreeStep.GroupStep group) {
            return TreeEntry.groupKey(group.rule().childTable(), group.rule().column(), group.parentUid() == null);
        }
        return TreeEntry.rowKey(((TreeStep.RowStep) step).row());
    }
}
