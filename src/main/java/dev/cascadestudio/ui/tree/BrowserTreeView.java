package dev.cascadestudio.ui.tree;

import dev.cascadestudio.ui.FxmlViews;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
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

    public BrowserTreeView(BrowserTreeModel model, ReadOnlyStringProperty userCount) {
        this.model = model;
        FxmlViews.load("/fxml/BrowserTree.fxml", this);
        userCountLabel.textProperty().bind(userCount);
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
        tree.getSelectionModel().selectedItemProperty().addListener((o, old, item) -> model.selectedItemProperty().set(item));
        model.selectedItemProperty().addListener((o, old, item) -> show(item));
        tree.setOnKeyPressed(event -> {
            TreeItem<TreeEntry> selected = tree.getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.ENTER && selected != null && selected.getValue() instanceof TreeEntry.MoreEntry) {
                model.showMore(selected);
                event.consume();
            }
        });
    }

    /** Selects an item the model chose (refresh, reveal, paging) and scrolls it into view. */
    private void show(TreeItem<TreeEntry> item) {
        if (tree.getSelectionModel().getSelectedItem() == item) {
            return;
        }
        if (item == null) {
            tree.getSelectionModel().clearSelection();
            return;
        }
        tree.getSelectionModel().select(item);
        int row = tree.getRow(item);
        if (row >= 0) {
            tree.scrollTo(Math.max(0, row - 3));
        }
    }
}
