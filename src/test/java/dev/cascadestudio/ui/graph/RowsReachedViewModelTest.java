package dev.cascadestudio.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.persistence.demo.RowBuilder;
import dev.cascadestudio.service.CascadeService;
import dev.cascadestudio.testsupport.EngineDatabases;
import dev.cascadestudio.testsupport.TreeFixtures;
import dev.cascadestudio.ui.graph.RowsReachedViewModel.FoldItem;
import dev.cascadestudio.ui.graph.RowsReachedViewModel.Group;
import dev.cascadestudio.ui.graph.RowsReachedViewModel.RowItem;
import dev.cascadestudio.ui.task.CurrentThreadTaskExecutor;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rows view's tree on H2, each read run at once: what the first drawing holds, folding at more than
 * eight rows, unfolding a page or all up to the cap, and drawing a collapsed row's children.
 */
class RowsReachedViewModelTest {

    @TempDir Path dir;
    private Database database;
    private CascadeService service;
    private final RowsReachedViewModel viewModel = new RowsReachedViewModel(new CurrentThreadTaskExecutor());

    @AfterEach
    void close() {
        if (database != null) database.close();
    }

    @Test
    void aGroupOfMoreThanEightRowsFoldsAndUnfoldsAPageThenAllUpToTheCap() {
        open();
        String project = TreeFixtures.documentsProject(database, "erin", 250);
        DeletePlan plan = service.plan(List.of(new Root("project", project)));

        viewModel.load(ReachedRowsSource.of(service, plan));

        RowItem root = viewModel.roots().get(0);
        Group documents = group(root, "document");
        assertThat(documents.count()).isEqualTo(250);
        assertThat(documents.rows()).hasSize(RowsReachedViewModel.SHOWN_WHEN_FOLDED);
        FoldItem fold = documents.fold();
        assertThat(fold.remaining()).isEqualTo(247);
        assertThat(viewModel.items()).contains(fold);
        assertThat(viewModel.links()).contains(new RowsReachedViewModel.Link(root.id(), fold.id(), documents.edge()));

        viewModel.unfold(fold, false);
        assertThat(documents.rows()).hasSize(3 + RowsReachedViewModel.PAGE);
        assertThat(fold.remaining()).isEqualTo(222);

        viewModel.unfold(fold, true);
        assertThat(documents.rows()).hasSize(RowsReachedViewModel.CAP);
        assertThat(fold.capped()).isTrue();
        assertThat(fold.remaining()).isEqualTo(50);
        viewModel.unfold(fold, true);
        assertThat(documents.rows()).as("no more past the cap").hasSize(RowsReachedViewModel.CAP);
        assertThat(documents.rows()).extracting(r -> r.row().key().uid()).doesNotHaveDuplicates();
        assertThat(viewModel.summaryProperty().get())
                .isEqualTo(String.format("Drawn %,d of the %,d rows this delete changes",
                        viewModel.items().stream().filter(i -> i instanceof RowItem).count(), plan.affectedRowCount()));
        assertThat(viewModel.items().stream().filter(i -> i instanceof RowItem r && r.row().key().table().equals("document")))
                .hasSize(RowsReachedViewModel.CAP);
    }

    @Test
    void aSmallGroupIsDrawnWholeAndACollapsedRowDrawsItsChildrenWhenExpanded() {
        open();
        DeletePlan plan = service.plan(List.of(new Root("project", RowBuilder.uid("project", "customer-support-assistant"))));

        viewModel.load(ReachedRowsSource.of(service, plan));

        RowItem root = viewModel.roots().get(0);
        assertThat(root.isRoot()).isTrue();
        assertThat(root.groups()).allSatisfy(g -> {
            assertThat(g.count()).isLessThanOrEqualTo(RowsReachedViewModel.FOLD_AT);
            assertThat(g.rows()).hasSize((int) g.count());
            assertThat(g.fold()).isNull();
        });
        List<RowItem> collapsed = viewModel.items().stream().filter(i -> i instanceof RowItem r && r.expandable())
                .map(i -> (RowItem) i).toList();
        assertThat(collapsed).as("the first drawing stops at its budget").isNotEmpty();
        RowItem row = collapsed.get(0);
        int before = viewModel.items().size();

        viewModel.expand(row);

        assertThat(row.expanded()).isTrue();
        assertThat(row.expandable()).isFalse();
        long drawnChildren = row.groups().stream().mapToLong(g -> g.rows().size() + (g.fold() == null ? 0 : 1)).sum();
        assertThat(viewModel.items()).hasSize(before + (int) drawnChildren);
        assertThat(row.groups()).allSatisfy(g -> {
            assertThat(g.count()).isPositive();
            assertThat(g.rows().size() + (g.fold() == null ? 0 : g.fold().remaining())).isEqualTo(g.count());
            assertThat(g.rows()).allSatisfy(c -> assertThat(c.parent()).isSameAs(row));
        });
        // every row drawn is one the plan changes, drawn once
        assertThat(viewModel.items().stream().filter(i -> i instanceof RowItem).count()).isLessThanOrEqualTo(plan.affectedRowCount());
    }

    private static Group group(RowItem row, String table) {
        return row.groups().stream().filter(g -> g.edge().childTable().equals(table)).findFirst().orElseThrow();
    }

    private void open() {
        database = EngineDatabases.h2(dir);
        DemoData.load(database);
        service = new CascadeService(database, dir.resolve("snapshots"));
    }
}
