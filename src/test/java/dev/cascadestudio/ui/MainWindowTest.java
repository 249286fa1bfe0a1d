package dev.cascadestudio.ui;

import static dev.cascadestudio.ui.AppDriver.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.testsupport.TreeFixtures;
import dev.cascadestudio.ui.tree.TreeEntry;
import dev.cascadestudio.ui.tree.TreeTexts;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real application on a database of its own, checked the way an administrator would use it:
 * clicking down the tree, paging, searching, refreshing. Headless through Monocle;
 * {@code -Dheadless=false} shows it.
 */
class MainWindowTest {

    @TempDir
    Path home;

    private AppDriver app;

    @BeforeEach
    void registerStage() throws TimeoutException {
        app = new AppDriver(home);
        app.stage();
    }

    @AfterEach
    void closeApplication() throws TimeoutException {
        app.closeEverything();
    }

    @Test
    void theTreeStartsWithTheUsersTheirProjectCountsAndUnowned() throws Exception {
        launchOnDemoDatabase();

        assertThat(app.visibleRows()).containsExactly(
                Map.entry("alice", "2"), Map.entry("bob", "1"), Map.entry("carol", "1"),
                Map.entry("dmitri", "0"), Map.entry("erin", "0"), Map.entry("Unowned", "3"));
        assertThat(app.text("#userCountLabel")).isEqualTo("5");
        assertThat(fx(() -> app.robot.lookup("#emptyState").query().isVisible())).isTrue();
        assertThat(fx(() -> app.stage().getScene().getFocusOwner().getId()))
                .as("the keyboard is in the tree, not in the search field (which takes Ctrl+H as a backspace)").isEqualTo("tree");
        // the icon follows the main view's first frame (decoded beside it): every size drawn for it, 16 to 256 pixels
        app.waitFor(() -> fx(() -> app.stage().getIcons().size()) == 7);
        assertThat(fx(() -> app.stage().getIcons().stream().map(i -> (int) i.getWidth()).toList()))
                .containsExactly(16, 24, 32, 48, 64, 128, 256);
    }

    @Test
    void statusBarAndTitleNameTheDatabase() throws Exception {
        launchOnDemoDatabase();

        String described = "H2 · " + home.toAbsolutePath().resolve("cascade-studio");
        assertThat(app.text("#databaseLabel")).isEqualTo(described);
        assertThat(fx(app.stage()::getTitle)).isEqualTo("Cascade Studio — Editing — " + described);
        assertThat(app.text("#contentSummaryLabel")).isEqualTo("5 users · 71 rows");
        assertThat(app.text("#statusLabel")).isEqualTo("New database created with demo data");
        assertThat(fx(() -> app.robot.lookup("#busyIndicator").query().isVisible())).isFalse();
    }

    @Test
    void expandingNodesShowsTheirGroupsWithTheCountsInTheDatabase() throws Exception {
        String url = launchOnFixture();

        app.expand("alice");
        assertThat(childTitles("alice")).containsExactly("Projects", "Sessions");
        app.expand("Projects");
        app.expand("customer-support-assistant");

        Map<String, String> groups = new LinkedHashMap<>();
        for (String title : childTitles("customer-support-assistant")) {
            groups.put(title, app.visibleRows().get(title));
        }
        String support = "(SELECT \"uid\" FROM \"project\" WHERE \"name\" = 'customer-support-assistant')";
        Map<String, String> inDatabase = new LinkedHashMap<>();
        for (String[] kind : new String[][] {{"Data sources", "data_source"}, {"Datasets", "dataset"}, {"Models", "model"},
                {"Prompts", "prompt"}, {"Documents", "document"}, {"Workflows", "workflow"}, {"Deployments", "deployment"}}) {
            inDatabase.put(kind[0], String.valueOf(sqlCount(url, "SELECT COUNT(*) FROM \"" + kind[1]
                    + "\" WHERE \"project_id\" = " + support)));
        }
        assertThat(groups).containsExactlyEntriesOf(inDatabase);

        app.expand("Workflows");
        app.expand("kb-ingestion");
        assertThat(childTitles("kb-ingestion")).containsExactly("Schedules", "Runs", "Sessions", "Deployments");
        assertThat(app.visibleRows().get("Schedules")).isEqualTo("1");
    }

    @Test
    void aProjectShowsHowManyRowsItHoldsAndItsEmptyGroupsHaveNoArrow() throws Exception {
        String url = launchOnFixture();
        app.expand("erin");
        app.expand("Projects");
        // the fixture gave erin's document archive 1,200 documents and nothing else
        assertThat(app.visibleRows()).containsEntry(TreeFixtures.DOCUMENTS_PROJECT, "1,200");
        app.expand(TreeFixtures.DOCUMENTS_PROJECT);
        assertThat(app.visibleRows()).containsEntry("Deployments", "0");
        TreeItem<TreeEntry> deployments = childOf(TreeFixtures.DOCUMENTS_PROJECT, "Deployments");
        TreeItem<TreeEntry> documents = childOf(TreeFixtures.DOCUMENTS_PROJECT, "Documents");
        assertThat(fx(() -> arrowShown(deployments))).as("an empty group shows no expand arrow").isFalse();
        assertThat(fx(() -> arrowShown(documents))).isTrue();

        app.expand("alice");
        app.expand("Projects"); // alice's: she comes first
        String support = "(SELECT \"uid\" FROM \"project\" WHERE \"name\" = 'customer-support-assistant')";
        long rowsUnderSupport = 0;
        for (String table : List.of("data_source", "dataset", "model", "prompt", "document", "workflow", "deployment")) {
            rowsUnderSupport += sqlCount(url, "SELECT COUNT(*) FROM \"" + table + "\" WHERE \"project_id\" = " + support);
        }
        assertThat(rowsUnderSupport).isPositive();
        assertThat(app.visibleRows()).containsEntry("customer-support-assistant", String.valueOf(rowsUnderSupport));
    }

    @Test
    void anEmptyGroupThatGetsARowGetsItsArrowOnRefresh() throws Exception {
        String url = launchOnFixture("--write"); // the test writes beside the window, into the same H2 database
        app.expand("erin");
        app.expand("Projects");
        app.expand(TreeFixtures.DOCUMENTS_PROJECT);
        TreeItem<TreeEntry> prompts = childOf(TreeFixtures.DOCUMENTS_PROJECT, "Prompts");
        assertThat(fx(() -> arrowShown(prompts))).isFalse();
        try (Connection c = DriverManager.getConnection(url); PreparedStatement ps = c.prepareStatement(
                "UPDATE \"prompt\" SET \"project_id\" = (SELECT \"uid\" FROM \"project\" WHERE \"name\" = ?) WHERE \"name\" = ?")) {
            ps.setString(1, TreeFixtures.DOCUMENTS_PROJECT);
            ps.setString(2, "tone-check-prompt");
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }

        app.robot.clickOn(app.cell("erin")).type(KeyCode.F5);
        app.waitFor(() -> app.text("#statusLabel").startsWith("Refreshed at"));

        assertThat(app.visibleRows()).containsEntry(TreeFixtures.DOCUMENTS_PROJECT, "1,201").containsEntry("Prompts", "1");
        assertThat(fx(() -> arrowShown(prompts))).isTrue();
        app.expand("Prompts");
        assertThat(childTitles("Prompts")).containsExactly("tone-check-prompt");
    }

    @Test
    void aGroupOfTwelveHundredRowsShowsFiveHundredAtATime() throws Exception {
        String url = launchOnFixture();
        app.expand("erin");
        app.expand("Projects");
        app.expand(TreeFixtures.DOCUMENTS_PROJECT);
        app.expand("Documents");

        String documents = "SELECT COUNT(*) FROM \"document\" WHERE \"project_id\" = "
                + "(SELECT \"uid\" FROM \"project\" WHERE \"name\" = '" + TreeFixtures.DOCUMENTS_PROJECT + "')";
        assertThat(app.visibleRows().get("Documents")).isEqualTo(String.format("%,d", sqlCount(url, documents)));
        assertThat(childTitles("Documents")).hasSize(501).endsWith("Show 500 more");

        clickShowMore();
        app.waitFor(() -> childTitles("Documents").size() == 1_001);
        assertThat(childTitles("Documents")).startsWith("doc-00001").endsWith("doc-01000", "Show 200 more");

        clickShowMore();
        app.waitFor(() -> childTitles("Documents").size() == 1_200);
        assertThat(childTitles("Documents")).endsWith("doc-01199", "doc-01200");
    }

    @Test
    void downAfterShowMoreGoesToTheNextRowOfTheNewPageWithoutScrollingToTheTop() throws Exception {
        launchOnFixture();
        app.expand("erin");
        app.expand("Projects");
        app.expand(TreeFixtures.DOCUMENTS_PROJECT);
        app.expand("Documents");

        clickShowMore();
        app.waitFor(() -> childTitles("Documents").size() == 1_001);
        // the fixture names its documents doc-00001 …; the second page starts at the 501st
        app.waitFor(() -> TreeFixtures.documentName(501).equals(app.selectedTitle()));

        app.robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(app.selectedTitles()).containsExactly(TreeFixtures.documentName(502));
        assertThat(fx(this::firstVisibleRow)).as("the tree stays where the new page is").isGreaterThan(0);
        assertThat(fx(() -> selectedCell().isVisible())).as("the selected row is on screen").isTrue();
    }

    @Test
    void searchingALabelRevealsAndSelectsARunUnderAWorkflowsSchedule() throws Exception {
        launchOnFixture();

        search("ticket=OPS-1234");
        assertThat(app.text("#searchSummary")).isEqualTo("1 match");
        app.robot.type(KeyCode.DOWN).type(KeyCode.ENTER);

        app.waitFor(() -> "kb-ingestion-run-3".equals(app.selectedTitle()));
        assertThat(app.selectedPath()).containsExactly("alice", "Projects", "customer-support-assistant", "Workflows",
                "kb-ingestion", "Schedules", "kb-ingestion-nightly", "Runs", "kb-ingestion-run-3");
        app.waitFor(() -> "kb-ingestion-run-3".equals(app.text("#detailsName")));
        assertThat(app.text("#detailsKind")).isEqualTo("RUN");
        assertThat(fx(() -> selectedCell().isVisible())).as("the revealed row is scrolled into view").isTrue();
        assertThat(fx(() -> app.item("kb-ingestion-nightly").getChildren().get(0).getChildren().stream()
                .map(run -> app.cellOf(run).getGraphic().localToScene(0, 0).getX()).distinct().count()))
                .as("the runs sit in one column, however their cells were reused").isEqualTo(1);
    }

    @Test
    void searchingAPartOfANameRevealsARowBeyondTheFirstPage() throws Exception {
        launchOnFixture();

        search("DOC-0104");
        assertThat(app.text("#searchSummary")).isEqualTo("10 matches");
        for (int i = 0; i < 3; i++) {
            app.robot.type(KeyCode.DOWN);
        }
        app.robot.type(KeyCode.ENTER);

        app.waitFor(() -> "doc-01042".equals(app.selectedTitle()));
        assertThat(app.selectedPath()).containsExactly("erin", "Projects", TreeFixtures.DOCUMENTS_PROJECT, "Documents", "doc-01042");
        assertThat(childTitles("Documents")).hasSize(1_200);
    }

    @Test
    void refreshKeepsWhatIsExpandedAndSelected() throws Exception {
        launchOnFixture();
        app.expand("bob");
        app.expand("Projects");
        app.expand("fraud-detection");
        app.expand("Workflows");
        app.robot.clickOn(app.cell("weekly-retrain"));
        app.waitFor(() -> "weekly-retrain".equals(app.text("#detailsName")));
        List<String> before = fx(this::expandedTitles);

        app.robot.type(KeyCode.F5);
        app.waitFor(() -> app.text("#statusLabel").startsWith("Refreshed at"));

        assertThat(fx(this::expandedTitles)).isEqualTo(before).contains("bob", "fraud-detection", "Workflows");
        assertThat(app.selectedPath()).containsExactly("bob", "Projects", "fraud-detection", "Workflows", "weekly-retrain");
        assertThat(app.text("#detailsName")).isEqualTo("weekly-retrain");
        assertThat(childTitles("Workflows")).containsExactly("transaction-scoring", "weekly-retrain");
    }

    @Test
    void ctrlFPutsTheCursorInTheSearchField() throws Exception {
        launchOnDemoDatabase();
        app.robot.clickOn(app.cell("bob"));

        app.robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);

        assertThat(fx(() -> app.robot.lookup("#searchField").query().isFocused())).isTrue();
    }

    @Test
    void selectingAUserShowsItsColumnsAndLabels() throws Exception {
        launchOnDemoDatabase();

        app.robot.clickOn(app.cell("bob"));
        app.waitFor(() -> "bob".equals(app.text("#detailsName")));

        assertThat(fx(() -> app.robot.lookup("#emptyState").query().isVisible())).isFalse();
        assertThat(app.text("#detailsKind")).isEqualTo("USER");
        assertThat(app.text("#detailsDescription")).isEqualTo("Bob Okafor — fraud analytics");
        assertThat(app.text("#field-uid")).matches("[0-9a-f]{32}");
        assertThat(app.text("#field-created")).isEqualTo("2026-03-02 09:37:00");
        assertThat(fx(() -> app.robot.lookup("#labelsTable").queryAs(TableView.class).getItems().size())).isEqualTo(1);
        assertThat(fx(() -> app.robot.lookup("#specArea").queryAs(TextInputControl.class).getText()))
                .isEqualTo("{\n  \"email\" : \"bob@example.com\"\n}");
    }

    @Test
    void aDatabaseThatIsNotAControllerDatabaseShowsWhyInTheWindow() throws Exception {
        Path emptyFile = home.resolve("not-a-controller");
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + emptyFile)) {
            assertThat(connection.isValid(5)).isTrue();
        }

        app.launch("--db=jdbc:h2:file:" + emptyFile);
        app.waitFor(() -> fx(() -> app.robot.lookup("#errorState").query().isVisible()));

        assertThat(app.text("#errorTitle")).isEqualTo("Cannot open the database");
        assertThat(app.text("#errorMessage"))
                .contains("holds no GenAI Factory controller tables")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(fx(() -> app.robot.lookup("#browser").query().isVisible())).isFalse();
        assertThat(fx(app.stage()::getTitle)).isEqualTo("Cascade Studio");
        assertThat(fx(() -> app.robot.lookup("#refreshButton").query().isDisabled())).isTrue();
        assertThat(fx(() -> app.robot.lookup("#searchField").query().isDisabled())).isTrue();
    }

    @Test
    void quitFromTheErrorStateClosesTheWindow() throws Exception {
        app.launch("--db=jdbc:h2:file:" + home.resolve("also-empty"));
        app.waitFor(() -> fx(() -> app.robot.lookup("#errorState").query().isVisible()));

        Node quit = fx(() -> app.robot.lookup((Button button) -> "Quit".equals(button.getText())).query());
        app.robot.clickOn(quit);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx(app.stage()::isShowing)).isFalse();
    }

    // ---- launching ----

    private void launchOnDemoDatabase() throws Exception {
        app.launch();
        app.waitForUsers();
    }

    /** The demo data plus a project of 1,200 documents and a labelled scheduled run; returns its URL. */
    private String launchOnFixture(String... more) throws Exception {
        String url = TreeFixtures.windowDatabase(home.resolve("fixture"));
        String[] args = new String[more.length + 1];
        args[0] = "--db=" + url;
        System.arraycopy(more, 0, args, 1, more.length);
        app.launch(args);
        app.waitForUsers();
        return url;
    }

    // ---- the tree as a user sees it ----

    private void clickShowMore() throws Exception {
        TreeItem<TreeEntry> documents = app.item("Documents");
        TreeItem<TreeEntry> more = fx(() -> documents.getChildren().get(documents.getChildren().size() - 1));
        fx(() -> {
            app.tree().scrollTo(app.tree().getRow(more));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        app.robot.clickOn(fx(() -> app.cellOf(more)));
    }

    private List<String> childTitles(String title) throws Exception {
        TreeItem<TreeEntry> item = app.item(title);
        return fx(() -> item.getChildren().stream().map(c -> TreeTexts.title(c.getValue())).toList());
    }

    private List<String> expandedTitles() {
        List<String> titles = new ArrayList<>();
        for (int row = 0; row < app.tree().getExpandedItemCount(); row++) {
            TreeItem<TreeEntry> item = app.tree().getTreeItem(row);
            if (item.isExpanded()) {
                titles.add(TreeTexts.title(item.getValue()));
            }
        }
        return titles;
    }

    /** The child titled {@code title} of the (first) node titled {@code parent}. */
    private TreeItem<TreeEntry> childOf(String parent, String title) throws Exception {
        TreeItem<TreeEntry> item = app.item(parent);
        return fx(() -> item.getChildren().stream().filter(c -> TreeTexts.title(c.getValue()).equals(title))
                .findFirst().orElseThrow());
    }

    /** Whether the cell of this item shows the arrow that expands it. */
    private boolean arrowShown(TreeItem<TreeEntry> item) {
        Node arrow = app.cellOf(item).lookup(".tree-disclosure-node");
        return arrow != null && arrow.isVisible() && arrow.getParent() != null;
    }

    /** The index of the topmost row the tree shows. */
    private int firstVisibleRow() {
        VirtualFlow<?> flow = (VirtualFlow<?>) app.tree().lookup(".virtual-flow");
        return flow.getFirstVisibleCell().getIndex();
    }

    private TreeCell<?> selectedCell() {
        return app.cellOf(app.tree().getSelectionModel().getSelectedItem());
    }

    // ---- search ----

    private void search(String query) throws Exception {
        app.robot.clickOn("#searchField").write(query).type(KeyCode.ENTER);
        app.waitFor(() -> app.visible("#searchSummary") && !app.text("#searchSummary").isEmpty());
    }

    // ---- plumbing ----

    private static long sqlCount(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
