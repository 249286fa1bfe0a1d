package dev.cascadestudio.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascadestudio.cascade.CommitStatement;
import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.persistence.BatchInserter;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.persistence.demo.RowBuilder;
import dev.cascadestudio.service.CascadeService;
import dev.cascadestudio.service.UrlSecrets;
import dev.cascadestudio.testsupport.EngineDatabases;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The impact report of the demo's customer-support project on every product: its counts against
 * plain SQL and the demo's known numbers, its rows, its SQL against the plan's, a hostile name
 * escaped, and the HTML self-contained with a well-formed SVG.
 */
class ImpactReportTest {

    static final String SUPPORT = RowBuilder.uid("project", "customer-support-assistant");
    static final String HOSTILE = "<script>alert(1)</script>";
    static final Instant MADE = Instant.parse("2026-12-06T10:15:30Z");

    @TempDir Path dir;
    Database database;
    CascadeService service;

    void open(EngineDatabases.Kind kind) {
        database = EngineDatabases.open(kind, dir);
        DemoData.load(database);
        service = new CascadeService(database, dir.resolve("snapshots"));
    }

    @AfterEach
    void close() {
        if (database != null) EngineDatabases.close(database);
    }

    long count(String sql) {
        return database.fromConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(EngineDatabases.sql(database, sql))) {
                for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
                    ps.setString(i, SUPPORT);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** The counts of the support project's delete, each by a plain SQL query of its own. */
    Map<String, Long> countsBySql() {
        String workflows = "SELECT \"uid\" FROM \"workflow\" WHERE \"project_id\" = ?";
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("project", count("SELECT COUNT(*) FROM \"project\" WHERE \"uid\" = ?"));
        counts.put("workflow", count("SELECT COUNT(*) FROM \"workflow\" WHERE \"project_id\" = ?"));
        counts.put("schedule", count("SELECT COUNT(*) FROM \"schedule\" WHERE \"workflow_id\" IN (" + workflows + ")"));
        counts.put("document", count("SELECT COUNT(*) FROM \"document\" WHERE \"project_id\" = ?"));
        counts.put("run.workflow_id", count("SELECT COUNT(*) FROM \"run\" WHERE \"workflow_id\" IN (" + workflows + ")"));
        counts.put("run.schedule_id", count("SELECT COUNT(*) FROM \"run\" WHERE \"schedule_id\" IN (SELECT \"uid\" FROM \"schedule\" "
                + "WHERE \"workflow_id\" IN (" + workflows + "))"));
        counts.put("session.workflow_id", count("SELECT COUNT(*) FROM \"session\" WHERE \"workflow_id\" IN (" + workflows + ")"));
        return counts;
    }

    ImpactReport report(Integer rowsPerTable) {
        DeletePlan plan = service.plan(List.of(new Root("project", SUPPORT)));
        return ImpactReport.of(plan, service, rowsPerTable, MADE);
    }

    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void theCountsInEveryFormatAreTheDatabasesAndTheDemosKnownNumbers(EngineDatabases.Kind kind) throws Exception {
        open(kind);
        Map<String, Long> bySql = countsBySql();
        // the demo's numbers (DeleteScenarioTest): both sources must agree before the report is compared with them
        assertThat(bySql).isEqualTo(Map.of("project", 1L, "workflow", 3L, "schedule", 2L, "document", 3L,
                "run.workflow_id", 8L, "run.schedule_id", 6L, "session.workflow_id", 3L));

        ImpactReport report = report(null);
        JsonNode json = new ObjectMapper().readTree(JsonReport.render(report));
        Map<String, Long> inJson = new LinkedHashMap<>();
        json.get("deleted").forEach(e -> inJson.put(e.get("table").asText(), e.get("count").asLong()));
        json.get("nulled").forEach(e -> inJson.put(e.get("table").asText() + "." + e.get("column").asText(), e.get("count").asLong()));
        String html = HtmlReport.render(report);
        Map<String, Long> inHtml = countsOf(html);
        String markdown = MarkdownReport.render(report);
        for (Map.Entry<String, Long> expected : bySql.entrySet()) {
            assertThat(inJson.get(expected.getKey())).as("JSON " + expected.getKey()).isEqualTo(expected.getValue());
            assertThat(inHtml.get(expected.getKey())).as("HTML " + expected.getKey()).isEqualTo(expected.getValue());
            assertThat(markdown).as("Markdown " + expected.getKey())
                    .contains("| " + Text.markdown(expected.getKey()) + " | " + expected.getValue() + " | ");
        }
        assertThat(json.get("totals").get("deletedRows").asLong()).isEqualTo(31);
        assertThat(json.get("totals").get("nulledValues").asLong()).isEqualTo(18);
        assertThat(json.get("totals").get("nulledRows").asLong()).isEqualTo(12);
        assertThat(html).contains("Delete 31 rows, set 18 values in 12 rows to NULL.");
        assertThat(markdown).contains("| **Total** | **31** | |", "| **Total** | **18 values in 12 rows** | |");

        // every row is listed: as many as the counts, in HTML, Markdown and JSON alike
        for (ImpactReport.EffectRows e : report.deleted()) {
            assertThat((long) e.rows().size()).as(e.effect().label()).isEqualTo(e.effect().count());
        }
        assertThat(rowsListedInHtml(html, "run.workflow_id")).isEqualTo(8);
        assertThat(json.get("nulled").findValues("rowsListed").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(18);

        // the database, the time and the root
        assertThat(json.get("database").asText()).isEqualTo(UrlSecrets.withoutSecrets(database.url()));
        assertThat(json.get("plannedAt").asText()).isEqualTo("2026-12-06T10:15:30Z");
        assertThat(json.get("roots").get(0).get("uid").asText()).isEqualTo(SUPPORT);
        assertThat(json.get("roots").get(0).get("name").asText()).isEqualTo("customer-support-assistant");
        assertThat(html).contains("2026-12-06 10:15:30 UTC", SUPPORT, "Delete project “customer-support-assistant”?",
                "plans again inside the commit&#39;s transaction and refuses");
        assertThat(markdown).contains("2026-12-06 10:15:30 UTC", SUPPORT, "plans again inside the commit's transaction and refuses");

        // the routes
        assertThat(html).contains("project → workflow → schedule → run.schedule_id");
        assertThat(json.get("nulled").findValues("route").stream().map(JsonNode::asText))
                .contains("project → workflow → schedule → run.schedule_id");
    }

    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void theSqlIsTheStatementsTheCommitRunsWithTheirParameters(EngineDatabases.Kind kind) throws Exception {
        open(kind);
        ImpactReport report = report(2);
        DeletePlan plan = report.plan();
        assertThat(report.statements().stream().map(s -> s.statement().inline()).toList())
                .as("the same statements as the plan the executor checks and runs").isEqualTo(plan.statements());
        for (ImpactReport.Statement s : report.statements()) {
            CommitStatement st = s.statement();
            assertThat(st.parameters()).isNotEmpty().allMatch(SUPPORT::equals);
            assertThat(s.parameterMeanings()).allMatch("uid of the selected project"::equals);
            assertThat(st.sql().chars().filter(c -> c == '?').count()).isEqualTo(st.parameters().size());
        }
        String html = HtmlReport.render(report);
        for (ImpactReport.Statement s : report.statements()) {
            assertThat(html).contains(Text.xml(s.statement().sql()) + ";");
        }
        JsonNode json = new ObjectMapper().readTree(JsonReport.render(report));
        assertThat(json.get("statements")).hasSize(plan.statements().size());
        assertThat(json.get("statements").get(0).get("sql").asText()).isEqualTo(report.statements().get(0).statement().sql());
        // the statement that nulls run.workflow_id changes the rows the count says: the 8 runs of the project's workflows,
        // or on PostgreSQL, where one UPDATE sets both of run's columns, every run that loses either key, once
        CommitStatement runs = report.statements().stream().map(ImpactReport.Statement::statement)
                .filter(st -> st.table().equals("run") && st.columns().contains("workflow_id")).findFirst().orElseThrow();
        String workflows = "SELECT \"uid\" FROM \"workflow\" WHERE \"project_id\" = ?";
        long expected = runs.columns().size() == 1 ? 8 : count("SELECT COUNT(*) FROM \"run\" WHERE \"workflow_id\" IN (" + workflows
                + ") OR \"schedule_id\" IN (SELECT \"uid\" FROM \"schedule\" WHERE \"workflow_id\" IN (" + workflows + "))");
        assertThat(runs.columns()).as("run's nulled columns in one UPDATE on PostgreSQL only")
                .hasSize(kind == EngineDatabases.Kind.POSTGRESQL || kind == EngineDatabases.Kind.POSTGRESQL_CONTROLLER ? 2 : 1);
        assertThat(report.statements().stream().filter(s -> s.statement() == runs).findFirst().orElseThrow().rows()).isEqualTo(expected);
        JsonNode runsJson = json.get("statements").get(report.statements().stream().map(ImpactReport.Statement::statement).toList().indexOf(runs));
        assertThat(runsJson.get("table").asText()).isEqualTo("run");
        assertThat(runsJson.get("rows").asLong()).isEqualTo(expected);
        if (runs.columns().size() == 1) {
            assertThat(runsJson.get("column").asText()).isEqualTo("workflow_id");
            assertThat(runsJson.get("columns")).extracting(JsonNode::asText).containsExactly("workflow_id");
        } else {
            assertThat(runsJson.get("column").isNull()).as("no single column for a statement that sets two").isTrue();
            assertThat(runsJson.get("columns")).extracting(JsonNode::asText).containsExactly("schedule_id", "workflow_id");
        }
    }

    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void twoRowsPerTableListTwoRowsAndTheTotals(EngineDatabases.Kind kind) throws Exception {
        open(kind);
        ImpactReport report = report(2);
        for (ImpactReport.EffectRows e : report.deleted()) {
            assertThat(e.rows()).as(e.effect().label()).hasSize((int) Math.min(2, e.effect().count()));
        }
        String html = HtmlReport.render(report);
        assertThat(rowsListedInHtml(html, "workflow")).isEqualTo(2);
        assertThat(rowsListedInHtml(html, "run.workflow_id")).isEqualTo(2);
        assertThat(rowsListedInHtml(html, "project")).isEqualTo(1);
        assertThat(html).contains("3 rows deleted <span class=\"shown\">(showing the first 2 of 3)</span>",
                "8 rows set to NULL <span class=\"shown\">(showing the first 2 of 8)</span>", "… and 6 more rows (8 in all)");
        assertThat(countsOf(html)).containsEntry("workflow", 3L).containsEntry("run.workflow_id", 8L);
        JsonNode json = new ObjectMapper().readTree(JsonReport.render(report));
        JsonNode runs = find(json.get("nulled"), "run", "workflow_id");
        assertThat(runs.get("count").asLong()).isEqualTo(8);
        assertThat(runs.get("rowsListed").asLong()).isEqualTo(2);
        assertThat(runs.get("rows")).hasSize(2);
        assertThat(json.get("rowsPerTable").asInt()).isEqualTo(2);
        String markdown = MarkdownReport.render(report);
        assertThat(markdown).contains("### run.workflow\\_id: 8 rows set to NULL (showing the first 2 of 8)", "| … and 6 more rows | | |");
    }

    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void aHostileNameIsEscapedAndTheHtmlLoadsNothingAndItsSvgIsWellFormed(EngineDatabases.Kind kind) throws Exception {
        open(kind);
        database.fromConnection(c -> {
            try (BatchInserter in = new BatchInserter(c, database.kind(), database.sqlNames(), 10)) {
                new RowBuilder(in, LocalDateTime.of(2026, 5, 1, 8, 0)).document(HOSTILE, SUPPORT, null, "[]");
            }
            return null;
        });
        ImpactReport report = report(null);
        String html = HtmlReport.render(report);
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(HOSTILE)
                .doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("javascript:")
                .doesNotContainIgnoringCase(" src=").doesNotContainIgnoringCase(" href=").doesNotContainIgnoringCase("url(")
                .doesNotContainIgnoringCase("@import").doesNotContainIgnoringCase("<link").doesNotContainIgnoringCase("<iframe")
                .doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("http://").doesNotContainIgnoringCase("https://");
        String markdown = MarkdownReport.render(report);
        assertThat(markdown).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(HOSTILE);
        JsonNode json = new ObjectMapper().readTree(JsonReport.render(report));
        assertThat(find(json.get("deleted"), "document", null).get("rows").findValues("name").stream().map(JsonNode::asText))
                .contains(HOSTILE);

        Matcher svg = Pattern.compile("<svg .*?</svg>", Pattern.DOTALL).matcher(html);
        assertThat(svg.find()).as("an inline SVG").isTrue();
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg.group())));
        NodeList tables = doc.getElementsByTagName("g");
        List<String> drawn = new ArrayList<>();
        List<String> deletedTables = new ArrayList<>();
        for (int i = 0; i < tables.getLength(); i++) {
            Element g = (Element) tables.item(i);
            if (g.hasAttribute("data-table")) {
                drawn.add(g.getAttribute("data-table"));
                if (g.getAttribute("class").contains("will-delete")) {
                    deletedTables.add(g.getAttribute("data-table"));
                }
            }
        }
        assertThat(drawn).as("the twelve tables, labels folded").hasSize(12).contains("user", "project", "run");
        assertThat(deletedTables).containsExactlyInAnyOrder("project", "data_source", "dataset", "model", "prompt", "document",
                "workflow", "deployment", "schedule");
        assertThat(svg.group()).contains("fill=\"" + PlanDrawing.DANGER_SUBTLE + "\"", "stroke=\"" + PlanDrawing.WARNING + "\"");
    }

    @ParameterizedTest
    @EnumSource(value = EngineDatabases.Kind.class, names = "H2")
    void aPasswordInTheDatabaseUrlIsNeverWritten(EngineDatabases.Kind kind) throws Exception {
        open(kind);
        ImpactReport.Source real = ImpactReport.Source.of(service);
        ImpactReport.Source withPassword = new ImpactReport.Source() {
            @Override public dev.cascadestudio.cascade.CascadeGraph graph() { return real.graph(); }
            @Override public String databaseUrl() { return "jdbc:postgresql://admin:s3cret-one@db.example:5432/ctl?password=s3cret-two&ssl=true"; }
            @Override public List<dev.cascadestudio.cascade.AffectedRow> page(DeletePlan plan, DeletePlan.Effect effect, int offset, int limit) {
                return real.page(plan, effect, offset, limit);
            }
            @Override public List<dev.cascadestudio.cascade.AffectedRow> pageAfter(DeletePlan plan, DeletePlan.Effect effect,
                                                                                  dev.cascadestudio.cascade.RowKey after, int limit) {
                return real.pageAfter(plan, effect, after, limit);
            }
            @Override public List<CommitStatement> commitStatements(DeletePlan plan) { return real.commitStatements(plan); }
        };
        ImpactReport report = ImpactReport.of(service.plan(List.of(new Root("project", SUPPORT))), withPassword, 1, MADE);
        assertThat(report.database()).isEqualTo("jdbc:postgresql://db.example:5432/ctl?ssl=true");
        for (ReportFormat format : ReportFormat.values()) {
            assertThat(format.render(report)).as(format.name()).doesNotContain("s3cret").doesNotContain("admin:")
                    .contains("db.example:5432/ctl");
        }
    }

    /** The count cell of each effect's row in the "What changes" tables. */
    static Map<String, Long> countsOf(String html) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<tr data-effect=\"([^\"]+)\"><td>.*?</td><td class=\"num count\">([0-9,]+)</td>").matcher(html);
        while (m.find()) {
            counts.put(m.group(1), Long.parseLong(m.group(2).replace(",", "")));
        }
        return counts;
    }

    /** The rows listed in an effect's table of rows. */
    static int rowsListedInHtml(String html, String effect) {
        Matcher table = Pattern.compile("<table class=\"rows\" data-effect=\"" + Pattern.quote(effect) + "\">(.*?)</table>", Pattern.DOTALL)
                .matcher(html);
        assertThat(table.find()).as(effect).isTrue();
        return (int) Pattern.compile("<tr><td class=\"name\">").matcher(table.group(1)).results().count();
    }

    static JsonNode find(JsonNode effects, String table, String column) {
        for (JsonNode e : effects) {
            if (e.get("table").asText().equals(table) && (column == null ? !e.has("column") : e.path("column").asText().equals(column))) {
                return e;
            }
        }
        throw new AssertionError("no " + table + "." + column);
    }
}
