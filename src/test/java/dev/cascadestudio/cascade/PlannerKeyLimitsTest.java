package dev.cascadestudio.cascade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.testsupport.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On H2 the planner binds a deleted parent table's keys as one array to find its children, and H2
 * takes at most 65,536 elements in an array. A project whose deleted data sources have as many names
 * as the planner keeps per column is planned from the array; one with more falls back to joining in
 * SQL. Both plans are right: the same as planning with joins only, and every row counted.
 */
class PlannerKeyLimitsTest {

    @TempDir
    Path dir;

    @Test
    void parentKeySetsAtAndBeyondTheLimitArePlannedAndCountEveryRow() {
        try (TestDatabases db = TestDatabases.fresh(dir)) {
            Database database = db.database();
            String owner = db.user("ada");
            String atLimit = db.project("at-limit", owner);
            String beyond = db.project("beyond", owner);
            int atLimitRows = Planner.PARENT_KEY_LIMIT;
            int beyondRows = 70_000;
            addDataSourcesWithOneLabelEach(db, atLimit, owner, atLimitRows);
            addDataSourcesWithOneLabelEach(db, beyond, owner, beyondRows);
            CascadeGraph graph = CascadeGraph.fromMapping();

            for (var c : List.of(new Object[] {atLimit, atLimitRows, true}, new Object[] {beyond, beyondRows, false})) {
                List<Root> roots = List.of(new Root("project", (String) c[0]));
                int rows = (int) c[1];
                UnnestScans.Counted<DeletePlan> planned = UnnestScans.count(database, "data_source_labels",
                        () -> new Planner(database, graph).plan(roots));
                DeletePlan plan = planned.result();
                DeletePlan joinsOnly = new Planner(database, graph, 0).plan(roots);

                assertThat(plan.deletedFrom("data_source").count()).as("data sources of %s", c[0]).isEqualTo(rows);
                assertThat(plan.deletedFrom("data_source_labels").count()).as("their labels").isEqualTo(rows);
                assertThat(plan.deleted()).as("the plan of %s against joins only", c[0]).isEqualTo(joinsOnly.deleted());
                assertThat(plan.nulled()).isEqualTo(joinsOnly.nulled());
                boolean fromArray = (boolean) c[2];
                assertThat(planned.unnestScans() > 0)
                        .as("%,d data source names: their labels found from the kept names (not by joining in SQL)", rows)
                        .isEqualTo(fromArray);
            }
        }
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getColumns(null, null, table, null)) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME"));
            }
        }
        assertThat(columns).contains("uid", "name");
        return columns;
    }

    /** {@code n} data sources named {@code <project>-ds-1..n} in the project, each with one label. */
    private static void addDataSourcesWithOneLabelEach(TestDatabases db, String project, String owner, int n) {
        String template = db.dataSource("template-" + project, project, owner);
        db.database().fromConnection(c -> {
            List<String> columns = columns(c, "data_source");
            StringBuilder select = new StringBuilder();
            for (String column : columns) {
                select.append(select.isEmpty() ? "" : ", ").append(switch (column) {
                    case "uid", "name" -> "t." + TestDatabases.quote(column) + " || '-' || X";
                    default -> "t." + TestDatabases.quote(column);
                });
            }
            String list = String.join(", ", columns.stream().map(TestDatabases::quote).toList());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO \"data_source\" (" + list + ") SELECT " + select
                    + " FROM \"data_source\" t, SYSTEM_RANGE(1, " + (n - 1) + ") WHERE t.\"uid\" = ?")) {
                ps.setString(1, template);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO \"data_source_labels\" (\"name\", \"value\", \"parent\")"
                    + " SELECT 'team', 'search', \"name\" FROM \"data_source\" WHERE \"project_id\" = ?")) {
                ps.setString(1, project);
                ps.executeUpdate();
            }
            return null;
        });
    }
}
