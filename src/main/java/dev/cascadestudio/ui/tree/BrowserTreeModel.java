package dev.cascadestudio.ui.tree;

import dev.cascadestudio.service.BrowseService;
import dev.cascadestudio.service.FailureMessages;
import dev.cascadestudio.service.RowRef;
import dev.cascadestudio.service.StartupTimeline;
import dev.cascadestudio.service.TreeService;
import dev.cascadestudio.service.UserSummary;
import dev.cascadestudio.ui.task.Activity;
import dev.cascadestudio.ui.tree.BrowserItem.State;
import dev.cascadestudio.ui.tree.TreeEntry.FailedEntry;
import dev.cascadestudio.ui.tree.TreeEntry.GroupEntry;
import dev.cascadestudio.ui.tree.TreeEntry.MoreEntry;
import dev.cascadestudio.ui.tree.TreeEntry.RootEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

/**
 * The browse tree's state: its nodes, what is loaded, and the selection. A node's children are read
 * on a background task when it is first expanded; a group shows its rows {@value #PAGE} at a time.
 * Called on the FX thread only; the tree items it builds are the TreeView's model.
 */
public final class BrowserTreeModel {

    public static final int PAGE = 500;

    private final Activity activity;
    private final Consumer<String> report;
    private final BrowserItem root = new BrowserItem(new RootEntry());
    private final ObjectProperty<TreeItem<TreeEntry>> selectedItem = new SimpleObjectProperty<>();
    private final ObservableList<TreeItem<TreeEntry>> selection = FXCollections.observableArrayList();
    private final TreeRevealer revealer = new TreeRevealer(this);
    private TreeQueries queries;
    /** Whether users read before the services are shown ({@link #showFirstUsers}) and not yet read again. */
    private boolean firstUsersShown;

    /** @param report takes a sentence for the status bar when something could not be done */
    public BrowserTreeModel(Activity activity, Consumer<String> report) {
        this.activity = Objects.requireNonNull(activity);
        this.report = Objects.requireNonNull(report);
        watch(root);
        root.setExpanded(true); // shows "Loading…" while the database opens
    }

    /**
     * Shows the database behind these services, starting with its users. Users {@linkplain #showFirstUsers shown
     * before} stay as they are (an opened one stays open, a selected one selected) and are read again.
     *
     * @return whether users shown before were kept
     */
    public boolean attach(TreeService tree, BrowseService browse) {
        StartupTimeline.mark("tree-attached");
        queries = new TreeQueries(tree, browse);
        if (firstUsersShown) {
            firstUsersShown = false;
            loadTop(root, queries);
            return true;
        }
        root.reset();
        root.setExpanded(true);
        load(root);
        return false;
    }

    /**
     * The users of the database being opened, read before its services are ready (a start's first look):
     * shown at once, while the level is still loading. They can be selected and opened; what is under them is
     * read once the services are {@linkplain #attach attached}. Ignored once a database is attached.
     */
    public void showFirstUsers(List<UserSummary> users) {
        if (queries != null) {
            return;
        }
        // a user always has groups under it (its projects and sessions); attach reads the level again with the session
        apply(root, TreeQueries.users(root.getValue(), users, true));
        usersShown = root.generation();
        firstUsersShown = true;
    }

    /** Forgets the database (it is closing, or did not open): the tree empties. */
    public void detach() {
        firstUsersShown = false;
        queries = null;
        selectedItem.set(null);
        selection.clear();
        root.reset();
        root.getChildren().clear();
    }

    public TreeItem<TreeEntry> root() { return root; }
    /** The generation of the root whose users are shown (-1: none yet): {@link #firstLevelShown} before "Unowned" is counted. */
    private int usersShown = -1;

    /** Whether the first level's users have been read and are in the tree ("Unowned" may still be counted). */
    public boolean firstLevelShown() {
        return usersShown == root.generation() || (queries != null && root.state() == BrowserItem.State.LOADED);
    }
    /** The item chosen last (the details show it); the tree view keeps it in step both ways. */
    public ObjectProperty<TreeItem<TreeEntry>> selectedItemProperty() { return selectedItem; }

    /**
     * Everything selected (Ctrl/Shift-click), the {@linkplain #selectedItemProperty() chosen item}
     * last. The tree view keeps it in step both ways.
     */
    public ObservableList<TreeItem<TreeEntry>> selection() { return selection; }

    /** The "Show 500 more" item was chosen: the group's next page follows. */
    public void showMore(TreeItem<TreeEntry> moreItem) {
        if (moreItem.getValue() instanceof MoreEntry more && !more.loading() && moreItem.getParent() instanceof BrowserItem group) {
            loadRows(group, group.shownRows() + PAGE, () -> {});
        }
    }

    /** Expands the path down to {@code row}, reading pages as needed, and selects it. */
    public void reveal(RowRef row) {
        if (queries != null) {
            revealer.reveal(queries, row);
        }
    }

    /**
     * Reads every open node again; nodes stay open, the selected row stays selected, groups keep the
     * number of rows they showed. Closed nodes are read again when next opened. On failure the tree
     * stays as it was, the reason goes to the status bar, and {@code failed} runs instead of {@code done}.
     */
    public void refresh(Runnable done, Runnable failed) {
        TreeQueries q = queries;
        if (q == null) {
            done.run();
            return;
        }
        List<BrowserItem> open = new ArrayList<>();
        collectOpen(root, open);
        List<String> selectedPath = selectedItem.get() instanceof BrowserItem selected ? selected.keyPath() : null;
        List<List<String>> otherPaths = selection.stream().filter(item -> item != selectedItem.get())
                .filter(BrowserItem.class::isInstance).map(item -> ((BrowserItem) item).keyPath()).toList();
        List<Integer> generations = open.stream().map(BrowserItem::generation).toList();
        List<TreeEntry> entries = open.stream().map(TreeItem::getValue).toList();
        List<Integer> wanted = open.stream().map(item -> Math.max(PAGE, item.shownRows())).toList();
        open.forEach(item -> item.state(State.LOADING));
        activity.run("Refreshing the tree…", () -> {
            List<TreeQueries.Children> read = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                read.add(q.children(entries.get(i), wanted.get(i)));
            }
            return read;
        }, read -> {
            for (int i = 0; i < open.size(); i++) {
                BrowserItem item = open.get(i);
                if (item.generation() == generations.get(i) && item.isUnder(root)) {
                    apply(item, read.get(i));
                    loaded(item);
                }
            }
            restoreSelection(selectedPath, otherPaths);
            done.run();
        }, failure -> {
            open.forEach(item -> item.state(State.LOADED));
            report.accept("Cannot refresh the tree: " + FailureMessages.describe(failure));
            failed.run();
        });
    }

    private void collectOpen(BrowserItem item, List<BrowserItem> open) {
        if (item == root || item.isExpanded()) {
            if (item.state() == State.LOADED || item.state() == State.FAILED) {
                open.add(item);
                for (TreeItem<TreeEntry> child : item.getChildren()) {
                    collectOpen((BrowserItem) child, open);
                }
            }
        } else if (item.state() != State.NOT_LOADED && item.getValue().expandable()) {
            item.reset();
        }
    }

    /**
     * The chosen item comes back, or its nearest ancestor if it is gone; the other selected items
     * come back only if they are still there.
     */
    private void restoreSelection(List<String> path, List<List<String>> others) {
        if (path == null) {
            return;
        }
        BrowserItem item = root;
        for (String key : path) {
            BrowserItem child = item.child(key);
            if (child == null) {
                break;
            }
            item = child;
        }
        TreeItem<TreeEntry> chosen = item == root ? null : item;
        selectedItem.set(chosen);
        List<TreeItem<TreeEntry>> restored = new ArrayList<>();
        for (List<String> other : others) {
            BrowserItem found = find(other);
            if (found != null && found != chosen) {
                restored.add(found);
            }
        }
        if (chosen != null) {
            restored.add(chosen);
        }
        if (!restored.equals(selection)) {
            selection.setAll(restored);
        }
    }

    private BrowserItem find(List<String> path) {
        BrowserItem item = root;
        for (String key : path) {
            item = item.child(key);
            if (item == null) {
                return null;
            }
        }
        return item;
    }

    /** Runs {@code then} once the node's children are read, reading them if nobody has yet. */
    void whenLoaded(BrowserItem item, Runnable then) {
        if (item.state() == State.LOADED) {
            then.run();
            return;
        }
        item.whenLoaded(then);
        if (item.state() == State.NOT_LOADED || item.state() == State.FAILED) {
            load(item);
        }
    }

    /** Makes sure a group shows at least its first {@code rows} rows (as far as it has them). */
    void loadRows(BrowserItem group, int rows, Runnable then) {
        TreeQueries q = queries;
        if (q == null || group.state() != State.LOADED || !(group.getValue() instanceof GroupEntry entry)) {
            return;
        }
        int offset = group.shownRows();
        if (offset >= rows || offset >= entry.count()) {
            then.run();
            return;
        }
        BrowserItem moreItem = group.child("more");
        boolean moreSelected = moreItem != null && moreItem == selectedItem.get();
        if (moreItem != null && moreItem.getValue() instanceof MoreEntry more) {
            moreItem.setValue(new MoreEntry(more.shown(), more.total(), more.next(), true));
        }
        int generation = group.generation();
        group.state(State.LOADING);
        activity.run("Loading " + TreeTexts.title(entry) + "…", () -> q.rows(entry, offset, rows - offset), page -> {
            if (generation != group.generation()) {
                return;
            }
            List<TreeEntry> entries = new ArrayList<>();
            for (TreeItem<TreeEntry> child : group.getChildren()) {
                if (!(child.getValue() instanceof MoreEntry)) {
                    entries.add(child.getValue());
                }
            }
            entries.addAll(page.entries());
            apply(group, new TreeQueries.Children(page.parent(), entries, page.total()));
            if (moreSelected && offset < group.getChildren().size()) {
                selectedItem.set(group.getChildren().get(offset));
            }
            group.whenLoaded(then);
            loaded(group);
        }, failure -> failed(group, generation, failure));
    }

    void select(BrowserItem item) {
        selectedItem.set(item);
    }

    void report(String message) {
        report.accept(message);
    }

    Activity activity() {
        return activity;
    }

    BrowserItem rootItem() {
        return root;
    }

    /**
     * The first level in two steps: the users, shown as soon as they are read; then "Unowned" with its count, which
     * reads every table, added after them. Until then the level is still loading (what waits for it, waits), but the
     * users can be opened.
     */
    private void loadTop(BrowserItem item, TreeQueries q) {
        int generation = item.generation();
        TreeEntry entry = item.getValue();
        item.state(State.LOADING);
        activity.run("Loading users…", () -> {
            StartupTimeline.mark("users-asked");
            TreeQueries.Children read = q.users(entry);
            StartupTimeline.mark("users-read");
            return read;
        }, users -> {
            if (generation != item.generation()) {
                return;
            }
            apply(item, users);
            usersShown = generation;
            // users opened while only the first look was shown: what is under them is read now
            for (TreeItem<TreeEntry> child : List.copyOf(item.getChildren())) {
                if (child.isExpanded() && child instanceof BrowserItem user && user.state() == State.NOT_LOADED) {
                    load(user);
                }
            }
            activity.run("Counting rows without an owner…", q::unowned, unowned -> {
                if (generation == item.generation()) {
                    apply(item, TreeQueries.withUnowned(users, unowned));
                    loaded(item);
                }
            }, failure -> {
                if (generation == item.generation()) {
                    loaded(item); // the users stay; the status bar says what could not be counted
                    report.accept("Cannot count the rows without an owner: " + FailureMessages.describe(failure));
                }
            });
        }, failure -> failed(item, generation, failure));
    }

    private void load(BrowserItem item) {
        TreeQueries q = queries;
        if (q == null || item.state() == State.LOADING) {
            return;
        }
        if (item == root) {
            loadTop(item, q);
            return;
        }
        int generation = item.generation();
        TreeEntry entry = item.getValue();
        item.state(State.LOADING);
        activity.run("Loading " + TreeTexts.title(entry) + "…", () -> q.children(entry, PAGE), children -> {
                    if (generation == item.generation()) {
                        apply(item, children);
                        loaded(item);
                    }
                }, failure -> failed(item, generation, failure));
    }

    private void loaded(BrowserItem item) {
        item.state(State.LOADED);
        item.takeWaiting().forEach(Runnable::run);
    }

    private void failed(BrowserItem item, int generation, Throwable failure) {
        if (generation != item.generation()) {
            return;
        }
        String message = FailureMessages.describe(failure);
        item.state(State.FAILED);
        item.getChildren().setAll(List.of(watch(new BrowserItem(new FailedEntry(message)))));
        item.takeWaiting();
        report.accept(message);
    }

    private void apply(BrowserItem item, TreeQueries.Children children) {
        ChildrenUpdate.apply(item, children, PAGE, entry -> watch(new BrowserItem(entry)));
    }

    private BrowserItem watch(BrowserItem item) {
        item.expandedProperty().addListener((o, was, expanded) -> {
            if (expanded && item.state() == State.NOT_LOADED) {
                load(item);
            } else if (!expanded && item.state() == State.FAILED) {
                item.reset();
            }
        });
        return item;
    }
}
