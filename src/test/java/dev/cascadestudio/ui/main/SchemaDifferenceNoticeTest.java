package dev.cascadestudio.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.service.DatabaseSession;
import dev.cascadestudio.testsupport.OddSchemas;
import dev.cascadestudio.ui.task.CurrentThreadTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A controller database whose schema makes writing unsafe says so in the window's notice as soon as it
 * is open, read-only as every database but the embedded one, not only when the user asks to edit; a
 * matching one says nothing. Driven synchronously on the view model.
 */
class SchemaDifferenceNoticeTest {

    @TempDir Path home;

    private final List<DatabaseSession> opened = new ArrayList<>();
    private MainWindowViewModel viewModel;

    @BeforeEach
    void useTemporaryDataHome() {
        System.setProperty("cascade.home", home.resolve("home").toString());
    }

    @AfterEach
    void close() {
        if (viewModel != null) {
            viewModel.close();
        }
        opened.forEach(DatabaseSession::close);
        System.clearProperty("cascade.home");
    }

    private void open(String url) {
        viewModel = new MainWindowViewModel(new CurrentThreadTaskExecutor(), (target, mode) -> {
            DatabaseSession session = mode == null ? DatabaseSession.open(target.url(), null, null)
                    : DatabaseSession.open(target.url(), null, null, mode);
            opened.add(session);
            return session;
        }, DatabaseTarget.of(url), null);
        viewModel.open();
    }

    @Test
    void aReadOnlyOpenOfADifferingDatabaseSaysWhatDiffers() throws Exception {
        String url = OddSchemas.sqliteWithUnknownRequiredColumn(home);
        byte[] before = Files.readAllBytes(home.resolve("sql.db"));

        open(url);

        assertThat(viewModel.phaseProperty().get()).isEqualTo(MainWindowViewModel.Phase.READY);
        assertThat(viewModel.modeProperty().get()).isEqualTo(DatabaseSession.Mode.READ_ONLY);
        assertThat(viewModel.noticeProperty().get()).isEqualTo("This database differs from the GenAI Factory controller schema ("
                + OddSchemas.UNKNOWN_REQUIRED_COLUMN + "): it can be read, but not edited, since writing to it would not be safe.");
        assertThat(Files.readAllBytes(home.resolve("sql.db"))).as("nothing written").isEqualTo(before);
    }

    @Test
    void aMatchingDatabaseOpensWithoutANotice() {
        String url;
        try (var sqlite = dev.cascadestudio.testsupport.EngineDatabases.controllerSqlite(home)) {
            url = sqlite.url();
        }

        open(url);

        assertThat(viewModel.modeProperty().get()).isEqualTo(DatabaseSession.Mode.READ_ONLY);
        assertThat(viewModel.noticeProperty().get()).isEmpty();
    }
}
