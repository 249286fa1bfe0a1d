package dev.cascadestudio.ui.delete;

import dev.cascadestudio.ui.Counts;
import static dev.cascadestudio.ui.delete.DialogDriver.fx;
import static dev.cascadestudio.ui.delete.DialogDriver.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.ui.StyleClasses;
import dev.cascadestudio.ui.delete.DeletePreviewViewModel.Phase;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** The delete preview on generated databases whose big project's delete affects tens of thousands of rows. */
class LargeDeletePreviewTest {

    @TempDir Path dir;
    private DialogDriver driver;
    private DeleteFixture fixture;

    @BeforeEach
    void showMainWindow() throws Exception {
        driver = new DialogDriver().start();
    }

    @AfterEach
    void closeEverything() throws Exception {
        driver.stop();
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void theWindowAnswersClicksWhileALargePlanIsComputed() throws Exception {
        fixture = DeleteFixture.generated(dir, 50_000);
        // The plan is held until the click has been handled, so no timing is assumed.
        HeldOperations held = new HeldOperations(fixture.operations);
        driver.open(() -> DeletePreviewDialog.open(driver.owner, held, List.of(DeleteFixture.bigProject()), driver.executor,
                DeletePreviewViewModel.TYPE_TO_CONFIRM_THRESHOLD, result -> { }));
        assertThat(held.awaitPlanningStarted()).isTrue();
        List<Boolean> planFinishedWhenClicked = new CopyOnWriteArrayList<>();
        fx(() -> {
            ((TabPane) driver.lookup("#tabs")).getSelectionModel().selectedItemProperty()
                    .addListener((o, old, tab) -> planFinishedWhenClicked.add(held.planFinished()));
            return null;
        });
        assertThat(driver.visible("#planningState")).as("busy while planning").isTrue();
        assertThat(driver.disabled("#confirmButton")).isTrue();

        driver.robot.clickOn(driver.label("SQL"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(planFinishedWhenClicked).as("the click was handled while the plan was still being computed")
                .containsExactly(false);
        assertThat(driver.text("#sqlPlaceholder")).isEqualTo("The statements appear here once the plan is ready.");
        held.release();
        driver.awaitPhase(Phase.READY);

        DeletePlan plan = fx(() -> driver.dialog.viewModel().plan());
        assertThat(plan.affectedRowCount()).isGreaterThan(40_000);
        assertThat(driver.visible("#typeToConfirm")).as("type-to-confirm at the default threshold").isTrue();
        assertThat(driver.disabled("#confirmButton")).isTrue();
        driver.robot.clickOn(driver.lookup("#confirmField")).write("big-project");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(driver.disabled("#confirmButton")).isFalse();
    }

    @Test
    void largeGroupsAreReadAPageAtATime() throws Exception {
        fixture = DeleteFixture.generated(dir, 20_000);
        driver.open(() -> DeletePreviewDialog.open(driver.owner, fixture.operations, List.of(DeleteFixture.bigProject()),
                driver.executor, DeletePreviewViewModel.TYPE_TO_CONFIRM_THRESHOLD, result -> { }));
        driver.awaitPhase(Phase.READY);
        EffectGroup runs = driver.group("run.workflow_id");
        assertThat(runs.effect().count()).isGreaterThan(2L * EffectGroup.PAGE_SIZE);
        assertThat(fx(() -> runs.rows().size())).as("nothing read before the group is opened").isZero();

        DeletePlan plan = fx(() -> driver.dialog.viewModel().plan());
        driver.robot.clickOn(driver.label("Affected rows · " + Counts.number(plan.affectedRowCount())));
        driver.openGroup("run.workflow_id", EffectGroup.PAGE_SIZE);
        driver.scrollToGroup("run.workflow_id", true);
        Hyperlink more = fx(() -> driver.robot.from(driver.lookup("#rowsTree")).lookup("." + StyleClasses.SHOW_MORE)
                .match(Node::isVisible).queryAs(Hyperlink.class));
        assertThat(fx(more::getText)).isEqualTo("Show 200 more (" + Counts.number(runs.effect().count() - 200) + " not shown yet)");

        driver.robot.clickOn(more);
        waitFor(() -> runs.rows().size() == 2 * EffectGroup.PAGE_SIZE);

        assertThat(fx(() -> List.copyOf(runs.rows()))).containsExactlyElementsOf(
                fixture.service.page(plan, runs.effect(), 0, 2 * EffectGroup.PAGE_SIZE));
    }
}
