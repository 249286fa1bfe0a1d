package dev.cascadestudio.ui.delete;

import dev.cascadestudio.ui.Counts;
import static dev.cascadestudio.ui.delete.DeleteFixture.SUPPORT;
import static dev.cascadestudio.ui.delete.DialogDriver.fx;
import static dev.cascadestudio.ui.delete.DialogDriver.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.controls.Message;
import dev.cascadestudio.cascade.AffectedRow;
import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.ExecutionResult;
import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.ui.StyleClasses;
import dev.cascadestudio.ui.delete.DeletePreviewViewModel.Phase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The delete preview on the demo database, as an administrator uses it: what it shows, confirm,
 * undo, a stale plan, type-to-confirm and Esc. Headless through Monocle; {@code -Dheadless=false}
 * shows it.
 */
class DeletePreviewDialogTest {

    @TempDir Path dir;
    private final List<ExecutionResult> committed = new CopyOnWriteArrayList<>();
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
    void showsTheEnginesCountsAndRowsForTheSameRoots() throws Exception {
        DeletePlan engine = fixture.plan(List.of(SUPPORT));
        openAndWait(fixture.operations, DeletePreviewViewModel.TYPE_TO_CONFIRM_THRESHOLD, SUPPORT);

        assertThat(driver.text("#titleLabel")).isEqualTo("Delete project “customer-support-assistant”?");
        assertThat(driver.summary("#deletedLines")).containsExactlyElementsOf(expectedLines(engine.deleted()));
        assertThat(driver.summary("#nulledLines")).containsExactlyElementsOf(expectedLines(engine.nulled()));
        assertThat(driver.text("#deletedTotalLabel")).isEqualTo("31 rows");
        assertThat(driver.text("#nulledTotalLabel")).isEqualTo("12 rows · 18 values");
        assertThat(driver.text("#confirmButton")).isEqualTo("Delete 31 rows, set 18 values in 12 rows to NULL");
        assertThat(driver.disabled("#confirmButton")).isFalse();
        assertThat(driver.visible("#typeToConfirm")).isFalse();

        driver.robot.clickOn(driver.label("Affected rows · 43"));
        DeletePlan.Effect nulledRuns = engine.nulledIn("run", "workflow_id");
        driver.openGroup("run.workflow_id", (int) nulledRuns.count());
        List<AffectedRow> engineRows = fixture.service.page(engine, nulledRuns, 0, 100);
        assertThat(driver.shownRows("run.workflow_id", StyleClasses.SET_NULL.getPseudoClassName())).containsExactlyElementsOf(
                engineRows.stream().map(r -> r.name() + " | " + r.key().display() + " | " + r.route().describe()).toList());

        driver.openGroup("project", 1);
        assertThat(driver.shownRows("project", StyleClasses.CASCADE_ROOT.getPseudoClassName()))
                .containsExactly("customer-support-assistant | " + SUPPORT.uid() + " | selected project");
        driver.openGroup("workflow", 3);
        assertThat(driver.shownRows("workflow", StyleClasses.WILL_DELETE.getPseudoClassName()))
                .containsExactly(fixture.service.page(engine, engine.deletedFrom("workflow"), 0, 3).stream()
                        .map(r -> r.name() + " | " + r.key().display() + " | project → workflow").toArray(String[]::new));

        driver.robot.clickOn(driver.label("SQL · " + engine.statements().size() + " statements"));
        assertThat(fx(() -> ((TextArea) driver.lookup("#sqlText")).getText()))
                .isEqualTo(String.join(";\n\n", engine.statements()) + ";");
        assertThat(fx(() -> ((TextArea) driver.lookup("#sqlText")).isEditable())).isFalse();
    }

    @Test
    void confirmDeletesExactlyThePlanAndTheUndoBannerBringsEveryRowBack() throws Exception {
        String before = fixture.dump();
        Map<String, Long> rowsBefore = fixture.rowCounts();
        DeletePlan engine = fixture.plan(List.of(SUPPORT));
        AtomicInteger refreshes = new AtomicInteger();
        AtomicInteger restoredRefreshes = new AtomicInteger();
        UndoBanner banner = fx(() -> new UndoBanner(fixture.service, driver.executor, restoredRefreshes::incrementAndGet));
        driver.open(() -> {
            ((VBox) driver.owner.getScene().getRoot()).getChildren().add(0, banner.node());
            return DeletePreviewDialog.show(driver.owner, fixture.service, List.of(SUPPORT), driver.executor,
                    refreshes::incrementAndGet, banner::offer);
        });
        driver.awaitPhase(Phase.READY);
        assertThat(fx(() -> banner.node().isVisible())).as("no banner before a delete").isFalse();

        driver.robot.clickOn(driver.lookup("#confirmButton"));
        waitFor(() -> !driver.dialog.isShowing());

        assertThat(refreshes.get()).as("the main window reads the data again").isEqualTo(1);
        Map<String, Long> rowsAfter = fixture.rowCounts();
        rowsBefore.forEach((table, count) -> {
            DeletePlan.Effect deleted = engine.deletedFrom(table);
            assertThat(count - rowsAfter.get(table)).as(table).isEqualTo(deleted == null ? 0 : deleted.count());
        });
        assertThat(fx(() -> banner.node().isVisible())).isTrue();
        assertThat(bannerText(banner)).isEqualTo("Deleted 31 rows and set 18 values in 12 rows to NULL. A snapshot was saved first.");

        driver.robot.clickOn(fx(() -> driver.robot.from(banner.node()).lookup("#undoButton").queryButton()));
        waitFor(() -> banner.viewModel().stateProperty().get() == UndoViewModel.State.RESTORED);

        assertThat(fixture.dump()).isEqualTo(before);
        assertThat(restoredRefreshes.get()).isEqualTo(1);
        assertThat(bannerText(banner)).isEqualTo("Undone: 31 rows restored and 18 values set back.");
    }

    @Test
    void aChangeBehindTheDialogsBackShowsTheNewPlanInsteadOfCommitting() throws Exception {
        openAndWait(fixture.operations, DeletePreviewViewModel.TYPE_TO_CONFIRM_THRESHOLD, SUPPORT);
        fixture.addRunToTheSupportProject("late-run");
        String changed = fixture.dump();

        driver.robot.clickOn(driver.lookup("#confirmButton"));
        waitFor(() -> driver.lookup("#staleNotice").isVisible()
                && driver.dialog.viewModel().phaseProperty().get() == Phase.READY);

        assertThat(fixture.dump()).as("nothing deleted").isEqualTo(changed);
        assertThat(committed).isEmpty();
        assertThat(fx(driver.dialog::isShowing)).isTrue();
        assertThat(driver.text("#confirmButton")).isEqualTo("Delete 31 rows, set 19 values in 13 rows to NULL");
        assertThat(fx(() -> ((Message) driver.lookup("#staleNotice")).getDescription()))
                .startsWith("Nothing was deleted.").contains("the plan you saw: Delete 31 rows, set 18 values in 12 rows to NULL");
        assertThat(driver.summary("#nulledLines")).contains("run.workflow_id 9");
    }

    @Test
    void aboveTheThresholdConfirmStaysDisabledUntilTheNameIsTyped() throws Exception {
        openAndWait(fixture.operations, 40, SUPPORT);

        assertThat(driver.visible("#typeToConfirm")).isTrue();
        assertThat(driver.text("#confirmPrompt")).isEqualTo("This delete changes 43 rows. To confirm, type the project's name:");
        assertThat(driver.text("#confirmExpected")).isEqualTo("customer-support-assistant");
        assertThat(driver.disabled("#confirmButton")).isTrue();

        driver.robot.clickOn(driver.lookup("#confirmField")).write("customer-support");
        assertThat(driver.disabled("#confirmButton")).isTrue();
        driver.robot.write("-assistant");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(driver.text("#confirmField")).isEqualTo("customer-support-assistant");
        assertThat(driver.disabled("#confirmButton")).isFalse();
    }

    @Test
    void escapeClosesThePreviewWhilePlanningAndNothingChanges() throws Exception {
        String before = fixture.dump();
        HeldOperations held = new HeldOperations(fixture.operations);
        driver.open(() -> DeletePreviewDialog.open(driver.owner, held, List.of(SUPPORT), driver.executor,
                DeletePreviewViewModel.TYPE_TO_CONFIRM_THRESHOLD, committed::add));
        assertThat(held.awaitPlanningStarted()).isTrue();

        driver.robot.clickOn(driver.lookup("#titleLabel")).type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx(driver.dialog::isShowing)).isFalse();
        assertThat(held.planFinished()).isFalse();
        held.release();
        driver.executor.shutdown();
        assertThat(driver.executor.awaitTermination(Duration.ofSeconds(60))).isTrue();
        assertThat(fx(() -> driver.dialog.viewModel().phaseProperty().get())).isEqualTo(Phase.CLOSED);
        assertThat(fixture.dump()).isEqualTo(before);
    }

    @Test
    void exportReportWritesTheFileTheChooserGivesWithTheRootsAndCountsAndSaysWhere() throws Exception {
        String before = fixture.dump();
        Path report = dir.resolve("reports").resolve("support impact.html");
        java.nio.file.Files.createDirectories(report.getParent());
        openAndWait(fixture.operations, DeletePreviewViewModel.TYPE_TO_CONFIRM_THRESHOLD, SUPPORT);
        List<javafx.stage.Window> askedOver = new CopyOnWriteArrayList<>();
        fx(() -> {
            driver.dialog.setReportChooser(owner -> {
                askedOver.add(owner);
                return report;
            });
            return null;
        });
        assertThat(driver.visible("#exportMessage")).as("no message before an export").isFalse();
        assertThat(driver.text("#exportButton")).isEqualTo("Export report…");
        assertThat(driver.disabled("#exportButton")).isFalse();

        driver.robot.clickOn(driver.lookup("#exportButton"));
        waitFor(() -> driver.text("#exportMessage").startsWith("Report saved"));

        assertThat(askedOver).containsExactly(fx(driver.dialog::stage));
        assertThat(driver.text("#exportMessage")).matches("Report saved: support impact\\.html \\([0-9,]+ KB\\) in "
                + java.util.regex.Pattern.quote(report.getParent().toString()) + "\\.");
        String html = java.nio.file.Files.readString(report);
        assertThat(html).startsWith("<!DOCTYPE html>").contains(SUPPORT.uid(), "Delete project “customer-support-assistant”?",
                "Delete 31 rows, set 18 values in 12 rows to NULL.", "<svg ");
        assertThat(html).contains("<td class=\"num count\">3</td>", "<td class=\"num count\">8</td>");
        assertThat(fixture.dump()).as("exporting changes nothing in the database").isEqualTo(before);
        assertThat(fx(driver.dialog::isShowing)).as("the preview stays open").isTrue();
        assertThat(driver.disabled("#confirmButton")).isFalse();

        // a Markdown name is written as Markdown; a failure is told in the same line, in red
        Path markdown = dir.resolve("reports").resolve("support.md");
        fx(() -> {
            driver.dialog.setReportChooser(owner -> markdown);
            return null;
        });
        driver.robot.clickOn(driver.lookup("#exportButton"));
        waitFor(() -> driver.text("#exportMessage").startsWith("Report saved: support.md ("));
        assertThat(java.nio.file.Files.readString(markdown)).startsWith("# Impact report: Delete project “customer-support-assistant”?").contains("| **Total** | **31** | |");

        Path nowhere = dir.resolve("missing-folder").resolve("r.html");
        fx(() -> {
            driver.dialog.setReportChooser(owner -> nowhere);
            return null;
        });
        driver.robot.clickOn(driver.lookup("#exportButton"));
        waitFor(() -> driver.text("#exportMessage").startsWith("The report was not saved."));
        assertThat(driver.text("#exportMessage")).isEqualTo("The report was not saved. No such folder: " + nowhere.getParent() + ".");
        assertThat(fx(() -> driver.lookup("#exportMessage").getPseudoClassStates().stream().map(Object::toString).toList()))
                .contains("failed");
        assertThat(nowhere.getParent()).doesNotExist();
    }

    private void openAndWait(DeleteOperations operations, long threshold, Root... roots) throws Exception {
        driver.open(() -> DeletePreviewDialog.open(driver.owner, operations, List.of(roots), driver.executor, threshold,
                committed::add));
        driver.awaitPhase(Phase.READY);
    }

    private String bannerText(UndoBanner banner) throws Exception {
        return fx(() -> ((Label) driver.robot.from(banner.node()).lookup("#messageLabel").query()).getText());
    }

    private static List<String> expectedLines(List<DeletePlan.Effect> effects) {
        return effects.stream().filter(e -> e.count() > 0).map(e -> e.label() + " " + Counts.number(e.count())).toList();
    }
}
