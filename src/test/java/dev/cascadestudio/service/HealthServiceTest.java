package dev.cascadestudio.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.persistence.demo.RowBuilder;
import dev.cascadestudio.service.HealthService.Category;
import dev.cascadestudio.service.HealthService.Finding;
import dev.cascadestudio.testsupport.BrokenReferences;
import dev.cascadestudio.testsupport.EngineDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Health view's findings on the demo data broken in three known ways: a user removed behind the
 * tool's back (its rows' owner_id and its labels left dangling), a run pointing at a workflow that
 * never existed, and a label whose parent names no prompt. The expected counts are read with plain
 * SQL for the values this test broke, not by looking for dangling values.
 */
class HealthServiceTest {

    private static final String TABLES_WITH_OWNERS = "project data_source dataset document model prompt workflow schedule run session deployment";

    @TempDir Path dir;
    private Database database;
    private HealthService health;

    @AfterEach
    void close() {
        if (database != null) database.close();
    }

    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void aCleanDatabaseHasNoFindings(EngineDatabases.Kind kind) {
        open(kind);

        HealthService.Report report = health.check();

        assertThat(report.healthy()).isTrue();
        assertThat(report.problemCount()).isZero();
    }

    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void eachBrokenReferenceIsAFindingWithItsCountAndItsRows(EngineDatabases.Kind kind) {
        open(kind);
        String carol = RowBuilder.uid("user", "carol");
        Map<String, Long> expected = new LinkedHashMap<>();
        database.fromConnection(c -> {
            for (String table : TABLES_WITH_OWNERS.split(" ")) {
                long owned = count(c, "SELECT COUNT(*) FROM " + q(table) + " WHERE " + q("owner_id") + " = ?", carol);
                if (owned > 0) expected.put(table + ".owner_id → user.uid", owned);
            }
            expected.put("run.workflow_id → workflow.uid", 1L);
            long carolsLabels = count(c, "SELECT COUNT(*) FROM " + q("user_labels") + " WHERE " + q("parent") + " = ?", "carol");
            expected.put("prompt_labels.parent → prompt.name", 1L);
            if (carolsLabels > 0) expected.put("user_labels.parent → user.name", carolsLabels);
            return null;
        });
        BrokenReferences.apply(database, kind);

        HealthService.Report report = health.check();

        Map<String, Long> found = new LinkedHashMap<>();
        report.findings().forEach(f -> found.put(f.title(), f.count()));
        assertThat(found).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(report.findings()).extracting(Finding::category).isSorted();
        assertThat(report.findings().get(0).category()).isEqualTo(Category.OWNER_GONE);
        assertThat(report.problemCount()).isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum());

        Finding run = finding(report, "run.workflow_id → workflow.uid");
        assertThat(run.category()).isEqualTo(Category.DANGLING);
        assertThat(run.rows()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("scoring-smoke-test");
            assertThat(p.value()).isEqualTo(BrokenReferences.MISSING_WORKFLOW);
            assertThat(p.row()).isEqualTo(new RowRef("run", RowBuilder.uid("run", "scoring-smoke-test"), "", "scoring-smoke-test"));
        });
        Finding label = finding(report, "prompt_labels.parent → prompt.name");
        assertThat(label.category()).isEqualTo(Category.ORPHAN_LABELS);
        assertThat(label.rows()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("reviewed-by");
            assertThat(p.value()).isEqualTo(BrokenReferences.MISSING_PROMPT);
            assertThat(p.row()).as("a label has no place of its own in the tree").isNull();
        });
        Finding projects = finding(report, "project.owner_id → user.uid");
        assertThat(projects.rows()).extracting(HealthService.Problem::value).containsOnly(carol);
        assertThat(projects.partial()).isFalse();
    }

    private void open(EngineDatabases.Kind kind) {
        database = EngineDatabases.open(kind, dir);
        DemoData.load(database);
        health = new HealthService(new CascadeService(database, dir.resolve("snapshots")));
    }

    private static Finding finding(HealthService.Report report, String title) {
        return report.findings().stream().filter(f -> f.title().equals(title)).findFirst().orElseThrow();
    }

    private String q(String name) {
        return database.sqlNames().quote(name);
    }

    private static long count(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
