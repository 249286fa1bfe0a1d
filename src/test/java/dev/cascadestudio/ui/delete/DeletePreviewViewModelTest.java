package dev.cascadestudio.ui.delete;

import dev.cascadestudio.ui.Counts;
import static dev.cascadestudio.ui.delete.DeleteFixture.BOB;
import static dev.cascadestudio.ui.delete.DeleteFixture.SUPPORT;
import static dev.cascadestudio.ui.delete.DeleteFixture.SUPPORT_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.cascade.AffectedRow;
import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.ExecutionResult;
import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.ui.delete.DeletePreviewViewModel.Phase;
import dev.cascadestudio.ui.task.CurrentThreadTaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The delete preview's logic on the demo database, with every background task run synchronously. */
class DeletePreviewViewModelTest {

    @TempDir Path dir;
    DeleteFixture fixture;
    final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    final List<ExecutionResult> committed = new ArrayList<>();

    @BeforeEach
    void open() {
        fixture = DeleteFixture.demo(dir);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    DeletePreviewViewModel preview(long threshold, Root... roots) {
        DeletePreviewViewModel viewModel = new DeletePreviewViewModel(fixture.operations, List.of(roots), executor,
                threshold, committed::add);
        viewModel.start();
        return viewModel;
    }

    @Test
    void showsTheEnginesPlanForTheSameRoots() {
        DeletePreviewViewModel viewModel = preview(DeletePreviewViewModel.TYPE_TO_CONFIRM_THRESHOLD, SUPPORT);
        DeletePlan engine = fixture.plan(List.of(SUPPORT));

        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.READY);
        assertThat(viewModel.titleProperty().get()).isEqualTo("Delete project “customer-support-assistant”?");
        assertThat(viewModel.confirmTextProperty().get()).isEqualTo("Delete 31 rows, set 18 values in 12 rows to NULL");
        assertThat(viewModel.deletedLines()).extracting(SummaryLine::label, SummaryLine::count)
                .containsExactlyElementsOf(engine.deleted().stream().filter(e -> e.count() > 0)
                        .map(e -> org.assertj.core.groups.Tuple.tuple(e.table(), e.count())).toList());
        assertThat(viewModel.nulledLines()).extracting(SummaryLine::label, SummaryLine::count)
                .contains(org.assertj.core.groups.Tuple.tuple("run.workflow_id", 8L),
                        org.assertj.core.groups.Tuple.tuple("run.schedule_id", 6L))
                .hasSize((int) engine.nulled().stream().filter(e -> e.count() > 0).count());
        assertThat(viewModel.nulledLines()).filteredOn(line -> line.label().equals("run.schedule_id"))
                .singleElement().satisfies(line -> {
                    assertThat(line.via()).isEqualTo("via project → workflow → schedule");
                    assertThat(line.routes()).isEqualTo("project → workflow → schedule → run.schedule_id: 6 rows");
                });
        assertThat(viewModel.deletedTotalProperty().get()).isEqualTo("31 rows");
        assertThat(viewModel.sqlProperty().get()).isEqualTo(String.join(";\n\n", engine.statements()) + ";");
        assertThat(viewModel.gate().requiredProperty().get()).as("31 + 12 rows are below the threshold").isFalse();
        assertThat(viewModel.canConfirmBinding().get()).isTrue();
    }

    @Test
    void everyGroupPagesThroughExactlyTheEnginesRows() {
        DeletePreviewViewModel viewModel = preview(DeletePreviewViewModel.TYPE_TO_CONFIRM_THRESHOLD, SUPPORT);
        DeletePlan plan = viewModel.plan();

        for (EffectGroup group : viewModel.groups()) {
            assertThat(group.untouched()).isTrue();
            group.loadMore();
            List<AffectedRow> engine = fixture.service.page(plan, group.effect(), 0, (int) group.effect().count());
            assertThat(group.rows()).as(group.line().label()).containsExactlyElementsOf(engine);
            assertThat(group.remainingProperty().get()).isZero();
        }
        List<String> summaryOrder = new ArrayList<>();
        viewModel.deletedLines().forEach(line -> summaryOrder.add(line.label()));
        viewModel.nulledLines().forEach(line -> summaryOrder.add(line.label()));
        assertThat(viewModel.groups()).extracting(g -> g.line().label()).containsExactlyElementsOf(summaryOrder);
        EffectGroup projects = viewModel.groups().get(0);
        assertThat(projects.rows()).singleElement().satisfies(row -> {
            assertThat(new PreviewNode.Row(projects, row).root()).isTrue();
            assertThat(row.route().describe()).isEqualTo("selected project");
        });
    }

    @Test
    void confirmDeletesExactlyThePlanAndUndoPutsEverythingBack() {
        String before = fixture.dump();
        Map<String, Long> rowsBefore = fixture.rowCounts();
        DeletePreviewViewModel viewModel = preview(DeletePreviewViewModel.TYPE_TO_CONFIRM_THRESHOLD, SUPPORT);
        DeletePlan plan = viewModel.plan();
        Map<String, Long> nullsBefore = fixture.nullCounts(plan);
        List<String> progress = new ArrayList<>();
        viewModel.progressMessageProperty().addListener((o, old, message) -> progress.add(message));

        viewModel.confirm();

        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.COMMITTED);
        assertThat(committed).singleElement().satisfies(result -> assertThat(result.plan()).isSameAs(plan));
        Map<String, Long> rowsAfter = fixture.rowCounts();
        rowsBefore.forEach((table, count) -> {
            DeletePlan.Effect deleted = plan.deletedFrom(table);
            assertThat(count - rowsAfter.get(table)).as(table).isEqualTo(deleted == null ? 0 : deleted.count());
        });
        Map<String, Long> nullsAfter = fixture.nullCounts(plan);
        plan.nulled().forEach(e -> assertThat(nullsAfter.get(e.label()) - nullsBefore.get(e.label()))
                .as(e.label()).isEqualTo(e.count()));
        assertThat(progress).contains("Checking that the plan still holds", "Writing the snapshot", "Committing");

        List<String> restoredCallbacks = new ArrayList<>();
        UndoViewModel undo = new UndoViewModel(fixture.operations, executor, () -> restoredCallbacks.add("refresh"));
        undo.offer(committed.get(0));
        assertThat(undo.messageProperty().get()).isEqualTo("Deleted 31 rows and set 18 values in 12 rows to NULL. A snapshot was saved first.");
        undo.undo();

        assertThat(undo.stateProperty().get()).isEqualTo(UndoViewModel.State.RESTORED);
        assertThat(undo.messageProperty().get()).isEqualTo("Undone: 31 rows restored and 18 values set back.");
        assertThat(restoredCallbacks).containsExactly("refresh");
        assertThat(fixture.dump()).isEqualTo(before);
    }

    @Test
    void aChangeBehindTheDialogsBackShowsTheNewPlanAndDeletesNothing() {
        DeletePreviewViewModel viewModel = preview(DeletePreviewViewModel.TYPE_TO_CONFIRM_THRESHOLD, SUPPORT);
        fixture.addRunToTheSupportProject("late-run");
        String changed = fixture.dump();

        viewModel.confirm();

        assertThat(fixture.dump()).isEqualTo(changed);
        assertThat(committed).isEmpty();
        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.READY);
        assertThat(viewModel.staleNoticeProperty().get()).startsWith("Nothing was deleted.")
                .contains("Delete 31 rows, set 19 values in 13 rows to NULL").contains("the plan you saw: Delete 31 rows, set 18 values in 12 rows to NULL");
        assertThat(viewModel.confirmTextProperty().get()).isEqualTo("Delete 31 rows, set 19 values in 13 rows to NULL");
        assertThat(viewModel.nulledLines()).filteredOn(line -> line.label().equals("run.workflow_id"))
                .singleElement().extracting(SummaryLine::count).isEqualTo(9L);

        viewModel.confirm();

        assertThat(committed).singleElement().satisfies(result -> assertThat(result.plan().summary())
                .isEqualTo("Delete 31 rows, set 19 values in 13 rows to NULL"));
    }

    /**
     * A row replaced behind the dialog's back (or a row the delete takes edited while it ran, on a server): the new plan
     * has the same numbers, and the notice says so instead of "now does something else: X (the plan you saw: X)".
     */
    @Test
    void aChangeThatKeepsTheNumbersSaysTheRowsWereReadAgainWithTheSameNumbers() {
        DeletePreviewViewModel viewModel = preview(DeletePreviewViewModel.TYPE_TO_CONFIRM_THRESHOLD, SUPPORT);
        fixture.replaceARunOfTheSupportProject();
        String changed = fixture.dump();

        viewModel.confirm();

        assertThat(fixture.dump()).isEqualTo(changed);
        assertThat(committed).isEmpty();
        assertThat(viewModel.staleNoticeProperty().get()).isEqualTo("Nothing was deleted. Someone changed rows this delete"
                + " takes while the preview was open or while it ran. The rows are read again below, with the same numbers:"
                + " Delete 31 rows, set 18 values in 12 rows to NULL. Review them and confirm again.");

        viewModel.confirm();

        assertThat(committed).as("confirmed again, the delete takes the rows read again").hasSize(1);
        assertThat(fixture.count("SELECT COUNT(*) FROM \"run\" WHERE \"name\" = 'replacement-run' AND \"workflow_id\" IS NULL"))
                .as("the run put in the other's place lost its workflow").isEqualTo(1);
    }

    @Test
    void aboveTheThresholdConfirmWaitsForTheRootsName() {
        DeletePreviewViewModel viewModel = preview(40, SUPPORT);
        ConfirmationGate gate = viewModel.gate();

        assertThat(gate.requiredProperty().get()).isTrue();
        assertThat(gate.promptProperty().get())
                .isEqualTo("This delete changes 43 rows. To confirm, type the project's name:");
        assertThat(gate.expectedProperty().get()).isEqualTo(SUPPORT_NAME);
        assertThat(viewModel.canConfirmBinding().get()).isFalse();
        gate.typedProperty().set("customer-support");
        assertThat(viewModel.canConfirmBinding().get()).isFalse();
        gate.typedProperty().set(SUPPORT_NAME + " ");
        assertThat(viewModel.canConfirmBinding().get()).as("names match exactly").isFalse();
        gate.typedProperty().set(SUPPORT_NAME);
        assertThat(viewModel.canConfirmBinding().get()).isTrue();

        viewModel.confirm();
        assertThat(committed).hasSize(1);
    }

    @Test
    void severalRootsAreConfirmedByTypingTheNumberOfDeletedRows() {
        DeletePreviewViewModel viewModel = preview(10, SUPPORT, BOB);
        ConfirmationGate gate = viewModel.gate();
        long deleted = viewModel.plan().deletedCount();

        assertThat(viewModel.titleProperty().get()).isEqualTo("Delete 1 project and 1 user?");
        assertThat(viewModel.subtitleProperty().get()).isEqualTo("customer-support-assistant and bob");
        assertThat(gate.promptProperty().get()).endsWith("To confirm, type the number of rows it deletes:");
        assertThat(gate.expectedProperty().get()).isEqualTo(Counts.number(deleted));
        gate.typedProperty().set(String.valueOf(deleted + 1));
        assertThat(viewModel.canConfirmBinding().get()).isFalse();
        gate.typedProperty().set(String.valueOf(deleted));
        assertThat(viewModel.canConfirmBinding().get()).isTrue();
    }

    @Test
    void aPlanThatCannotBeComputedSaysWhyAndCanBeRetried() {
        boolean[] fail = {true};
        DeleteOperations failing = new ForwardingOperations(fixture.operations) {
            @Override
            public DeletePlan plan(List<Root> roots) {
                if (fail[0]) {
                    throw new IllegalStateException("connection reset");
                }
                return super.plan(roots);
            }
        };
        DeletePreviewViewModel viewModel = new DeletePreviewViewModel(failing, List.of(SUPPORT), executor, 1000, committed::add);
        viewModel.start();

        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.PLAN_FAILED);
        assertThat(viewModel.errorProperty().get()).isEqualTo(
                "Cannot work out what the delete affects. The database reported an error: connection reset");
        assertThat(viewModel.canConfirmBinding().get()).isFalse();

        fail[0] = false;
        viewModel.retry();
        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.READY);
        assertThat(viewModel.errorProperty().get()).isEmpty();
    }

    @Test
    void cancelClosesWithoutTouchingTheDatabase() {
        String before = fixture.dump();
        DeletePreviewViewModel viewModel = preview(DeletePreviewViewModel.TYPE_TO_CONFIRM_THRESHOLD, SUPPORT);

        assertThat(viewModel.cancel()).isTrue();

        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.CLOSED);
        viewModel.confirm();
        assertThat(committed).isEmpty();
        assertThat(fixture.dump()).isEqualTo(before);
    }

    @Test
    void whileTheCommitRunsItCanBeNeitherClosedNorStartedAgain() {
        DeferredTaskExecutor deferred = new DeferredTaskExecutor();
        DeletePreviewViewModel viewModel = new DeletePreviewViewModel(fixture.operations, List.of(SUPPORT), deferred,
                DeletePreviewViewModel.TYPE_TO_CONFIRM_THRESHOLD, committed::add);
        viewModel.start();
        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.PLANNING);
        assertThat(viewModel.canConfirmBinding().get()).isFalse();
        deferred.runPending();

        viewModel.confirm();

        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.COMMITTING);
        assertThat(viewModel.confirmTextProperty().get()).isEqualTo("Deleting…");
        assertThat(viewModel.cancel()).isFalse();
        assertThat(viewModel.canConfirmBinding().get()).isFalse();
        viewModel.confirm();
        assertThat(deferred.pendingCount()).as("one commit only").isEqualTo(1);

        deferred.runPending();
        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.COMMITTED);
        assertThat(committed).hasSize(1);
    }

    @Test
    void aCommitThatFailsSaysNothingWasDeletedAndCanBeTriedAgain() {
        String before = fixture.dump();
        DeleteOperations failing = new ForwardingOperations(fixture.operations) {
            @Override
            public ExecutionResult execute(DeletePlan plan, dev.cascadestudio.cascade.ProgressListener progress) {
                throw new IllegalStateException("disk full");
            }
        };
        DeletePreviewViewModel viewModel = new DeletePreviewViewModel(failing, List.of(SUPPORT), executor,
                DeletePreviewViewModel.TYPE_TO_CONFIRM_THRESHOLD, committed::add);
        viewModel.start();

        viewModel.confirm();

        assertThat(viewModel.errorProperty().get()).isEqualTo("Nothing was deleted. The database reported an error: disk full");
        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.READY);
        assertThat(viewModel.confirmTextProperty().get()).isEqualTo("Delete 31 rows, set 18 values in 12 rows to NULL");
        assertThat(viewModel.canConfirmBinding().get()).isTrue();
        assertThat(committed).isEmpty();
        assertThat(fixture.dump()).isEqualTo(before);
    }
}
