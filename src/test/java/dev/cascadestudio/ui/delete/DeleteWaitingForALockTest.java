package dev.cascadestudio.ui.delete;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.persistence.demo.RowBuilder;
import dev.cascadestudio.service.AuditLog;
import dev.cascadestudio.service.CascadeService;
import dev.cascadestudio.testsupport.CanonicalDump;
import dev.cascadestudio.testsupport.EngineDatabases;
import dev.cascadestudio.testsupport.OtherClient;
import dev.cascadestudio.ui.delete.DeletePreviewViewModel.Phase;
import dev.cascadestudio.ui.task.CurrentThreadTaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The delete dialog while another client's transaction holds a row the delete takes: its progress line says whom the
 * delete waits for, with the ten seconds it waits, and when that client does not let go, the dialog says the delete
 * gave up, names the client again, changes nothing and can be confirmed again. The dialog's view model on the real
 * services and a real server (PostgreSQL's controller layout and MariaDB's).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DeleteWaitingForALockTest {

    private static final Root SUPPORT = new Root("project", RowBuilder.uid("project", "customer-support-assistant"));

    @TempDir Path dir;
    private Database database;

    @AfterEach
    void close() {
        if (database != null) EngineDatabases.close(database);
    }

    @ParameterizedTest
    @EnumSource(value = EngineDatabases.Kind.class, names = {"POSTGRESQL_CONTROLLER", "MARIADB_CONTROLLER"})
    void theDialogSaysWhomTheDeleteWaitsForAndWhyItGaveUp(EngineDatabases.Kind kind) throws Exception {
        database = EngineDatabases.open(kind, dir);
        DemoData.load(database);
        CascadeService service = new CascadeService(database, dir.resolve("snapshots"), new AuditLog(dir.resolve("audit.jsonl")));
        DeletePreviewViewModel viewModel = new DeletePreviewViewModel(DeleteOperations.of(service), List.of(SUPPORT),
                new CurrentThreadTaskExecutor(), DeletePreviewViewModel.TYPE_TO_CONFIRM_THRESHOLD, committed -> { });
        viewModel.start();
        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.READY);
        String confirmText = viewModel.confirmTextProperty().get();
        String before = CanonicalDump.of(database);
        List<String> lines = Collections.synchronizedList(new ArrayList<>()); // the lock's lines come from a thread of their own
        viewModel.progressMessageProperty().addListener((o, old, line) -> lines.add(line));

        long session;
        String user;
        try (OtherClient other = OtherClient.of(database)) {
            session = other.session();
            user = other.user();
            other.update("UPDATE project SET description = 'held open' WHERE uid = '" + SUPPORT.uid() + "'");

            viewModel.confirm(); // on this thread: returns when the delete has given up
        }

        String holder = "connection " + session + " (user " + user + " from ";
        assertThat(new ArrayList<>(lines)).as("the progress line while the delete waited")
                .anySatisfy(line -> assertThat(line).startsWith("Waiting up to 10 s for a lock held by " + holder));
        assertThat(viewModel.phaseProperty().get()).as("ready to be confirmed again").isEqualTo(Phase.READY);
        assertThat(viewModel.errorProperty().get())
                .startsWith("Nothing was deleted. Another connection to the database held a lock this needs for longer than 10 s (")
                .contains("; nothing was changed. Held by " + holder)
                .endsWith(". Try again once its work is done, or end its transaction.");
        assertThat(viewModel.confirmTextProperty().get()).isEqualTo(confirmText);
        assertThat(CanonicalDump.of(database)).as("nothing was changed").isEqualTo(before);
    }
}
