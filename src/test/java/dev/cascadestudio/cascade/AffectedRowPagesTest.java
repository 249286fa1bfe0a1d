package dev.cascadestudio.cascade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.persistence.demo.RowBuilder;
import dev.cascadestudio.testsupport.EngineDatabases;
import dev.cascadestudio.testsupport.TreeFixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Pages by key ({@link Planner#pageAfter}) list exactly the rows, names and routes that pages by
 * offset list, in the same order, whatever the page size: on each effect of a plan with deleted
 * tables, nulled columns and several routes, on every product.
 */
class AffectedRowPagesTest {

    @TempDir Path dir;
    private Database database;

    @AfterEach
    void close() {
        if (database != null) database.close();
    }

    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void pagesByKeyListTheRowsPagesByOffsetList(EngineDatabases.Kind kind) {
        database = EngineDatabases.open(kind, dir);
        DemoData.load(database);
        TreeFixtures.documentsProject(database, "erin", 250);
        Planner planner = new Planner(database, CascadeGraph.fromMapping());
        DeletePlan plan = planner.plan(List.of(new Root("project", RowBuilder.uid("project", "customer-support-assistant")),
                new Root("project", RowBuilder.uid("project", TreeFixtures.DOCUMENTS_PROJECT)),
                new Root("user", RowBuilder.uid("user", "bob"))));
        List<DeletePlan.Effect> effects = new ArrayList<>(plan.deleted());
        effects.addAll(plan.nulled());
        assertThat(effects).hasSizeGreaterThan(10);

        for (DeletePlan.Effect effect : effects) {
            List<AffectedRow> byOffset = planner.page(plan, effect, 0, Integer.MAX_VALUE);
            assertThat(byOffset).as(effect.label()).hasSize((int) effect.count());
            for (int size : new int[] {1, 3, 7, 100}) {
                assertThat(byKey(planner, plan, effect, size)).as(effect.label() + ", pages of " + size).isEqualTo(byOffset);
            }
            assertThat(planner.allRows(plan, effect)).isEqualTo(byOffset.stream().map(AffectedRow::key).toList());
        }
    }

    private static List<AffectedRow> byKey(Planner planner, DeletePlan plan, DeletePlan.Effect effect, int size) {
        List<AffectedRow> rows = new ArrayList<>();
        RowKey after = null;
        while (true) {
            List<AffectedRow> page = planner.pageAfter(plan, effect, after, size);
            rows.addAll(page);
            if (page.size() < size) {
                return rows;
            }
            after = page.get(page.size() - 1).key();
        }
    }
}
