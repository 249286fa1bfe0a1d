package dev.cascadestudio.ui.delete;

import static dev.cascadestudio.ui.delete.DeleteFixture.SUPPORT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.cascade.ExecutionResult;
import dev.cascadestudio.service.AuditLog;
import dev.cascadestudio.ui.delete.DeletePreviewViewModel.Phase;
import dev.cascadestudio.ui.task.CurrentThreadTaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The delete preview's reason: passed to the commit and so to the audit log; when required, confirm waits for it. */
class DeleteReasonTest {

    @TempDir Path dir;
    DeleteFixture fixture;
    final List<ExecutionResult> committed = new ArrayList<>();

    @BeforeEach
    void open() {
        fixture = DeleteFixture.demo(dir);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aRequiredReasonHoldsConfirmUntilGivenAndTheReasonReachesTheAuditLog() {
        DeletePreviewViewModel viewModel = new DeletePreviewViewModel(fixture.operations, List.of(SUPPORT),
                new CurrentThreadTaskExecutor(), DeletePreviewViewModel.TYPE_TO_CONFIRM_THRESHOLD, committed::add);
        viewModel.start();
        assertThat(viewModel.reasonRequiredProperty().get()).as("optional unless a connection asks for it").isFalse();
        assertThat(viewModel.canConfirmBinding().get()).isTrue();

        viewModel.reasonRequiredProperty().set(true);
        assertThat(viewModel.canConfirmBinding().get()).isFalse();
        viewModel.reasonProperty().set("   ");
        assertThat(viewModel.canConfirmBinding().get()).as("blank is no reason").isFalse();
        viewModel.confirm();
        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.READY);

        viewModel.reasonProperty().set("  CHG-42 retire the support bot ");
        assertThat(viewModel.canConfirmBinding().get()).isTrue();
        viewModel.confirm();

        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.COMMITTED);
        List<AuditLog.Entry> entries = fixture.service.auditLog().read().entries();
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).record().reason()).isEqualTo("CHG-42 retire the support bot");
        assertThat(entries.get(0).record().snapshot()).isEqualTo(committed.get(0).snapshot().toString());
        assertThat(fixture.service.auditLog().file()).isEqualTo(dir.resolve("audit.jsonl").toAbsolutePath());
    }
}
