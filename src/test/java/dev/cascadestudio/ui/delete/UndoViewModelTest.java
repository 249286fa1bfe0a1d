package dev.cascadestudio.ui.delete;

import static dev.cascadestudio.ui.delete.DeleteFixture.SUPPORT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.cascade.ExecutionResult;
import dev.cascadestudio.cascade.ProgressListener;
import dev.cascadestudio.persistence.BatchInserter;
import dev.cascadestudio.persistence.demo.RowBuilder;
import dev.cascadestudio.ui.delete.UndoViewModel.State;
import dev.cascadestudio.ui.task.CurrentThreadTaskExecutor;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The undo offer after a delete, on the demo database, with background work run synchronously. */
class UndoViewModelTest {

    @TempDir Path dir;
    DeleteFixture fixture;
    final AtomicInteger refreshes = new AtomicInteger();
    UndoViewModel undo;

    @BeforeEach
    void open() {
        fixture = DeleteFixture.demo(dir);
        undo = new UndoViewModel(fixture.operations, new CurrentThreadTaskExecutor(), refreshes::incrementAndGet);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    ExecutionResult deleteTheSupportProject() {
        return fixture.service.execute(fixture.plan(List.of(SUPPORT)), ProgressListener.NONE);
    }

    @Test
    void nothingIsOfferedBeforeADelete() {
        assertThat(undo.stateProperty().get()).isEqualTo(State.HIDDEN);
        assertThat(undo.canUndoBinding().get()).isFalse();
    }

    @Test
    void aRefusedUndoSaysWhyAndChangesNothing() {
        undo.offer(deleteTheSupportProject());
        // a new project takes the deleted one's name before the administrator clicks Undo
        fixture.database.fromConnection(c -> {
            try (BatchInserter in = new BatchInserter(c, fixture.database.kind(), fixture.database.sqlNames(), 10)) {
                new RowBuilder(in, LocalDateTime.of(2026, 6, 1, 8, 0)).project("customer-support-assistant-v2", null, "new");
            }
            return c.createStatement().executeUpdate("UPDATE \"project\" SET \"name\" = 'customer-support-assistant'"
                    + " WHERE \"name\" = 'customer-support-assistant-v2'");
        });
        String before = fixture.dump();

        undo.undo();

        assertThat(undo.stateProperty().get()).isEqualTo(State.FAILED);
        assertThat(undo.messageProperty().get()).startsWith("Cannot restore")
                .contains("another row took this name").endsWith("Nothing was changed.");
        assertThat(refreshes.get()).isZero();
        assertThat(fixture.dump()).isEqualTo(before);
    }

    @Test
    void dismissingHidesTheOfferAndALaterDeleteOffersItsOwnUndo() {
        undo.offer(deleteTheSupportProject());
        undo.dismiss();
        assertThat(undo.stateProperty().get()).isEqualTo(State.HIDDEN);
        assertThat(undo.canUndoBinding().get()).isFalse();

        ExecutionResult bob = fixture.service.execute(fixture.plan(List.of(DeleteFixture.BOB)), ProgressListener.NONE);
        undo.offer(bob);
        undo.undo();

        assertThat(undo.stateProperty().get()).isEqualTo(State.RESTORED);
        assertThat(fixture.rowCounts().get("user")).as("bob is back").isEqualTo(5);
        assertThat(fixture.rowCounts().get("project")).as("the first delete stays done").isEqualTo(4);
    }
}
