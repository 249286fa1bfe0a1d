package dev.cascadestudio.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascadestudio.service.DatabaseSession;
import dev.cascadestudio.service.UserSummary;
import dev.cascadestudio.ui.main.MainWindowViewModel.Phase;
import dev.cascadestudio.ui.task.CurrentThreadTaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first window's state, driven synchronously on a real embedded database with the demo data. */
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

    private UserSummary user(String name) {
        return viewModel.users().stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void openingListsEveryUserWithTheirProjectCountsAndTheUnownedEntry() {
        viewModel(this::openDemo).open();

        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.READY);
        assertThat(viewModel.users()).extracting(UserSummary::name, UserSummary::projectCount).containsExactly(
                org.assertj.core.groups.Tuple.tuple("alice", 2L),
                org.assertj.core.groups.Tuple.tuple("bob", 1L),
                org.assertj.core.groups.Tuple.tuple("carol", 1L),
                org.assertj.core.groups.Tuple.tuple("dmitri", 0L),
                org.assertj.core.groups.Tuple.tuple("erin", 0L),
                org.assertj.core.groups.Tuple.tuple("Unowned", 1L));
        assertThat(viewModel.userCountProperty().get()).isEqualTo("5");
        assertThat(viewModel.contentSummaryProperty().get()).isEqualTo("5 users · 71 rows");
        assertThat(viewModel.databaseDescriptionProperty().get()).startsWith("H2 · ").contains(home.toString());
        assertThat(viewModel.windowTitleProperty().get())
                .isEqualTo("Cascade Studio — " + viewModel.databaseDescriptionProperty().get());
        assertThat(viewModel.statusMessageProperty().get()).isEqualTo("New database created with demo data");
        assertThat(viewModel.canRefreshProperty().get()).isTrue();
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
    void nothingSelectedMeansNoDetails() {
        viewModel(this::openDemo).open();

        assertThat(viewModel.selectedUserProperty().get()).isNull();
        assertThat(viewModel.detailsProperty().getValue()).isNull();
    }

    @Test
    void selectingAUserShowsItsDetailsInWords() {
        viewModel(this::openDemo).open();

        viewModel.select(user("alice"));

        UserDetails details = viewModel.detailsProperty().getValue();
        assertThat(details.kind()).isEqualTo("User");
        assertThat(details.initial()).isEqualTo("A");
        assertThat(details.name()).isEqualTo("alice");
        assertThat(details.description()).isEqualTo("Alice Chen — ML platform lead");
        assertThat(details.projects()).isEqualTo("2 projects");
        assertThat(details.created()).isEqualTo("2026-03-02 09:00");
        assertThat(details.uid()).matches("[0-9a-f]{32}");
        assertThat(details.unowned()).isFalse();

        viewModel.select(user("erin"));
        assertThat(viewModel.detailsProperty().getValue().projects()).isEqualTo("No projects");
    }

    @Test
    void theUnownedEntryIsDescribedAsProjectsWithoutAnOwner() {
        viewModel(this::openDemo).open();

        viewModel.select(user("Unowned"));

        UserDetails details = viewModel.detailsProperty().getValue();
        assertThat(details.unowned()).isTrue();
        assertThat(details.kind()).isEqualTo("Projects without an owner");
        assertThat(details.projects()).isEqualTo("1 project");
        assertThat(details.uid()).isEqualTo("—");
        assertThat(details.created()).isEqualTo("—");
    }

    @Test
    void refreshKeepsTheSameUserSelected() {
        viewModel(this::openDemo).open();
        viewModel.select(user("bob"));
        UserSummary before = viewModel.selectedUserProperty().get();

        viewModel.refresh();

        assertThat(viewModel.statusMessageProperty().get()).startsWith("Refreshed at ");
        assertThat(viewModel.selectedUserProperty().get()).isEqualTo(before).isNotSameAs(before);
        assertThat(viewModel.users()).hasSize(6);
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
                .isEqualTo("This database holds no GenAI Factory controller tables (" + notAController + ").");
        assertThat(viewModel.windowTitleProperty().get()).isEqualTo("Cascade Studio");
        assertThat(viewModel.canRefreshProperty().get()).isFalse();
        assertThat(viewModel.busyProperty().get()).isFalse();

        viewModel.retry();

        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.READY);
        assertThat(viewModel.errorMessageProperty().get()).isEmpty();
        assertThat(viewModel.users()).hasSize(6);
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
    void closingTheWindowClosesTheDatabase() {
        viewModel(this::openDemo).open();
        DatabaseSession session = opened.get(0);

        viewModel.close();

        assertThat(viewModel.canRefreshProperty().get()).isFalse();
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
        assertThat(viewModel.users()).isEmpty();
        assertThatThrownBy(() -> late.get(0).browse().userSummaries()).isInstanceOf(IllegalStateException.class);
    }
}
