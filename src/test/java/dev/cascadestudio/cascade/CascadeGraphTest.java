package dev.cascadestudio.cascade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.domain.ForeignKeyRule;
import dev.cascadestudio.testsupport.EngineDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The graph read from the mapping, compared edge by edge with the schema document's per-table tables. */
class CascadeGraphTest {

    @TempDir static Path dir;
    static Database database;
    static CascadeGraph graph;

    @BeforeAll
    static void open() {
        database = EngineDatabases.h2(dir);
        graph = CascadeGraph.fromMapping();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    /** "parent → child.column ACTION LEVEL" for every FK row of every "#### Table" section of the document. */
    static Set<String> documentedEdges() throws IOException {
        String doc;
        try (InputStream in = CascadeGraphTest.class.getResourceAsStream("/DATABASE_SCHEMA.md")) {
            doc = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> edges = new TreeSet<>();
        String section = doc.substring(doc.indexOf("## Tables"), doc.indexOf("## Foreign Key Behaviors"));
        String child = null;
        Pattern fkRow = Pattern.compile("^\\|\\s*(\\w+_id)\\s*\\|[^|]*\\|\\s*(\\w+)\\.uid\\s*\\|\\s*([^|]+?)\\s*\\|$");
        for (String line : section.split("\n")) {
            if (line.startsWith("#### ")) {
                child = snake(line.substring(5).trim());
            }
            Matcher m = fkRow.matcher(line.trim());
            if (child != null && m.matches()) {
                String rule = m.group(3).replace("*", "").trim();
                String action = rule.equals("SET NULL") ? "SET_NULL" : "DELETE";
                String level = rule.startsWith("ORM") ? "ORM" : "DB";
                edges.add(snake(m.group(2)) + " → " + child + "." + m.group(1) + " " + action + " " + level);
            }
        }
        return edges;
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
    }

    static String describe(ForeignKeyRule e) {
        return e.parentTable() + " → " + e.childTable() + "." + e.column() + " " + e.action() + " " + e.level();
    }

    @Test
    void everyForeignKeyEdgeMatchesTheSchemaDocument() throws IOException {
        Set<String> documented = documentedEdges();
        Set<String> mapped = graph.edges().stream().filter(e -> !e.isLabelRule())
                .map(CascadeGraphTest::describe).collect(Collectors.toCollection(TreeSet::new));
        assertThat(documented).as("edges parsed from the document").hasSize(24);
        assertThat(mapped).containsExactlyInAnyOrderElementsOf(documented);
    }

    @Test
    void everyTableLosesItsLabelsWithItAtOrmLevel() {
        List<String> labelEdges = new ArrayList<>(graph.edges().stream().filter(ForeignKeyRule::isLabelRule)
                .map(CascadeGraphTest::describe).toList());
        List<String> expected = graph.tables().stream().filter(t -> !t.label())
                .map(t -> t.name() + " → " + t.name() + "_labels.parent DELETE ORM").toList();
        assertThat(labelEdges).containsExactlyInAnyOrderElementsOf(expected).hasSize(12);
    }

    @Test
    void parentsComeBeforeTheirChildrenInDeleteOrder() {
        List<String> order = graph.parentsFirst();
        for (ForeignKeyRule e : graph.edges()) {
            assertThat(order.indexOf(e.parentTable())).as(describe(e)).isLessThan(order.indexOf(e.childTable()));
        }
    }
}
