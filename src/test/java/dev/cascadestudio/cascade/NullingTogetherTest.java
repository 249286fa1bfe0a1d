package dev.cascadestudio.cascade;

import static dev.cascadestudio.testsupport.EngineDatabases.count;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.DatabaseKind;
import dev.cascadestudio.persistence.demo.DataGenerator;
import dev.cascadestudio.service.CascadeService;
import dev.cascadestudio.testsupport.DatabaseFingerprint;
import dev.cascadestudio.testsupport.EngineDatabases;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A project's delete nulls two columns of {@code run} ({@code schedule_id} for the runs of its schedules,
 * {@code workflow_id} for the runs of its workflows; the first set lies within the second). On PostgreSQL, where every
 * UPDATE writes a new version of each row it touches, the commit sets both in one UPDATE, so each run is written once
 * (one UPDATE per column took 1.17 + 1.73 s on the 1M-row controller database, one for both 1.73 s); elsewhere one
 * UPDATE per column. Either way the same values become NULL, counted here by hand-written queries on the database
 * before the delete, and undo puts them all back.
 */
class NullingTogetherTest {

    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void runsLosingBothKeysAreWrittenOnceOnPostgreSqlAndLoseTheSameValuesEverywhere(EngineDatabases.Kind kind) throws Exception {
        Database database = EngineDatabases.open(kind, dir);
        try {
            String project = DataGenerator.generate(database, 3_000, 2_000).bigProjectUid();
            CascadeService service = new CascadeService(database, dir.resolve("snapshots"));
            // by hand, before the delete: the runs of the project's schedules and of its workflows, which the delete keeps
            String schedules = "SELECT s.\"uid\" FROM \"schedule\" s JOIN \"workflow\" w ON s.\"workflow_id\" = w.\"uid\""
                    + " WHERE w.\"project_id\" = ?";
            String workflows = "SELECT \"uid\" FROM \"workflow\" WHERE \"project_id\" = ?";
            long schedulesRuns = count(database, "SELECT COUNT(*) FROM \"run\" WHERE \"schedule_id\" IN (" + schedules + ")", project);
            long workflowsRuns = count(database, "SELECT COUNT(*) FROM \"run\" WHERE \"workflow_id\" IN (" + workflows + ")", project);
            long eitherRuns = count(database, "SELECT COUNT(*) FROM \"run\" WHERE \"schedule_id\" IN (" + schedules + ") OR \"workflow_id\" IN ("
                    + workflows + ")", project, project);
            long nullSchedules = count(database, "SELECT COUNT(*) FROM \"run\" WHERE \"schedule_id\" IS NULL");
            long nullWorkflows = count(database, "SELECT COUNT(*) FROM \"run\" WHERE \"workflow_id\" IS NULL");
            assertThat(schedulesRuns).as("runs that lose their schedule").isPositive().isLessThan(workflowsRuns);
            DatabaseFingerprint before = DatabaseFingerprint.of(database);

            DeletePlan plan = service.plan(List.of(new Root("project", project)));
            String q = database.sqlNames().quote("run");
            List<String> runUpdates = plan.statements().stream().filter(s -> s.startsWith("UPDATE " + q + " ")
                    || s.startsWith("UPDATE (") && s.contains(" JOIN " + q + " ON ")).toList();
            boolean together = database.kind() == DatabaseKind.POSTGRESQL;
            assertThat(runUpdates).as("the commit's UPDATEs of run").hasSize(together ? 1 : 2);
            if (together) {
                assertThat(runUpdates.get(0)).contains("\"schedule_id\" = CASE WHEN ", "\"workflow_id\" = CASE WHEN ");
            }
            assertThat(plan.nulledIn("run", "schedule_id").count()).isEqualTo(schedulesRuns);
            assertThat(plan.nulledIn("run", "workflow_id").count()).isEqualTo(workflowsRuns);

            List<String> progress = new java.util.ArrayList<>();
            ExecutionResult result = service.execute(plan, (done, total, message) -> progress.add(message));

            // what the progress line says while the statements run
            if (together) {
                assertThat(progress).contains("Setting schedule_id and workflow_id of run to NULL")
                        .doesNotContain("Setting run.schedule_id to NULL", "Setting run.workflow_id to NULL");
            } else {
                assertThat(progress).contains("Setting run.schedule_id to NULL", "Setting run.workflow_id to NULL");
            }

            assertThat(count(database, "SELECT COUNT(*) FROM \"run\" WHERE \"schedule_id\" IS NULL"))
                    .as("runs without a schedule after the delete").isEqualTo(nullSchedules + schedulesRuns);
            assertThat(count(database, "SELECT COUNT(*) FROM \"run\" WHERE \"workflow_id\" IS NULL"))
                    .as("runs without a workflow after the delete").isEqualTo(nullWorkflows + workflowsRuns);
            assertThat(result.plan().nulledRowCount()).as("rows kept with a key set to NULL, runs among them once each")
                    .isEqualTo(eitherRuns + otherNulledRows(plan));

            service.restore(result.snapshot());
            assertThat(DatabaseFingerprint.of(database)).as("undo: the database as before the delete").isEqualTo(before);
        } finally {
            EngineDatabases.close(database);
        }
    }

    /** Rows of other tables than run that the plan nulls, each once. */
    private static long otherNulledRows(DeletePlan plan) {
        return plan.nulled().stream().filter(e -> !e.table().equals("run")).mapToLong(DeletePlan.Effect::newRows).sum();
    }
}
