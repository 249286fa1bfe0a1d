package dev.cascadestudio.persistence;

import static dev.cascadestudio.testsupport.TestDatabases.quote;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.domain.DomainModel;
import dev.cascadestudio.persistence.demo.DataGenerator;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.testsupport.TestDatabases;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDataTest {

    private static final List<String> TABLES = DomainModel.TABLES.stream().map(MappingRules::tableOf).toList();
    private static final List<String> VERSIONED_TABLES = TABLES.stream().filter(t -> !t.equals("user")).toList();
    private static final List<String> PROJECT_CHILDREN =
            List.of("data_source", "dataset", "model", "prompt", "document", "workflow", "deployment");
    private static final List<String> WORKFLOW_CHILDREN = List.of("schedule", "run", "session", "deployment");

    @TempDir
    Path tempDir;

    @Test
    void demoDataShowsEveryKindOfRowAndRelationship() {
        try (TestDatabases db = TestDatabases.fresh(tempDir)) {
            long written = DemoData.load(db.database());

            assertThat(written).as("rows reported written").isEqualTo(totalRows(db));
            assertThat(db.count("user")).isGreaterThanOrEqualTo(4);
            assertThat(db.count("project", hasChildIn(PROJECT_CHILDREN, "project_id", "project")))
                    .as("projects with a row in each of %s", PROJECT_CHILDREN).isPositive();
            assertThat(db.count("workflow", hasChildIn(WORKFLOW_CHILDREN, "workflow_id", "workflow")))
                    .as("workflows with a row in each of %s", WORKFLOW_CHILDREN).isPositive();
            assertThat(db.count("deployment", "EXISTS (SELECT 1 FROM \"model\" m WHERE m.\"uid\" = \"deployment\".\"model_id\""
                    + " AND m.\"project_id\" <> \"deployment\".\"project_id\")"))
                    .as("deployments serving another project's model").isPositive();
            assertThat(db.count("project", "\"owner_id\" IS NULL")).as("projects without owner").isPositive();
            assertThat(VERSIONED_TABLES.stream().filter(t -> !t.equals("project"))
                    .mapToLong(t -> db.count(t, "\"owner_id\" IS NULL")).sum()).as("other rows without owner").isPositive();
        }
    }

    @Test
    void demoDataLabelsEveryProjectAsAFactoryProjectAndLabelsRowsOfEveryTable() {
        try (TestDatabases db = TestDatabases.fresh(tempDir)) {
            DemoData.load(db.database());

            assertThat(db.count("project")).isPositive();
            assertThat(db.count("project", "NOT EXISTS (SELECT 1 FROM \"project_labels\" l"
                    + " WHERE l.\"parent\" = \"project\".\"name\" AND l.\"name\" = '_GENAI_FACTORY')"))
                    .as("projects without a _GENAI_FACTORY label").isZero();
            Map<String, Long> labelledRows = TABLES.stream().collect(Collectors.toMap(t -> t,
                    t -> db.count(t + "_labels", "\"parent\" IN (SELECT \"name\" FROM " + quote(t) + ")")));
            assertThat(labelledRows).as("labels of existing rows, per table").allSatisfy((table, n) -> assertThat(n).isPositive());
        }
    }

    @Test
    void demoDataIsTheSameOnEveryLoad() {
        try (TestDatabases first = TestDatabases.fresh(tempDir.resolve("first"));
             TestDatabases second = TestDatabases.fresh(tempDir.resolve("second"))) {
            DemoData.load(first.database());
            DemoData.load(second.database());

            assertThat(first.dump()).isNotEmpty().isEqualTo(second.dump());
        }
    }

    @Test
    void theGeneratorWritesAboutTheRowsAskedForWithABigProjectOfAtLeastTheRowsAskedFor() {
        try (TestDatabases db = TestDatabases.fresh(tempDir)) {
            DataGenerator.Result result = DataGenerator.generate(db.database(), 5000, 2000);

            long total = totalRows(db);
            assertThat(total).isEqualTo(result.rows()).isBetween(5000L, 5000L + 50);
            assertThat(db.value("project", result.bigProjectUid(), "name")).isEqualTo(DataGenerator.BIG_PROJECT);
            assertThat(rowsReachableFromProject(db, result.bigProjectUid())).isBetween(2000L, 2000L + 50);
        }
    }

    /**
     * The rows a delete of the project reaches: the project, its children, its workflows'
     * schedules, runs (also by schedule) and sessions, deployments using its models or workflows,
     * and the labels of all of them.
     */
    private static long rowsReachableFromProject(TestDatabases db, String project) {
        String workflows = "(SELECT \"uid\" FROM \"workflow\" WHERE \"project_id\" = ?)";
        String models = "(SELECT \"uid\" FROM \"model\" WHERE \"project_id\" = ?)";
        String schedules = "(SELECT \"uid\" FROM \"schedule\" WHERE \"workflow_id\" IN " + workflows + ")";
        Map<String, String> reached = new LinkedHashMap<>();
        reached.put("project", "\"uid\" = ?");
        PROJECT_CHILDREN.stream().filter(t -> !t.equals("deployment")).forEach(t -> reached.put(t, "\"project_id\" = ?"));
        reached.put("deployment", "\"project_id\" = ? OR \"workflow_id\" IN " + workflows + " OR \"model_id\" IN " + models);
        reached.put("schedule", "\"workflow_id\" IN " + workflows);
        reached.put("session", "\"workflow_id\" IN " + workflows);
        reached.put("run", "\"workflow_id\" IN " + workflows + " OR \"schedule_id\" IN " + schedules);
        long rows = 0;
        for (Map.Entry<String, String> e : reached.entrySet()) {
            String table = e.getKey();
            Object[] args = Collections.nCopies((int) e.getValue().chars().filter(c -> c == '?').count(), project).toArray();
            rows += db.count(table, e.getValue(), args);
            rows += db.count(table + "_labels", "\"parent\" IN (SELECT \"name\" FROM " + quote(table) + " WHERE " + e.getValue() + ")", args);
        }
        return rows;
    }

    private static long totalRows(TestDatabases db) {
        return db.tableNames().stream().mapToLong(db::count).sum();
    }

    /** SQL: the {@code parent} row has a row in every one of {@code tables} whose {@code column} is its uid. */
    private static String hasChildIn(List<String> tables, String column, String parent) {
        return tables.stream().map(t -> "EXISTS (SELECT 1 FROM " + quote(t) + " c WHERE c." + quote(column)
                + " = " + quote(parent) + ".\"uid\")").collect(Collectors.joining(" AND "));
    }
}
