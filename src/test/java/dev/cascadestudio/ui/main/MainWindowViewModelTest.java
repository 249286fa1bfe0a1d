package dev.cascadestudio.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascadestudio.service.DatabaseSession;
import dev.cascadestudio.ui.delete.DeferredTaskExecutor;
import dev.cascadestudio.ui.main.MainWindowViewModel.Phase;
import dev.cascadestudio.ui.task.CurrentThreadTaskExecutor;
import dev.cascadestudio.ui.tree.TreeEntry;
import dev.cascadestudio.ui.tree.TreeTexts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main window's state, driven synchronously on a real embedded database with the demo data. */
class MainWindowViewModelTest {

    @TempDir
    Path home;

    private final List<DatabaseSession> opened = new ArrayList<>();
    private MainWindowViewModel viewModel;

    @BeforeEach
    void useTemporaryDataHome() {
        System.setProperty("cascade.home", home.toString());
    }

    @AfterEach
    void close() {
        if (viewModel != null) {
            viewModel.close();
        }
        opened.forEach(DatabaseSession::close);
        System.clearProperty("cascade.home");
    }

    private MainWindowViewModel viewModel(Supplier<DatabaseSession> opener) {
        viewModel = new MainWindowViewModel(new CurrentThreadTaskExecutor(), opener);
        return viewModel;
    }

    private DatabaseSession openDemo() {
        DatabaseSession session = DatabaseSession.open(null, null, null);
        opened.add(session);
        return session;
    }

    private List<String> topLevel() {
        return viewModel.tree().root().getChildren().stream().map(TreeItem::getValue).map(TreeTexts::title).toList();
    }

    @Test
    void openingShowsTheUsersAndUnownedAtTheTopOfTheTree() {
        viewModel(this::openDemo).open();

        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.READY);
        assertThat(topLevel()).containsExactly("alice", "bob", "carol", "dmitri", "erin", "Unowned");
        assertThat(viewModel.tree().root().getChildren()).extracting(item -> item.getValue() instanceof TreeEntry.RowEntry row
                ? row.count() : ((TreeEntry.UnownedEntry) item.getValue()).count()).containsExactly(2L, 1L, 1L, 0L, 0L, 3L);
        assertThat(viewModel.userCountProperty().get()).isEqualTo("5");
        assertThat(viewModel.contentSummaryProperty().get()).isEqualTo("5 users · 71 rows");
        assertThat(viewModel.databaseDescriptionProperty().get()).startsWith("H2 · ").contains(home.toString());
        assertThat(viewModel.windowTitleProperty().get())
                .isEqualTo("Cascade Studio — Editing — " + viewModel.databaseDescriptionProperty().get());
        assertThat(viewModel.bandProperty().get()).isEqualTo("Editing — " + viewModel.databaseDescriptionProperty().get());
        assertThat(viewModel.writableProperty().get()).as("the embedded database opens for editing").isTrue();
        assertThat(viewModel.statusMessageProperty().get()).isEqualTo("New database created with demo data");
        assertThat(viewModel.canRefreshProperty().get()).isTrue();
        assertThat(viewModel.search().enabledProperty().get()).isTrue();
    }

    @Test
    void openingAfterACrashCutADeleteOffSaysTheDeleteWasUndone() {
        DatabaseSession first = openDemo();
        String url = first.database().url();
        first.database().fromConnection(c -> {
            // what an executor that is killed after its backup and some of its statements leaves behind
            dev.cascadestudio.persistence.H2DeleteJournal.begin(c, first.database().h2File(), null);
            try (java.sql.Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM \"project_labels\"");
            }
            return null;
        });
        first.close();
        opened.remove(first);

        viewModel(() -> {
            DatabaseSession session = DatabaseSession.open(url, null, null);
            opened.add(session);
            return session;
        }).open();

        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.READY);
        assertThat(viewModel.noticeProperty().get()).isEqualTo(MainWindowViewModel.INTERRUPTED_DELETE_UNDONE);
        assertThat(viewModel.contentSummaryProperty().get()).isEqualTo("5 users · 71 rows");
    }

    @Test
    void anotherH2FileWithACrashJournalOpensReadOnlyUnrecoveredAndEditingRecoversIt() {
        String url = dev.cascadestudio.testsupport.TreeFixtures.windowDatabase(home.resolve("crashed"));
        String full;
        try (DatabaseSession editing = DatabaseSession.open(url, null, null, DatabaseSession.Mode.EDITING)) {
            full = String.format("%,d rows", editing.browse().totalRows());
            editing.database().fromConnection(c -> {
                dev.cascadestudio.persistence.H2DeleteJournal.begin(c, editing.database().h2File(), null);
                try (java.sql.Statement s = c.createStatement()) {
                    s.executeUpdate("DELETE FROM \"run\"");
                }
                return null; // the process dies before the journal is finished
            });
        }
        List<DatabaseSession.Mode> asked = new ArrayList<>();
        viewModel = new MainWindowViewModel(new CurrentThreadTaskExecutor(), (target, mode) -> {
            asked.add(mode);
            DatabaseSession session = mode == null ? DatabaseSession.open(target.url(), null, null)
                    : DatabaseSession.open(target.url(), null, null, mode);
            opened.add(session);
            return session;
        }, DatabaseTarget.of(url), null);
        viewModel.open();

        assertThat(viewModel.modeProperty().get()).isEqualTo(DatabaseSession.Mode.READ_ONLY);
        assertThat(viewModel.writableProperty().get()).isFalse();
        assertThat(viewModel.noticeProperty().get()).isEqualTo(MainWindowViewModel.INTERRUPTED_DELETE_PENDING);
        assertThat(viewModel.interruptedDeletePendingProperty().get()).isTrue();
        assertThat(viewModel.bandProperty().get()).isEqualTo("Read-only — " + viewModel.databaseDescriptionProperty().get());
        assertThat(viewModel.windowTitleProperty().get()).startsWith("Cascade Studio — Read-only — H2 · ");
        assertThat(viewModel.contentSummaryProperty().get()).as("shown as the crash left it").doesNotEndWith(full);

        List<String> failures = new ArrayList<>();
        viewModel.switchMode(DatabaseSession.Mode.EDITING, () -> {}, failures::add);

        assertThat(failures).isEmpty();
        assertThat(asked).containsExactly(null, DatabaseSession.Mode.EDITING);
        assertThat(viewModel.writableProperty().get()).isTrue();
        assertThat(viewModel.noticeProperty().get()).isEqualTo(MainWindowViewModel.INTERRUPTED_DELETE_UNDONE);
        assertThat(viewModel.interruptedDeletePendingProperty().get()).isFalse();
        assertThat(viewModel.contentSummaryProperty().get()).endsWith(full);
        assertThat(viewModel.windowTitleProperty().get()).startsWith("Cascade Studio — Editing — H2 · ");
        assertThat(opened.get(0).database().isClosed()).as("the read-only session is closed").isTrue();

        viewModel.switchMode(DatabaseSession.Mode.READ_ONLY, () -> {}, failures::add);
        assertThat(viewModel.writableProperty().get()).isFalse();
        assertThat(failures).isEmpty();
    }

    @Test
    void busyWhileTheDatabaseOpensAndIdleAfterwards() {
        List<String> seenDuringOpen = new ArrayList<>();
        viewModel(() -> {
            seenDuringOpen.add(viewModel.busyProperty().get() + " " + viewModel.statusMessageProperty().get()
                    + " " + viewModel.phaseProperty().get());
            return openDemo();
        }).open();

        assertThat(seenDuringOpen).containsExactly("true Opening database… OPENING");
        assertThat(viewModel.busyProperty().get()).isFalse();
    }

    @Test
    void refreshSaysWhenItRead() {
        viewModel(this::openDemo).open();

        viewModel.refresh();

        assertThat(viewModel.statusMessageProperty().get()).startsWith("Refreshed at ");
        assertThat(topLevel()).hasSize(6);
        assertThat(viewModel.canRefreshProperty().get()).isTrue();
    }

    @Test
    void aDatabaseThatCannotBeOpenedShowsTheReasonAndTryAgainOpensAgain() throws Exception {
        String notAController = "jdbc:h2:file:" + home.resolve("empty");
        java.sql.DriverManager.getConnection(notAController).close(); // an H2 file without controller tables
        AtomicInteger attempts = new AtomicInteger();
        viewModel(() -> attempts.incrementAndGet() == 1 ? DatabaseSession.open(notAController, null, null) : openDemo())
                .open();

        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.FAILED);
        assertThat(viewModel.errorTitleProperty().get()).isEqualTo("Cannot open the database");
        assertThat(viewModel.errorMessageProperty().get())
                .isEqualTo("This database holds no GenAI Factory controller tables (" + notAController + ")."
                + " It is empty: `cascade-studio init` gives it Cascade Studio's schema.");
        assertThat(viewModel.windowTitleProperty().get()).isEqualTo("Cascade Studio");
        assertThat(viewModel.canRefreshProperty().get()).isFalse();
        assertThat(viewModel.busyProperty().get()).isFalse();
        assertThat(viewModel.tree().root().getChildren()).extracting(TreeItem::getValue)
                .doesNotHaveAnyElementsOfTypes(TreeEntry.RowEntry.class);

        viewModel.retry();

        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.READY);
        assertThat(viewModel.errorMessageProperty().get()).isEmpty();
        assertThat(topLevel()).hasSize(6);
    }

    @Test
    void anUnexpectedFailureIsShownAsOneSentence() {
        viewModel(() -> {
            throw new IllegalStateException("connection reset\n\tat some.Driver.read(Driver.java:1)");
        }).open();

        assertThat(viewModel.errorMessageProperty().get())
                .isEqualTo("The database reported an error: connection reset");
    }

    @Test
    void closingTheWindowClosesTheDatabaseAndEmptiesTheTree() {
        viewModel(this::openDemo).open();
        DatabaseSession session = opened.get(0);

        viewModel.close();

        assertThat(viewModel.canRefreshProperty().get()).isFalse();
        assertThat(viewModel.tree().root().getChildren()).isEmpty();
        assertThat(viewModel.search().enabledProperty().get()).isFalse();
        assertThatThrownBy(() -> session.browse().userSummaries()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDatabaseThatFinishesOpeningAfterTheWindowClosedIsClosedAgain() {
        List<DatabaseSession> late = new ArrayList<>();
        viewModel(() -> {
            DatabaseSession session = openDemo();
            late.add(session);
            viewModel.close();
            return session;
        }).open();

        assertThat(viewModel.canRefreshProperty().get()).isFalse();
        assertThat(topLevel()).isEmpty();
        assertThatThrownBy(() -> late.get(0).browse().userSummaries()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void openingAnotherDatabaseShowsItAndClosesThePreviousOne() throws Exception {
        String other = dev.cascadestudio.testsupport.TreeFixtures.windowDatabase(home.resolve("other"));
        List<DatabaseSession> sessions = new ArrayList<>();
        viewModel = new MainWindowViewModel(new CurrentThreadTaskExecutor(), (target, mode) -> {
            DatabaseSession session = DatabaseSession.open(target.url(), target.user(), target.password());
            sessions.add(session);
            return session;
        }, DatabaseTarget.EMBEDDED, null);
        viewModel.open();
        List<String> failures = new ArrayList<>();

        viewModel.switchTo(DatabaseTarget.of(other), () -> {}, failures::add);

        assertThat(failures).isEmpty();
        assertThat(viewModel.openTargetProperty().get()).isEqualTo(DatabaseTarget.of(other));
        assertThat(viewModel.databaseDescriptionProperty().get()).contains("other");
        assertThat(topLevel()).startsWith("alice");
        assertThatThrownBy(() -> sessions.get(0).browse().userSummaries()).as("the previous database is closed")
                .isInstanceOf(IllegalStateException.class);
        opened.addAll(sessions.subList(1, sessions.size()));
    }

    @Test
    void aDatabaseThatCannotBeOpenedLeavesTheCurrentOneOpenAndSaysWhy() throws Exception {
        String notAController = "jdbc:h2:file:" + home.resolve("empty");
        java.sql.DriverManager.getConnection(notAController).close();
        viewModel = new MainWindowViewModel(new CurrentThreadTaskExecutor(),
                (target, mode) -> target.isEmbedded() ? openDemo() : DatabaseSession.open(target.url(), null, null),
                DatabaseTarget.EMBEDDED, null);
        viewModel.open();
        String before = viewModel.databaseDescriptionProperty().get();
        List<String> failures = new ArrayList<>();

        viewModel.switchTo(DatabaseTarget.of(notAController), () -> failures.add("switched"), failures::add);

        assertThat(failures).containsExactly("This database holds no GenAI Factory controller tables (" + notAController + ")."
                + " It is empty: `cascade-studio init` gives it Cascade Studio's schema.");
        assertThat(viewModel.databaseDescriptionProperty().get()).isEqualTo(before);
        assertThat(viewModel.openTargetProperty().get()).isEqualTo(DatabaseTarget.EMBEDDED);
        assertThat(topLevel()).hasSize(6);
        assertThat(viewModel.canRefreshProperty().get()).isTrue();
    }

    @Test
    void aChosenFileBecomesTheUrlOfItsKind() {
        assertThat(OpenDatabaseViewModel.urlOf(Path.of("/data/controller/sql.db"))).isEqualTo("jdbc:sqlite:/data/controller/sql.db");
        assertThat(OpenDatabaseViewModel.urlOf(Path.of("/home/a/cascade-studio.mv.db")))
                .isEqualTo("jdbc:h2:file:/home/a/cascade-studio");
    }

    @Test
    void aChangeReportedWhileARefreshIsUnderWayIsReadOnceThatRefreshEnds() {
        DeferredTaskExecutor executor = new DeferredTaskExecutor();
        DatabaseSession session = openDemo();
        viewModel = new MainWindowViewModel(executor, () -> session);
        viewModel.open();
        executor.runPending();
        assertThat(topLevel()).containsExactly("alice", "bob", "carol", "dmitri", "erin", "Unowned");

        viewModel.refresh(); // say, after a delete: the counts and the tree are read again
        executor.runOne();   // the counts are read before the change below; the tree is still to be read
        assertThat(viewModel.canRefreshProperty().get()).as("under way").isFalse();
        session.database().fromConnection(c -> { // an Undo puts a user back meanwhile, and says so
            try (java.sql.Statement s = c.createStatement()) {
                return s.executeUpdate("INSERT INTO \"user\" (\"uid\", \"name\", \"created\") VALUES ('zoe-1', 'zoe', CURRENT_TIMESTAMP)");
            }
        });
        viewModel.refresh();
        executor.runPending();

        assertThat(topLevel()).as("the tree read after the change").containsExactly("alice", "bob", "carol", "dmitri", "erin", "zoe", "Unowned");
        assertThat(viewModel.contentSummaryProperty().get()).isEqualTo("6 users · 72 rows");
        assertThat(viewModel.canRefreshProperty().get()).isTrue();
    }
}
