package dev.cascadestudio.ui.delete;

import dev.cascadestudio.cascade.AffectedRow;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;

/**
 * Mirrors the view model's effect groups in a tree: one item per table or column, its rows as
 * children once the group is opened, and a last "Show more" child while rows remain unread.
 * Opening a group asks the view model for the first page; no database work happens here.
 */
final class AffectedRowsTree {

    private AffectedRowsTree() {}

    static void bind(TreeView<PreviewNode> tree, ObservableList<EffectGroup> groups) {
        TreeItem<PreviewNode> root = new TreeItem<>();
        tree.setRoot(root);
        tree.setShowRoot(false);
        tree.setCellFactory(view -> new AffectedRowCell());
        groups.addListener((ListChangeListener<EffectGroup>) change ->
                root.getChildren().setAll(groups.stream().map(AffectedRowsTree::groupItem).toList()));
        root.getChildren().setAll(groups.stream().map(AffectedRowsTree::groupItem).toList());
        tree.setOnKeyPressed(event -> {
            TreeItem<PreviewNode> selected = tree.getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.ENTER && selected != null && selected.getValue() instanceof PreviewNode.More more) {
                more.group().loadMore();
                event.consume();
            }
        });
    }

    private static TreeItem<PreviewNode> groupItem(EffectGroup group) {
        TreeItem<PreviewNode> item = new TreeItem<>(new PreviewNode.Group(group));
        TreeItem<PreviewNode> more = new TreeItem<>(new PreviewNode.More(group));
        // The "Show more" child doubles as the placeholder that gives an unopened group its arrow.
        item.getChildren().add(more);
        item.expandedProperty().addListener((o, was, expanded) -> {
            if (expanded && group.untouched()) {
                group.loadMore();
            }
        });
        group.rows().addListener((ListChangeListener<AffectedRow>) change -> {
            while (change.next()) {
                if (change.wasAdded()) {
                    int at = item.getChildren().size() - (item.getChildren().contains(more) ? 1 : 0);
                    item.getChildren().addAll(at, change.getAddedSubList().stream()
                            .map(row -> new TreeItem<PreviewNode>(new PreviewNode.Row(group, row))).toList());
                }
            }
        });
        group.remainingProperty().addListener((o, old, remaining) -> {
            if (remaining.longValue() == 0) {
                item.getChildren().remove(more);
            }
        });
        return item;
    }
}
