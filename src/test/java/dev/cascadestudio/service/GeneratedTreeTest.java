package dev.cascadestudio.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.cascade.CascadeGraph;
import dev.cascadestudio.domain.ForeignKeyRule;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DataGenerator;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tree's queries on a generated database of 100,000 rows: a page is a page and a count is a
 * COUNT, whatever the size. How fast they are is measured by the benchmarks, not here.
 */
class GeneratedTreeTest {

    static Database database;
    static TreeService tree;
    static String bigProject;

    @BeforeAll
    static void generate() {
        database = Database.open("jdbc:h2:mem:generated-tree;DB_CLOSE_DELAY=-1", null, null, Database.EmptyDatabase.CREATE_SCHEMA);
        bigProject = DataGenerator.generate(database, 100_000, 50_000).bigProjectUid();
        tree = new TreeService(database, CascadeGraph.fromMapping());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    static long sqlCount(String table, String column, String value) {
        return database.fromConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + database.sqlNames().quote(table)
                    + " WHERE " + database.sqlNames().quote(column) + " = ?")) {
                ps.setString(1, value);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Test
    void aGroupOfOverAThousandRowsReturnsExactlyOnePageAndItsCount() {
        ForeignKeyRule documents = tree.rule("project", "document");
        long expected = sqlCount("document", "project_id", bigProject);
        assertThat(expected).isGreaterThan(1_000);

        assertThat(tree.count(documents, bigProject)).isEqualTo(expected);
        assertThat(tree.rows(documents, bigProject, 0, 500)).hasSize(500);
        assertThat(tree.rows(documents, bigProject, 500, 500)).hasSize(500);
        assertThat(tree.rows(documents, bigProject, 1_000, 500)).hasSize((int) (expected - 1_000));
    }

    @Test
    void theBigProjectsGroupsAllMatchTheirCountQueries() {
        for (TreeGroup group : tree.groups(new RowRef("project", bigProject, "", DataGenerator.BIG_PROJECT))) {
            assertThat(group.count()).as(group.rule().childTable())
                    .isEqualTo(sqlCount(group.rule().childTable(), "project_id", bigProject));
        }
    }

    @Test
    void aRowDeepInABigGroupIsLocatedAtItsPosition() {
        RowRef deep = tree.rows(tree.rule("project", "workflow"), bigProject, 1_100, 1).get(0);

        var path = tree.locate(deep).orElseThrow();

        assertThat(path.get(path.size() - 1)).isEqualTo(new TreeStep.RowStep(deep, 1_100));
    }
}
