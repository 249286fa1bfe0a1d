package dev.cascadestudio.ui.tree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.persistence.demo.RowBuilder;
import dev.cascadestudio.service.DatabaseSession;
import dev.cascadestudio.service.RowRef;
import dev.cascadestudio.service.UserSummary;
import dev.cascadestudio.service.connections.ConnectionTier;
import dev.cascadestudio.testsupport.TreeFixtures;
import dev.cascadestudio.ui.details.RowDetailsViewModel;
import dev.cascadestudio.ui.main.DatabaseTarget;
import dev.cascadestudio.ui.main.MainWindowViewModel;
import dev.cascadestudio.ui.task.CurrentThreadTaskExecutor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browse tree, the details and the search as the main window's view model drives them, with
 * the synchronous executor, on the demo data plus a project of 1,200 documents.
 */
class BrowserTreeModelTest {

    @TempDir Path dir;
    String url;
    DatabaseSession session;
    MainWindowViewModel viewModel;
    BrowserTreeModel tree;

    @BeforeEach
    void open() {
        url = TreeFixtures.windowDatabase(dir);
        viewModel = new MainWindowViewModel(new CurrentThreadTaskExecutor(), () -> {
            session = DatabaseSession.open(url, null, null, DatabaseSession.Mode.EDITING); // the tests change rows behind the tree
            return session;
        });
        viewModel.open();
        tree = viewModel.tree();
    }

    @AfterEach
    void close() {
        viewModel.close();
    }

    static List<String> titles(TreeItem<TreeEntry> item) {
        return item.getChildren().stream().map(child -> TreeTexts.title(child.getValue())).toList();
    }

    static TreeItem<TreeEntry> child(TreeItem<TreeEntry> item, String title) {
        return item.getChildren().stream().filter(c -> TreeTexts.title(c.getValue()).equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + title + " under " + titles(item)));
    }

    /** Expands each title in turn from the top, as a user clicking down the tree would. */
    TreeItem<TreeEntry> open(String... path) {
        TreeItem<TreeEntry> item = tree.root();
        for (String title : path) {
            item = child(item, title);
            item.setExpanded(true);
        }
        return item;
    }

    static long count(TreeItem<TreeEntry> group) {
        return ((TreeEntry.GroupEntry) group.getValue()).count();
    }

    @Test
    void aNodeShowsLoadingUntilItIsExpanded() {
        TreeItem<TreeEntry> alice = child(tree.root(), "alice");

        assertThat(titles(alice)).containsExactly("Loading…");
        alice.setExpanded(true);
        assertThat(titles(alice)).containsExactly("Projects", "Sessions");
    }

    @Test
    void expandingGoesUserProjectGroupRowGroupRow() {
        TreeItem<TreeEntry> support = open("alice", "Projects", "customer-support-assistant");
        assertThat(titles(support)).containsExactly(
                "Data sources", "Datasets", "Models", "Prompts", "Documents", "Workflows", "Deployments");
        assertThat(support.getChildren()).extracting(BrowserTreeModelTest::count).containsExactly(2L, 2L, 2L, 3L, 3L, 3L, 2L);

        TreeItem<TreeEntry> nightly = open("alice", "Projects", "customer-support-assistant", "Workflows", "kb-ingestion");
        assertThat(titles(nightly)).containsExactly("Schedules", "Runs", "Sessions", "Deployments");
        assertThat(titles(open("alice", "Projects", "customer-support-assistant", "Workflows", "kb-ingestion",
                "Schedules", "kb-ingestion-nightly", "Runs")))
                .containsExactly("kb-ingestion-run-1", "kb-ingestion-run-2", "kb-ingestion-run-3", "kb-ingestion-run-4");
        assertThat(child(open("alice", "Projects", "customer-support-assistant", "Workflows", "kb-ingestion", "Schedules",
                "kb-ingestion-nightly", "Runs"), "kb-ingestion-run-1").isLeaf()).isTrue();
    }

    @Test
    void anEmptyGroupStaysListedButCannotBeExpanded() {
        // the fixture's document archive holds documents and nothing else
        TreeItem<TreeEntry> archive = open("erin", "Projects", TreeFixtures.DOCUMENTS_PROJECT);
        TreeItem<TreeEntry> deployments = child(archive, "Deployments");

        assertThat(count(deployments)).isZero();
        assertThat(deployments.isLeaf()).as("an empty group has no expand arrow").isTrue();
        assertThat(deployments.getChildren()).as("nor a Loading… child waiting to be read").isEmpty();
        assertThat(child(archive, "Documents").isLeaf()).isFalse();
    }

    /**
     * The first level comes in two steps: the users as soon as they are read, then "Unowned" once every table's rows
     * without an owner are counted (most of the first level's time on a big database). In between the users are
     * there, the level counts as shown, and "Unowned" is not yet listed.
     */
    @Test
    void theUsersShowBeforeTheRowsWithoutAnOwnerAreCountedAndUnownedFollows() {
        viewModel.close();
        dev.cascadestudio.ui.delete.DeferredTaskExecutor tasks = new dev.cascadestudio.ui.delete.DeferredTaskExecutor();
        viewModel = new MainWindowViewModel(tasks, () -> DatabaseSession.open(url, null, null, DatabaseSession.Mode.EDITING));
        viewModel.open();
        tree = viewModel.tree();
        for (int i = 0; i < 20 && !tree.firstLevelShown(); i++) {
            tasks.runOne();
        }

        assertThat(tree.firstLevelShown()).as("the users are shown").isTrue();
        assertThat(titles(tree.root())).containsExactly("alice", "bob", "carol", "dmitri", "erin");
        assertThat(tasks.pendingCount()).as("the count of rows without an owner still to come").isPositive();

        tasks.runPending();
        assertThat(titles(tree.root())).containsExactly("alice", "bob", "carol", "dmitri", "erin", "Unowned");
        TreeItem<TreeEntry> unowned = open("Unowned");
        tasks.runPending();
        assertThat(titles(unowned)).containsExactly("Projects without owner", "Runs without workflow", "Sessions without owner");
    }

    /**
     * A start: the open reads the users on its first connection while Hibernate starts, and the window shows
     * them before the session is handed over. A user opened and chosen meanwhile stays so, and what is under it
     * and its details are read once the session is there.
     */
    @Test
    void usersReadBeforeTheSessionIsReadyShowAtOnceAndWhatWasOpenedMeanwhileIsReadWhenItIs() {
        viewModel.close();
        List<String> meanwhile = new ArrayList<>();
        List<TreeItem<TreeEntry>> aliceMeanwhile = new ArrayList<>();
        viewModel = new MainWindowViewModel(new CurrentThreadTaskExecutor(), withFirstUsers(firstUsers -> {
            DatabaseSession opened = DatabaseSession.open(url, null, null, DatabaseSession.Mode.EDITING,
                    ConnectionTier.DEVELOPMENT, firstUsers);
            // not handed over yet: what the window shows until it is, and what the administrator does meanwhile
            BrowserTreeModel shown = viewModel.tree();
            meanwhile.addAll(titles(shown.root()));
            meanwhile.add("first level shown: " + shown.firstLevelShown());
            TreeItem<TreeEntry> alice = child(shown.root(), "alice");
            alice.setExpanded(true);
            shown.selectedItemProperty().set(alice);
            meanwhile.add("under alice: " + titles(alice));
            meanwhile.add("details: " + viewModel.details().modeProperty().get());
            aliceMeanwhile.add(alice);
            return opened;
        }), DatabaseTarget.EMBEDDED, null);
        viewModel.open();
        tree = viewModel.tree();

        assertThat(meanwhile).containsExactly("alice", "bob", "carol", "dmitri", "erin", "first level shown: true",
                "under alice: [Loading…]", "details: EMPTY");
        TreeItem<TreeEntry> alice = child(tree.root(), "alice");
        assertThat(alice).as("the same item, still open and chosen").isSameAs(aliceMeanwhile.get(0));
        assertThat(alice.isExpanded()).isTrue();
        assertThat(tree.selectedItemProperty().get()).isSameAs(alice);
        assertThat(titles(alice)).containsExactly("Projects", "Sessions");
        assertThat(titles(tree.root())).containsExactly("alice", "bob", "carol", "dmitri", "erin", "Unowned");
        assertThat(viewModel.details().modeProperty().get()).isEqualTo(RowDetailsViewModel.Mode.ROW);
        assertThat(viewModel.details().titleProperty().get()).isEqualTo("alice");
    }

    /** The users of a database whose open then fails do not stay in the tree under the error. */
    @Test
    void usersReadBeforeAnOpenThatFailsAreNotLeftInTheTree() {
        viewModel.close();
        List<String> meanwhile = new ArrayList<>();
        viewModel = new MainWindowViewModel(new CurrentThreadTaskExecutor(), withFirstUsers(firstUsers -> {
            DatabaseSession.open(url, null, null, DatabaseSession.Mode.EDITING, ConnectionTier.DEVELOPMENT, firstUsers).close();
            meanwhile.addAll(titles(viewModel.tree().root()));
            throw new IllegalStateException("Hibernate could not start");
        }), DatabaseTarget.EMBEDDED, null);
        viewModel.open();

        assertThat(meanwhile).as("shown while it opened").containsExactly("alice", "bob", "carol", "dmitri", "erin");
        assertThat(viewModel.phaseProperty().get()).isEqualTo(MainWindowViewModel.Phase.FAILED);
        assertThat(titles(viewModel.tree().root())).isEmpty();
        assertThat(viewModel.tree().firstLevelShown()).isFalse();
    }

    /** The start's open of {@code database}: it hands on the users it reads before the session is ready. */
    static MainWindowViewModel.Opener withFirstUsers(java.util.function.Function<Consumer<List<UserSummary>>, DatabaseSession> database) {
        return new MainWindowViewModel.Opener() {
            @Override
            public DatabaseSession open(DatabaseTarget target, DatabaseSession.Mode mode) {
                throw new AssertionError("the window's open hands on the users read first");
            }

            @Override
            public DatabaseSession open(DatabaseTarget target, DatabaseSession.Mode mode, Consumer<List<UserSummary>> firstUsers) {
                return database.apply(firstUsers);
            }
        };
    }

    @Test
    void unownedListsProjectsAndSessionsWithoutOwnerAndRunsWithoutWorkflow() {
        TreeItem<TreeEntry> unowned = open("Unowned");

        assertThat(titles(unowned)).containsExactly("Projects without owner", "Runs without workflow", "Sessions without owner");
        assertThat(titles(open("Unowned", "Runs without workflow"))).containsExactly("orphaned-run-2025-11");
        assertThat(titles(open("Unowned", "Projects without owner", "legacy-migration", "Workflows", "legacy-batch", "Runs")))
                .containsExactly("legacy-batch-run-1");
    }

    @Test
    void aLongGroupShowsFiveHundredRowsAtATime() {
        TreeItem<TreeEntry> documents = open("erin", "Projects", TreeFixtures.DOCUMENTS_PROJECT, "Documents");

        assertThat(count(documents)).isEqualTo(1_200);
        assertThat(documents.getChildren()).hasSize(501);
        assertThat(titles(documents).get(500)).isEqualTo("Show 500 more");

        tree.showMore(documents.getChildren().get(500));
        assertThat(documents.getChildren()).hasSize(1_001);
        assertThat(titles(documents).get(999)).isEqualTo("doc-01000");
        assertThat(titles(documents).get(1_000)).isEqualTo("Show 200 more");

        tree.showMore(documents.getChildren().get(1_000));
        assertThat(titles(documents)).hasSize(1_200).endsWith("doc-01200").doesNotContain("Show 200 more");
    }

    @Test
    void revealOpensThePathToARunUnderAScheduleAndSelectsIt() {
        tree.reveal(new RowRef("run", RowBuilder.uid("run", "kb-ingestion-run-3"), "", "kb-ingestion-run-3"));

        TreeItem<TreeEntry> selected = tree.selectedItemProperty().get();
        assertThat(path(selected)).containsExactly("alice", "Projects", "customer-support-assistant", "Workflows",
                "kb-ingestion", "Schedules", "kb-ingestion-nightly", "Runs", "kb-ingestion-run-3");
        for (TreeItem<TreeEntry> item = selected.getParent(); item != tree.root(); item = item.getParent()) {
            assertThat(item.isExpanded()).as(TreeTexts.title(item.getValue())).isTrue();
        }
    }

    @Test
    void revealReadsPagesUntilTheRowIsShown() {
        tree.reveal(new RowRef("document", RowBuilder.uid("document", "doc-01042"), "", "doc-01042"));

        TreeItem<TreeEntry> selected = tree.selectedItemProperty().get();
        assertThat(TreeTexts.title(selected.getValue())).isEqualTo("doc-01042");
        assertThat(selected.getParent().getChildren()).hasSize(1_200);
    }

    @Test
    void refreshKeepsWhatIsOpenAndSelectedAndShowsNewRows() throws Exception {
        TreeItem<TreeEntry> prompts = open("alice", "Projects", "customer-support-assistant", "Prompts");
        TreeItem<TreeEntry> documents = open("erin", "Projects", TreeFixtures.DOCUMENTS_PROJECT, "Documents");
        tree.showMore(documents.getChildren().get(500));
        TreeItem<TreeEntry> replyDraft = child(prompts, "reply-draft-prompt");
        tree.selectedItemProperty().set(replyDraft);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE \"prompt\" SET \"name\" = 'a-first-prompt' WHERE \"name\" = 'tone-check-prompt'");
        }

        viewModel.refresh();

        assertThat(titles(prompts)).containsExactly("a-first-prompt", "reply-draft-prompt", "ticket-triage-prompt");
        assertThat(prompts.isExpanded()).isTrue();
        assertThat(tree.selectedItemProperty().get()).isSameAs(replyDraft);
        assertThat(documents.isExpanded()).isTrue();
        assertThat(documents.getChildren()).hasSize(1_001);
        assertThat(viewModel.details().titleProperty().get()).isEqualTo("reply-draft-prompt");
    }

    @Test
    void selectingARowShowsAllItsColumnsSpecAndLabels() {
        TreeItem<TreeEntry> triage = child(open("alice", "Projects", "customer-support-assistant", "Workflows"), "ticket-triage");

        tree.selectedItemProperty().set(triage);

        RowDetailsViewModel details = viewModel.details();
        assertThat(details.modeProperty().get()).isEqualTo(RowDetailsViewModel.Mode.ROW);
        assertThat(details.kindTextProperty().get()).isEqualTo("WORKFLOW");
        assertThat(details.fields()).extracting(RowDetailsViewModel.FieldLine::name).containsExactly(
                "uid", "version", "name", "description", "created", "updated", "owner_id", "project_id",
                "workflow_type", "state");
        assertThat(details.fields()).filteredOn(f -> f.name().equals("updated")).singleElement()
                .satisfies(f -> assertThat(f.absent()).isTrue());
        assertThat(details.specProperty().get()).contains("\"steps\" : [").contains("\n");
        assertThat(details.labels()).extracting(RowDetailsViewModel.LabelLine::name, RowDetailsViewModel.LabelLine::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("owner-team", "platform"),
                        org.assertj.core.groups.Tuple.tuple("sla", "99.9"));
    }

    @Test
    void selectingAGroupDescribesIt() {
        tree.selectedItemProperty().set(open("Unowned", "Runs without workflow"));

        assertThat(viewModel.details().modeProperty().get()).isEqualTo(RowDetailsViewModel.Mode.SUMMARY);
        assertThat(viewModel.details().titleProperty().get()).isEqualTo("Runs without workflow");
        assertThat(viewModel.details().descriptionProperty().get()).startsWith("1 row whose workflow is not set");
    }

    @Test
    void searchFindsByLabelAndByNameAndChoosingRevealsTheRow() {
        viewModel.search().queryProperty().set("ticket=OPS-1234");
        viewModel.search().search();
        assertThat(viewModel.search().results()).extracting(hit -> hit.row().name()).containsExactly("kb-ingestion-run-3");
        assertThat(viewModel.search().summaryProperty().get()).isEqualTo("1 match");

        viewModel.search().queryProperty().set("INGESTION-RUN-");
        viewModel.search().search();
        assertThat(viewModel.search().results()).extracting(hit -> hit.row().name()).containsExactly(
                "kb-ingestion-run-1", "kb-ingestion-run-2", "kb-ingestion-run-3", "kb-ingestion-run-4");

        viewModel.search().choose(viewModel.search().results().get(1));
        assertThat(viewModel.search().showingResultsProperty().get()).isFalse();
        assertThat(TreeTexts.title(tree.selectedItemProperty().get().getValue())).isEqualTo("kb-ingestion-run-2");
        assertThat(viewModel.details().titleProperty().get()).isEqualTo("kb-ingestion-run-2");
    }

    @Test
    void searchSaysWhenThereAreMoreResultsThanShown() {
        viewModel.search().queryProperty().set("doc-");
        viewModel.search().search();

        assertThat(viewModel.search().results()).hasSize(200);
        assertThat(viewModel.search().summaryProperty().get()).isEqualTo("First 200 matches shown; more exist — refine the search");
    }

    static List<String> path(TreeItem<TreeEntry> item) {
        List<String> titles = new ArrayList<>();
        for (TreeItem<TreeEntry> i = item; i.getParent() != null; i = i.getParent()) {
            titles.add(0, TreeTexts.title(i.getValue()));
        }
        return titles;
    }
}
