package dev.cascadestudio.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.persistence.MappedTables;
import dev.cascadestudio.persistence.MappingRules;
import dev.cascadestudio.testsupport.TestDatabases;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every cell of the "Delete Behavior Matrix" of spec/DATABASE_SCHEMA.md, checked by deleting the
 * column's row through Hibernate in a small database where every row is linked to every row it
 * can reference. Two cells follow the per-table rules where the matrix disagrees with them (see
 * {@link #RUN_SURVIVES_PROJECT} and {@link #SESSION_LOSES_WORKFLOW}).
 */
class DeleteBehaviorMatrixTest {

    private enum Outcome { DELETED, SET_NULL, UNTOUCHED }

    /** What one cell expects for the row; {@code note} is added to the display name. */
    private record Expect(Outcome outcome, List<String> nulled, String note) {}

    private static final Expect __ = new Expect(Outcome.UNTOUCHED, List.of(), "");
    private static final Expect DELETED = new Expect(Outcome.DELETED, List.of(), "");

    private static Expect nulls(String column) {
        return new Expect(Outcome.SET_NULL, List.of(column), "");
    }

    /** The matrix's "DELETED*": no project_id on schedule, the chain Project → Workflow → Schedule deletes it. */
    private static final Expect DELETED_VIA_WORKFLOW =
            new Expect(Outcome.DELETED, List.of(), " (via Project → Workflow → Schedule)");

    /**
     * The matrix says "DELETED*", but Run has no project_id and both Workflow → Run and Schedule → Run
     * are SET NULL: the per-table rules win, the run survives with both references NULL.
     */
    private static final Expect RUN_SURVIVES_PROJECT = new Expect(Outcome.SET_NULL, List.of("workflow_id", "schedule_id"),
            " (the run survives: the per-table SET NULL rules win over the matrix's DELETED*)");

    /**
     * The matrix says "-", but a session bound to one of the project's workflows loses that
     * reference by the per-table rule Workflow → Session SET NULL when the workflow goes with the project.
     */
    private static final Expect SESSION_LOSES_WORKFLOW = new Expect(Outcome.SET_NULL, List.of("workflow_id"),
            " (via Project → Workflow → Session SET NULL, where the matrix shows '-')");

    private static final List<String> COLUMNS = List.of("User", "Project", "Workflow", "Model", "Schedule");

    /** One cell: deleting a {@code deleting} row, what happens to the linked {@code row}. */
    private record Cell(String deleting, String row, Expect expect) {
        @Override
        public String toString() {
            String target = deleting.equals(row) ? "another " + row : row;
            String what = switch (expect.outcome()) {
                case DELETED -> target + " DELETED";
                case UNTOUCHED -> target + " untouched";
                case SET_NULL -> expect.nulled().stream().map(c -> row + "." + c + " = NULL")
                        .reduce((a, b) -> a + ", " + b).orElseThrow();
            };
            return "deleting " + deleting + " → " + what + expect.note();
        }
    }

    static Stream<Cell> matrix() {
        return Stream.of(
                //          row           deleting: User     Project                 Workflow              Model              Schedule
                matrixRow("Project",    nulls("owner_id"), __,                     __,                   __,                __),
                matrixRow("DataSource", nulls("owner_id"), DELETED,                __,                   __,                __),
                matrixRow("Dataset",    nulls("owner_id"), DELETED,                __,                   __,                __),
                matrixRow("Model",      nulls("owner_id"), DELETED,                __,                   __,                __),
                matrixRow("Prompt",     nulls("owner_id"), DELETED,                __,                   __,                __),
                matrixRow("Document",   nulls("owner_id"), DELETED,                __,                   __,                __),
                matrixRow("Workflow",   nulls("owner_id"), DELETED,                __,                   __,                __),
                matrixRow("Session",    nulls("owner_id"), SESSION_LOSES_WORKFLOW, nulls("workflow_id"), __,                __),
                matrixRow("Deployment", nulls("owner_id"), DELETED,                nulls("workflow_id"), nulls("model_id"), __),
                matrixRow("Schedule",   nulls("owner_id"), DELETED_VIA_WORKFLOW,   DELETED,              __,                __),
                matrixRow("Run",        nulls("owner_id"), RUN_SURVIVES_PROJECT,   nulls("workflow_id"), __,                nulls("schedule_id"))
        ).flatMap(s -> s);
    }

    private static Stream<Cell> matrixRow(String row, Expect... byColumn) {
        return IntStream.range(0, COLUMNS.size()).mapToObj(i -> new Cell(COLUMNS.get(i), row, byColumn[i]));
    }

    /** The entity the matrix names (its names are the entity class names). */
    private static Class<? extends BaseEntity> entity(String matrixName) {
        return DomainModel.TABLES.stream().filter(c -> c.getSimpleName().equals(matrixName)).findFirst().orElseThrow();
    }

    @TempDir
    Path tempDir;

    private TestDatabases db;
    /** Display name → uid of the world's row of that table; "another X" → a second row of X. */
    private final Map<String, String> world = new HashMap<>();

    /**
     * One user owning everything; a project with one row of each child table; a workflow with a
     * schedule, a run of both, a session, and the project's deployment of that workflow and its model.
     * Second project, model, workflow and schedule rows serve the diagonal cells ("-").
     */
    @BeforeEach
    void buildWorld() {
        db = TestDatabases.fresh(tempDir);
        String owner = put("User", db.user("owner"));
        String project = put("Project", db.project("project", owner));
        put("another Project", db.project("other-project", owner));
        put("DataSource", db.dataSource("data-source", project, owner));
        put("Dataset", db.dataset("dataset", project, owner));
        put("Prompt", db.prompt("prompt", project, owner));
        put("Document", db.document("document", project, owner));
        String model = put("Model", db.model("model", project, owner));
        put("another Model", db.model("other-model", project, owner));
        String workflow = put("Workflow", db.workflow("workflow", project, owner));
        put("another Workflow", db.workflow("other-workflow", project, owner));
        String schedule = put("Schedule", db.schedule("schedule", workflow, owner));
        put("another Schedule", db.schedule("other-schedule", workflow, owner));
        put("Run", db.run("run", workflow, schedule, owner));
        put("Session", db.session("session", workflow, owner));
        put("Deployment", db.deployment("deployment", project, workflow, model, owner));
    }

    private String put(String key, String uid) {
        world.put(key, uid);
        return uid;
    }

    @AfterEach
    void close() {
        db.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void deletingAParentTreatsTheLinkedRowAsTheMatrixSays(Cell cell) {
        String table = MappingRules.tableOf(entity(cell.row()));
        String uid = world.get(cell.deleting().equals(cell.row()) ? "another " + cell.row() : cell.row());
        List<String> foreignKeys = MappedTables.get(table).columnNames().stream().filter(c -> c.endsWith("_id")).toList();
        Map<String, Object> before = foreignKeyValues(table, uid, foreignKeys);
        cell.expect().nulled().forEach(c -> assertThat(before.get(c)).as("%s.%s before the delete", table, c).isNotNull());

        String parentTable = MappingRules.tableOf(entity(cell.deleting()));
        String parentUid = world.get(cell.deleting());
        db.delete(entity(cell.deleting()), parentUid);

        assertThat(db.exists(parentTable, parentUid)).as("%s: the deleted row is gone", cell).isFalse();
        switch (cell.expect().outcome()) {
            case DELETED -> assertThat(db.exists(table, uid)).as("%s: %s exists", cell, uid).isFalse();
            case SET_NULL -> {
                assertThat(db.exists(table, uid)).as("%s: %s survives", cell, uid).isTrue();
                for (String column : cell.expect().nulled()) {
                    assertThat(db.value(table, uid, column)).as("%s: %s.%s", cell, uid, column).isNull();
                }
            }
            case UNTOUCHED -> {
                assertThat(db.exists(table, uid)).as("%s: %s survives", cell, uid).isTrue();
                assertThat(foreignKeyValues(table, uid, foreignKeys)).as("%s: foreign keys of %s", cell, uid).isEqualTo(before);
            }
        }
    }

    @Test
    void deletingAProjectNullsTheReferencesOfAnotherProjectsDeploymentThatUsesItsModelAndWorkflow() {
        String borrower = db.deployment("borrowing-deployment", world.get("another Project"),
                world.get("Workflow"), world.get("Model"), world.get("User"));

        db.delete(Project.class, world.get("Project"));

        assertThat(db.exists("deployment", borrower)).isTrue();
        assertThat(db.value("deployment", borrower, "model_id")).isNull();
        assertThat(db.value("deployment", borrower, "workflow_id")).isNull();
        assertThat(db.value("deployment", borrower, "project_id")).isEqualTo(world.get("another Project"));
    }

    private Map<String, Object> foreignKeyValues(String table, String uid, List<String> columns) {
        Map<String, Object> values = new HashMap<>();
        columns.forEach(c -> values.put(c, db.value(table, uid, c)));
        return values;
    }
}
