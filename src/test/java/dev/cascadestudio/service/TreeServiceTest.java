package dev.cascadestudio.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cascadestudio.cascade.CascadeGraph;
import dev.cascadestudio.domain.ForeignKeyRule;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.persistence.demo.RowBuilder;
import dev.cascadestudio.service.TreeStep.GroupStep;
import dev.cascadestudio.service.TreeStep.RowStep;
import dev.cascadestudio.service.TreeStep.UnownedStep;
import dev.cascadestudio.service.TreeStep.UserStep;
import dev.cascadestudio.testsupport.EngineDatabases;
import dev.cascadestudio.testsupport.TreeFixtures;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The tree's groups, pages and paths on the demo data, on H2 and on a controller's SQLite file. */
class TreeServiceTest {

    @TempDir Path dir;
    Database database;
    TreeService tree;

    void open(EngineDatabases.Kind kind) {
        database = EngineDatabases.open(kind, dir);
        DemoData.load(database);
        tree = new TreeService(database, CascadeGraph.fromMapping());
    }

    @AfterEach
    void close() {
        if (database != null) database.close();
    }

    long sqlCount(String sql) {
        return database.fromConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    String q(String identifier) {
        return database.sqlNames().quote(identifier);
    }

    static RowRef row(String table, String name) {
        return new RowRef(table, RowBuilder.uid(table, name), table.equals("user") ? null : "", name);
    }

    @ParameterizedTest
    @EnumSource(value = EngineDatabases.Kind.class, names = {"H2", "SQLITE"}) // the embedded kinds; servers: see README, Tests
    void aProjectHasOneGroupPerChildKindCountedInTheDatabase(EngineDatabases.Kind kind) {
        open(kind);
        String support = RowBuilder.uid("project", "customer-support-assistant");

        List<TreeGroup> groups = tree.groups(row("project", "customer-support-assistant"));

        assertThat(groups).extracting(g -> g.rule().childTable()).containsExactly(
                "data_source", "dataset", "model", "prompt", "document", "workflow", "deployment");
        for (TreeGroup group : groups) {
            assertThat(group.count()).as(group.rule().childTable()).isEqualTo(sqlCount("SELECT COUNT(*) FROM "
                    + database.sqlNames().quote(group.rule().childTable()) + " WHERE " + q("project_id") + " = '" + support + "'"));
        }
        assertThat(groups).extracting(TreeGroup::count).containsExactly(2L, 2L, 2L, 3L, 3L, 3L, 2L);
    }

    @Test
    void aWorkflowHasSchedulesRunsSessionsAndDeploymentsAndAUserProjectsAndSessions() {
        open(EngineDatabases.Kind.H2);

        assertThat(tree.groups(row("workflow", "ticket-triage")))
                .extracting(g -> g.rule().childTable(), TreeGroup::count)
                .containsExactly(tuple("schedule", 1L), tuple("run", 2L), tuple("session", 2L), tuple("deployment", 1L));
        assertThat(tree.groups(row("schedule", "kb-ingestion-nightly")))
                .extracting(g -> g.rule().childTable(), TreeGroup::count).containsExactly(tuple("run", 4L));
        assertThat(tree.groups(row("user", "bob")))
                .extracting(g -> g.rule().childTable(), TreeGroup::count)
                .containsExactly(tuple("project", 1L), tuple("session", 2L));
    }

    @ParameterizedTest
    @EnumSource(value = EngineDatabases.Kind.class, names = {"H2", "SQLITE"}) // the embedded kinds; servers: see README, Tests
    void unownedGathersRowsWhoseOwnerOrParentIsNullOrGone(EngineDatabases.Kind kind) {
        open(kind);
        assertThat(tree.unownedGroups()).extracting(g -> g.rule().childTable(), TreeGroup::count)
                .containsExactly(tuple("project", 1L), tuple("run", 1L), tuple("session", 1L));

        // carol leaves without the controller's cascade: her project's owner_id now dangles
        database.fromConnection(c -> c.createStatement().executeUpdate(
                "DELETE FROM " + q("user") + " WHERE " + q("name") + " = 'carol'"));

        List<TreeGroup> unowned = tree.unownedGroups();
        assertThat(unowned).extracting(g -> g.rule().childTable(), TreeGroup::count)
                .containsExactly(tuple("project", 2L), tuple("run", 1L), tuple("session", 3L));
        assertThat(tree.rows(unowned.get(0).rule(), null, 0, 10)).extracting(RowRef::name)
                .containsExactly("enterprise-search", "legacy-migration");
        assertThat(tree.rows(unowned.get(1).rule(), null, 0, 10)).extracting(RowRef::name)
                .containsExactly("orphaned-run-2025-11");
    }

    /** Rows of the seven project kinds that point at the project, counted here with plain SQL. */
    long rowsUnderProject(String projectUid) {
        long rows = 0;
        for (String table : List.of("data_source", "dataset", "model", "prompt", "document", "workflow", "deployment")) {
            rows += sqlCount("SELECT COUNT(*) FROM " + q(table) + " WHERE " + q("project_id") + " = '" + projectUid + "'");
        }
        return rows;
    }

    @ParameterizedTest
    @EnumSource(value = EngineDatabases.Kind.class, names = {"H2", "SQLITE"}) // the embedded kinds; servers: see README, Tests
    void pagedProjectsCarryTheNumberOfRowsUnderThem(EngineDatabases.Kind kind) {
        open(kind);
        TreeFixtures.documentsProject(database, "alice", 30);
        ForeignKeyRule projects = tree.rule("user", "project");

        List<CountedRow> alices = tree.countedRows(projects, RowBuilder.uid("user", "alice"), 0, 500);
        assertThat(alices).extracting(CountedRow::row).isEqualTo(tree.rows(projects, RowBuilder.uid("user", "alice"), 0, 500));
        assertThat(alices).extracting(r -> r.row().name()).contains(TreeFixtures.DOCUMENTS_PROJECT);
        for (CountedRow project : alices) {
            assertThat(project.rowsUnder()).as(project.row().name()).isEqualTo(rowsUnderProject(project.row().uid()));
        }
        assertThat(alices).filteredOn(r -> r.row().name().equals(TreeFixtures.DOCUMENTS_PROJECT))
                .extracting(CountedRow::rowsUnder).containsExactly(30L);

        List<CountedRow> secondOnly = tree.countedRows(projects, RowBuilder.uid("user", "alice"), 1, 500);
        assertThat(secondOnly).isEqualTo(alices.subList(1, alices.size()));

        List<CountedRow> withoutOwner = tree.countedRows(projects, null, 0, 500);
        assertThat(withoutOwner).extracting(r -> r.row().name()).containsExactly("legacy-migration");
        assertThat(withoutOwner.get(0).rowsUnder()).isEqualTo(rowsUnderProject(withoutOwner.get(0).row().uid())).isPositive();

        ForeignKeyRule documents = tree.rule("project", "document");
        String archive = RowBuilder.uid("project", TreeFixtures.DOCUMENTS_PROJECT);
        assertThat(tree.countedRows(documents, archive, 10, 5)).extracting(CountedRow::rowsUnder).containsOnly(-1L);
        assertThat(tree.countedRows(documents, archive, 10, 5)).extracting(CountedRow::row)
                .isEqualTo(tree.rows(documents, archive, 10, 5));
    }

    @ParameterizedTest
    @EnumSource(value = EngineDatabases.Kind.class, names = {"H2", "SQLITE"}) // the embedded kinds; servers: see README, Tests
    void rowsComeByNameInPagesAndCountsMatch(EngineDatabases.Kind kind) {
        open(kind);
        TreeFixtures.documentsProject(database, "erin", 1_200);
        ForeignKeyRule documents = tree.rule("project", "document");
        String archive = RowBuilder.uid("project", TreeFixtures.DOCUMENTS_PROJECT);

        assertThat(tree.count(documents, archive)).isEqualTo(1_200);
        List<RowRef> first = tree.rows(documents, archive, 0, 500);
        List<RowRef> third = tree.rows(documents, archive, 1_000, 500);
        assertThat(first).hasSize(500);
        assertThat(first.get(0).name()).isEqualTo("doc-00001");
        assertThat(third).hasSize(200);
        assertThat(third.get(199).name()).isEqualTo("doc-01200");
    }

    @Test
    void aRunUnderAScheduleIsLocatedThroughOwnerProjectWorkflowAndSchedule() {
        open(EngineDatabases.Kind.H2);

        List<TreeStep> path = tree.locate(row("run", "kb-ingestion-run-2")).orElseThrow();

        assertThat(path).containsExactly(
                new UserStep(row("user", "alice")),
                new GroupStep(tree.rule("user", "project"), RowBuilder.uid("user", "alice")),
                new RowStep(row("project", "customer-support-assistant"), 0),
                new GroupStep(tree.rule("project", "workflow"), RowBuilder.uid("project", "customer-support-assistant")),
                new RowStep(row("workflow", "kb-ingestion"), 0),
                new GroupStep(tree.rule("workflow", "schedule"), RowBuilder.uid("workflow", "kb-ingestion")),
                new RowStep(row("schedule", "kb-ingestion-nightly"), 0),
                new GroupStep(tree.rule("schedule", "run"), RowBuilder.uid("schedule", "kb-ingestion-nightly")),
                new RowStep(row("run", "kb-ingestion-run-2"), 1));
    }

    @Test
    void rowsWithoutALiveParentAreLocatedUnderUnowned() {
        open(EngineDatabases.Kind.H2);

        assertThat(tree.locate(row("run", "orphaned-run-2025-11")).orElseThrow()).containsExactly(
                new UnownedStep(),
                new GroupStep(tree.rule("workflow", "run"), null),
                new RowStep(row("run", "orphaned-run-2025-11"), 0));
        assertThat(tree.locate(row("run", "legacy-batch-run-1")).orElseThrow()).startsWith(
                new UnownedStep(), new GroupStep(tree.rule("user", "project"), null),
                new RowStep(row("project", "legacy-migration"), 0));
        assertThat(tree.locate(new RowRef("run", "no-such-uid", "", "x"))).isEmpty();
    }

    @Test
    void aRowBeyondTheFirstPageIsLocatedAtItsPosition() {
        open(EngineDatabases.Kind.H2);
        TreeFixtures.documentsProject(database, "erin", 1_200);

        List<TreeStep> path = tree.locate(row("document", TreeFixtures.documentName(1_042))).orElseThrow();

        assertThat(path.get(path.size() - 1)).isEqualTo(new RowStep(row("document", "doc-01042"), 1_041));
    }
}
