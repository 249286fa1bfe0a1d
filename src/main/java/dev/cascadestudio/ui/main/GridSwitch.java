package dev.cascadestudio.ui.main;

import dev.cascadestudio.service.RowRef;
import dev.cascadestudio.ui.grid.GridView;
import dev.cascadestudio.ui.tree.TreeEntry;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Parent;
import javafx.scene.control.SplitPane;

/**
 * The main window's left side: the tree, or (toolbar: Tables, Ctrl+T) the grid of one table, which
 * then takes the wider share of the window. A row double-clicked in the grid opens in the details pane.
 */
final class GridSwitch {

    private static final double GRID_SHARE = 0.64;

    private final MainWindowViewModel viewModel;
    private final SplitPane browser;
    private final Parent tree;
    /** Built the first time it is shown: a quarter of building the main view, for a view a start does not show. */
    private GridView grid;
    private final BooleanProperty showingGrid = new SimpleBooleanProperty();
    private final BooleanProperty gridSelectionEmpty = new SimpleBooleanProperty(true);
    private double treeShare = 0.36;
    private final java.util.function.Consumer<javafx.scene.Scene> shortcuts;

    /**
     * @param shortcuts puts the window's shortcuts on its scene again: the tree's context menu takes
     *                  its items' accelerators (Delete, Ctrl+G, F5) off the scene when the tree leaves it
     */
    GridSwitch(MainWindowViewModel viewModel, SplitPane browser, Parent tree, java.util.function.Consumer<javafx.scene.Scene> shortcuts) {
        this.viewModel = viewModel;
        this.shortcuts = shortcuts;
        this.browser = browser;
        this.tree = tree;
    }

    /** The grid, built now if it was never shown. */
    GridView grid() {
        if (grid == null) {
            grid = new GridView(viewModel.grid());
            grid.setOnOpen(this::open);
            gridSelectionEmpty.bind(Bindings.isEmpty(grid.table().getSelectionModel().getSelectedItems()));
        }
        return grid;
    }

    /** Whether no row of the grid is selected (none is before it is first shown). */
    ReadOnlyBooleanProperty gridSelectionEmptyProperty() {
        return gridSelectionEmpty;
    }

    ReadOnlyBooleanProperty showingGridProperty() {
        return showingGrid;
    }

    boolean showingGrid() {
        return showingGrid.get();
    }

    void show(boolean wantGrid) {
        if (wantGrid == showingGrid.get()) {
            return;
        }
        if (wantGrid) {
            treeShare = browser.getDividerPositions()[0];
            // unlike the tree, the grid grows with the window: its columns use the room
            browser.getItems().set(0, grid().root());
            browser.setDividerPositions(GRID_SHARE);
            if (browser.getScene() != null) {
                shortcuts.accept(browser.getScene());
            }
            grid.focus();
        } else {
            browser.getItems().set(0, tree);
            browser.setDividerPositions(treeShare);
        }
        showingGrid.set(wantGrid);
        viewModel.grid().setActive(wantGrid);
    }

    /** The tree's width when it is shown again, for the window's memory while the grid is shown. */
    double treeWidth(double browserWidth) {
        return treeShare * browserWidth;
    }

    /** The details pane shows {@code row}; unsaved edits of another row are asked about first. */
    private void open(RowRef row) {
        TreeEntry.RowEntry entry = new TreeEntry.RowEntry(row, false, -1);
        if (!viewModel.details().keepsEditing(entry)) {
            viewModel.details().show(entry);
        }
    }
}
