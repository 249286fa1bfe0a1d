package dev.cascadestudio.persistence.demo;

import dev.cascadestudio.persistence.BatchInserter;
import dev.cascadestudio.persistence.Database;
import java.sql.SQLException;
import java.time.LocalDateTime;

/**
 * Generates a large, deterministic database for tests and benchmarks. {@code totalRows} is the
 * approximate number of rows written in all (labels included); the first project,
 * {@value #BIG_PROJECT}, receives about {@code bigProjectRows} rows that its delete affects.
 */
public final class DataGenerator {

    public static final String BIG_PROJECT = "big-project";

    private DataGenerator() {}

    public record Result(long rows, String bigProjectUid) {}

    public static Result generate(Database database, long totalRows, long bigProjectRows) {
        return database.fromConnection(connection -> {
            try (BatchInserter inserter = new BatchInserter(connection, database.kind(), database.sqlNames(), 1000)) {
                RowBuilder b = new RowBuilder(inserter, LocalDateTime.of(2025, 1, 1, 0, 0));
                int users = (int) Math.max(5, Math.min(500, totalRows / 20_000));
                String[] userUids = new String[users];
                for (int u = 0; u < users; u++) {
                    userUids[u] = b.user(String.format("user-%04d", u), "Generated user " + u);
                    b.label("user", "generated", "true", String.format("user-%04d", u));
                }
                String big = b.project(BIG_PROJECT, userUids[0], "The project with the large subtree");
                int block = 0;
                long committed = 0;
                while (b.inserted() < bigProjectRows) {
                    workflowBlock(b, big, BIG_PROJECT, block++, userUids);
                    committed = commitEvery(connection, inserter, committed);
                }
                int project = 0;
                while (b.inserted() < totalRows) {
                    String name = String.format("project-%05d", project);
                    String uid = b.project(name, userUids[project % users], "Generated project " + project);
                    for (int i = 0; i < 50 && b.inserted() < totalRows; i++) {
                        workflowBlock(b, uid, name, block++, userUids);
                        committed = commitEvery(connection, inserter, committed);
                    }
                    project++;
                }
                inserter.flush();
                return new Result(inserter.inserted(), RowBuilder.uid("project", BIG_PROJECT));
            }
        });
    }

    /**
     * Generation is not one transaction: a single million-row transaction makes H2 keep an undo log
     * that grows its file to gigabytes. A failed generation leaves a partial database to discard.
     */
    private static long commitEvery(java.sql.Connection connection, BatchInserter inserter, long committed) throws SQLException {
        if (inserter.inserted() - committed >= 50_000) {
            inserter.flush();
            connection.commit();
            return inserter.inserted();
        }
        return committed;
    }

    /** One workflow with its schedules, runs, sessions and a deployment, plus one of each project child. */
    private static void workflowBlock(RowBuilder b, String project, String projectName, int n, String[] users) throws SQLException {
        String owner = n % 7 == 0 ? null : users[n % users.length];
        String suffix = String.format("%07d", n);
        String model = b.model("model-" + suffix, project, owner, "text-generation", n % 2 == 0);
        b.label("model", "block", suffix, "model-" + suffix);
        b.dataSource("source-" + suffix, project, owner, "s3");
        b.dataset("dataset-" + suffix, project, owner, "qa");
        b.prompt("prompt-" + suffix, project, owner, "chat");
        b.document("document-" + suffix, project, owner, "[\"generated\"]");
        String wf = b.workflow("workflow-" + suffix, project, owner, "application");
        b.label("workflow", "block", suffix, "workflow-" + suffix);
        b.label("workflow", "project", projectName, "workflow-" + suffix);
        String[] schedules = new String[2];
        for (int s = 0; s < 2; s++) {
            schedules[s] = b.schedule("schedule-" + suffix + "-" + s, wf, owner, "0 " + s + " * * *");
            b.label("schedule", "slot", String.valueOf(s), "schedule-" + suffix + "-" + s);
        }
        for (int r = 0; r < 16; r++) {
            String name = "run-" + suffix + "-" + r;
            b.run(name, wf, r % 2 == 0 ? schedules[r % 4 / 2] : null, owner, r == 15 ? "failed" : "completed");
            if (r % 2 == 0) {
                b.label("run", "attempt", String.valueOf(r), name);
            }
        }
        for (int s = 0; s < 4; s++) {
            b.session("session-" + suffix + "-" + s, wf, users[(n + s) % users.length]);
        }
        b.deployment("deployment-" + suffix, project, owner, wf, model, n % 3 == 0);
        b.label("deployment", "tier", n % 3 == 0 ? "remote" : "local", "deployment-" + suffix);
    }
}
