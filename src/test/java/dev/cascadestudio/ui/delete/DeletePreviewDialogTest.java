package dev.cascadestudio.ui.delete;

import static dev.cascadestudio.ui.delete.DeleteFixture.SUPPORT;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.cascadestudio.cascade.AffectedRow;
import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.ExecutionResult;
import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.ui.StyleClasses;
import dev.cascadestudio.ui.delete.DeletePreviewViewModel.Phase;
import dev.cascadestudio.ui.task.UiTaskExecutor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The delete preview as an administrator uses it, over a stand-in main window that holds the undo
 * banner. Headless through Monocle; {@code -Dheadless=false} shows it.
 */
class DeletePreviewDialogTest {

    private static final long TIMEOUT_SECONDS = 120;

    @TempDir Path dir;
    private final FxRobot robot = new FxRobot();
    private final List<ExecutionResult> committed = new CopyOnWriteArrayList<>();
    private final AtomicInteger restoredRefreshes = new AtomicInteger();
    private DeleteFixture fixture;
    private UiTaskExecutor executor;
    private Stage owner;
    private UndoBanner banner;
    private DeletePreviewDialog dialog;

    @BeforeEach
    void showMainWindow() throws Exception {
        FxToolkit.registerPrimaryStage();
        executor = new UiTaskExecutor("test-database", 1);
        owner = FxToolkit.setupStage(stage -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            stage.setScene(new Scene(new VBox(new Label("main window")), 640, 400));
            stage.show();
        });
    }

    @AfterEach
    void closeEverything() throws Exception {
        FxToolkit.cleanupStages();
        executor.shutdown();
        assertThat(executor.awaitTermination(Duration.ofSeconds(60))).isTrue();
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void showsTheEnginesCountsAndRowsForTheSameRoots() throws Exception {
        fixture = DeleteFixture.demo(dir);
        DeletePlan engine = fixture.plan(List.of(SUPPORT));
        openAndWait(fixture.operations, DeletePreviewViewModel.TYPE_TO_CONFIRM_THRESHOLD, SUPPORT);

        assertThat(text("#titleLabel")).isEqualTo("Delete project “customer-support-assistant”?");
        assertThat(summary("#deletedLines")).containsExactlyElementsOf(expectedLines(engine.deleted()));
        assertThat(summary("#nulledLines")).containsExactlyElementsOf(expectedLines(engine.nulled()));
        assertThat(text("#deletedTotalLabel")).isEqualTo("29 rows");
        assertThat(text("#nulledTotalLabel")).isEqualTo("18 rows");
        assertThat(text("#confirmButton")).isEqualTo("Delete 29 rows, set 18 to NULL");
        assertThat(fx(() -> lookup("#confirmButton").isDisabled())).isFalse();
        assertThat(fx(() -> lookup("#typeToConfirm").isVisible())).isFalse();

        robot.clickOn(inDialog("Affected rows · 47"));
        DeletePlan.Effect nulledRuns = engine.nulledIn("run", "workflow_id");
        openGroup("run.workflow_id", (int) nulledRuns.count());
        List<AffectedRow> engineRows = fixture.service.page(engine, nulledRuns, 0, 100);
        assertThat(shownRows("run.workflow_id", StyleClasses.SET_NULL.getPseudoClassName())).containsExactlyElementsOf(
                engineRows.stream().map(r -> r.name() + " | " + r.key().display() + " | " + r.route().describe()).toList());

        openGroup("project", 1);
        assertThat(shownRows("project", StyleClasses.CASCADE_ROOT.getPseudoClassName()))
                .containsExactly("customer-support-assistant | " + SUPPORT.uid() + " | selected project");

        robot.clickOn(inDialog("SQL · " + engine.statements().size() + " statements"));
        assertThat(fx(() -> ((javafx.scene.control.TextArea) lookup("#sqlText")).getText()))
                .isEqualTo(String.join(";\n\n", engine.statements()) + ";");
    }

    @Test
    void confirmDeletesExactlyThePlanAndTheUndoBannerBringsEveryRowBack() throws Exception {
        fixture = DeleteFixture.demo(dir);
        String before = fixture.dump();
        Map<String, Long> rowsBefore = fixture.rowCounts();
        DeletePlan engine = fixture.plan(List.of(SUPPORT));
        AtomicInteger refreshes = new AtomicInteger();
        dialog = fx(() -> {
            banner = new UndoBanner(fixture.service, executor, restoredRefreshes::incrementAndGet);
            ((VBox) owner.getScene().getRoot()).getChildren().add(0, banner.node());
            return DeletePreviewDialog.show(owner, fixture.service, List.of(SUPPORT), executor,
                    refreshes::incrementAndGet, banner::offer);
        });
        waitFor(() -> dialog.viewModel().phaseProperty().get() == Phase.READY);
        assertThat(fx(() -> banner.node().isVisible())).as("no banner before a delete").isFalse();

        robot.clickOn(lookup("#confirmButton"));
        waitFor(() -> !dialog.isShowing());

        assertThat(refreshes.get()).as("the main window reads the data again").isEqualTo(1);
        Map<String, Long> rowsAfter = fixture.rowCounts();
        rowsBefore.forEach((table, count) -> {
            DeletePlan.Effect deleted = engine.deletedFrom(table);
            assertThat(count - rowsAfter.get(table)).as(table).isEqualTo(deleted == null ? 0 : deleted.count());
        });
        assertThat(fx(() -> banner.node().isVisible())).isTrue();
        assertThat(fx(() -> ((Label) robot.from(banner.node()).lookup("#messageLabel").query()).getText()))
                .isEqualTo("Deleted 29 rows and set 18 to NULL. A snapshot was saved first.");

        robot.clickOn(fx(() -> robot.from(banner.node()).lookup("#undoButton").queryButton()));
        waitFor(() -> banner.viewModel().stateProperty().get() == UndoViewModel.State.RESTORED);

        assertThat(fixture.dump()).isEqualTo(before);
        assertThat(restoredRefreshes.get()).isEqualTo(1);
        assertThat(fx(() -> ((Label) robot.from(banner.node()).lookup("#messageLabel").query()).getText()))
                .isEqualTo("Undone: 29 rows restored and 18 values set back.");
    }

    @Test
    void aChangeBehindTheDialogsBackShowsTheNewPlanInsteadOfCommitting() throws Exception {
        fixture = DeleteFixture.demo(dir);
        openAndWait(fixture.operations, DeletePreviewViewModel.TYPE_TO_CONFIRM_THRESHOLD, SUPPORT);
        fixture.addRunToTheSupportProject("late-run");
        String changed = fixture.dump();

        robot.clickOn(lookup("#confirmButton"));
        waitFor(() -> lookup("#staleNotice").isVisible() && dialog.viewModel().phaseProperty().get() == Phase.READY);

        assertThat(fixture.dump()).as("nothing deleted").isEqualTo(changed);
        assertThat(committed).isEmpty();
        assertThat(fx(dialog::isShowing)).isTrue();
        assertThat(text("#confirmButton")).isEqualTo("Delete 29 rows, set 19 to NULL");
        assertThat(fx(() -> ((atlantafx.base.controls.Message) lookup("#staleNotice")).getDescription()))
                .startsWith("Nothing was deleted.").contains("the plan you saw: Delete 29 rows, set 18 to NULL");
        assertThat(summary("#nulledLines")).contains("run.workflow_id 9");
    }

    @Test
    void aboveTheThresholdConfirmStaysDisabledUntilTheNameIsTyped() throws Exception {
        fixture = DeleteFixture.demo(dir);
        openAndWait(fixture.operations, 40, SUPPORT);

        assertThat(fx(() -> lookup("#typeToConfirm").isVisible())).isTrue();
        assertThat(text("#confirmPrompt")).isEqualTo("This delete changes 47 rows. To confirm, type the project's name:");
        assertThat(text("#confirmExpected")).isEqualTo("customer-support-assistant");
        assertThat(fx(() -> lookup("#confirmButton").isDisabled())).isTrue();

        robot.clickOn(lookup("#confirmField")).write("customer-support");
        assertThat(fx(() -> lookup("#confirmButton").isDisabled())).isTrue();
        robot.write("-assistant");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx(() -> ((TextField) lookup("#confirmField")).getText())).isEqualTo("customer-support-assistant");
        assertThat(fx(() -> lookup("#confirmButton").isDisabled())).isFalse();
    }

    @Test
    void theWindowAnswersClicksWhileALargePlanIsComputed() throws Exception {
        fixture = DeleteFixture.generated(dir, 50_000);
        HeldOperations held = new HeldOperations(fixture.operations);
        dialog = fx(() -> DeletePreviewDialog.open(owner, held, List.of(DeleteFixture.bigProject()), executor,
                DeletePreviewViewModel.TYPE_TO_CONFIRM_THRESHOLD, committed::add));
        assertThat(held.awaitPlanningStarted()).isTrue();
        List<Boolean> planFinishedWhenClicked = new CopyOnWriteArrayList<>();
        fx(() -> {
            ((TabPane) lookup("#tabs")).getSelectionModel().selectedItemProperty()
                    .addListener((o, old, tab) -> planFinishedWhenClicked.add(held.planFinished()));
            return null;
        });
        assertThat(fx(() -> lookup("#planningState").isVisible())).isTrue();

        robot.clickOn(inDialog("SQL"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(planFinishedWhenClicked).as("the click was handled while the plan was still being computed")
                .containsExactly(false);
        assertThat(text("#sqlPlaceholder")).isEqualTo("The statements appear here once the plan is ready.");
        held.release();
        waitFor(() -> dialog.viewModel().phaseProperty().get() == Phase.READY);

        DeletePlan plan = dialog.viewModel().plan();
        assertThat(plan.deletedCount() + plan.nulledCount()).isGreaterThan(40_000);
        assertThat(fx(() -> lookup("#typeToConfirm").isVisible())).as("type-to-confirm at the default threshold").isTrue();
        assertThat(fx(() -> lookup("#confirmButton").isDisabled())).isTrue();
        robot.clickOn(lookup("#confirmField")).write("big-project");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> lookup("#confirmButton").isDisabled())).isFalse();
    }

    @Test
    void largeGroupsAreReadAPageAtATime() throws Exception {
        fixture = DeleteFixture.generated(dir, 20_000);
        openAndWait(fixture.operations, DeletePreviewViewModel.TYPE_TO_CONFIRM_THRESHOLD, DeleteFixture.bigProject());
        EffectGroup runs = fx(() -> dialog.viewModel().groups().stream()
                .filter(g -> g.line().label().equals("run.workflow_id")).findFirst().orElseThrow());
        assertThat(runs.effect().count()).isGreaterThan(2L * EffectGroup.PAGE_SIZE);

        DeletePlan plan = fx(() -> dialog.viewModel().plan());
        robot.clickOn(inDialog("Affected rows · " + Counts.number(plan.deletedCount() + plan.nulledCount())));
        openGroup("run.workflow_id", EffectGroup.PAGE_SIZE);
        assertThat(fx(() -> runs.rows().size())).isEqualTo(EffectGroup.PAGE_SIZE);

        scrollToGroup("run.workflow_id", true);
        Hyperlink more = fx(() -> robot.from(lookup("#rowsTree")).lookup("." + StyleClasses.SHOW_MORE)
                .match(Node::isVisible).queryAs(Hyperlink.class));
        assertThat(fx(more::getText)).startsWith("Show 200 more (");
        robot.clickOn(more);
        waitFor(() -> runs.rows().size() == 2 * EffectGroup.PAGE_SIZE);

        assertThat(fx(() -> List.copyOf(runs.rows()))).containsExactlyElementsOf(
                fixture.service.page(plan, runs.effect(), 0, 2 * EffectGroup.PAGE_SIZE));
    }

    @Test
    void escapeClosesThePreviewWhilePlanningAndNothingChanges() throws Exception {
        fixture = DeleteFixture.demo(dir);
        String before = fixture.dump();
        HeldOperations held = new HeldOperations(fixture.operations);
        dialog = fx(() -> DeletePreviewDialog.open(owner, held, List.of(SUPPORT), executor,
                DeletePreviewViewModel.TYPE_TO_CONFIRM_THRESHOLD, committed::add));
        assertThat(held.awaitPlanningStarted()).isTrue();

        robot.clickOn(lookup("#titleLabel")).type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx(dialog::isShowing)).isFalse();
        assertThat(held.planFinished()).isFalse();
        held.release();
        executor.shutdown();
        assertThat(executor.awaitTermination(Duration.ofSeconds(60))).isTrue();
        assertThat(fx(() -> dialog.viewModel().phaseProperty().get())).isEqualTo(Phase.CLOSED);
        assertThat(fixture.dump()).isEqualTo(before);
    }

    private void openAndWait(DeleteOperations operations, long threshold, Root... roots) throws Exception {
        dialog = fx(() -> DeletePreviewDialog.open(owner, operations, List.of(roots), executor, threshold, committed::add));
        waitFor(() -> dialog.viewModel().phaseProperty().get() == Phase.READY);
    }

    /** Scrolls to a group's line, selects it, opens it with the keyboard and waits for its first rows. */
    private void openGroup(String label, int rows) throws Exception {
        scrollToGroup(label, false);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(fx(() -> robot.from(lookup("#rowsTree")).lookup("." + StyleClasses.AFFECTED_ROW_NAME)
                .match((Label l) -> l.getText().equals(label) && l.isVisible()).queryAs(Label.class)));
        robot.type(KeyCode.RIGHT);
        EffectGroup group = fx(() -> dialog.viewModel().groups().stream()
                .filter(g -> g.line().label().equals(label)).findFirst().orElseThrow());
        waitFor(() -> group.rows().size() == rows && !group.loadingProperty().get());
        scrollToGroup(label, false);
    }

    /** Scrolls the tree like an administrator would: to a group's line, or to its last line. */
    private void scrollToGroup(String label, boolean toItsEnd) throws Exception {
        fx(() -> {
            @SuppressWarnings("unchecked")
            TreeView<PreviewNode> tree = (TreeView<PreviewNode>) lookup("#rowsTree");
            tree.getRoot().getChildren().stream().filter(item -> item.getValue().group().line().label().equals(label))
                    .findFirst().map(item -> toItsEnd ? item.getChildren().get(item.getChildren().size() - 1) : item)
                    .ifPresent(item -> tree.scrollTo(tree.getRow(item)));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** "name | key | route" of the rows on screen under a group, each checked for a pseudo-class. */
    private List<String> shownRows(String groupLabel, String pseudoClass) throws Exception {
        return fx(() -> {
            List<String> rows = new ArrayList<>();
            robot.from(lookup("#rowsTree")).lookup("." + StyleClasses.AFFECTED_ROW_CELL).queryAllAs(TreeCell.class).stream()
                    .filter(cell -> cell.getItem() instanceof PreviewNode.Row row && row.group().line().label().equals(groupLabel))
                    .sorted((a, b) -> Integer.compare(a.getIndex(), b.getIndex()))
                    .forEach(cell -> {
                        assertThat(cell.getPseudoClassStates()).extracting(Object::toString).contains(pseudoClass);
                        rows.add(((Label) cell.lookup("." + StyleClasses.AFFECTED_ROW_NAME)).getText() + " | "
                                + ((Label) cell.lookup("." + StyleClasses.AFFECTED_ROW_KEY)).getText() + " | "
                                + ((Label) cell.lookup("." + StyleClasses.AFFECTED_ROW_ROUTE)).getText());
                    });
            return rows;
        });
    }

    /** "label count" of a summary card's lines, top to bottom. */
    private List<String> summary(String card) throws Exception {
        return fx(() -> robot.from(lookup(card)).lookup("." + StyleClasses.SUMMARY_LINE).queryAll().stream()
                .map(line -> ((Label) line.lookup("." + StyleClasses.SUMMARY_LABEL)).getText() + " "
                        + ((Label) line.lookup("." + StyleClasses.SUMMARY_COUNT)).getText())
                .toList());
    }

    private static List<String> expectedLines(List<DeletePlan.Effect> effects) {
        return effects.stream().filter(e -> e.count() > 0).map(e -> e.label() + " " + Counts.number(e.count())).toList();
    }

    private Node lookup(String query) {
        return robot.from(dialog.stage().getScene().getRoot()).lookup(query).query();
    }

    private Node inDialog(String labelText) throws Exception {
        return fx(() -> robot.from(dialog.stage().getScene().getRoot()).lookup((Label l) -> labelText.equals(l.getText())).query());
    }

    private String text(String query) throws Exception {
        return fx(() -> {
            Node node = lookup(query);
            return node instanceof javafx.scene.control.TextInputControl field ? field.getText()
                    : ((javafx.scene.control.Labeled) node).getText();
        });
    }

    private void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> fx(condition));
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
