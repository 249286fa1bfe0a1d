package dev.cascadestudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.testsupport.TreeFixtures;
import dev.cascadestudio.ui.tree.TreeEntry;
import dev.cascadestudio.ui.tree.TreeTexts;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real application on a database of its own, checked the way an administrator would use it:
 * clicking down the tree, paging, searching, refreshing. Headless through Monocle;
 * {@code -Dheadless=false} shows it.
 */
class MainWindowTest {

    private static final long TIMEOUT_SECONDS = 60;

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private Stage stage;
    private CascadeStudioApp app;

    @BeforeEach
    void registerStage() throws TimeoutException {
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void closeApplication() throws TimeoutException {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            assertThat(app.awaitBackgroundWork(Duration.ofSeconds(20)))
                    .as("database closed after the window").isTrue();
        }
        FxToolkit.cleanupStages();
        System.clearProperty("cascade.home");
    }

    @Test
    void theTreeStartsWithTheUsersTheirProjectCountsAndUnowned() throws Exception {
        launchOnDemoDatabase();

        assertThat(visibleRows()).containsExactly(
                Map.entry("alice", "2"), Map.entry("bob", "1"), Map.entry("carol", "1"),
                Map.entry("dmitri", "0"), Map.entry("erin", "0"), Map.entry("Unowned", "3"));
        assertThat(text("#userCountLabel")).isEqualTo("5");
        assertThat(fx(() -> robot.lookup("#emptyState").query().isVisible())).isTrue();
    }

    @Test
    void statusBarAndTitleNameTheDatabase() throws Exception {
        launchOnDemoDatabase();

        String described = "H2 · " + home.toAbsolutePath().resolve("cascade-studio");
        assertThat(text("#databaseLabel")).isEqualTo(described);
        assertThat(fx(stage::getTitle)).isEqualTo("Cascade Studio — " + described);
        assertThat(text("#contentSummaryLabel")).isEqualTo("5 users · 71 rows");
        assertThat(text("#statusLabel")).isEqualTo("New database created with demo data");
        assertThat(fx(() -> robot.lookup("#busyIndicator").query().isVisible())).isFalse();
    }

    @Test
    void expandingNodesShowsTheirGroupsWithTheCountsInTheDatabase() throws Exception {
        String url = launchOnFixture();

        expand("alice");
        assertThat(childTitles("alice")).containsExactly("Projects", "Sessions");
        expand("Projects");
        expand("customer-support-assistant");

        Map<String, String> groups = new LinkedHashMap<>();
        for (String title : childTitles("customer-support-assistant")) {
            groups.put(title, visibleRows().get(title));
        }
        String support = "(SELECT \"uid\" FROM \"project\" WHERE \"name\" = 'customer-support-assistant')";
        Map<String, String> inDatabase = new LinkedHashMap<>();
        for (String[] kind : new String[][] {{"Data sources", "data_source"}, {"Datasets", "dataset"}, {"Models", "model"},
                {"Prompts", "prompt"}, {"Documents", "document"}, {"Workflows", "workflow"}, {"Deployments", "deployment"}}) {
            inDatabase.put(kind[0], String.valueOf(sqlCount(url, "SELECT COUNT(*) FROM \"" + kind[1]
                    + "\" WHERE \"project_id\" = " + support)));
        }
        assertThat(groups).containsExactlyEntriesOf(inDatabase);

        expand("Workflows");
        expand("kb-ingestion");
        assertThat(childTitles("kb-ingestion")).containsExactly("Schedules", "Runs", "Sessions", "Deployments");
        assertThat(visibleRows().get("Schedules")).isEqualTo("1");
    }

    @Test
    void aGroupOfTwelveHundredRowsShowsFiveHundredAtATime() throws Exception {
        String url = launchOnFixture();
        expand("erin");
        expand("Projects");
        expand(TreeFixtures.DOCUMENTS_PROJECT);
        expand("Documents");

        String documents = "SELECT COUNT(*) FROM \"document\" WHERE \"project_id\" = "
                + "(SELECT \"uid\" FROM \"project\" WHERE \"name\" = '" + TreeFixtures.DOCUMENTS_PROJECT + "')";
        assertThat(visibleRows().get("Documents")).isEqualTo(String.format("%,d", sqlCount(url, documents)));
        assertThat(childTitles("Documents")).hasSize(501).endsWith("Show 500 more");

        clickShowMore();
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> childTitles("Documents").size() == 1_001);
        assertThat(childTitles("Documents")).startsWith("doc-00001").endsWith("doc-01000", "Show 200 more");

        clickShowMore();
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> childTitles("Documents").size() == 1_200);
        assertThat(childTitles("Documents")).endsWith("doc-01199", "doc-01200");
    }

    @Test
    void searchingALabelRevealsAndSelectsARunUnderAWorkflowsSchedule() throws Exception {
        launchOnFixture();

        search("ticket=OPS-1234");
        assertThat(text("#searchSummary")).isEqualTo("1 match");
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> "kb-ingestion-run-3".equals(selectedTitle()));
        assertThat(selectedPath()).containsExactly("alice", "Projects", "customer-support-assistant", "Workflows",
                "kb-ingestion", "Schedules", "kb-ingestion-nightly", "Runs", "kb-ingestion-run-3");
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> "kb-ingestion-run-3".equals(text("#detailsName")));
        assertThat(text("#detailsKind")).isEqualTo("RUN");
        assertThat(fx(() -> selectedCell().isVisible())).as("the revealed row is scrolled into view").isTrue();
        assertThat(fx(() -> item("kb-ingestion-nightly").getChildren().get(0).getChildren().stream()
                .map(run -> cellOf(run).getGraphic().localToScene(0, 0).getX()).distinct().count()))
                .as("the runs sit in one column, however their cells were reused").isEqualTo(1);
    }

    @Test
    void searchingAPartOfANameRevealsARowBeyondTheFirstPage() throws Exception {
        launchOnFixture();

        search("DOC-0104");
        assertThat(text("#searchSummary")).isEqualTo("10 matches");
        for (int i = 0; i < 3; i++) {
            robot.type(KeyCode.DOWN);
        }
        robot.type(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> "doc-01042".equals(selectedTitle()));
        assertThat(selectedPath()).containsExactly("erin", "Projects", TreeFixtures.DOCUMENTS_PROJECT, "Documents", "doc-01042");
        assertThat(childTitles("Documents")).hasSize(1_200);
    }

    @Test
    void refreshKeepsWhatIsExpandedAndSelected() throws Exception {
        launchOnFixture();
        expand("bob");
        expand("Projects");
        expand("fraud-detection");
        expand("Workflows");
        robot.clickOn(cell("weekly-retrain"));
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> "weekly-retrain".equals(text("#detailsName")));
        List<String> before = fx(this::expandedTitles);

        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> text("#statusLabel").startsWith("Refreshed at"));

        assertThat(fx(this::expandedTitles)).isEqualTo(before).contains("bob", "fraud-detection", "Workflows");
        assertThat(selectedPath()).containsExactly("bob", "Projects", "fraud-detection", "Workflows", "weekly-retrain");
        assertThat(text("#detailsName")).isEqualTo("weekly-retrain");
        assertThat(childTitles("Workflows")).containsExactly("transaction-scoring", "weekly-retrain");
    }

    @Test
    void ctrlFPutsTheCursorInTheSearchField() throws Exception {
        launchOnDemoDatabase();
        robot.clickOn(cell("bob"));

        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);

        assertThat(fx(() -> robot.lookup("#searchField").query().isFocused())).isTrue();
    }

    @Test
    void selectingAUserShowsItsColumnsAndLabels() throws Exception {
        launchOnDemoDatabase();

        robot.clickOn(cell("bob"));
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> "bob".equals(text("#detailsName")));

        assertThat(fx(() -> robot.lookup("#emptyState").query().isVisible())).isFalse();
        assertThat(text("#detailsKind")).isEqualTo("USER");
        assertThat(text("#detailsDescription")).isEqualTo("Bob Okafor — fraud analytics");
        assertThat(text("#field-uid")).matches("[0-9a-f]{32}");
        assertThat(text("#field-created")).isEqualTo("2026-03-02 09:37:00");
        assertThat(fx(() -> robot.lookup("#labelsTable").queryAs(TableView.class).getItems().size())).isEqualTo(1);
        assertThat(fx(() -> robot.lookup("#specArea").queryAs(TextInputControl.class).getText()))
                .isEqualTo("{\n  \"email\" : \"bob@example.com\"\n}");
    }

    @Test
    void aDatabaseThatIsNotAControllerDatabaseShowsWhyInTheWindow() throws Exception {
        Path emptyFile = home.resolve("not-a-controller");
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + emptyFile)) {
            assertThat(connection.isValid(5)).isTrue();
        }

        launch("--db=jdbc:h2:file:" + emptyFile);
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS,
                () -> fx(() -> robot.lookup("#errorState").query().isVisible()));

        assertThat(text("#errorTitle")).isEqualTo("Cannot open the database");
        assertThat(text("#errorMessage"))
                .contains("holds no GenAI Factory controller tables")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(fx(() -> robot.lookup("#browser").query().isVisible())).isFalse();
        assertThat(fx(stage::getTitle)).isEqualTo("Cascade Studio");
        assertThat(fx(() -> robot.lookup("#refreshButton").query().isDisabled())).isTrue();
        assertThat(fx(() -> robot.lookup("#searchField").query().isDisabled())).isTrue();
    }

    @Test
    void quitFromTheErrorStateClosesTheWindow() throws Exception {
        launch("--db=jdbc:h2:file:" + home.resolve("also-empty"));
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS,
                () -> fx(() -> robot.lookup("#errorState").query().isVisible()));

        Node quit = fx(() -> robot.lookup((Button button) -> "Quit".equals(button.getText())).query());
        robot.clickOn(quit);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx(stage::isShowing)).isFalse();
    }

    // ---- launching ----

    private void launchOnDemoDatabase() throws Exception {
        launch();
        waitForUsers();
    }

    /** The demo data plus a project of 1,200 documents and a labelled scheduled run; returns its URL. */
    private String launchOnFixture() throws Exception {
        String url = TreeFixtures.windowDatabase(home.resolve("fixture"));
        launch("--db=" + url);
        waitForUsers();
        return url;
    }

    private void waitForUsers() throws TimeoutException {
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS,
                () -> visibleRows().containsKey("alice") && fx(() -> !robot.lookup("#searchField").query().isDisabled()));
    }

    private void launch(String... args) throws TimeoutException {
        System.setProperty("cascade.home", home.toString());
        app = (CascadeStudioApp) FxToolkit.setupApplication(CascadeStudioApp.class, args);
    }

    // ---- the tree as a user sees it ----

    private TreeView<TreeEntry> tree() {
        @SuppressWarnings("unchecked")
        TreeView<TreeEntry> tree = robot.lookup("." + StyleClasses.BROWSER_TREE).queryAs(TreeView.class);
        return tree;
    }

    /** Title and badge of every node on screen, top to bottom (badge "" when there is none). */
    private Map<String, String> visibleRows() throws Exception {
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
    private void expand(String title) throws Exception {
        TreeItem<TreeEntry> item = item(title);
        fx(() -> {
            tree().scrollTo(Math.max(0, tree().getRow(item) - 2));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node arrow = fx(() -> cellOf(item).lookup(".tree-disclosure-node"));
        robot.clickOn(arrow);
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> fx(() -> item.isExpanded()
                && item.getChildren().stream().noneMatch(c -> c.getValue() instanceof TreeEntry.LoadingEntry)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void clickShowMore() throws Exception {
        TreeItem<TreeEntry> documents = item("Documents");
        TreeItem<TreeEntry> more = fx(() -> documents.getChildren().get(documents.getChildren().size() - 1));
        fx(() -> {
            tree().scrollTo(tree().getRow(more));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(fx(() -> cellOf(more)));
    }

    /** The first item in expanded order with this title (the user's "the X I just opened"). */
    private TreeItem<TreeEntry> item(String title) throws Exception {
        return fx(() -> {
            for (int row = 0; row < tree().getExpandedItemCount(); row++) {
                TreeItem<TreeEntry> item = tree().getTreeItem(row);
                if (TreeTexts.title(item.getValue()).equals(title)) {
                    return item;
                }
            }
            throw new AssertionError("No node " + title);
        });
    }

    private TreeCell<?> cellOf(TreeItem<TreeEntry> item) {
        return robot.lookup("." + StyleClasses.TREE_CELL).queryAllAs(TreeCell.class).stream()
                .filter(cell -> cell.getTreeItem() == item && cell.isVisible()).findFirst()
                .orElseThrow(() -> new AssertionError("No cell on screen for " + TreeTexts.title(item.getValue())));
    }

    private Node cell(String title) throws Exception {
        TreeItem<TreeEntry> item = item(title);
        return fx(() -> cellOf(item));
    }

    private List<String> childTitles(String title) throws Exception {
        TreeItem<TreeEntry> item = item(title);
        return fx(() -> item.getChildren().stream().map(c -> TreeTexts.title(c.getValue())).toList());
    }

    private List<String> expandedTitles() {
        List<String> titles = new ArrayList<>();
        for (int row = 0; row < tree().getExpandedItemCount(); row++) {
            TreeItem<TreeEntry> item = tree().getTreeItem(row);
            if (item.isExpanded()) {
                titles.add(TreeTexts.title(item.getValue()));
            }
        }
        return titles;
    }

    private String selectedTitle() throws Exception {
        return fx(() -> {
            TreeItem<TreeEntry> selected = tree().getSelectionModel().getSelectedItem();
            return selected == null ? null : TreeTexts.title(selected.getValue());
        });
    }

    private List<String> selectedPath() throws Exception {
        return fx(() -> {
            List<String> path = new ArrayList<>();
            for (TreeItem<TreeEntry> i = tree().getSelectionModel().getSelectedItem(); i.getParent() != null; i = i.getParent()) {
                path.add(0, TreeTexts.title(i.getValue()));
            }
            return path;
        });
    }

    private TreeCell<?> selectedCell() {
        return cellOf(tree().getSelectionModel().getSelectedItem());
    }

    // ---- search ----

    private void search(String query) throws Exception {
        robot.clickOn("#searchField").write(query).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#searchSummary")
                .tryQuery().map(Node::isVisible).orElse(false)) && !text("#searchSummary").isEmpty());
    }

    // ---- plumbing ----

    private static long sqlCount(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String text(String query) throws Exception {
        return fx(() -> {
            Node node = robot.lookup(query).query();
            return node instanceof TextInputControl field ? field.getText() : ((Labeled) node).getText();
        });
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
