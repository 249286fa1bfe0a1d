package dev.cascadestudio.cascade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.persistence.AppDirectories;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DataGenerator;
import dev.cascadestudio.service.CascadeService;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Planning and committing a delete issue a number of SQL statements that depends on the cascade
 * graph, not on how many rows the delete affects. The statements are counted by the database
 * itself (H2's {@code INFORMATION_SCHEMA.QUERY_STATISTICS}), independently of what the plan reports.
 */
class StatementCountTest {

    /** What one database saw while a delete of {@code big-project} was planned and executed. */
    private record Measured(long affectedRows, int edges, DeletePlan plan, Counts planning, Counts execution) {}

    /** Data statements (SELECT/INSERT/UPDATE/DELETE/...) executed, and how many of them changed data. */
    private record Counts(long statements, long writes) {}

    @Test
    void planningAndCommittingIssueTheSameStatementsForTwentyThousandRowsAsForTwoThousand(@TempDir Path dir) throws Exception {
        Measured big = measure(dir.resolve("big"), 20_000, 12_000);
        Measured small = measure(dir.resolve("small"), 2_000, 1_200);

        System.out.printf("StatementCountTest: %,d affected rows: planning %s, execution %s; %,d affected rows: planning %s, "
                + "execution %s; %d edges%n", big.affectedRows(), big.planning(), big.execution(), small.affectedRows(),
                small.planning(), small.execution(), big.edges());
        assertThat(big.affectedRows()).as("rows the big delete affects, against the small one's")
                .isGreaterThan(5 * small.affectedRows());
        assertThat(big.planning()).isEqualTo(small.planning());
        assertThat(big.execution()).isEqualTo(small.execution());

        int roots = big.plan().roots().size();
        assertThat(big.planning().statements() + big.execution().statements())
                .as("statements to plan and commit, against 3 × %d edges + %d root", big.edges(), roots)
                .isLessThanOrEqualTo(3L * big.edges() + roots);

        // What the plan says about itself matches what the database counted.
        assertThat(big.planning().statements()).isEqualTo(big.plan().planningStatements());
        assertThat(big.planning().writes()).isZero();
        assertThat(big.execution().writes()).as("the commit's UPDATE/DELETE statements, as the plan lists them")
                .isEqualTo(big.plan().statements().size());
    }

    private static Measured measure(Path dir, long totalRows, long bigProjectRows) throws SQLException {
        String url = AppDirectories.h2Url(dir.resolve("cascade"));
        String bigProject;
        try (Database database = Database.open(url, null, null, Database.EmptyDatabase.CREATE_SCHEMA)) {
            bigProject = DataGenerator.generate(database, totalRows, bigProjectRows).bigProjectUid();
        }
        try (Database database = Database.open(url, null, null, Database.EmptyDatabase.REFUSE);
             Connection statistics = DriverManager.getConnection(url)) {
            try (Statement s = statistics.createStatement()) {
                // database-wide settings, kept until the database closes
                s.execute("SET QUERY_STATISTICS_MAX_ENTRIES 100000");
                s.execute("SET QUERY_STATISTICS TRUE");
            }
            CascadeService service = new CascadeService(database, dir.resolve("snapshots"));
            Map<String, Long> start = executions(statistics);
            DeletePlan plan = service.plan(List.of(new Root("project", bigProject)));
            Map<String, Long> planned = executions(statistics);
            service.execute(plan, ProgressListener.NONE);
            Map<String, Long> executed = executions(statistics);
            return new Measured(plan.affectedRowCount(), service.graph().edges().size(), plan,
                    difference(start, planned), difference(planned, executed));
        }
    }

    /** Executions so far of every distinct SQL text, as H2 counts them (all connections). */
    private static Map<String, Long> executions(Connection statistics) throws SQLException {
        Map<String, Long> result = new HashMap<>();
        // RAND() makes the query non-deterministic: H2 would otherwise hand back its cached previous
        // result whenever no table changed in between (as after planning, which only reads).
        try (Statement s = statistics.createStatement();
             ResultSet rs = s.executeQuery("SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS"
                     + " WHERE RAND() < 2")) {
            while (rs.next()) {
                result.merge(rs.getString(1), rs.getLong(2), Long::sum);
            }
        }
        return result;
    }

    /**
     * The data statements run between two readings. Transaction control (COMMIT), session settings
     * (SET, run for each new connection) and the readings themselves are not statements of the engine.
     */
    private static Counts difference(Map<String, Long> before, Map<String, Long> after) {
        long statements = 0;
        long writes = 0;
        for (Map.Entry<String, Long> e : after.entrySet()) {
            String sql = e.getKey().strip().toUpperCase(Locale.ROOT);
            long runs = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            if (runs == 0 || sql.contains("INFORMATION_SCHEMA.QUERY_STATISTICS")) {
                continue;
            }
            String verb = sql.split("\\s+", 2)[0];
            switch (verb) {
                case "SELECT", "WITH", "VALUES" -> statements += runs;
                case "UPDATE", "DELETE", "INSERT", "MERGE" -> {
                    statements += runs;
                    writes += runs;
                }
                default -> { } // COMMIT, ROLLBACK, SET ...
            }
        }
        return new Counts(statements, writes);
    }
}
