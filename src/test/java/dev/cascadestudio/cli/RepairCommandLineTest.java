package dev.cascadestudio.cli;

import static dev.cascadestudio.cli.CommandLineTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascadestudio.cli.CommandLineTest.Run;
import dev.cascadestudio.testsupport.BrokenReferences;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Health window's fixes from the command line, on a controller SQLite file with broken references:
 * {@code plan --dangling} shows what a fix changes, {@code delete --dangling --yes} commits it with a
 * snapshot that {@code restore} puts back, and {@code audit} no longer finds what was fixed.
 */
class RepairCommandLineTest {

    @TempDir Path dir;
    private String url;
    private Path file;
    private String previousHome;

    @BeforeEach
    void brokenControllerFile() throws Exception {
        file = BrokenReferences.controllerSqliteFile(dir.resolve("controller"));
        url = "jdbc:sqlite:" + file;
        previousHome = System.getProperty("cascade.home");
        System.setProperty("cascade.home", dir.resolve("home").toString());
    }

    @AfterEach
    void restoreHome() {
        if (previousHome == null) System.clearProperty("cascade.home"); else System.setProperty("cascade.home", previousHome);
    }

    @Test
    void planDeleteAndRestoreOfDanglingValues() throws Exception {
        assertThat(findings()).contains("run.workflow_id", "prompt_labels.parent");
        byte[] before = Files.readAllBytes(file);

        Run plan = run("plan", "--db", url, "--dangling", "run.workflow_id");
        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(plan.out()).startsWith("Dangling values of: run.workflow_id")
                .contains("Will be set to NULL: 1 value in 1 row").doesNotContain("Will be deleted");
        Run report = run("plan", "--db", url, "--dangling", "run.workflow_id", "--format", "md");
        assertThat(report.exit()).as(report.err()).isZero();
        assertThat(report.out()).startsWith("# Impact report: Repair dangling run.workflow\\_id?")
                .contains("| Repair | the values of run.workflow\\_id that name no row |")
                .contains("| Plan | Set 1 value in 1 row to NULL |").doesNotContain("| Root |");
        JsonNode json = new ObjectMapper().readTree(run("plan", "--db", url, "--dangling", "run.workflow_id", "--format", "json").out());
        assertThat(json.at("/repairs/0/column").asText()).isEqualTo("workflow_id");
        assertThat(json.get("roots")).isEmpty();
        assertThat(Files.readAllBytes(file)).as("a plan writes nothing").isEqualTo(before);

        Run fixed = run("delete", "--write", "--db", url, "--dangling", "run.workflow_id,prompt_labels.parent", "--yes", "--json",
                "--reason", "health check 2026-12");
        assertThat(fixed.exit()).as(fixed.err()).isZero();
        JsonNode out = new ObjectMapper().readTree(fixed.out());
        assertThat(out.get("roots")).isEmpty();
        assertThat(out.at("/repairs/0/table").asText()).isEqualTo("run");
        assertThat(out.at("/repairs/1/column").asText()).isEqualTo("parent");
        assertThat(out.at("/totals/nulledValues").asLong()).isEqualTo(1);
        assertThat(out.at("/totals/deletedRows").asLong()).isEqualTo(1);
        assertThat(workflowOf("scoring-smoke-test")).isNull();
        assertThat(findings()).doesNotContain("run.workflow_id", "prompt_labels.parent").isNotEmpty();

        Run restored = run("restore", "--write", "--db", url, out.get("snapshot").asText());
        assertThat(restored.exit()).as(restored.err()).isZero();
        assertThat(workflowOf("scoring-smoke-test")).isEqualTo(BrokenReferences.MISSING_WORKFLOW);
        assertThat(findings()).contains("run.workflow_id", "prompt_labels.parent");
    }

    @Test
    void aColumnThatCannotDangleOrBothKindsOfStartAreRefusedWithASentence() throws Exception {
        byte[] before = Files.readAllBytes(file);

        Run status = run("delete", "--write", "--db", url, "--dangling", "run.status", "--yes");
        assertThat(status.exit()).isNotZero();
        assertThat(status.err()).contains("run.status refers to no table, so none of its values can dangle.").doesNotContain("Exception");
        Run both = run("plan", "--db", url, "--table", "run", "--uid", "x", "--dangling", "run.workflow_id");
        assertThat(both.exit()).isNotZero();
        assertThat(both.err()).contains("Give either --table and --uid, or --dangling, not both.");
        Run malformed = run("plan", "--db", url, "--dangling", "workflow_id");
        assertThat(malformed.err()).contains("--dangling takes TABLE.COLUMN, such as run.workflow_id, not 'workflow_id'.");
        assertThat(run("plan", "--db", url, "--dangling", "nosuch.x").err()).contains("There is no table 'nosuch'. Tables: ");
        assertThat(run("plan", "--db", url, "--dangling", "run.nosuch").err())
                .contains("run has no column 'nosuch'. Its columns that refer to a table: ").contains("workflow_id");
        Run nothing = run("plan", "--db", url);
        assertThat(nothing.err()).contains("Say what to delete: --table and --uid (or --dangling TABLE.COLUMN).");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    /** "table.column" of each audit finding, from {@code audit --json}. */
    private List<String> findings() throws Exception {
        Run audit = run("audit", "--db", url, "--json");
        List<String> found = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(audit.out()).get("dangling")) {
            found.add(f.get("table").asText() + "." + f.get("column").asText());
        }
        return found;
    }

    private String workflowOf(String run) throws Exception {
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement ps = c.prepareStatement("SELECT workflow_id FROM run WHERE name = ?")) {
            ps.setString(1, run);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }
}
