package dev.cascadestudio.ui.tree;

import javafx.event.EventHandler;
import javafx.scene.AccessibleAttribute;
import javafx.scene.control.FocusModel;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeItem.TreeModificationEvent;
import javafx.scene.control.TreeView;

/**
 * The tree's keyboard focus (where Up and Down start from), kept on its item while the tree
 * changes. TreeView's own focus model moves the focused row by the number of children a change
 * added, and does so later, through {@code Platform.runLater}: when a page of rows replaced a
 * group's children, that late move came after the first new row had been selected and put the
 * focus past the last row, on nothing; Down then went to the first row of the tree and scrolled
 * there. This one moves the focus at once, to wherever its item now is.
 */
final class ItemFocusModel<T> extends FocusModel<TreeItem<T>> {

    private final TreeView<T> tree;
    private final EventHandler<TreeModificationEvent<T>> follow = event -> follow();

    ItemFocusModel(TreeView<T> tree) {
        this.tree = tree;
        tree.rootProperty().addListener((o, old, root) -> {
            if (old != null) {
                old.removeEventHandler(TreeItem.expandedItemCountChangeEvent(), follow);
            }
            watch(root);
        });
        watch(tree.getRoot());
        // as TreeView's own focus model does, so that a screen reader follows the focus
        focusedIndexProperty().addListener(o -> tree.notifyAccessibleAttributeChanged(AccessibleAttribute.FOCUS_ITEM));
    }

    private void watch(TreeItem<T> root) {
        if (root != null) {
            root.addEventHandler(TreeItem.expandedItemCountChangeEvent(), follow);
        }
    }

    /**
     * Puts the focus on the row its item now has; if that item is hidden under a node that was
     * collapsed, or is gone, on its nearest ancestor still shown (as the selection does).
     */
    private void follow() {
        TreeItem<T> item = getFocusedItem();
        if (item == null) {
            return;
        }
        int row = tree.getRow(item);
        for (TreeItem<T> up = item.getParent(); row < 0 && up != null; up = up.getParent()) {
            row = tree.getRow(up);
        }
        if (row != getFocusedIndex() || getModelItem(row) != item) {
            focus(row);
        }
    }

    @Override
    protected int getItemCount() {
        return tree.getExpandedItemCount();
    }

    @Override
    protected TreeItem<T> getModelItem(int index) {
        return index < 0 || index >= tree.getExpandedItemCount() ? null : tree.getTreeItem(index);
    }
}
