package dev.cascadestudio.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import atlantafx.base.theme.PrimerLight;
import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.domain.ForeignKeyRule;
import dev.cascadestudio.ui.task.UiTaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The cascade graph view in a 1200×800 window on the demo database, read the way an administrator
 * reads it: the nodes' names and counts, the edges' kinds, what a preview lights up. Headless
 * through Monocle; {@code -Dheadless=false} shows it.
 */
class CascadeGraphViewTest {

    private static final long TIMEOUT_SECONDS = 30;

    @TempDir static Path dir;
    static DemoCascade demo;

    private final FxRobot robot = new FxRobot();
    private CascadeGraphView view;

    @BeforeAll
    static void open() {
        demo = new DemoCascade(dir);
    }

    @AfterAll
    static void close() {
        demo.close();
    }

    @BeforeEach
    void showTheDemoGraph() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        FxToolkit.setupStage(stage -> {
            view = new CascadeGraphView();
            stage.setScene(new Scene(view, 1200, 800));
            stage.show();
            view.setGraph(demo.graph);
            view.setRowCounts(demo.rowCounts);
        });
        settle();
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void showsOneNodePerTableWithItsRowCount() throws Exception {
        assertThat(fx(() -> nodeTexts(TableNodeView::rowCountText))).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("user", "5 rows"), Map.entry("project", "5 rows"), Map.entry("data_source", "4 rows"),
                Map.entry("dataset", "5 rows"), Map.entry("model", "3 rows"), Map.entry("prompt", "6 rows"),
                Map.entry("document", "6 rows"), Map.entry("workflow", "8 rows"), Map.entry("session", "6 rows"),
                Map.entry("deployment", "4 rows"), Map.entry("schedule", "4 rows"), Map.entry("run", "15 rows")));
        assertThat(fx(() -> nodeTexts(TableNodeView::labelChipText)))
                .as("label rows as a chip on their table").containsEntry("project", "7").containsEntry("prompt", "1");
    }

    @Test
    void drawsEveryRuleColouredByActionAndLevelOnceOwnerEdgesAreOn() throws Exception {
        assertThat(fx(() -> edges().stream().filter(e -> e.rule().isOwnerRule()).count())).isEqualTo(1);

        robot.clickOn("Owner edges");
        settle();

        List<EdgeView> edges = fx(this::edges);
        assertThat(edges).extracting(EdgeView::rule)
                .containsExactlyInAnyOrderElementsOf(demo.graph.edges().stream().filter(e -> !e.isLabelRule()).toList());
        for (EdgeView edge : edges) {
            ForeignKeyRule rule = edge.rule();
            assertThat(edge.getStyleClass()).as(rule.toString())
                    .contains(rule.action() == ForeignKeyRule.Action.DELETE ? GraphStyleClasses.EDGE_DELETE : GraphStyleClasses.EDGE_SET_NULL)
                    .contains(rule.level() == ForeignKeyRule.Level.ORM ? GraphStyleClasses.EDGE_ORM : GraphStyleClasses.EDGE_DB)
                    .doesNotContain(rule.action() == ForeignKeyRule.Action.DELETE ? GraphStyleClasses.EDGE_SET_NULL : GraphStyleClasses.EDGE_DELETE);
            assertThat(edge.getStyleClass().contains(GraphStyleClasses.EDGE_OWNER)).isEqualTo(rule.isOwnerRule());
            assertThat(fx(edge::columnText)).isEqualTo(rule.column());
        }
    }

    @Test
    void labelTablesToggleAddsTheLabelTablesAsNodes() throws Exception {
        robot.clickOn("Label tables");
        settle();

        Map<String, String> counts = fx(() -> nodeTexts(TableNodeView::rowCountText));
        assertThat(counts).hasSize(24).containsEntry("project_labels", "7 rows").containsEntry("dataset_labels", "1 row");
        assertThat(fx(() -> nodes().stream().filter(n -> n.getStyleClass().contains(GraphStyleClasses.LABEL_TABLE)).count()))
                .isEqualTo(12);
    }

    @Test
    void previewMarksExactlyThePlansTablesWithItsCounts() throws Exception {
        DeletePlan plan = demo.supportPlan;
        fx(() -> view.highlight(plan));
        settle();

        for (TableNodeView node : fx(this::nodes)) {
            String table = node.table();
            long deleted = plan.deleted().stream().filter(e -> e.table().equals(table)).mapToLong(DeletePlan.Effect::count).sum();
            long nulled = plan.nulled().stream().filter(e -> e.table().equals(table)).mapToLong(DeletePlan.Effect::count).sum();
            assertThat(has(node, GraphStyleClasses.WILL_DELETE)).as(table + " will delete").isEqualTo(deleted > 0);
            assertThat(has(node, GraphStyleClasses.SET_NULL)).as(table + " set null").isEqualTo(nulled > 0);
            assertThat(has(node, GraphStyleClasses.CASCADE_ROOT)).as(table + " root").isEqualTo(table.equals("project"));
            assertThat(fx(node::deleteBadgeText)).as(table).isEqualTo(deleted > 0 ? "−" + deleted : "");
            assertThat(fx(node::nullBadgeText)).as(table).isEqualTo(nulled > 0 ? "∅ " + nulled : "");
            assertThat(has(node, GraphStyleClasses.DIMMED)).as(table + " dimmed").isEqualTo(table.equals("user"));
        }
        assertThat(fx(() -> nodeTexts(TableNodeView::deleteBadgeText))).containsEntry("workflow", "−3").containsEntry("run", "");
        assertThat(fx(() -> nodeTexts(TableNodeView::nullBadgeText))).containsEntry("run", "∅ 14").containsEntry("deployment", "∅ 1");
        assertThat(fx(() -> nodeTexts(TableNodeView::labelChipText))).as("label rows deleted with the project")
                .containsEntry("project", "−2");
    }

    @Test
    void withAPreviewLitUpEveryNodeShowsItsWholeNameAndBadges() throws Exception {
        fx(() -> view.highlight(demo.supportPlan));
        settle();

        assertThat(fx(() -> nodes().stream().map(n -> shown(n.lookup("." + GraphStyleClasses.TABLE_NAME))).toList()))
                .as("the names as drawn, not cut to an ellipsis")
                .containsExactlyInAnyOrder("user", "project", "data_source", "dataset", "model", "prompt", "document",
                        "workflow", "session", "deployment", "schedule", "run");
        assertEveryTextInEveryNodeIsWhole();

        robot.clickOn("Label tables");
        settle();
        assertThat(fx(() -> nodes().stream().map(n -> shown(n.lookup("." + GraphStyleClasses.TABLE_NAME))).toList()))
                .hasSize(24).contains("project_labels", "data_source_labels", "deployment_labels", "workflow_labels");
        assertEveryTextInEveryNodeIsWhole();
    }

    @Test
    void previewLightsUpExactlyTheEdgesThePlanTravels() throws Exception {
        DeletePlan plan = demo.supportPlan;
        fx(() -> view.highlight(plan));
        settle();

        for (EdgeView edge : fx(this::edges)) {
            boolean reaches = CascadeGraphViewModelTest.reaches(plan, edge.rule());
            assertThat(has(edge, GraphStyleClasses.ON_PATH)).as(edge.rule().toString()).isEqualTo(reaches);
            assertThat(has(edge, GraphStyleClasses.DIMMED)).as(edge.rule().toString()).isEqualTo(!reaches);
        }
        Map<String, String> counts = fx(() -> edges().stream().collect(Collectors.toMap(
                e -> e.rule().parentTable() + " → " + e.rule().childTable() + "." + e.rule().column(), EdgeView::countText)));
        assertThat(counts).containsEntry("workflow → run.workflow_id", "∅ 8").containsEntry("schedule → run.schedule_id", "∅ 6")
                .containsEntry("project → workflow.project_id", "−3").containsEntry("workflow → deployment.workflow_id", "");
        assertThat(fx(() -> robot.lookup("." + GraphStyleClasses.GRAPH_SUMMARY).queryAs(Label.class).getText()))
                .isEqualTo("Preview: Delete 31 rows, set 18 values in 12 rows to NULL");
    }

    @Test
    void clearingThePreviewRestoresTheDiagram() throws Exception {
        fx(() -> view.highlight(demo.supportPlan));
        settle();
        fx(() -> view.clearHighlight());
        settle();

        for (TableNodeView node : fx(this::nodes)) {
            assertThat(fx(() -> node.getPseudoClassStates())).as(node.table()).isEmpty();
            assertThat(fx(node::deleteBadgeText) + fx(node::nullBadgeText)).isEmpty();
        }
        for (EdgeView edge : fx(this::edges)) {
            assertThat(fx(() -> edge.getPseudoClassStates())).as(edge.rule().toString()).isEmpty();
            assertThat(fx(edge::countText)).isEmpty();
        }
        assertThat(fx(() -> nodeTexts(TableNodeView::labelChipText))).containsEntry("project", "7");
    }

    @Test
    void opensZoomedToFitWithNothingOverlapping() throws Exception {
        fx(() -> view.highlight(demo.supportPlan));
        settle();

        Bounds canvas = fx(() -> view.lookup("." + GraphStyleClasses.GRAPH_CANVAS).getParent().localToScene(
                view.lookup("." + GraphStyleClasses.GRAPH_CANVAS).getParent().getLayoutBounds()));
        List<Bounds> boxes = fx(() -> {
            List<Bounds> all = new ArrayList<>();
            nodes().forEach(n -> all.add(n.localToScene(n.getLayoutBounds())));
            edges().forEach(e -> all.add(e.labelBox().localToScene(e.labelBox().getLayoutBounds())));
            return all;
        });
        for (int i = 0; i < boxes.size(); i++) {
            assertThat(contains(canvas, boxes.get(i))).as("box %d inside the viewport", i).isTrue();
            for (int j = i + 1; j < boxes.size(); j++) {
                assertThat(boxes.get(i).intersects(boxes.get(j))).as("boxes %d and %d overlap", i, j).isFalse();
            }
        }
        assertThat(fx(view::zoomFactor)).as("legible at 1200×800").isGreaterThan(0.75);
    }

    @Test
    void theWheelZoomsAndFitShowsTheWholeGraphAgain() throws Exception {
        double fitted = fx(view::zoomFactor);
        Node workflow = fx(() -> nodes().stream().filter(n -> n.table().equals("workflow")).findFirst().orElseThrow());

        robot.moveTo(workflow).scroll(5, VerticalDirection.UP);
        settle();
        double zoomed = fx(view::zoomFactor);
        assertThat(zoomed).isNotCloseTo(fitted, within(0.01));

        robot.clickOn("Fit");
        settle();
        assertThat(fx(view::zoomFactor)).isCloseTo(fitted, within(0.001));
    }

    @Test
    void aLayoutComputedInTheBackgroundShowsTheDrawingWhenItIsDone() throws Exception {
        UiTaskExecutor executor = new UiTaskExecutor("graph-layout-test", 1);
        try {
            FxToolkit.setupStage(stage -> {
                view = new CascadeGraphView(new CascadeGraphViewModel(), executor);
                stage.setScene(new Scene(view, 1200, 800));
                stage.show();
                view.setGraph(demo.graph);
                view.setRowCounts(demo.rowCounts);
                view.highlight(demo.supportPlan);
            });
            Node drawing = fx(() -> view.lookup("." + GraphStyleClasses.GRAPH_CANVAS));

            WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> fx(drawing::isVisible));

            assertThat(fx(() -> nodes().stream().filter(n -> n.getLayoutY() > 0).count()))
                    .as("placed below the top row").isGreaterThan(0);
            assertThat(fx(() -> nodeTexts(TableNodeView::nullBadgeText))).containsEntry("run", "∅ 14");
        } finally {
            executor.shutdown();
        }
    }

    /** What a label draws: its text, or the part of it that fits followed by an ellipsis. */
    private static String shown(Node label) {
        return ((Text) label.lookup(".text")).getText();
    }

    private void assertEveryTextInEveryNodeIsWhole() throws Exception {
        for (TableNodeView node : fx(this::nodes)) {
            List<Labeled> labels = fx(() -> node.lookupAll(".label").stream()
                    .map(Labeled.class::cast).filter(Node::isVisible).toList());
            for (Labeled label : labels) {
                assertThat(fx(() -> shown(label))).as(node.table() + " " + label.getStyleClass()).isEqualTo(fx(label::getText));
            }
        }
    }

    private static boolean contains(Bounds outer, Bounds inner) {
        return inner.getMinX() >= outer.getMinX() - 0.5 && inner.getMinY() >= outer.getMinY() - 0.5
                && inner.getMaxX() <= outer.getMaxX() + 0.5 && inner.getMaxY() <= outer.getMaxY() + 0.5;
    }

    private static boolean has(Node node, javafx.css.PseudoClass state) throws Exception {
        return fx(() -> node.getPseudoClassStates().contains(state));
    }

    private List<TableNodeView> nodes() {
        return view.lookupAll("." + GraphStyleClasses.TABLE_NODE).stream().map(TableNodeView.class::cast).toList();
    }

    private List<EdgeView> edges() {
        return view.lookupAll("." + GraphStyleClasses.GRAPH_EDGE).stream().map(EdgeView.class::cast).toList();
    }

    private Map<String, String> nodeTexts(java.util.function.Function<TableNodeView, String> text) {
        Map<String, String> texts = new LinkedHashMap<>();
        nodes().forEach(n -> texts.put(n.table(), text.apply(n)));
        return texts;
    }

    /** Runs CSS and layout now, so what the next pulse would draw is what the test reads. */
    private void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            view.applyCss();
            view.layout();
            return null;
        });
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static void fx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
