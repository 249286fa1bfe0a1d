package dev.cascadestudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real application on a database of its own (a temporary {@code cascade.home}), checked the way
 * an administrator would look at it. Headless through Monocle; {@code -Dheadless=false} shows it.
 */
class MainWindowTest {

    private static final long LOAD_TIMEOUT_SECONDS = 60;

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
    void listsTheDemoUsersWithTheirProjectCounts() throws Exception {
        launchOnDemoDatabase();

        assertThat(visibleUsers()).containsExactly(
                Map.entry("alice", "2"), Map.entry("bob", "1"), Map.entry("carol", "1"),
                Map.entry("dmitri", "0"), Map.entry("erin", "0"), Map.entry("Unowned", "1"));
        assertThat(text("#userCountLabel")).isEqualTo("5");
    }

    @Test
    void showsAFriendlyEmptyStateUntilAUserIsSelected() throws Exception {
        launchOnDemoDatabase();

        assertThat(fx(() -> robot.lookup("#emptyState").query().isVisible())).isTrue();
        assertThat(fx(() -> robot.lookup("#detailsScroll").query().isVisible())).isFalse();
        assertThat(fx(() -> robot.lookup("#emptyState ." + StyleClasses.STATE_TITLE).queryAs(Label.class).getText()))
                .isEqualTo("No user selected");
    }

    @Test
    void selectingAUserShowsItsDetails() throws Exception {
        launchOnDemoDatabase();

        robot.clickOn(userCell("bob"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx(() -> robot.lookup("#emptyState").query().isVisible())).isFalse();
        assertThat(text("#detailsName")).isEqualTo("bob");
        assertThat(text("#detailsDescription")).isEqualTo("Bob Okafor — fraud analytics");
        assertThat(text("#detailsProjects")).isEqualTo("1 project");
        assertThat(text("#detailsCreated")).isEqualTo("2026-03-02 09:37");
        assertThat(text("#detailsUid")).matches("[0-9a-f]{32}");
    }

    @Test
    void selectingUnownedExplainsItIsNotAUser() throws Exception {
        launchOnDemoDatabase();

        robot.clickOn(userCell("Unowned"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text("#detailsKind")).isEqualTo("Projects without an owner");
        assertThat(text("#detailsProjects")).isEqualTo("1 project");
        assertThat(text("#detailsUid")).isEqualTo("—");
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
    void refreshReadsAgainAndKeepsTheSelection() throws Exception {
        launchOnDemoDatabase();
        robot.clickOn(userCell("carol"));

        robot.clickOn("#refreshButton");
        WaitForAsyncUtils.waitFor(LOAD_TIMEOUT_SECONDS, TimeUnit.SECONDS,
                () -> text("#statusLabel").startsWith("Refreshed at"));

        assertThat(text("#detailsName")).isEqualTo("carol");
        assertThat(visibleUsers()).hasSize(6);
    }

    @Test
    void aDatabaseThatIsNotAControllerDatabaseShowsWhyInTheWindow() throws Exception {
        Path emptyFile = home.resolve("not-a-controller");
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + emptyFile)) {
            assertThat(connection.isValid(5)).isTrue();
        }

        launch("--db=jdbc:h2:file:" + emptyFile);
        WaitForAsyncUtils.waitFor(LOAD_TIMEOUT_SECONDS, TimeUnit.SECONDS,
                () -> fx(() -> robot.lookup("#errorState").query().isVisible()));

        assertThat(text("#errorTitle")).isEqualTo("Cannot open the database");
        assertThat(text("#errorMessage"))
                .contains("holds no GenAI Factory controller tables")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(fx(() -> robot.lookup("#browser").query().isVisible())).isFalse();
        assertThat(fx(stage::getTitle)).isEqualTo("Cascade Studio");
        assertThat(fx(() -> robot.lookup("#refreshButton").query().isDisabled())).isTrue();
    }

    @Test
    void quitFromTheErrorStateClosesTheWindow() throws Exception {
        launch("--db=jdbc:h2:file:" + home.resolve("also-empty"));
        WaitForAsyncUtils.waitFor(LOAD_TIMEOUT_SECONDS, TimeUnit.SECONDS,
                () -> fx(() -> robot.lookup("#errorState").query().isVisible()));

        Node quit = fx(() -> robot.lookup((Button button) -> "Quit".equals(button.getText())).query());
        robot.clickOn(quit);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx(stage::isShowing)).isFalse();
    }

    private void launchOnDemoDatabase() throws Exception {
        launch();
        WaitForAsyncUtils.waitFor(LOAD_TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> visibleUsers().size() == 6);
    }

    private void launch(String... args) throws TimeoutException {
        System.setProperty("cascade.home", home.toString());
        app = (CascadeStudioApp) FxToolkit.setupApplication(CascadeStudioApp.class, args);
    }

    /** Name and badge of every list entry on screen, top to bottom. */
    private Map<String, String> visibleUsers() throws Exception {
        return fx(() -> {
            Map<String, String> users = new LinkedHashMap<>();
            robot.lookup("." + StyleClasses.USER_CELL).queryAllAs(ListCell.class).stream()
                    .filter(cell -> !cell.isEmpty() && cell.getGraphic() != null && cell.isVisible())
                    .sorted((a, b) -> Integer.compare(a.getIndex(), b.getIndex()))
                    .forEach(cell -> users.put(
                            ((Label) cell.lookup("." + StyleClasses.USER_CELL_NAME)).getText(),
                            ((Label) cell.lookup("." + StyleClasses.COUNT_BADGE)).getText()));
            return users;
        });
    }

    private Node userCell(String name) throws Exception {
        return fx(() -> robot.lookup("." + StyleClasses.USER_CELL_NAME)
                .match((Label label) -> name.equals(label.getText())).query());
    }

    private String text(String query) throws Exception {
        return fx(() -> {
            Node node = robot.lookup(query).query();
            return node instanceof TextInputControl field ? field.getText() : ((Labeled) node).getText();
        });
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(LOAD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
