package dev.cascadestudio.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.ReachedRows;
import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.domain.ForeignKeyRule;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.persistence.demo.RowBuilder;
import dev.cascadestudio.testsupport.EngineDatabases;
import dev.cascadestudio.testsupport.TreeFixtures;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rows a delete reaches, read a parent and an edge at a time, on every product: walking the whole
 * tree from the roots finds exactly the plan's counts per table and per nulled column (the planner's
 * key scans count them another way), every row once; a group's count and pages agree with plain SQL.
 */
class ReachedRowsTest {

    @TempDir Path dir;
    private Database database;
    private CascadeService service;

    @AfterEach
    void close() {
        if (database != null) EngineDatabases.close(database);
    }

    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void theTreeUnderAProjectAddsUpToThePlan(EngineDatabases.Kind kind) {
        open(kind);
        DeletePlan plan = service.plan(List.of(new Root("project", RowBuilder.uid("project", "customer-support-assistant"))));

        assertWalkMatches(plan);
    }

    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void theTreeUnderAUserAndAWorkflowInsideItsProjectAddsUpToThePlan(EngineDatabases.Kind kind) {
        open(kind);
        // the workflow is a root and a child of the project: drawn once, as a root
        DeletePlan plan = service.plan(List.of(new Root("user", RowBuilder.uid("user", "alice")),
                new Root("project", RowBuilder.uid("project", "customer-support-assistant")),
                new Root("workflow", RowBuilder.uid("workflow", "ticket-triage"))));

        assertThat(plan.nulled()).isNotEmpty();
        assertWalkMatches(plan);
    }

    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void aGroupCountsAllItsRowsAndReadsThemAPageAtATime(EngineDatabases.Kind kind) {
        open(kind);
        String project = TreeFixtures.documentsProject(database, "erin", 30);
        DeletePlan plan = service.plan(List.of(new Root("project", project)));
        ReachedRows reached = service.reachedRows(plan);
        ForeignKeyRule documents = reached.edgesFrom("project").stream()
                .filter(e -> e.childTable().equals("document")).findFirst().orElseThrow();

        ReachedRows.Group first = reached.group(documents, project, 0, 8);
        ReachedRows.Group second = reached.group(documents, project, 8, 8);

        long plain = database.fromConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + q("document") + " WHERE " + q("project_id") + " = ?")) {
                ps.setString(1, project);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        assertThat(plain).isEqualTo(30);
        assertThat(first.count()).isEqualTo(30);
        assertThat(reached.counts(documents, List.of(project, "no-such-project"))).containsExactly(
                Map.entry(project, 30L), Map.entry("no-such-project", 0L));
        List<String> sortedNames = IntStream.rangeClosed(1, 30).mapToObj(TreeFixtures::documentName).sorted().toList();
        // names and uids sort differently: compare the set of a page with plain SQL's first page by key instead
        assertThat(first.rows()).hasSize(8).allSatisfy(r -> {
            assertThat(r.nulled()).isFalse();
            assertThat(r.key().table()).isEqualTo("document");
            assertThat(sortedNames).contains(r.name());
        });
        assertThat(second.rows()).hasSize(8);
        assertThat(first.rows()).doesNotContainAnyElementsOf(second.rows());
        List<String> firstUids = database.fromConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + q("uid") + " FROM " + q("document") + " WHERE "
                    + q("project_id") + " = ? ORDER BY " + q("uid") + ", " + q("version") + " LIMIT 8")) {
                ps.setString(1, project);
                try (ResultSet rs = ps.executeQuery()) {
                    List<String> uids = new java.util.ArrayList<>();
                    while (rs.next()) uids.add(rs.getString(1));
                    return uids;
                }
            }
        });
        assertThat(first.rows()).extracting(r -> r.key().uid()).containsExactlyElementsOf(firstUids);
        ReachedRows.Row root = reached.roots().get(0);
        assertThat(root.name()).isEqualTo(TreeFixtures.DOCUMENTS_PROJECT);
        assertThat(root.valueFor(documents)).isEqualTo(project);
    }

    /**
     * Walks every row from the roots, every group read whole, and adds up what it finds per table and
     * column. A parent value is expanded once (two versions of a row share their children).
     */
    private void assertWalkMatches(DeletePlan plan) {
        ReachedRows reached = service.reachedRows(plan);
        Map<String, Long> deleted = new LinkedHashMap<>();
        Map<String, Long> nulled = new LinkedHashMap<>();
        Set<String> seenRows = new HashSet<>();
        Set<String> expanded = new HashSet<>();
        Deque<ReachedRows.Row> toVisit = new ArrayDeque<>(reached.roots());
        assertThat(toVisit).extracting(r -> r.key().uid()).containsExactlyInAnyOrderElementsOf(
                plan.roots().stream().map(Root::uid).toList());
        while (!toVisit.isEmpty()) {
            ReachedRows.Row row = toVisit.pop();
            String id = row.key().table() + "/" + row.key().display() + (row.nulled() ? "." + row.via().column() : "");
            assertThat(seenRows.add(id)).as("%s drawn once", id).isTrue();
            if (row.nulled()) {
                nulled.merge(row.key().table() + "." + row.via().column(), 1L, Long::sum);
                continue;
            }
            deleted.merge(row.key().table(), 1L, Long::sum);
            for (ForeignKeyRule edge : reached.edgesFrom(row.key().table())) {
                String value = row.valueFor(edge);
                if (!expanded.add(edge + "=" + value)) continue;
                ReachedRows.Group group = reached.group(edge, value, 0, 100_000);
                assertThat(group.rows()).hasSize((int) group.count());
                assertThat(reached.counts(edge, List.of(value))).containsEntry(value, group.count());
                toVisit.addAll(group.rows());
            }
        }
        Map<String, Long> planDeleted = new LinkedHashMap<>();
        plan.deleted().forEach(e -> planDeleted.put(e.table(), e.count()));
        Map<String, Long> planNulled = new LinkedHashMap<>();
        plan.nulled().forEach(e -> planNulled.put(e.label(), e.count()));
        assertThat(deleted).containsExactlyInAnyOrderEntriesOf(planDeleted);
        assertThat(nulled).containsExactlyInAnyOrderEntriesOf(planNulled);
    }

    private void open(EngineDatabases.Kind kind) {
        database = EngineDatabases.open(kind, dir);
        DemoData.load(database);
        service = new CascadeService(database, dir.resolve("snapshots"));
    }

    private String q(String name) {
        return database.sqlNames().quote(name);
    }
}
