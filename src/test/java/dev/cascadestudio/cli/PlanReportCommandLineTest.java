package dev.cascadestudio.cli;

import static dev.cascadestudio.cli.CommandLineTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascadestudio.cli.CommandLineTest.Run;
import dev.cascadestudio.persistence.AppDirectories;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.persistence.demo.RowBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plan --format --out --rows-per-table} and {@code audit}'s exit code, as a script sees them. */
class PlanReportCommandLineTest {

    static final String SUPPORT = RowBuilder.uid("project", "customer-support-assistant");

    @TempDir Path dir;
    String url;
    String previousHome;

    @BeforeEach
    void demoDatabase() {
        url = AppDirectories.h2Url(dir.resolve("demo"));
        try (Database db = Database.open(url, null, null, Database.EmptyDatabase.CREATE_SCHEMA)) {
            DemoData.load(db);
        }
        previousHome = System.getProperty("cascade.home");
        System.setProperty("cascade.home", dir.resolve("home").toString());
    }

    @AfterEach
    void restoreHome() {
        if (previousHome == null) System.clearProperty("cascade.home"); else System.setProperty("cascade.home", previousHome);
    }

    private Run plan(String... more) {
        String[] base = {"plan", "--db", url, "--table", "project", "--uid", SUPPORT};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return run(all);
    }

    @Test
    void htmlGoesToTheFileWithTheRootsCountsAndSqlAndStdoutStaysEmpty() throws Exception {
        Path out = dir.resolve("support.html");
        Run r = plan("--format", "html", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("Wrote " + out + " (Delete 31 rows, set 18 values in 12 rows to NULL)." + System.lineSeparator());
        String html = Files.readString(out);
        assertThat(html).startsWith("<!DOCTYPE html>").contains(SUPPORT, "customer-support-assistant",
                "Delete 31 rows, set 18 values in 12 rows to NULL.", "<svg ", "UPDATE ", "DELETE FROM ");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-------");
        try (var siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void anExistingFileIsRefusedWithoutForceAndStaysAsItWas() throws Exception {
        Path out = dir.resolve("report.md");
        Files.writeString(out, "my notes");
        FileTime modified = FileTime.fromMillis(1_700_000_000_000L);
        Files.setLastModifiedTime(out, modified);

        Run refused = plan("--format", "md", "--out", out.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).isEqualTo("error: " + out + " already exists; nothing was written. Add --force to replace it."
                + System.lineSeparator());
        assertThat(Files.readString(out)).isEqualTo("my notes");
        assertThat(Files.getLastModifiedTime(out)).isEqualTo(modified);
        try (var siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }

        Run forced = plan("--format", "md", "--out", out.toString(), "--force");
        assertThat(forced.exit()).as(forced.err()).isZero();
        assertThat(Files.readString(out)).startsWith("# Impact report: Delete project “customer-support-assistant”?")
                .contains("| **Total** | **31** | |");
    }

    @Test
    void twoRowsPerTableListTwoRowsOfEachWithTheTotals() throws Exception {
        Run r = plan("--format", "json", "--rows-per-table", "2");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("rowsPerTable").asInt()).isEqualTo(2);
        assertThat(json.get("totals").get("deletedRows").asLong()).isEqualTo(31);
        for (JsonNode e : json.get("deleted")) {
            assertThat(e.get("rows").size()).as(e.get("table").asText()).isEqualTo(Math.min(2, e.get("count").asInt()));
        }
        for (JsonNode e : json.get("nulled")) {
            assertThat(e.get("rows").size()).as(e.get("column").asText()).isEqualTo(Math.min(2, e.get("count").asInt()));
        }
        // the demo's numbers (DeleteScenarioTest)
        assertThat(count(json.get("deleted"), "workflow")).isEqualTo(3);
        assertThat(count(json.get("nulled"), "run")).as("run.schedule_id and run.workflow_id").isEqualTo(6 + 8);

        Run md = plan("--format", "md", "--rows-per-table", "2");
        assertThat(md.exit()).as(md.err()).isZero();
        assertThat(md.out()).contains("### workflow: 3 rows deleted (showing the first 2 of 3)", "| … and 1 more row | | |");
        String workflowRows = md.out().split("### workflow: ")[1].split("### ")[0];
        assertThat(Pattern.compile("(?m)^\\| [^|]+ \\| [0-9a-f]{32} \\| project → workflow \\|$").matcher(workflowRows).results().count())
                .isEqualTo(2);
    }

    @Test
    void theTextFormatIsThePlainTableAndJsonWithRowsIsUnchanged() {
        Run text = plan("--format", "text");
        assertThat(text.exit()).isZero();
        assertThat(text.out()).isEqualTo(plan().out()).contains("Will be deleted:").endsWith("Delete 31 rows, set 18 values in 12 rows to NULL."
                + System.lineSeparator());
        Run json = plan("--json", "--rows");
        assertThat(json.exit()).isZero();
        assertThat(json.out()).contains("\"deletedRows\" : 31").doesNotContain("\"format\"");
    }

    @Test
    void badReportOptionsGetOneSentenceAndExitTwoAndWriteNothing() throws Exception {
        Path out = dir.resolve("x.html");
        for (String[] args : new String[][] {
                {"--format", "pdf"},
                {"--format", "html", "--rows-per-table", "-1"},
                {"--json", "--format", "md"},
                {"--rows-per-table", "2"},
                {"--format", "html", "--out", dir.resolve("no-such-folder").resolve("r.html").toString()},
                {"--format", "html", "--force"},
                {"--format", "html", "--out", dir.toString()}}) {
            Run r = plan(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).startsWith("error: ").hasLineCount(1);
            assertThat(r.out()).isEmpty();
        }
        assertThat(out).doesNotExist();
        assertThat(plan("--format", "pdf").err()).isEqualTo("error: Unknown --format 'pdf': use text, json, md or html." + System.lineSeparator());
    }

    @Test
    void auditExitsZeroWhenCleanAndFourWithFindingsAndItsJsonKeepsItsShape() throws Exception {
        Run clean = run("audit", "--db", url, "--json");
        assertThat(clean.exit()).as(clean.err()).isEqualTo(CliErrors.DONE).isZero();
        assertThat(new ObjectMapper().readTree(clean.out()).get("dangling")).isEmpty();
        assertThat(run("audit", "--db", url).exit()).isZero();

        try (Database db = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
            db.fromConnection(c -> c.createStatement().executeUpdate("SET REFERENTIAL_INTEGRITY FALSE"));
            db.fromConnection(c -> c.createStatement().executeUpdate("DELETE FROM \"user\" WHERE \"name\" = 'carol'"));
        }
        Run dirty = run("audit", "--db", url, "--json");
        assertThat(dirty.exit()).as(dirty.err()).isEqualTo(4);
        assertThat(dirty.err()).isEmpty();
        JsonNode findings = new ObjectMapper().readTree(dirty.out());
        assertThat(findings.fieldNames()).toIterable().containsExactly("dangling");
        assertThat(findings.get("dangling").get(0).fieldNames()).toIterable()
                .containsExactly("table", "column", "references", "count", "sample");
        Run text = run("audit", "--db", url);
        assertThat(text.exit()).isEqualTo(4);
        assertThat(text.out()).contains("project.owner_id → user.uid");
    }

    private static long count(JsonNode effects, String table) {
        long n = 0;
        for (JsonNode e : effects) {
            if (e.get("table").asText().equals(table)) {
                n += e.get("count").asLong();
            }
        }
        return n;
    }
}
