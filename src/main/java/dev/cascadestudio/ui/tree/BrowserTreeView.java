package dev.cascadestudio.ui.tree;

import dev.cascadestudio.ui.FxmlViews;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MultipleSelectionModel;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;

/** Loads {@code fxml/BrowserTree.fxml}: the sidebar with the browse tree, bound to a {@link BrowserTreeModel}. */
public final class BrowserTreeView {

    private static final double ROW_HEIGHT = 30;

    @FXML private VBox root;
    @FXML private Label userCountLabel;
    @FXML private TreeView<TreeEntry> tree;

    private final BrowserTreeModel model;
    /** Set while the view applies the model's selection, so that the intermediate steps are not reported back. */
    private boolean applying;

    public BrowserTreeView(BrowserTreeModel model, ReadOnlyStringProperty userCount) {
        this.model = model;
        FxmlViews.load("/fxml/BrowserTree.fxml", this);
        userCountLabel.textProperty().bind(userCount);
    }

    /** Gives the tree the keyboard focus (arrow keys move through it). */
    public void focus() {
        tree.requestFocus();
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        tree.setRoot(model.root());
        tree.setShowRoot(false);
        // one height for every node: groups of thousands of rows scroll without measuring each cell
        tree.setFixedCellSize(ROW_HEIGHT);
        tree.setCellFactory(view -> new BrowserTreeCell(model::showMore));
        tree.setFocusModel(new ItemFocusModel<>(tree));
        MultipleSelectionModel<TreeItem<TreeEntry>> selection = tree.getSelectionModel();
        selection.setSelectionMode(SelectionMode.MULTIPLE);
        selection.selectedItemProperty().addListener((o, old, item) -> {
            if (!applying) {
                model.selectedItemProperty().set(item);
            }
        });
        selection.getSelectedItems().addListener((ListChangeListener<TreeItem<TreeEntry>>) change -> {
            if (!applying) {
                model.selection().setAll(selectedItems());
            }
        });
        model.selectedItemProperty().addListener((o, old, item) -> show(item));
        model.selection().addListener((ListChangeListener<TreeItem<TreeEntry>>) change -> {
            if (!applying && !model.selection().equals(selectedItems())) {
                showAll(List.copyOf(model.selection()));
            }
        });
        tree.setOnKeyPressed(event -> {
            TreeItem<TreeEntry> selected = tree.getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.ENTER && selected != null && selected.getValue() instanceof TreeEntry.MoreEntry) {
                model.showMore(selected);
                event.consume();
            }
        });
    }

    /** The menu a right click on a node opens. */
    public void setContextMenu(ContextMenu menu) {
        tree.setContextMenu(menu);
    }

    /** Selects an item the model chose (refresh, reveal, paging) instead of what was selected, and scrolls it into view. */
    private void show(TreeItem<TreeEntry> item) {
        if (tree.getSelectionModel().getSelectedItem() == item) { // also when the view itself just chose it among several
            return;
        }
        if (item == null) {
            tree.getSelectionModel().clearSelection();
            return;
        }
        int row = tree.getRow(item);
        if (row < 0) {
            tree.getSelectionModel().clearSelection();
            tree.getSelectionModel().select(item);
            return;
        }
        tree.getSelectionModel().clearAndSelect(row);
        tree.scrollTo(Math.max(0, row - 3));
    }

    /** Selects the items the model restored (after a refresh); the last one becomes the chosen one. */
    private void showAll(List<TreeItem<TreeEntry>> items) {
        applying = true;
        try {
            MultipleSelectionModel<TreeItem<TreeEntry>> selection = tree.getSelectionModel();
            selection.clearSelection();
            items.forEach(selection::select);
        } finally {
            applying = false;
        }
        model.selectedItemProperty().set(tree.getSelectionModel().getSelectedItem());
    }

    private List<TreeItem<TreeEntry>> selectedItems() {
        return tree.getSelectionModel().getSelectedItems().stream().filter(Objects::nonNull).toList();
    }
}
