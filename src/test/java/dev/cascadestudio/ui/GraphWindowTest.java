package dev.cascadestudio.ui;

import static dev.cascadestudio.ui.AppDriver.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.testsupport.TreeFixtures;
import dev.cascadestudio.ui.graph.CascadeGraphView;
import dev.cascadestudio.ui.graph.GraphStyleClasses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The cascade graph window of the real application: closed from the keyboard, opened beside the
 * main window, back where the administrator left it (also after a restart), and its tables' names
 * whole with the selection's plan lit up. Headless through Monocle, on a 1920×1080 screen
 * ({@code headless.geometry} in the POM); {@code -Dheadless=false} shows it.
 */
class GraphWindowTest {

    private static final String SUPPORT = "customer-support-assistant";

    @TempDir
    Path dir;

    private Path home;
    private String url;
    private AppDriver app;

    @BeforeEach
    void database() {
        url = TreeFixtures.windowDatabase(dir.resolve("fixture"));
        home = dir.resolve("home");
        app = new AppDriver(home);
    }

    @AfterEach
    void closeApplication() throws Exception {
        app.closeEverything();
    }

    @Test
    void escapeCtrlWAndCtrlGCloseTheGraphWindowThatHasTheFocus() throws Exception {
        launchWithAlicesProjectsOpen();

        for (KeyCode[] keys : List.of(new KeyCode[] {KeyCode.ESCAPE}, new KeyCode[] {KeyCode.CONTROL, KeyCode.W},
                new KeyCode[] {KeyCode.CONTROL, KeyCode.G})) {
            Stage graph = openGraph();
            app.robot.press(keys).release(keys);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(fx(graph::isShowing)).as("the graph window after %s", List.of(keys)).isFalse();
            assertThat(fx(() -> app.stage().isShowing())).as("the main window after %s", List.of(keys)).isTrue();
        }
    }

    @Test
    void opensBesideTheMainWindowToItsRightOrElseToItsLeft() throws Exception {
        launchWithAlicesProjectsOpen();
        Rectangle2D screen = fx(() -> Screen.getPrimary().getVisualBounds());
        assertThat(screen.getWidth()).as("a screen with room beside a 900 px window").isGreaterThanOrEqualTo(1800);
        Stage main = app.stage();

        setBounds(main, new Rectangle2D(screen.getMinX(), screen.getMinY() + 50, 900, 640));
        Stage graph = openGraph();
        Rectangle2D right = bounds(graph);
        assertThat(right.intersects(bounds(main))).as("%s overlaps the main window %s", right, bounds(main)).isFalse();
        assertThat(right.getMinX()).as("to the right of the main window").isGreaterThanOrEqualTo(bounds(main).getMaxX());
        assertThat(contains(screen, right)).as("%s on the screen", right).isTrue();
        closeWithEscape(graph);

        setBounds(main, new Rectangle2D(screen.getMaxX() - 900, screen.getMinY() + 50, 900, 640));
        graph = openGraph();
        Rectangle2D left = bounds(graph);
        assertThat(left.intersects(bounds(main))).as("%s overlaps the main window %s", left, bounds(main)).isFalse();
        assertThat(left.getMaxX()).as("to the left of the main window").isLessThanOrEqualTo(bounds(main).getMinX());
        assertThat(contains(screen, left)).as("%s on the screen", left).isTrue();
    }

    @Test
    void aMovedGraphWindowReopensWhereItWasLeftAlsoAfterARestart() throws Exception {
        launchWithAlicesProjectsOpen();
        Rectangle2D moved = new Rectangle2D(640, 130, 820, 610);
        Stage graph = openGraph();
        setBounds(graph, moved); // the administrator drags and resizes it
        closeWithEscape(graph);

        graph = openGraph();
        assertThat(bounds(graph)).as("reopened in the same run").isEqualTo(moved);
        closeWithEscape(graph);

        app.close();
        Stage main = app.stage();
        fx(() -> {
            main.hide();
            return null;
        });
        app.launch(); // the same data directory, the last database
        app.waitForUsers();
        app.expand("alice");
        app.expand("Projects");
        graph = openGraph();
        assertThat(bounds(graph)).as("reopened after a restart").isEqualTo(moved);
        assertThat(Files.readString(home.resolve("window.properties"))).contains("graph.x=640");
    }

    @Test
    void aRememberedPositionOffEveryScreenIsNotUsed() throws Exception {
        Files.createDirectories(home);
        Files.writeString(home.resolve("window.properties"),
                "graph.x=5000\ngraph.y=4000\ngraph.width=800\ngraph.height=600\n");
        launchWithAlicesProjectsOpen();

        Stage graph = openGraph();

        Rectangle2D screen = fx(() -> Screen.getPrimary().getVisualBounds());
        assertThat(contains(screen, bounds(graph))).as("%s on the screen", bounds(graph)).isTrue();
    }

    @Test
    void withTheSelectedProjectsPlanLitUpEveryTableShowsItsWholeName() throws Exception {
        launchWithAlicesProjectsOpen();
        Stage graph = openGraph();
        CascadeGraphView view = fx(() -> (CascadeGraphView) graph.getScene().getRoot());
        app.waitFor(() -> fx(() -> view.viewModel().highlightProperty().get() != null
                && view.lookup("." + GraphStyleClasses.GRAPH_CANVAS).isVisible()));
        WaitForAsyncUtils.waitForFxEvents();

        List<String> names = fx(() -> view.lookupAll("." + GraphStyleClasses.TABLE_NAME).stream()
                .map(label -> ((Text) label.lookup(".text")).getText()).toList());

        assertThat(names).as("the names as drawn, not cut to an ellipsis").containsExactlyInAnyOrder(
                "user", "project", "data_source", "dataset", "model", "prompt", "document",
                "workflow", "session", "deployment", "schedule", "run");
    }

    @Test
    void rowsReachedDrawsTheLitUpPlansRowsAndAClickShowsOne() throws Exception {
        launchWithAlicesProjectsOpen();
        Stage graph = openGraph();
        CascadeGraphView view = fx(() -> (CascadeGraphView) graph.getScene().getRoot());
        app.waitFor(() -> fx(() -> view.viewModel().highlightProperty().get() != null
                && !view.lookup("#rowsToggle").isDisabled()));

        app.robot.clickOn(fx(() -> view.lookup("#rowsToggle")));
        app.waitFor(() -> fx(() -> view.rowsView() != null && view.rowsView().isVisible()
                && !view.rowsView().viewModel().busyProperty().get() && !view.rowsView().viewModel().items().isEmpty()
                && view.rowsView().lookupAll("." + GraphStyleClasses.TABLE_NODE).stream().allMatch(javafx.scene.Node::isVisible)));
        WaitForAsyncUtils.waitForFxEvents();

        javafx.scene.Node root = fx(() -> view.rowsView().lookupAll("." + GraphStyleClasses.ROW_NODE).stream()
                .filter(n -> n.getPseudoClassStates().toString().contains("cascade-root")).findFirst().orElseThrow());
        assertThat(fx(() -> ((javafx.scene.control.Label) root.lookup("." + GraphStyleClasses.TABLE_NAME)).getText()))
                .isEqualTo(SUPPORT);
        assertThat(fx(view::getBottom)).as("the tables' legend is put away").isNull();
        app.robot.clickOn(root);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> ((javafx.scene.control.Label) view.lookup("#rowPanelName")).getText())).isEqualTo(SUPPORT);
        assertThat(fx(() -> ((javafx.scene.control.Label) view.lookup("#rowPanelEffect")).getText()))
                .isEqualTo("Deleted — chosen for deletion");

        app.robot.clickOn(fx(() -> view.lookup("#rowsToggle")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> view.rowsView().isVisible())).as("the tables again").isFalse();
    }

    // ---- helpers ----

    private void launchWithAlicesProjectsOpen() throws Exception {
        app.launch("--db=" + url);
        app.waitForUsers();
        app.expand("alice");
        app.expand("Projects");
    }

    /** Selects the support project in the main window and presses Ctrl+G there; the graph window, once it has the focus. */
    private Stage openGraph() throws Exception {
        app.robot.clickOn(app.cell(SUPPORT));
        app.robot.press(KeyCode.CONTROL).type(KeyCode.G).release(KeyCode.CONTROL);
        Stage graph = (Stage) app.window("Cascade graph");
        app.waitFor(() -> fx(graph::isFocused));
        return graph;
    }

    private void closeWithEscape(Stage graph) throws Exception {
        app.robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(graph::isShowing)).as("closed by Escape").isFalse();
    }

    private static void setBounds(Stage stage, Rectangle2D bounds) throws Exception {
        fx(() -> {
            stage.setX(bounds.getMinX());
            stage.setY(bounds.getMinY());
            stage.setWidth(bounds.getWidth());
            stage.setHeight(bounds.getHeight());
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Rectangle2D bounds(Stage stage) throws Exception {
        return fx(() -> new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()));
    }

    private static boolean contains(Rectangle2D outer, Rectangle2D inner) {
        return inner.getMinX() >= outer.getMinX() && inner.getMinY() >= outer.getMinY()
                && inner.getMaxX() <= outer.getMaxX() && inner.getMaxY() <= outer.getMaxY();
    }
}
