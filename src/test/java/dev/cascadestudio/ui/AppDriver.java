package dev.cascadestudio.ui;

import dev.cascadestudio.ui.tree.TreeEntry;
import dev.cascadestudio.ui.tree.TreeTexts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Starts the real application on a data directory of its own and reads its main window the way an
 * administrator sees it. Reads the screen only on the FX thread.
 */
public final class AppDriver {

    public static final long TIMEOUT_SECONDS = 60;

    public final FxRobot robot = new FxRobot();
    private final Path home;
    private Stage stage;
    private CascadeStudioApp app;

    public AppDriver(Path home) {
        this.home = home;
    }

    /** The primary stage, registered with TestFX the first time it is asked for. */
    public Stage stage() throws TimeoutException {
        if (stage == null) {
            stage = FxToolkit.registerPrimaryStage();
        }
        return stage;
    }

    /** Starts the application with these command-line arguments, its data directory the one given to the constructor. */
    public void launch(String... args) throws TimeoutException {
        stage();
        System.setProperty("cascade.home", home.toString());
        app = (CascadeStudioApp) FxToolkit.setupApplication(CascadeStudioApp.class, args);
        // the first frame is the starting view; the main view replaces it right after
        waitFor(() -> fx(() -> robot.lookup("#searchField").tryQuery().isPresent()));
    }

    /** Ends the application as closing its window does, and waits until its database is closed. */
    public void close() throws TimeoutException {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            if (!app.awaitBackgroundWork(Duration.ofSeconds(20))) {
                throw new AssertionError("the database did not close after the window");
            }
            app = null;
        }
    }

    /** {@link #close()}, then closes every stage and forgets the data directory: for {@code @AfterEach}. */
    public void closeEverything() throws TimeoutException {
        close();
        FxToolkit.cleanupStages();
        System.clearProperty("cascade.home");
    }

    /**
     * Waits until the tree shows the demo users (alice among them), search can be used, and the rows
     * have been counted (the counts follow the tree's first level).
     */
    public void waitForUsers() throws TimeoutException {
        // and until the window has nothing more to do: "Unowned" comes after the users, once its rows are counted
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS,
                () -> visibleRows().containsKey("alice") && fx(() -> !robot.lookup("#searchField").query().isDisabled())
                        && !text("#userCountLabel").isEmpty());
        settle();
    }

    /**
     * Waits until the window's background work has ended (the busy indicator is hidden) and the window shows its
     * result: the last work's callback ("Unowned" added, a refreshed group filled) and its end run in one FX event,
     * so the rows may not be drawn yet; the window is laid out now, as the next pulse would. A click after this
     * lands where the rows stay.
     */
    public void settle() throws TimeoutException {
        waitFor(() -> fx(() -> !robot.lookup("#busyIndicator").query().isVisible()));
        WaitForAsyncUtils.waitForAsyncFx(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS), () -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
        });
    }

    /** Waits up to {@link #TIMEOUT_SECONDS} for the condition, which runs on the test thread. */
    public void waitFor(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, condition);
    }

    // ---- the tree ----

    /** The browser tree; read it on the FX thread. */
    public TreeView<TreeEntry> tree() {
        @SuppressWarnings("unchecked")
        TreeView<TreeEntry> tree = robot.lookup("." + StyleClasses.BROWSER_TREE).queryAs(TreeView.class);
        return tree;
    }

    /** Title and badge of every node on screen, top to bottom (badge "" when there is none). */
    public Map<String, String> visibleRows() throws Exception {
        return fx(() -> {
            Map<String, String> rows = new LinkedHashMap<>();
            robot.lookup("." + StyleClasses.TREE_CELL).queryAllAs(TreeCell.class).stream()
                    .filter(cell -> !cell.isEmpty() && cell.getGraphic() != null && cell.isVisible())
                    .sorted((a, b) -> Integer.compare(a.getIndex(), b.getIndex()))
                    .forEach(cell -> {
                        Label badge = (Label) cell.lookup("." + StyleClasses.COUNT_BADGE);
                        rows.put(((Label) cell.lookup("." + StyleClasses.TREE_CELL_NAME)).getText(),
                                badge.isVisible() ? badge.getText() : "");
                    });
            return rows;
        });
    }

    /** Clicks the arrow of the (first) node with this title and waits until its children are read. */
    public void expand(String title) throws Exception {
        TreeItem<TreeEntry> item = item(title);
        fx(() -> {
            tree().scrollTo(Math.max(0, tree().getRow(item) - 2));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node arrow = fx(() -> cellOf(item).lookup(".tree-disclosure-node"));
        robot.clickOn(arrow);
        waitFor(() -> fx(() -> item.isExpanded()
                && item.getChildren().stream().noneMatch(c -> c.getValue() instanceof TreeEntry.LoadingEntry)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The first item in expanded order with this title (the user's "the X I just opened"). */
    public TreeItem<TreeEntry> item(String title) throws Exception {
        return fx(() -> findItem(title));
    }

    /** Whether a node with this title is among the expanded rows (on screen or scrolled away). */
    public boolean shows(String title) throws Exception {
        return fx(() -> {
            for (int row = 0; row < tree().getExpandedItemCount(); row++) {
                if (TreeTexts.title(tree().getTreeItem(row).getValue()).equals(title)) {
                    return true;
                }
            }
            return false;
        });
    }

    private TreeItem<TreeEntry> findItem(String title) {
        for (int row = 0; row < tree().getExpandedItemCount(); row++) {
            TreeItem<TreeEntry> item = tree().getTreeItem(row);
            if (TreeTexts.title(item.getValue()).equals(title)) {
                return item;
            }
        }
        throw new AssertionError("No node " + title);
    }

    /** The visible cell showing this item; call on the FX thread, after scrolling the item into view. */
    public TreeCell<?> cellOf(TreeItem<TreeEntry> item) {
        return robot.lookup("." + StyleClasses.TREE_CELL).queryAllAs(TreeCell.class).stream()
                .filter(cell -> cell.getTreeItem() == item && cell.isVisible()).findFirst()
                .orElseThrow(() -> new AssertionError("No cell on screen for " + TreeTexts.title(item.getValue())));
    }

    /** The visible cell of the (first) node with this title, to click. */
    public Node cell(String title) throws Exception {
        TreeItem<TreeEntry> item = item(title);
        return fx(() -> cellOf(item));
    }

    /** Title of the selected node, or null when nothing is selected. */
    public String selectedTitle() throws Exception {
        return fx(() -> {
            TreeItem<TreeEntry> selected = tree().getSelectionModel().getSelectedItem();
            return selected == null ? null : TreeTexts.title(selected.getValue());
        });
    }

    /** Titles from the top-level node down to the selected one (the hidden root left out). */
    public List<String> selectedPath() throws Exception {
        return fx(() -> {
            List<String> path = new ArrayList<>();
            for (TreeItem<TreeEntry> i = tree().getSelectionModel().getSelectedItem(); i.getParent() != null; i = i.getParent()) {
                path.add(0, TreeTexts.title(i.getValue()));
            }
            return path;
        });
    }

    /** Titles of every selected node, in selection order. */
    public List<String> selectedTitles() throws Exception {
        return fx(() -> tree().getSelectionModel().getSelectedItems().stream()
                .map(item -> TreeTexts.title(item.getValue())).toList());
    }

    // ---- other windows and plumbing ----

    /** The window other than the main one whose title starts so, once it shows. */
    public Window window(String titleStart) throws Exception {
        waitFor(() -> fx(() -> findWindow(titleStart) != null));
        return fx(() -> findWindow(titleStart));
    }

    /** Whether a window whose title starts so is showing now (does not wait). */
    public boolean windowShows(String titleStart) throws Exception {
        return fx(() -> findWindow(titleStart) != null);
    }

    private static Window findWindow(String titleStart) {
        return Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.isShowing() && s.getTitle() != null && s.getTitle().startsWith(titleStart))
                .findFirst().orElse(null);
    }

    /** The text of the field or label that the query finds. */
    public String text(String query) throws Exception {
        return fx(() -> {
            Node node = robot.lookup(query).query();
            return node instanceof TextInputControl field ? field.getText() : ((Labeled) node).getText();
        });
    }

    /** The text of the field or label that the query finds below {@code under}. */
    public String text(Node under, String query) throws Exception {
        return fx(() -> {
            Node node = robot.from(under).lookup(query).query();
            return node instanceof TextInputControl field ? field.getText() : ((Labeled) node).getText();
        });
    }

    /** Whether the query finds a node and it is visible. */
    public boolean visible(String query) throws Exception {
        return fx(() -> robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false));
    }

    /** Runs {@code read} on the FX thread and returns its result, waiting up to {@link #TIMEOUT_SECONDS}. */
    public static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
