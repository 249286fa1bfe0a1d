package dev.cascadestudio.ui.grid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.service.GridFilter;
import dev.cascadestudio.service.GridPage;
import dev.cascadestudio.service.GridService;
import dev.cascadestudio.service.RowRef;
import dev.cascadestudio.testsupport.EngineDatabases;
import dev.cascadestudio.testsupport.TreeFixtures;
import dev.cascadestudio.ui.task.Activity;
import dev.cascadestudio.ui.task.CurrentThreadTaskExecutor;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The grid's state with the synchronous executor, on H2 with the demo data and 1,200 documents; expectations from SQL. */
class GridViewModelTest {

    @TempDir Path dir;
    Database database;
    GridViewModel model;

    @BeforeEach
    void open() {
        database = EngineDatabases.h2(dir);
        DemoData.load(database);
        TreeFixtures.documentsProject(database, "erin", 1_200);
        model = new GridViewModel(new Activity(new CurrentThreadTaskExecutor()));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aHiddenGridReadsNothingAndReadsWhenShown() {
        model.attach(new GridService(database));
        assertThat(model.rows()).isEmpty();
        assertThat(model.matchingProperty().get()).isEqualTo(-1);

        model.setActive(true);

        assertThat(model.matchingProperty().get()).isEqualTo(count("SELECT COUNT(*) FROM \"user\""));
        assertThat(model.rows()).extracting(r -> r.ref().uid()).isSortedAccordingTo(String::compareTo);
    }

    @Test
    void scrollingOnReadsTheNextPageUntilEveryRowIsThereOnce() {
        model.setActive(true);
        model.attach(new GridService(database));
        model.showTable("document");
        long documents = count("SELECT COUNT(*) FROM \"document\"");
        assertThat(model.rows()).hasSize(GridViewModel.PAGE);
        assertThat(model.matchingText()).isEqualTo(String.format("%,d matching", documents));

        while (model.moreProperty().get()) {
            model.loadMore();
        }

        assertThat(model.rows()).hasSize((int) documents);
        assertThat(new HashSet<>(model.rows().stream().map(r -> r.ref().uid()).toList())).hasSize((int) documents);
    }

    @Test
    void aSortOrAFilterReadsFromTheStartAndEndsAllMatching() {
        model.setActive(true);
        model.attach(new GridService(database));
        model.showTable("document");
        model.setFilter(GridFilter.NONE.withText("DOC-0119"));
        model.chooseAllMatching(true);

        model.sortBy("name", true);

        assertThat(model.allMatchingProperty().get()).isFalse();
        assertThat(model.rows()).extracting(r -> r.ref().name()).containsExactlyElementsOf(
                strings("SELECT \"name\" FROM \"document\" WHERE \"name\" LIKE 'doc-0119%' ORDER BY \"name\" DESC"))
                .hasSize(10).startsWith(TreeFixtures.documentName(1_199));
        model.showTable("run");
        assertThat(model.filter()).isEqualTo(GridFilter.NONE);
        assertThat(model.sortColumnProperty().get()).isEqualTo(GridViewModel.KEY_ORDER);
    }

    @Test
    void allMatchingAsksTheDatabaseForEveryRowNotOnlyTheLoadedOnes() {
        model.setActive(true);
        model.attach(new GridService(database));
        model.showTable("document");
        model.setFilter(GridFilter.NONE.withText("doc-00"));
        assertThat(model.rows()).hasSize(GridViewModel.PAGE);
        AtomicReference<List<Root>> chosen = new AtomicReference<>();

        model.chooseAllMatching(true);
        model.chosenRoots(List.of(), chosen::set, refused -> { throw new AssertionError(refused); });

        assertThat(chosen.get()).hasSize((int) count("SELECT COUNT(*) FROM \"document\" WHERE \"name\" LIKE 'doc-00%'"))
                .hasSize(999);

        model.chooseAllMatching(false);
        List<RowRef> picked = new ArrayList<>(model.rows().subList(0, 3).stream().map(GridPage.GridRow::ref).toList());
        picked.add(picked.get(0)); // the same uid twice (two versions) is one root
        model.chosenRoots(picked, chosen::set, refused -> { throw new AssertionError(refused); });
        assertThat(chosen.get()).hasSize(3);
    }

    @Test
    void aFilterTheDatabaseRefusesSaysWhyInOneSentence() {
        model.setActive(true);
        model.attach(new GridService(database));
        model.showTable("deployment");

        model.setFilter(GridFilter.NONE.withValue("is_remote", "perhaps"));

        assertThat(model.problemProperty().get()).isEqualTo("is_remote is true or false; 'perhaps' is neither.");
        assertThat(model.rows()).isEmpty();
    }

    private long count(String sql) {
        return database.fromConnection(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private List<String> strings(String sql) {
        return database.fromConnection(c -> {
            List<String> values = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) values.add(rs.getString(1));
            }
            return values;
        });
    }
}
