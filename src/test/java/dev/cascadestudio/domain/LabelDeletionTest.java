package dev.cascadestudio.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.persistence.MappedTables;
import dev.cascadestudio.persistence.MappingRules;
import dev.cascadestudio.testsupport.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Labels belong to a row by {@code parent} = the row's name, byte for byte, within that table's
 * labels only: deleting a row takes its labels and nothing else.
 */
class LabelDeletionTest {

    private static final String NAME = "alpha_1";
    /**
     * Labels of the same table that must survive: a sibling row's, and parents that a careless
     * match (case-insensitive, trimmed, LIKE with its {@code _} wildcard) would take for {@value #NAME}.
     */
    private static final List<String> SURVIVING_PARENTS = List.of("beta", "ALPHA_1", "alpha_1 ", "alphax1");

    @TempDir
    Path tempDir;

    private TestDatabases db;
    private String home;
    private String flow;

    @BeforeEach
    void open() {
        db = TestDatabases.fresh(tempDir);
        home = db.project("home", null);
        flow = db.workflow("flow", home, null);
    }

    @AfterEach
    void close() {
        db.close();
    }

    static Stream<String> tables() {
        return DomainModel.TABLES.stream().map(MappingRules::tableOf);
    }

    @ParameterizedTest(name = "deleting a {0} row deletes its labels and no others")
    @MethodSource("tables")
    void deletingARowDeletesExactlyItsOwnLabels(String table) {
        tables().forEach(t -> {
            createRow(t, NAME);
            db.label(t, NAME, "k1", "v1");
            db.label(t, NAME, "k2", "v2");
        });
        createRow(table, "beta");
        SURVIVING_PARENTS.forEach(parent -> db.label(table, parent, "k1", "v1"));

        db.delete(entityOf(table), TestDatabases.uidOf(table, NAME));

        assertThat(db.exists(table, TestDatabases.uidOf(table, NAME))).isFalse();
        assertThat(db.labelParents(table)).as("%s_labels", table)
                .containsExactlyInAnyOrderElementsOf(SURVIVING_PARENTS);
        tables().filter(t -> !t.equals(table)).forEach(other -> assertThat(db.labelParents(other))
                .as("labels of the %s named %s", other, NAME).containsExactly(NAME, NAME));
    }

    @Test
    void deletingAProjectDeletesTheLabelsOfEveryRowDeletedWithItAndKeepsThoseOfSurvivingRuns() {
        String project = db.project("doomed", null);
        String workflow = db.workflow("doomed-flow", project, null);
        String schedule = db.schedule("doomed-nightly", workflow, null);
        db.dataset("doomed-data", project, null);
        db.run("doomed-run", workflow, schedule, null);
        db.label("project", "doomed", "_GENAI_FACTORY", "true");
        db.label("workflow", "doomed-flow", "team", "a");
        db.label("schedule", "doomed-nightly", "window", "night");
        db.label("dataset", "doomed-data", "pii", "none");
        db.label("run", "doomed-run", "trigger", "cron");

        db.delete(Project.class, project);

        assertThat(db.labelParents("project")).isEmpty();
        assertThat(db.labelParents("workflow")).isEmpty();
        assertThat(db.labelParents("schedule")).as("labels of a schedule deleted by Workflow → Schedule CASCADE").isEmpty();
        assertThat(db.labelParents("dataset")).isEmpty();
        assertThat(db.labelParents("run")).as("the run survives, so do its labels").containsExactly("doomed-run");
    }

    /** A row with no children of its own, under the fixed project "home" and workflow "flow". */
    private void createRow(String table, String name) {
        switch (table) {
            case "user" -> db.user(name);
            case "project" -> db.project(name, null);
            case "data_source" -> db.dataSource(name, home, null);
            case "dataset" -> db.dataset(name, home, null);
            case "model" -> db.model(name, home, null);
            case "prompt" -> db.prompt(name, home, null);
            case "document" -> db.document(name, home, null);
            case "workflow" -> db.workflow(name, home, null);
            case "session" -> db.session(name, flow, null);
            case "deployment" -> db.deployment(name, home, null, null, null);
            case "schedule" -> db.schedule(name, flow, null);
            case "run" -> db.run(name, flow, null, null);
            default -> throw new IllegalArgumentException(table);
        }
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends BaseEntity> entityOf(String table) {
        return (Class<? extends BaseEntity>) MappedTables.get(table).entity();
    }
}
