package dev.cascadestudio.cascade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascadestudio.persistence.BatchInserter;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.persistence.demo.RowBuilder;
import dev.cascadestudio.service.CascadeService;
import dev.cascadestudio.testsupport.CanonicalDump;
import dev.cascadestudio.testsupport.EngineDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deleting the demo's customer-support project, on Cascade Studio's H2, on a controller's SQLite file,
 * and on the servers: a controller's MariaDB (foreign keys enforced) and PostgreSQL, and Cascade
 * Studio's own PostgreSQL schema.
 */
class DeleteScenarioTest {

    static final String SUPPORT = RowBuilder.uid("project", "customer-support-assistant");
    static final String TRIAGE = RowBuilder.uid("workflow", "ticket-triage");

    @TempDir Path dir;
    Database database;
    CascadeService service;
    Path snapshots;

    void open(EngineDatabases.Kind kind) {
        database = EngineDatabases.open(kind, dir);
        DemoData.load(database);
        snapshots = dir.resolve("snapshots");
        service = new CascadeService(database, snapshots);
    }

    @AfterEach
    void close() {
        if (database != null) EngineDatabases.close(database);
    }

    long count(String sql) {
        return database.fromConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(EngineDatabases.sql(database, sql)); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    void exec(String sql) {
        database.fromConnection(c -> c.createStatement().executeUpdate(EngineDatabases.sql(database, sql)));
    }

    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void planListsEveryDeletedAndNulledRowWithItsRoute(EngineDatabases.Kind kind) {
        open(kind);
        DeletePlan plan = service.plan(List.of(new Root("project", SUPPORT)));

        assertThat(plan.deletedFrom("project").count()).isEqualTo(1);
        assertThat(plan.deletedFrom("workflow").count()).isEqualTo(3);
        assertThat(plan.deletedFrom("schedule").count()).isEqualTo(2);
        assertThat(plan.deletedFrom("schedule").routes()).singleElement()
                .satisfies(r -> assertThat(r.route().describe()).isEqualTo("project → workflow → schedule"));
        assertThat(plan.deletedFrom("run")).as("runs survive a project delete").isNull();
        assertThat(plan.nulledIn("run", "workflow_id").count()).isEqualTo(8);
        assertThat(plan.nulledIn("run", "schedule_id").count()).isEqualTo(6);
        assertThat(plan.nulledIn("run", "schedule_id").routes().get(0).route().describe())
                .isEqualTo("project → workflow → schedule → run.schedule_id");
        assertThat(plan.nulledIn("deployment", "model_id").count())
                .as("only the other project's deployment of the shared embedder; this project's own are deleted anyway")
                .isEqualTo(1);
        assertThat(plan.nulledIn("deployment", "workflow_id")).isNull();
        // 18 values: 8 runs' workflow_id, 6 runs' schedule_id, 1 deployment's model_id, 3 sessions' workflow_id;
        // the 6 runs of the two deleted schedules belong to deleted workflows too: 12 rows
        assertThat(plan.summary()).isEqualTo("Delete 31 rows, set 18 values in 12 rows to NULL");
        assertThat(plan.nulledRowCount()).isEqualTo(12);
        assertThat(plan.affectedRowCount()).isEqualTo(31 + 12);
        assertThat(plan.statements()).first().asString().startsWith("UPDATE");
        assertThat(plan.statements()).last().asString().startsWith("DELETE FROM").contains(database.sqlNames().quote("project"));
    }

    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void executingDeletesThePlanAndNullsExactlyItsColumns(EngineDatabases.Kind kind) {
        open(kind);
        long runs = count("SELECT COUNT(*) FROM \"run\"");
        DeletePlan plan = service.plan(List.of(new Root("project", SUPPORT)));

        ExecutionResult result = service.execute(plan, ProgressListener.NONE);

        assertThat(count("SELECT COUNT(*) FROM \"project\" WHERE \"uid\" = '" + SUPPORT + "'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM \"workflow\" WHERE \"project_id\" = '" + SUPPORT + "'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM \"run\"")).as("runs are never deleted by a project delete").isEqualTo(runs);
        assertThat(count("SELECT COUNT(*) FROM \"run\" WHERE \"name\" LIKE 'kb-ingestion-run-%' AND \"workflow_id\" IS NULL AND \"schedule_id\" IS NULL"))
                .isEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM \"deployment\" WHERE \"name\" = 'intranet-search-prod' AND \"model_id\" IS NULL")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM \"project_labels\" WHERE \"parent\" = 'customer-support-assistant'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM \"project_labels\" WHERE \"parent\" = 'fraud-detection'")).as("other labels stay").isEqualTo(2);
        assertThat(result.snapshot()).exists();
    }

    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void aRunAddedAfterPlanningMakesThePlanStaleAndNothingChanges(EngineDatabases.Kind kind) throws Exception {
        open(kind);
        DeletePlan plan = service.plan(List.of(new Root("project", SUPPORT)));
        database.fromConnection(c -> {
            try (BatchInserter in = new BatchInserter(c, database.kind(), database.sqlNames(), 10)) {
                new RowBuilder(in, LocalDateTime.of(2026, 5, 1, 8, 0)).run("late-run", TRIAGE, null, null, "running");
            }
            return null;
        });
        String before = CanonicalDump.of(database);

        assertThatThrownBy(() -> service.execute(plan, ProgressListener.NONE))
                .isInstanceOfSatisfying(StalePlanException.class, e -> {
                    assertThat(e.currentPlan().nulledIn("run", "workflow_id").count()).isEqualTo(9);
                    assertThat(e.getMessage()).contains("nothing was deleted").contains("set 19 values in 13 rows to NULL");
                });
        assertThat(CanonicalDump.of(database)).isEqualTo(before);
        assertThat(snapshots).satisfiesAnyOf(p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
    }

    @ParameterizedTest
    @EnumSource(value = EngineDatabases.Kind.class, names = {"POSTGRESQL_CONTROLLER", "POSTGRESQL"})
    void onPostgreSqlTheSnapshotIsWrittenBesideTheStatementsAndTheCommitWaitsForItsCheck(EngineDatabases.Kind kind) {
        open(kind);
        String before = CanonicalDump.of(database);
        List<String> progress = new java.util.ArrayList<>();

        ExecutionResult result = service.execute(service.plan(List.of(new Root("project", SUPPORT))),
                (done, total, message) -> progress.add(message));

        assertThat(progress.get(0)).isEqualTo("Writing the snapshot while the statements run");
        assertThat(progress.get(1)).startsWith("Setting ");
        assertThat(progress.subList(progress.size() - 2, progress.size()))
                .containsExactly("Finishing the snapshot and checking that the plan still holds", "Committing");
        assertThat(count("SELECT COUNT(*) FROM \"workflow\" WHERE \"project_id\" = '" + SUPPORT + "'")).isZero();
        service.restore(result.snapshot());
        assertThat(CanonicalDump.of(database)).as("the snapshot read beside the statements holds the rows as before").isEqualTo(before);
    }

    /** Another session commits a run of the project's workflow while the snapshot is read beside the statements. */
    private ProgressListener addingALateRunAtTheFirstStatement(boolean[] added) {
        return (done, total, message) -> {
            if (message.startsWith("Setting ") && !added[0]) {
                added[0] = true;
                database.fromConnection(c -> {
                    try (BatchInserter in = new BatchInserter(c, database.kind(), database.sqlNames(), 10)) {
                        new RowBuilder(in, LocalDateTime.of(2026, 5, 1, 8, 0)).run("late-run", TRIAGE, null, null, "running");
                    }
                    return null;
                });
            }
        };
    }

    /**
     * The delete's statements see the data as its snapshot does (REPEATABLE READ, {@code PostgreSqlProduct}): a run
     * another session adds meanwhile is not among the rows they take, and where the database declares the foreign key
     * its own check finds the new run and ends the delete, which then shows its plan again.
     */
    @ParameterizedTest
    @EnumSource(value = EngineDatabases.Kind.class, names = {"POSTGRESQL"})
    void onPostgreSqlWithForeignKeysARunAddedWhileTheStatementsRunMakesThePlanStaleAndNothingChanges(EngineDatabases.Kind kind) {
        open(kind);
        DeletePlan plan = service.plan(List.of(new Root("project", SUPPORT)));
        String before = CanonicalDump.of(database);
        boolean[] added = new boolean[1];

        assertThatThrownBy(() -> service.execute(plan, addingALateRunAtTheFirstStatement(added))).isInstanceOfSatisfying(StalePlanException.class,
                e -> assertThat(e.currentPlan().nulledIn("run", "workflow_id").count()).isEqualTo(9));

        assertThat(added[0]).isTrue();
        assertThat(count("SELECT COUNT(*) FROM \"run\" WHERE \"name\" = 'late-run' AND \"workflow_id\" = '" + TRIAGE + "'"))
                .as("the late run keeps its workflow: nothing of the delete was kept").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM \"workflow\" WHERE \"project_id\" = '" + SUPPORT + "'")).isEqualTo(3);
        assertThat(CanonicalDump.of(database)).isNotEqualTo(before); // the late run only
        assertThat(snapshots).as("the snapshot written beside the statements is removed")
                .satisfiesAnyOf(p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
    }

    /**
     * On a controller's PostgreSQL, which declares no foreign keys, nothing refuses a run added while the delete's
     * statements run: the delete takes exactly the rows it showed and its snapshot holds, and the late run keeps its
     * reference to the deleted workflow, as a run added just after the commit would (it is listed under "Unowned", and
     * Undo gives it its workflow back). Under READ COMMITTED the statements saw the late run and the delete refused,
     * but the same statements also took rows edited after the snapshot was read ({@link ConcurrentEditDuringDeleteTest}).
     */
    @ParameterizedTest
    @EnumSource(value = EngineDatabases.Kind.class, names = {"POSTGRESQL_CONTROLLER"})
    void onAControllersPostgreSqlARunAddedWhileTheStatementsRunIsLeftAsOneAddedAfterTheDelete(EngineDatabases.Kind kind) {
        open(kind);
        DeletePlan plan = service.plan(List.of(new Root("project", SUPPORT)));
        String before = CanonicalDump.of(database);
        boolean[] added = new boolean[1];

        ExecutionResult result = service.execute(plan, addingALateRunAtTheFirstStatement(added));

        assertThat(added[0]).isTrue();
        assertThat(count("SELECT COUNT(*) FROM \"workflow\" WHERE \"project_id\" = '" + SUPPORT + "'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM \"run\" WHERE \"workflow_id\" IS NULL AND \"name\" LIKE 'kb-ingestion-run-%'"))
                .as("the runs the delete showed lost their workflow").isEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM \"run\" WHERE \"name\" = 'late-run' AND \"workflow_id\" = '" + TRIAGE + "'"))
                .as("the late run, not in the plan, keeps its (now dangling) workflow").isEqualTo(1);

        service.restore(result.snapshot());

        assertThat(count("SELECT COUNT(*) FROM \"workflow\" WHERE \"project_id\" = '" + SUPPORT + "'")).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM \"run\" WHERE \"name\" = 'late-run' AND \"workflow_id\" = '" + TRIAGE + "'"))
                .as("the late run's workflow is back").isEqualTo(1);
        exec("DELETE FROM \"run\" WHERE \"name\" = 'late-run'");
        assertThat(CanonicalDump.of(database)).as("the snapshot held exactly the rows the delete took").isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void aRowRelinkedAfterPlanningMakesThePlanStale(EngineDatabases.Kind kind) {
        open(kind);
        DeletePlan plan = service.plan(List.of(new Root("project", SUPPORT)));
        // the fraud team's smoke-test run is moved onto a workflow of the project being deleted
        exec("UPDATE \"run\" SET \"workflow_id\" = '" + TRIAGE + "' WHERE \"name\" = 'scoring-smoke-test'");
        String before = CanonicalDump.of(database);

        assertThatThrownBy(() -> service.execute(plan, ProgressListener.NONE)).isInstanceOf(StalePlanException.class);
        assertThat(CanonicalDump.of(database)).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void runsSwappedInAndOutAfterPlanningMakeThePlanStaleThoughTheCountsStay(EngineDatabases.Kind kind) {
        open(kind);
        DeletePlan plan = service.plan(List.of(new Root("project", SUPPORT)));
        // one run of the project's workflow moves to the fraud team's, and theirs moves in: same counts
        exec("UPDATE \"run\" SET \"workflow_id\" = (SELECT \"workflow_id\" FROM \"run\" WHERE \"name\" = 'scoring-smoke-test')"
                + " WHERE \"uid\" = (SELECT MIN(\"uid\") FROM \"run\" WHERE \"workflow_id\" = '" + TRIAGE + "')");
        exec("UPDATE \"run\" SET \"workflow_id\" = '" + TRIAGE + "' WHERE \"name\" = 'scoring-smoke-test'");
        String before = CanonicalDump.of(database);

        assertThatThrownBy(() -> service.execute(plan, ProgressListener.NONE))
                .isInstanceOfSatisfying(StalePlanException.class, e -> assertThat(e.currentPlan().nulledIn("run", "workflow_id").count())
                        .isEqualTo(plan.nulledIn("run", "workflow_id").count()));
        assertThat(CanonicalDump.of(database)).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void restorePutsEverythingBackExactly(EngineDatabases.Kind kind) {
        open(kind);
        String before = CanonicalDump.of(database);
        ExecutionResult result = service.execute(service.plan(List.of(new Root("project", SUPPORT), new Root("user", RowBuilder.uid("user", "bob")))),
                ProgressListener.NONE);
        assertThat(CanonicalDump.of(database)).isNotEqualTo(before);

        Restorer.RestoreResult restored = service.restore(result.snapshot());

        assertThat(restored.rowsInserted()).isEqualTo(result.plan().deletedCount());
        assertThat(restored.valuesRestored()).isEqualTo(result.plan().nulledValueCount());
        assertThat(CanonicalDump.of(database)).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void restoreRefusesWhenANewRowTookADeletedName(EngineDatabases.Kind kind) {
        open(kind);
        ExecutionResult result = service.execute(service.plan(List.of(new Root("project", SUPPORT))), ProgressListener.NONE);
        database.fromConnection(c -> {
            try (BatchInserter in = new BatchInserter(c, database.kind(), database.sqlNames(), 10)) {
                new RowBuilder(in, LocalDateTime.of(2026, 6, 1, 8, 0)).project("customer-support-assistant-v2", null, "new");
            }
            return null;
        });
        // the new project's own label first: MariaDB's enforced labels.parent → name refuses renaming a labelled row
        exec("DELETE FROM \"project_labels\" WHERE \"parent\" = 'customer-support-assistant-v2'");
        exec("UPDATE \"project\" SET \"name\" = 'customer-support-assistant' WHERE \"name\" = 'customer-support-assistant-v2'");
        String before = CanonicalDump.of(database);

        assertThatThrownBy(() -> service.restore(result.snapshot()))
                .isInstanceOfSatisfying(RestoreConflictException.class, e ->
                        assertThat(e.getMessage()).contains("project 'customer-support-assistant': another row took this name")
                                .contains("Nothing was changed"));
        assertThat(CanonicalDump.of(database)).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void restoreRefusesASnapshotCutShort(EngineDatabases.Kind kind) throws Exception {
        open(kind);
        ExecutionResult result = service.execute(service.plan(List.of(new Root("project", SUPPORT))), ProgressListener.NONE);
        List<String> lines = Files.readAllLines(result.snapshot());
        Path cut = dir.resolve("cut.jsonl");
        Files.write(cut, lines.subList(0, lines.size() / 2));
        String before = CanonicalDump.of(database);

        assertThatThrownBy(() -> service.restore(cut)).hasMessageContaining("incomplete");
        assertThat(CanonicalDump.of(database)).isEqualTo(before);
    }
}
