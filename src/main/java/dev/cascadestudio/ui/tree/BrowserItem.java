package dev.cascadestudio.ui.tree;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TreeItem;

/**
 * A node of the browse tree that reads its children only when first expanded. Until then it holds
 * one "Loading…" child, so the tree draws an expand arrow without any query having run.
 */
public final class BrowserItem extends TreeItem<TreeEntry> {

    enum State { NOT_LOADED, LOADING, LOADED, FAILED }

    private State state = State.NOT_LOADED;
    /** Bumped when the node is reset, so that a load started before the reset is ignored. */
    private int generation;
    /** For a group: how many of its rows are children now. */
    private int shownRows;
    private final List<Runnable> whenLoaded = new ArrayList<>();

    BrowserItem(TreeEntry entry) {
        super(entry);
        if (entry.expandable()) {
            getChildren().add(new BrowserItem(new TreeEntry.LoadingEntry()));
        }
    }

    @Override
    public boolean isLeaf() {
        return !getValue().expandable();
    }

    /** Back to "not read yet": the children are dropped and read again on the next expand. */
    void reset() {
        generation++;
        state = State.NOT_LOADED;
        shownRows = 0;
        if (getValue().expandable()) {
            getChildren().setAll(List.of(new BrowserItem(new TreeEntry.LoadingEntry())));
        }
    }

    /** Whether the node still hangs from {@code root} (a refresh may have removed it or an ancestor). */
    boolean isUnder(TreeItem<TreeEntry> root) {
        TreeItem<TreeEntry> item = this;
        while (item.getParent() != null) {
            item = item.getParent();
        }
        return item == root;
    }

    /** The keys from the top down to this node, the root excluded. */
    List<String> keyPath() {
        List<String> keys = new ArrayList<>();
        for (TreeItem<TreeEntry> item = this; item.getParent() != null; item = item.getParent()) {
            keys.add(0, item.getValue().key());
        }
        return keys;
    }

    BrowserItem child(String key) {
        for (TreeItem<TreeEntry> child : getChildren()) {
            if (child.getValue().key().equals(key)) {
                return (BrowserItem) child;
            }
        }
        return null;
    }

    State state() { return state; }
    void state(State state) { this.state = state; }
    int generation() { return generation; }
    int shownRows() { return shownRows; }
    void shownRows(int rows) { this.shownRows = rows; }

    void whenLoaded(Runnable action) {
        whenLoaded.add(action);
    }

    /** Hands over the actions waiting for this node's children, and forgets them. */
    List<Runnable> takeWaiting() {
        List<Runnable> waiting = List.copyOf(whenLoaded);
        whenLoaded.clear();
        return waiting;
    }
}
