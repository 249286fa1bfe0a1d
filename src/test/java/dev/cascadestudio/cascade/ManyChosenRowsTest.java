package dev.cascadestudio.cascade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DataGenerator;
import dev.cascadestudio.persistence.demo.RowBuilder;
import dev.cascadestudio.service.CascadeService;
import dev.cascadestudio.testsupport.EngineDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Thousands of rows chosen at once, as "all matching" in the grid chooses them: the 2,000 or so runs of
 * the generated big project, and its 128 workflows with them. Their uids are bound as one parameter where
 * the product takes one ({@code DatabaseProduct.inKeyList}); the plan must count what plain SQL counts,
 * what the plan of their project counts, and what planning them a few at a time (each statement with a
 * short {@code IN (?, ...)} list) counts; the statements shown before the commit must do what they say
 * when run as shown; and the commit must delete exactly those rows. On every product.
 */
class ManyChosenRowsTest {

    /** At least 125 of DataGenerator's workflow blocks (44 rows, 16 runs each): over 2,000 runs in the big project. */
    private static final long BIG_PROJECT_ROWS = 125 * 44;
    private static final String BIG_PROJECT = RowBuilder.uid("project", DataGenerator.BIG_PROJECT);
    private static final String RUNS_OF_BIG_PROJECT = "SELECT DISTINCT \"uid\" FROM \"run\" WHERE \"workflow_id\" IN"
            + " (SELECT \"uid\" FROM \"workflow\" WHERE \"project_id\" = '" + BIG_PROJECT + "')";

    @TempDir Path dir;
    private Database database;

    @AfterEach
    void close() {
        if (database != null) EngineDatabases.close(database);
    }

    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void twoThousandChosenRunsPlanAndCommitAsPlainSqlAndTheirProjectCountThem(EngineDatabases.Kind kind) {
        open(kind);
        List<Root> runs = uids(RUNS_OF_BIG_PROJECT).stream().map(uid -> new Root("run", uid)).toList();
        assertThat(runs).hasSizeGreaterThanOrEqualTo(2_000);
        long runRows = count("SELECT COUNT(*) FROM \"run\" WHERE \"uid\" IN (" + RUNS_OF_BIG_PROJECT + ")");
        long runLabels = count("SELECT COUNT(*) FROM \"run_labels\" WHERE \"parent\" IN (SELECT \"name\" FROM \"run\" WHERE \"uid\" IN ("
                + RUNS_OF_BIG_PROJECT + "))");
        assertThat(runLabels).as("every other run has a label").isEqualTo(runs.size() / 2);
        CascadeService service = new CascadeService(database, dir.resolve("snapshots"));

        DeletePlan plan = service.plan(runs);
        DeletePlan project = service.plan(List.of(new Root("project", BIG_PROJECT)));

        assertThat(plan.deleted()).extracting(DeletePlan.Effect::label).containsExactlyInAnyOrder("run", "run_labels");
        assertThat(plan.nulled()).isEmpty();
        assertThat(plan.deletedFrom("run").count()).as("runs, against plain SQL").isEqualTo(runRows);
        assertThat(plan.deletedFrom("run_labels").count()).as("their labels, against plain SQL").isEqualTo(runLabels);
        assertThat(project.nulledIn("run", "workflow_id").count()).as("the project's plan reaches the same runs")
                .isEqualTo(runRows);
        assertThat(plan.statements()).hasSize(2);

        // the statements as shown before the commit, run as shown, take what the plan counts
        assertThat(runAsShownAndRollBack(plan.statements())).containsExactly(runLabels, runRows);
        assertThat(count("SELECT COUNT(*) FROM \"run\" WHERE \"uid\" IN (" + RUNS_OF_BIG_PROJECT + ")")).isEqualTo(runRows);

        long allRuns = count("SELECT COUNT(*) FROM \"run\"");
        ExecutionResult result = service.execute(plan, ProgressListener.NONE);
        assertThat(result.snapshot()).exists();
        assertThat(uids(RUNS_OF_BIG_PROJECT)).as("the chosen runs are gone").isEmpty();
        assertThat(count("SELECT COUNT(*) FROM \"run\"")).as("and no other run").isEqualTo(allRuns - runRows);
    }

    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void manyChosenWorkflowsAndRunsPlanAsTheSameRowsChosenAFewAtATime(EngineDatabases.Kind kind) {
        open(kind);
        List<String> workflows = uids("SELECT DISTINCT \"uid\" FROM \"workflow\" WHERE \"project_id\" = '" + BIG_PROJECT + "'");
        assertThat(workflows).hasSizeGreaterThanOrEqualTo(125);
        List<Root> roots = new ArrayList<>();
        workflows.forEach(uid -> roots.add(new Root("workflow", uid)));
        uids(RUNS_OF_BIG_PROJECT).forEach(uid -> roots.add(new Root("run", uid)));
        CascadeService service = new CascadeService(database, dir.resolve("snapshots"));

        DeletePlan all = service.plan(roots);

        // a few at a time: each workflow block's rows are its own, so the counts add up
        Map<String, Long> summed = new LinkedHashMap<>();
        for (int from = 0; from < workflows.size(); from += 5) {
            List<String> chunk = workflows.subList(from, Math.min(workflows.size(), from + 5));
            List<Root> few = new ArrayList<>();
            chunk.forEach(uid -> few.add(new Root("workflow", uid)));
            uids(RUNS_OF_BIG_PROJECT.replace("= '" + BIG_PROJECT + "')", "= '" + BIG_PROJECT + "' AND \"uid\" IN ('"
                    + String.join("', '", chunk) + "'))")).forEach(uid -> few.add(new Root("run", uid)));
            assertThat(few).hasSizeLessThan(PlanQueries.KEY_LIST_FROM);
            DeletePlan part = service.plan(few);
            part.deleted().forEach(e -> summed.merge(e.label(), e.count(), Long::sum));
            part.nulled().forEach(e -> summed.merge(e.label(), e.count(), Long::sum));
        }
        Map<String, Long> counted = new LinkedHashMap<>();
        all.deleted().forEach(e -> counted.put(e.label(), e.count()));
        all.nulled().forEach(e -> counted.put(e.label(), e.count()));
        assertThat(counted).as("the 2,000+ roots at once, against 5 workflows and their 80 runs at a time").isEqualTo(summed);
        assertThat(counted).containsEntry("workflow", (long) workflows.size()).containsEntry("run", count("SELECT COUNT(*) FROM \"run\" WHERE \"uid\" IN ("
                + RUNS_OF_BIG_PROJECT + ")")).containsKeys("schedule", "run_labels", "workflow_labels");
        assertThat(runAsShownAndRollBack(all.statements())).as("the statements as shown take the rows the plan counts")
                .isEqualTo(all.statements().stream().map(s -> countedFor(all, s)).toList());

        List<Root> oneMissing = new ArrayList<>(roots);
        oneMissing.add(1_000, new Root("run", RowBuilder.uid("run", "no-such-run")));
        assertThatThrownBy(() -> service.plan(oneMissing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No row with uid '" + RowBuilder.uid("run", "no-such-run") + "' in table run.");
    }

    /** The plan's count for the effect a shown statement carries out ({@code UPDATE "run" SET "schedule_id"} → run.schedule_id). */
    private long countedFor(DeletePlan plan, String statement) {
        for (DeletePlan.Effect e : plan.nulled()) {
            String q = database.sqlNames().quote(e.table());
            if (statement.startsWith("UPDATE " + q + " SET ") && statement.contains(" = CASE WHEN ")) {
                // one UPDATE for all of the table's nulled columns (PostgreSQL): each of its nulled rows once
                return plan.nulled().stream().filter(n -> n.table().equals(e.table())).mapToLong(DeletePlan.Effect::newRows).sum();
            }
        }
        for (DeletePlan.Effect e : plan.nulled()) {
            String q = database.sqlNames().quote(e.table());
            if (statement.startsWith("UPDATE " + q + " SET " + database.sqlNames().quote(e.column()) + " ")
                    || statement.startsWith("UPDATE (") && statement.contains(" JOIN " + q + " ON ")
                    && statement.contains(" SET " + q + "." + database.sqlNames().quote(e.column()) + " ")) {
                return e.count();
            }
        }
        for (DeletePlan.Effect e : plan.deleted()) {
            String q = database.sqlNames().quote(e.table());
            if (statement.startsWith("DELETE FROM " + q + " ") || statement.startsWith("DELETE " + q + " FROM ")) {
                return e.count();
            }
        }
        return 0; // a column whose rows are all deleted anyway: its UPDATE changes nothing
    }

    /**
     * On a controller's SQLite file, keyed (version, uid) with no index on the uid alone, the plan looks the chosen
     * runs up in that key for each version the table holds: with a second version of some runs, every version of each
     * chosen uid is still taken (against plain SQL), and their labels are found by the names read in that scan; with
     * more than {@code FEW_VERSIONS} versions the plan scans, as before, and counts the same. The condition is true of
     * every row: the plan's counts never depend on it.
     */
    @org.junit.jupiter.api.Test
    void chosenRunsAreLookedUpByVersionAndUidOnAControllersSqliteFile() {
        open(EngineDatabases.Kind.SQLITE);
        List<String> chosen = uids(RUNS_OF_BIG_PROJECT).subList(0, 300);
        database.fromConnection(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO run (uid, version, name, description, created, updated, spec, owner_id, workflow_id,"
                        + " schedule_id, status) SELECT uid, 'v2', name || '-v2', description, created, updated, spec, owner_id,"
                        + " workflow_id, schedule_id, status FROM run WHERE uid IN ('" + String.join("', '", chosen.subList(0, 40)) + "')");
            }
            return null;
        });
        dev.cascadestudio.persistence.DatabaseProduct sqlite = dev.cascadestudio.persistence.DatabaseProduct.of(database.kind());
        String condition = database.fromConnection(c -> sqlite.everyVersion(c, database.sqlNames(), "run"));
        assertThat(condition).as("two versions: looked up by version and uid").startsWith("\"version\" IN (WITH RECURSIVE");
        String chosenList = "'" + String.join("', '", chosen) + "'";
        CascadeService service = new CascadeService(database, dir.resolve("snapshots"));
        List<Root> roots = chosen.stream().map(uid -> new Root("run", uid)).toList();
        DeletePlan plan = service.plan(roots);
        assertThat(plan.deletedFrom("run").count()).as("every version of each chosen run").isEqualTo(340)
                .isEqualTo(count("SELECT COUNT(*) FROM run WHERE uid IN (" + chosenList + ")"));
        assertThat(plan.deletedFrom("run_labels").count()).isEqualTo(count("SELECT COUNT(*) FROM run_labels WHERE parent IN"
                + " (SELECT name FROM run WHERE uid IN (" + chosenList + "))"));
        // a run that does not exist is still refused by name
        assertThatThrownBy(() -> service.plan(List.of(new Root("run", chosen.get(0)), new Root("run", "no-such-run"))))
                .hasMessage("No row with uid 'no-such-run' in table run.");

        database.fromConnection(c -> {
            try (Statement s = c.createStatement()) {
                for (int i = 3; i <= 20; i++) {
                    s.executeUpdate("INSERT INTO run (uid, version, name, created, updated, status) SELECT uid, 'v" + i + "', name || '-v"
                            + i + "', created, updated, status FROM run WHERE uid = '" + chosen.get(299) + "' AND version = ''");
                }
            }
            return null;
        });
        String manyVersions = database.fromConnection(c -> sqlite.everyVersion(c, database.sqlNames(), "run"));
        assertThat(manyVersions).as("20 versions: a scan").isNull();
        assertThat(service.plan(roots).deletedFrom("run").count()).isEqualTo(358)
                .isEqualTo(count("SELECT COUNT(*) FROM run WHERE uid IN (" + chosenList + ")"));
    }

    private void open(EngineDatabases.Kind kind) {
        database = EngineDatabases.open(kind, dir);
        DataGenerator.generate(database, BIG_PROJECT_ROWS + 2_000, BIG_PROJECT_ROWS);
    }

    /** Runs each statement's text as it is (no parameters) in one transaction, rolled back; the rows each changed. */
    private List<Long> runAsShownAndRollBack(List<String> statements) {
        return database.fromConnection(c -> {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            List<Long> changed = new ArrayList<>();
            try (Statement s = c.createStatement()) {
                for (String statement : statements) {
                    changed.add((long) s.executeUpdate(statement));
                }
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
            return changed;
        });
    }

    private long count(String sql) {
        return database.fromConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(EngineDatabases.sql(database, sql)); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private List<String> uids(String sql) {
        return database.fromConnection((Connection c) -> {
            List<String> uids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(EngineDatabases.sql(database, sql) + " ORDER BY 1"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    uids.add(rs.getString(1));
                }
            }
            return uids;
        });
    }
}
