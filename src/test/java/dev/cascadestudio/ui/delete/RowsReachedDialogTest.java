package dev.cascadestudio.ui.delete;

import static dev.cascadestudio.ui.delete.DeleteFixture.SUPPORT;
import static dev.cascadestudio.ui.delete.DialogDriver.fx;
import static dev.cascadestudio.ui.delete.DialogDriver.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.ReachedRows;
import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.domain.ForeignKeyRule;
import dev.cascadestudio.testsupport.TreeFixtures;
import dev.cascadestudio.ui.delete.DeletePreviewViewModel.Phase;
import dev.cascadestudio.ui.graph.GraphStyleClasses;
import dev.cascadestudio.ui.graph.ReachedRowsSource;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The delete preview's "Rows reached" tab, used as an administrator would: the support project's
 * rows drawn with the counts plain SQL finds and in the plan's colours, a row clicked and shown, and
 * a project of 2,000 documents folded into "+ 1,997 more documents" that unfolds on a click while the
 * window keeps answering.
 */
class RowsReachedDialogTest {

    @TempDir Path dir;
    private DialogDriver driver;
    private DeleteFixture fixture;

    @BeforeEach
    void showMainWindow() throws Exception {
        fixture = DeleteFixture.demo(dir);
        driver = new DialogDriver().start();
    }

    @AfterEach
    void closeEverything() throws Exception {
        driver.stop();
        fixture.close();
    }

    @Test
    void theSupportProjectsRowsAreDrawnWithTheirCountsAndColoursAndAClickShowsARow() throws Exception {
        open(fixture.operations, SUPPORT);
        driver.robot.clickOn(driver.label("Rows reached"));
        awaitDrawn();

        Region root = rowNode("customer-support-assistant");
        assertThat(pseudoClasses(root)).contains("will-delete", "cascade-root");
        // every child of the project through project_id, drawn or folded, against plain SQL
        Map<String, Long> expected = new LinkedHashMap<>();
        for (String table : List.of("data_source", "dataset", "model", "prompt", "document", "workflow", "deployment")) {
            long n = plainCount("SELECT COUNT(*) FROM " + q(table) + " WHERE " + q("project_id") + " = ?", SUPPORT.uid());
            if (n > 0) expected.put(table, n);
        }
        assertThat(expected).isNotEmpty();
        Map<String, Long> drawn = fx(() -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            var rootItem = driver.dialog.reachedView().viewModel().roots().get(0);
            rootItem.groups().stream().filter(g -> g.edge().column().equals("project_id"))
                    .forEach(g -> counts.put(g.edge().childTable(), g.count()));
            return counts;
        });
        assertThat(drawn).containsExactlyInAnyOrderEntriesOf(expected);
        List<String> shownTables = fx(() -> driver.robot.from(driver.dialog.reachedView())
                .lookup("." + GraphStyleClasses.ROW_NODE).queryAll().stream()
                .filter(n -> n.isVisible() && n.getPseudoClassStates().toString().contains("will-delete"))
                .map(n -> ((Label) ((javafx.scene.layout.HBox) ((javafx.scene.layout.VBox) n).getChildren().get(1))
                        .getChildren().get(0)).getText()).toList());
        expected.forEach((table, n) -> assertThat(shownTables.stream().filter(table::equals).count())
                .as("%s rows drawn", table).isEqualTo(Math.min(n, n > 8 ? 3 : n)));
        // the workflows' runs and sessions lose their workflow_id: amber, and say which column
        List<Node> nulled = fx(() -> driver.robot.from(driver.dialog.reachedView()).lookup("." + GraphStyleClasses.ROW_NODE)
                .queryAll().stream().filter(n -> n.isVisible() && n.getPseudoClassStates().toString().contains("set-null")).toList());
        assertThat(nulled).as("rows set to NULL drawn").isNotEmpty();
        assertThat(fx(() -> nulled.stream().map(n -> ((Label) n.lookup("." + GraphStyleClasses.NULL_BADGE)).getText()).distinct().toList()))
                .allMatch(text -> text.startsWith("∅ ") && text.endsWith("_id"));
        assertThat(fx(() -> nulled.stream().noneMatch(n -> n.getPseudoClassStates().toString().contains("will-delete")))).isTrue();

        driver.robot.clickOn(reveal(rowNode("ticket-triage")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(driver.text("#rowPanelName")).isEqualTo("ticket-triage");
        assertThat(driver.text("#rowPanelTable")).isEqualTo("workflow");
        assertThat(driver.text("#rowPanelKey")).startsWith(DeleteFixture.TRIAGE);
        assertThat(driver.text("#rowPanelEffect")).isEqualTo("Deleted");
        assertThat(driver.text("#rowPanelVia")).isEqualTo("project customer-support-assistant through project_id");
        assertThat(pseudoClasses(rowNode("ticket-triage"))).contains("selected");
    }

    @Test
    void twoThousandDocumentsAreFoldedAndUnfoldOnAClickWhileTheWindowKeepsAnswering() throws Exception {
        String project = TreeFixtures.documentsProject(fixture.database, "erin", 2_000);
        CountDownLatch countsAsked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        DeleteOperations held = new ForwardingOperations(fixture.operations) {
            @Override
            public ReachedRowsSource reachedRows(DeletePlan plan) {
                return holdingCounts(super.reachedRows(plan), countsAsked, release);
            }
        };
        open(held, new Root("project", project));
        AtomicLong pulses = new AtomicLong();
        AnimationTimer timer = fx(() -> {
            AnimationTimer t = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    pulses.incrementAndGet();
                }
            };
            t.start();
            return t;
        });
        try {
            driver.robot.clickOn(driver.label("Rows reached"));
            assertThat(countsAsked.await(DialogDriver.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
            long before = pulses.get();
            driver.robot.clickOn(driver.label("Summary"));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(fx(() -> ((TabPane) driver.lookup("#tabs")).getSelectionModel().getSelectedItem().getText()))
                    .as("a click handled while the rows are read").isEqualTo("Summary");
            waitFor(() -> pulses.get() > before + 5);
            driver.robot.clickOn(driver.label("Rows reached"));
        } finally {
            release.countDown();
        }
        awaitDrawn();
        timer.stop();

        assertThat(documentsDrawn()).isEqualTo(3);
        assertThat(foldText()).isEqualTo("+ 1,997 more documents");
        driver.robot.clickOn(fx(() -> driver.robot.from(driver.dialog.reachedView()).lookup("." + GraphStyleClasses.FOLD_NODE).queryAs(Region.class)));
        waitFor(() -> "+ 1,972 more documents".equals(foldText()) && foldVisible());
        assertThat(documentsDrawn()).isEqualTo(28);
        long total = fixture.service.plan(List.of(new Root("project", project))).affectedRowCount();
        long rowNodes = fx(() -> driver.robot.from(driver.dialog.reachedView()).lookup("." + GraphStyleClasses.ROW_NODE)
                .queryAll().stream().filter(Node::isVisible).count());
        assertThat(total).isGreaterThan(2_000);
        assertThat(fx(() -> driver.dialog.reachedView().viewModel().summaryProperty().get()))
                .isEqualTo(String.format("Drawn %,d of the %,d rows this delete changes", rowNodes, total));
    }

    /** Counts, the first query of every drawing, wait until released. */
    private static ReachedRowsSource holdingCounts(ReachedRowsSource real, CountDownLatch asked, CountDownLatch release) {
        return new ReachedRowsSource() {
            @Override public DeletePlan plan() { return real.plan(); }
            @Override public List<ReachedRows.Row> roots() { return real.roots(); }
            @Override public List<ForeignKeyRule> edgesFrom(String table) { return real.edgesFrom(table); }
            @Override public ReachedRows.Group group(ForeignKeyRule edge, String value, int offset, int limit) {
                return real.group(edge, value, offset, limit);
            }
            @Override public Map<String, Long> counts(ForeignKeyRule edge, Collection<String> values) {
                asked.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return real.counts(edge, values);
            }
        };
    }

    private void open(DeleteOperations operations, Root root) throws Exception {
        driver.open(() -> DeletePreviewDialog.open(driver.owner, operations, List.of(root), driver.executor,
                DeletePreviewViewModel.TYPE_TO_CONFIRM_THRESHOLD, result -> { }));
        driver.awaitPhase(Phase.READY);
    }

    /** Waits until the rows are read and laid out: nothing reading, every node placed. */
    private void awaitDrawn() throws Exception {
        waitFor(() -> {
            var view = driver.dialog.reachedView();
            List<Node> nodes = driver.robot.from(view).lookup("." + GraphStyleClasses.TABLE_NODE).queryAll().stream().toList();
            return !view.viewModel().busyProperty().get() && !view.viewModel().items().isEmpty()
                    && nodes.size() == view.viewModel().items().size() && nodes.stream().allMatch(Node::isVisible);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Region rowNode(String name) throws Exception {
        return fx(() -> driver.robot.from(driver.dialog.reachedView()).lookup("." + GraphStyleClasses.ROW_NODE)
                .match((Region n) -> n.isVisible() && ((Label) n.lookup("." + GraphStyleClasses.TABLE_NAME)).getText().equals(name))
                .queryAs(Region.class));
    }

    /** Scrolls the drawing, as the administrator would, until {@code node} is in the middle of the view. */
    private Region reveal(Region node) throws Exception {
        fx(() -> {
            javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) driver.robot.from(driver.dialog.reachedView())
                    .lookup(".scroll-pane").query();
            javafx.geometry.Bounds content = scroll.getContent().getLayoutBounds();
            javafx.geometry.Bounds viewport = scroll.getViewportBounds();
            javafx.geometry.Bounds at = node.getBoundsInParent();
            double hiddenY = content.getHeight() - viewport.getHeight();
            double hiddenX = content.getWidth() - viewport.getWidth();
            scroll.setVvalue(hiddenY <= 0 ? 0 : Math.max(0, Math.min(1, (at.getCenterY() - viewport.getHeight() / 2) / hiddenY)));
            scroll.setHvalue(hiddenX <= 0 ? 0 : Math.max(0, Math.min(1, (at.getCenterX() - viewport.getWidth() / 2) / hiddenX)));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return node;
    }

    private long documentsDrawn() throws Exception {
        return fx(() -> driver.robot.from(driver.dialog.reachedView()).lookup("." + GraphStyleClasses.ROW_NODE).queryAll()
                .stream().filter(n -> n.isVisible() && n.lookupAll(".label").stream()
                        .anyMatch(l -> l instanceof Label label && "document".equals(label.getText()))).count());
    }

    private String foldText() throws Exception {
        return fx(() -> driver.robot.from(driver.dialog.reachedView()).lookup("." + GraphStyleClasses.FOLD_TEXT).queryAll()
                .stream().map(l -> ((Label) l).getText()).findFirst().orElse(null));
    }

    private boolean foldVisible() throws Exception {
        return fx(() -> driver.robot.from(driver.dialog.reachedView()).lookup("." + GraphStyleClasses.FOLD_NODE).queryAll()
                .stream().allMatch(Node::isVisible));
    }

    private static List<String> pseudoClasses(Node node) throws Exception {
        return fx(() -> node.getPseudoClassStates().stream().map(Object::toString).toList());
    }

    private long plainCount(String sql, String value) {
        return fixture.database.fromConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, value);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private String q(String name) {
        return fixture.database.sqlNames().quote(name);
    }
}
