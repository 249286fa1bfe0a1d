package dev.cascadestudio.cascade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DataGenerator;
import dev.cascadestudio.service.CascadeService;
import dev.cascadestudio.testsupport.DatabaseFingerprint;
import dev.cascadestudio.testsupport.EngineDatabases;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * How the values a delete set to NULL go back, as the database sees it: on MariaDB loaded into a temporary table per
 * table, a thousand per INSERT, and set from it ten thousand rows per UPDATE in the order of the keys, each row written
 * once however many of its columns come back
 * (one UPDATE per value took 140 µs each there, 25 s of a 1M-row undo; a chunk of values per UPDATE, one column at a
 * time, 9.4 s); elsewhere one UPDATE per value, in JDBC batches. Either way every value comes back; a value changed
 * since is refused by name ({@link RestoreLargeSnapshotTest}, on every product).
 */
class RestoreValuesTogetherTest {

    @TempDir Path dir;
    Database database;

    @org.junit.jupiter.api.AfterEach
    void close() {
        if (database != null) EngineDatabases.close(database);
    }

    /** A generated database's big project, deleted: the service that deleted it, the database before, the delete. */
    private record Deleted(CascadeService service, DatabaseFingerprint before, ExecutionResult result) {}

    private Deleted deleteTheBigProject(EngineDatabases.Kind kind, long rows, long bigProjectRows) {
        database = EngineDatabases.open(kind, dir);
        String project = DataGenerator.generate(database, rows, bigProjectRows).bigProjectUid();
        CascadeService service = new CascadeService(database, dir.resolve("snapshots"));
        DatabaseFingerprint before = DatabaseFingerprint.of(database);
        return new Deleted(service, before,
                service.execute(service.plan(List.of(new Root("project", project))), ProgressListener.NONE));
    }

    @ParameterizedTest
    @EnumSource(value = EngineDatabases.Kind.class, names = {"MARIADB_CONTROLLER", "POSTGRESQL_CONTROLLER", "SQLITE"})
    void onTheServersEachRowGetsItsValuesBackInOneWriteAndOnSqliteEachValueInAnUpdateOfItsOwn(EngineDatabases.Kind kind) throws Exception {
        // run.workflow_id alone gets more than one UPDATE's rows back, and run.schedule_id the same rows' other column
        Deleted deleted = deleteTheBigProject(kind, 40_000, 30_000);
        CascadeService service = deleted.service();
        DatabaseFingerprint before = deleted.before();
        ExecutionResult result = deleted.result();
        DeletePlan plan = result.plan();
        long values = plan.nulledValueCount();
        List<String> executed = new ArrayList<>();
        Connection[] used = new Connection[1];
        Restorer restorer = new Restorer(database, service.graph(), connection -> {
            used[0] = connection;
            return recording(connection, executed);
        });

        List<Long> counted = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        java.util.regex.Pattern restoring = java.util.regex.Pattern.compile("Restoring: ([0-9,]+) rows and values put back.*");
        java.util.Set<String> withoutWorkflow = runsWithNull("workflow_id");
        java.util.Set<String> withoutSchedule = runsWithNull("schedule_id");

        Restorer.RestoreResult restored = restorer.restore(result.snapshot(), false, (done, total, message) -> {
            messages.add(message);
            java.util.regex.Matcher m = restoring.matcher(message);
            if (m.matches()) counted.add(Long.parseLong(m.group(1).replace(",", "")));
        });
        // the runs that got a workflow or a schedule back, as the database tells it
        withoutWorkflow.removeAll(runsWithNull("workflow_id"));
        withoutSchedule.removeAll(runsWithNull("schedule_id"));
        java.util.Set<String> runsGivenValues = new java.util.HashSet<>(withoutWorkflow);
        runsGivenValues.addAll(withoutSchedule);
        long runsNulledByTheDelete = runsGivenValues.size();

        assertThat(restored.valuesRestored()).isEqualTo(values);
        assertThat(counted).as("the values counted as they go back, between the rows and the whole")
                .anyMatch(n -> n > plan.deletedCount() && n < plan.deletedCount() + values);
        if (kind != EngineDatabases.Kind.SQLITE) assertNoValuesTableLeft(used[0]);
        assertThat(plan.nulledIn("run", "workflow_id").count()).as("run.workflow_id's values").isGreaterThan(10_000);
        assertThat(plan.nulledIn("run", "schedule_id").count()).as("run.schedule_id's values").isPositive();
        assertThat(plan.nulledRowCount()).as("rows losing a value").isLessThan(values);
        assertThat(DatabaseFingerprint.of(database)).as("the database as before the delete").isEqualTo(before);
        long oneRow = executed.stream().filter(s -> s.startsWith("addBatch UPDATE")).count();
        List<Long> fromTable = executed.stream().filter(s -> s.startsWith("executeUpdate UPDATE ") && s.contains(" cs_values_"))
                .map(s -> Long.parseLong(s.substring(s.lastIndexOf(" = ") + 3))).toList();
        if (kind != EngineDatabases.Kind.SQLITE) {
            // the progress line names the table whose values go back, as the commit's names its statement
            assertThat(messages).as("the progress while run's values go back").anyMatch(m -> m.endsWith(
                    "; putting back the values of " + String.format("%,d", runsNulledByTheDelete) + " rows of run"));
        }
        if (kind == EngineDatabases.Kind.POSTGRESQL_CONTROLLER) {
            // loaded by COPY (outside the statements recorded here), then each table in one UPDATE joined to its values
            assertThat(oneRow).as("one-row UPDATEs").isZero();
            assertThat(executed).as("no INSERT loads the values").noneMatch(s -> s.matches("(?s).*INSERT INTO \"?cs_values_.*"));
            assertThat(executed).as("no row goes back by INSERT").noneMatch(s -> s.startsWith("addBatch INSERT"));
            assertThat(fromTable).as("one UPDATE per table that gets values back (run, session, deployment), each row once")
                    .hasSize((int) plan.nulled().stream().map(n -> n.table()).distinct().count());
            assertThat(fromTable.stream().mapToLong(Long::longValue).sum()).as("rows written, each once")
                    .isEqualTo(plan.nulledRowCount());
        } else if (kind == EngineDatabases.Kind.MARIADB_CONTROLLER) {
            assertThat(oneRow).as("one-row UPDATEs").isZero();
            int sections = plan.nulled().size();
            assertThat(executed.stream().filter(s -> s.startsWith("executeUpdate INSERT INTO cs_values_")).count())
                    .as("INSERTs loading " + values + " values in " + sections + " columns, a thousand each")
                    .isBetween(values / 1_000, values / 1_000 + sections);
            assertThat(fromTable.stream().mapToLong(Long::longValue).sum()).as("rows written, each once")
                    .isEqualTo(plan.nulledRowCount());
            assertThat(fromTable).as("UPDATEs, at most ten thousand rows each").allSatisfy(n -> assertThat(n).isBetween(1L, 10_000L))
                    .hasSizeGreaterThan(1);
            assertThat(executed).as("temporary tables made").anyMatch(s -> s.startsWith("execute CREATE TEMPORARY TABLE cs_values_0 "));
        } else {
            assertThat(fromTable).isEmpty();
            assertThat(oneRow).as("one-row UPDATEs").isEqualTo(values);
        }
    }

    /**
     * The labels put back with their parents need no query (README, item 28): where text compares byte for byte the
     * restore knows the names of the rows it put back, and a controller's MariaDB refuses a label of no row by its own
     * key. The whole big project goes back exactly.
     */
    @ParameterizedTest
    @EnumSource(value = EngineDatabases.Kind.class, names = {"MARIADB_CONTROLLER", "POSTGRESQL_CONTROLLER", "SQLITE", "H2"})
    void theLabelsPutBackWithTheirParentsAreNotLookedUp(EngineDatabases.Kind kind) {
        Deleted deleted = deleteTheBigProject(kind, 8_000, 6_000);
        ExecutionResult result = deleted.result();
        long labels = result.plan().deleted().stream().filter(e -> e.table().endsWith("_labels")).mapToLong(e -> e.count()).sum();
        List<String> executed = new ArrayList<>();

        new Restorer(database, deleted.service().graph(), connection -> recording(connection, executed)).restore(result.snapshot());

        assertThat(DatabaseFingerprint.of(database)).as("the database as before the delete").isEqualTo(deleted.before());
        assertThat(labels).as("labels deleted, in more than one chunk").isGreaterThan(500);
        assertThat(executed).as("no look-up of the labels' parents").noneMatch(s -> s.startsWith(parentOfLabels()));
    }

    /**
     * A label whose parent is not among the rows put back (only an edited file holds one) is looked up, a thousand per
     * query, by joining the parent table: with {@code NOT EXISTS (SELECT ...)} MariaDB read every name of the parent
     * table once per chunk (3.9 of the 4.1 s that 12,554 schedule_labels took to go back on a 1M-row database; README,
     * Start-up and speed). Here the big project's label and a model's label swap sections: each now names a row of the
     * wrong kind, and the restore refuses the file, nothing written.
     */
    @ParameterizedTest
    @EnumSource(value = EngineDatabases.Kind.class, names = {"POSTGRESQL_CONTROLLER", "SQLITE", "H2"})
    void aLabelWhoseParentDidNotGoBackWithItIsLookedUpByAJoin(EngineDatabases.Kind kind) throws Exception {
        Deleted deleted = deleteTheBigProject(kind, 8_000, 6_000);
        DatabaseFingerprint afterDelete = DatabaseFingerprint.of(database);
        List<String> lines = new ArrayList<>(java.nio.file.Files.readAllLines(deleted.result().snapshot()));
        int projectLabel = firstRowOf(lines, "{\"deleted\":\"project_labels\"");
        int modelLabel = firstRowOf(lines, "{\"deleted\":\"model_labels\"");
        String moved = lines.get(projectLabel);
        lines.set(projectLabel, lines.get(modelLabel));
        lines.set(modelLabel, moved);
        Path edited = dir.resolve("edited.jsonl");
        java.nio.file.Files.write(edited, SnapshotMutationPropertyTest.withChecksumRecomputed(
                (String.join("\n", lines) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        List<String> executed = new ArrayList<>();

        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() ->
                new Restorer(database, deleted.service().graph(), connection -> recording(connection, executed)).restore(edited));

        assertThat(refused).isInstanceOf(SnapshotRefusedException.class).hasMessageContaining("names no ");
        assertThat(DatabaseFingerprint.of(database)).as("nothing written").isEqualTo(afterDelete);
        assertThat(executed.stream().filter(s -> s.startsWith(parentOfLabels())).toList()).as("the look-up of the moved label")
                .isNotEmpty().allSatisfy(sql -> assertThat(sql).contains(" LEFT JOIN ").doesNotContain("EXISTS"));
    }

    private String parentOfLabels() {
        return "executeQuery SELECT t." + database.sqlNames().quote("parent") + " FROM ";
    }

    private static int firstRowOf(List<String> lines, String sectionStart) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(sectionStart)) {
                assertThat(lines.get(i + 1)).startsWith("{\"row\"");
                return i + 1;
            }
        }
        throw new AssertionError("no section " + sectionStart);
    }

    /**
     * On MariaDB the values go back with the session's {@code foreign_key_checks} off (InnoDB's check of each value,
     * which the restore has itself found to name a row it put back, was a sixth of their time): switched off for
     * those UPDATEs only, and on again afterwards on the connection, which goes back to the pool; also when the
     * restore is refused half-way, by a value set again since the delete.
     */
    @org.junit.jupiter.api.Test
    void onMariaDbTheForeignKeyCheckIsOffOnlyWhileTheValuesGoBack() throws Exception {
        Deleted deleted = deleteTheBigProject(EngineDatabases.Kind.MARIADB_CONTROLLER, 8_000, 6_000);
        CascadeService service = deleted.service();
        ExecutionResult result = deleted.result();
        String project = result.plan().roots().get(0).uid();
        List<String> executed = new ArrayList<>();
        Connection[] used = new Connection[1];
        Restorer restorer = new Restorer(database, service.graph(), connection -> {
            used[0] = connection;
            return recording(connection, executed);
        });

        restorer.restore(result.snapshot());

        assertThat(DatabaseFingerprint.of(database)).as("the database as before the delete").isEqualTo(deleted.before());
        boolean checking = true;
        List<String> putBackChecked = new ArrayList<>();
        List<String> insertedUnchecked = new ArrayList<>();
        long putBackUnchecked = 0;
        for (String statement : executed) {
            if (statement.equals("execute SET SESSION foreign_key_checks = 0")) checking = false;
            if (statement.equals("execute SET SESSION foreign_key_checks = 1")) checking = true;
            if (statement.startsWith("executeUpdate UPDATE cs_values_")) {
                if (checking) putBackChecked.add(statement); else putBackUnchecked++;
            }
            if (statement.startsWith("addBatch INSERT") && !checking) insertedUnchecked.add(statement);
        }
        assertThat(putBackUnchecked).as("UPDATEs from a table of values, unchecked").isPositive();
        assertThat(putBackChecked).as("UPDATEs from a table of values, checked").isEmpty();
        assertThat(insertedUnchecked).as("rows inserted unchecked").isEmpty();
        assertThat(checking).as("checking at the end").isTrue();
        assertThat(foreignKeyChecks(used[0])).as("the connection checks foreign keys again").isEqualTo("1");

        // a value set again since the delete: the restore is refused in the middle of the values
        ExecutionResult again = service.execute(service.plan(List.of(new Root("project", project))), ProgressListener.NONE);
        String run = firstUidOf(again.snapshot(), "{\"nulled\":\"run\",\"column\":\"workflow_id\"");
        String workflow = database.fromConnection(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT uid FROM workflow LIMIT 1")) {
                rs.next();
                return rs.getString(1);
            }
        });
        database.fromConnection(c -> c.createStatement().executeUpdate("UPDATE run SET workflow_id = '" + workflow
                + "' WHERE uid = '" + run + "'"));
        DatabaseFingerprint changed = DatabaseFingerprint.of(database);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> restorer.restore(again.snapshot()))
                .isInstanceOf(RestoreConflictException.class);

        assertThat(DatabaseFingerprint.of(database)).as("nothing written").isEqualTo(changed);
        assertThat(foreignKeyChecks(used[0])).as("the connection checks foreign keys again").isEqualTo("1");
    }

    /**
     * A MariaDB user who may not make temporary tables (a controller's user granted only what the controller needs) gets
     * the values back one UPDATE per value, as before: the restore asks no privilege the delete did not.
     */
    @org.junit.jupiter.api.Test
    void onMariaDbAUserWhoMayNotMakeTemporaryTablesGetsTheValuesBackOneByOne() throws Exception {
        Deleted deleted = deleteTheBigProject(EngineDatabases.Kind.MARIADB_CONTROLLER, 4_000, 3_000);
        ExecutionResult result = deleted.result();
        String schema = database.url().substring(database.url().lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        String user = "cs_no_temporary_" + ProcessHandle.current().pid();
        List<String> hosts = List.of("'%'", "'localhost'", "'127.0.0.1'");
        database.fromConnection(c -> {
            try (var s = c.createStatement()) {
                for (String host : hosts) {
                    s.execute("CREATE USER '" + user + "'@" + host);
                    s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON `" + schema + "`.* TO '" + user + "'@" + host);
                }
            }
            return null;
        });
        try (Database restricted = Database.open(database.url(), user, null, Database.EmptyDatabase.REFUSE)) {
            List<String> executed = new ArrayList<>();
            new Restorer(restricted, deleted.service().graph(), connection -> recording(connection, executed))
                    .restore(result.snapshot());

            assertThat(DatabaseFingerprint.of(database)).as("the database as before the delete").isEqualTo(deleted.before());
            assertThat(executed).as("the temporary table tried").anyMatch(s -> s.startsWith("execute CREATE TEMPORARY TABLE"))
                    .noneMatch(s -> s.startsWith("executeUpdate UPDATE cs_values_"));
            assertThat(executed.stream().filter(s -> s.startsWith("addBatch UPDATE")).count()).as("one-row UPDATEs")
                    .isEqualTo(result.plan().nulledValueCount());
        } finally {
            database.fromConnection(c -> {
                try (var s = c.createStatement()) {
                    for (String host : hosts) s.execute("DROP USER IF EXISTS '" + user + "'@" + host);
                }
                return null;
            });
        }
    }

    /**
     * A PostgreSQL user who may not make temporary tables ({@code TEMPORARY} revoked on the database) gets the values back
     * one UPDATE per value: the failed try is rolled back to a savepoint, so the restore's transaction goes on.
     */
    @org.junit.jupiter.api.Test
    void onPostgreSqlAUserWhoMayNotMakeTemporaryTablesGetsTheValuesBackOneByOne() throws Exception {
        Deleted deleted = deleteTheBigProject(EngineDatabases.Kind.POSTGRESQL_CONTROLLER, 4_000, 3_000);
        ExecutionResult result = deleted.result();
        String name = database.url().substring(database.url().lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        String user = "cs_no_temporary_" + ProcessHandle.current().pid();
        try {
            database.fromConnection(c -> {
                try (var s = c.createStatement()) {
                    s.execute("DROP ROLE IF EXISTS " + user);
                    s.execute("REVOKE TEMPORARY ON DATABASE \"" + name + "\" FROM PUBLIC");
                    s.execute("CREATE ROLE " + user + " LOGIN");
                    s.execute("GRANT USAGE ON SCHEMA public TO " + user);
                    s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + user);
                    s.execute("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO " + user);
                }
                return null;
            });
            Database restricted = Database.open(database.url(), user, null, Database.EmptyDatabase.REFUSE);
            try (restricted) {
            List<String> executed = new ArrayList<>();
            new Restorer(restricted, deleted.service().graph(), connection -> recording(connection, executed))
                    .restore(result.snapshot());

            assertThat(DatabaseFingerprint.of(database)).as("the database as before the delete").isEqualTo(deleted.before());
            assertThat(executed).as("the temporary table tried").anyMatch(s -> s.startsWith("execute CREATE TEMPORARY TABLE"))
                    .noneMatch(s -> s.startsWith("executeUpdate UPDATE ") && s.contains(" cs_values_"));
            assertThat(executed.stream().filter(s -> s.startsWith("addBatch UPDATE")).count()).as("one-row UPDATEs")
                    .isEqualTo(result.plan().nulledValueCount());
            }
        } finally {
            database.fromConnection(c -> {
                try (var s = c.createStatement()) {
                    s.execute("GRANT TEMPORARY ON DATABASE \"" + name + "\" TO PUBLIC");
                    s.execute("DROP OWNED BY " + user);
                    s.execute("DROP ROLE " + user);
                }
                return null;
            });
        }
    }

    /**
     * On the servers a file that gives a row's value twice is refused by name before any value is set (MariaDB's
     * temporary table notes the second, PostgreSQL's are counted per key), and a row deleted since the delete is a conflict the whole check names; either way nothing is
     * written and the connection, back in the pool, holds no temporary table.
     */
    @ParameterizedTest
    @EnumSource(value = EngineDatabases.Kind.class, names = {"MARIADB_CONTROLLER", "POSTGRESQL_CONTROLLER"})
    void onTheServersAValueGivenTwiceOrARowGoneIsRefusedAndNoTemporaryTableStays(EngineDatabases.Kind kind) throws Exception {
        Deleted deleted = deleteTheBigProject(kind, 4_000, 3_000);
        Path snapshot = deleted.result().snapshot();
        Connection[] used = new Connection[1];
        Restorer restorer = new Restorer(database, deleted.service().graph(), connection -> used[0] = connection);
        DatabaseFingerprint afterDelete = DatabaseFingerprint.of(database);

        // a version 1 file (no checksum) whose run.workflow_id section names its first row twice
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> lines = new ArrayList<>(java.nio.file.Files.readAllLines(snapshot));
        int section = lines.indexOf(lines.stream().filter(l -> l.startsWith("{\"nulled\":\"run\",\"column\":\"workflow_id\""))
                .findFirst().orElseThrow());
        String twice = json.readTree(lines.get(section + 1)).get("row").get(0).asText();
        lines.add(section + 1, lines.get(section + 1));
        var header = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(lines.get(0));
        lines.set(0, json.writeValueAsString(header.put("formatVersion", 1)));
        var end = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(lines.get(lines.size() - 1));
        end.remove("sha256");
        lines.set(lines.size() - 1, json.writeValueAsString(end.put("nulledValues", end.get("nulledValues").asLong() + 1)));
        Path edited = dir.resolve("twice.jsonl");
        java.nio.file.Files.write(edited, lines);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> restorer.restore(edited))
                .isInstanceOf(SnapshotRefusedException.class)
                .hasMessageContaining("it puts back run " + twice + "'s workflow_id twice");
        assertThat(DatabaseFingerprint.of(database)).as("nothing written").isEqualTo(afterDelete);
        assertNoValuesTableLeft(used[0]);

        // a run whose workflow_id the delete set to NULL, deleted since (its labels first: they name it)
        String gone = firstUidOf(snapshot, "{\"nulled\":\"run\",\"column\":\"workflow_id\"");
        database.fromConnection(c -> {
            try (var s = c.createStatement()) {
                s.executeUpdate("DELETE FROM run_labels WHERE parent = (SELECT name FROM run WHERE uid = '" + gone + "')");
                return s.executeUpdate("DELETE FROM run WHERE uid = '" + gone + "'");
            }
        });
        DatabaseFingerprint changed = DatabaseFingerprint.of(database);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> restorer.restore(snapshot))
                .isInstanceOfSatisfying(RestoreConflictException.class, e -> assertThat(e.conflicts())
                        .contains("run " + gone + " no longer exists, so its workflow_id cannot be put back"));
        assertThat(DatabaseFingerprint.of(database)).as("nothing written").isEqualTo(changed);
        assertNoValuesTableLeft(used[0]);
    }

    /** The uids of the runs whose {@code column} is NULL now. */
    private java.util.Set<String> runsWithNull(String column) {
        return database.fromConnection(c -> {
            java.util.Set<String> uids = new java.util.HashSet<>();
            try (var s = c.createStatement(); var rs = s.executeQuery(EngineDatabases.sql(database,
                    "SELECT \"uid\" FROM \"run\" WHERE \"" + column + "\" IS NULL"))) {
                while (rs.next()) uids.add(rs.getString(1));
            }
            return uids;
        });
    }

    /** The connection a server's restore used holds none of its temporary tables of values. */
    private static void assertNoValuesTableLeft(Connection connection) throws java.sql.SQLException {
        if (connection.isWrapperFor(org.postgresql.PGConnection.class)) {
            // the session's own temporary tables are the only ones its search path shows
            try (var s = connection.createStatement(); var rs = s.executeQuery("SELECT relname FROM pg_class WHERE relname LIKE"
                    + " 'cs_values%' AND relpersistence = 't' AND pg_table_is_visible(oid)")) {
                List<String> left = new ArrayList<>();
                while (rs.next()) left.add(rs.getString(1));
                assertThat(left).as("temporary tables of values left").isEmpty();
            }
            return;
        }
        for (String table : List.of("cs_values_0", "cs_values_0_in_order", "cs_values_probe")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
                try (var s = connection.createStatement()) {
                    s.executeQuery("SELECT COUNT(*) FROM " + table).close();
                }
            }).as(table).isInstanceOf(java.sql.SQLException.class).hasMessageContaining("doesn't exist");
        }
    }

    /** The uid of the first row of the snapshot's section that begins with {@code sectionStart}. */
    private static String firstUidOf(Path snapshot, String sectionStart) throws java.io.IOException {
        List<String> lines = java.nio.file.Files.readAllLines(snapshot);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(sectionStart)) {
                return new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.get(i + 1)).get("row").get(0).asText();
            }
        }
        throw new AssertionError("no section " + sectionStart);
    }

    private static String foreignKeyChecks(Connection connection) throws java.sql.SQLException {
        try (var rs = connection.createStatement().executeQuery("SELECT @@SESSION.foreign_key_checks")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** {@code connection}, noting each execution of a prepared statement as the method's name and the statement's SQL. */
    private static Connection recording(Connection connection, List<String> executed) {
        return (Connection) Proxy.newProxyInstance(RestoreValuesTogetherTest.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, connection, args);
                    if (result instanceof java.sql.Statement statement && method.getName().equals("createStatement")) {
                        return Proxy.newProxyInstance(RestoreValuesTogetherTest.class.getClassLoader(),
                                new Class<?>[] {java.sql.Statement.class}, (p, m, a) -> {
                                    if (m.getName().equals("execute") && a != null && a.length == 1) {
                                        executed.add("execute " + a[0]);
                                    }
                                    return invoke(m, statement, a);
                                });
                    }
                    if (result instanceof PreparedStatement ps && method.getName().equals("prepareStatement")) {
                        String sql = (String) args[0];
                        return Proxy.newProxyInstance(RestoreValuesTogetherTest.class.getClassLoader(),
                                new Class<?>[] {PreparedStatement.class}, (p, m, a) -> {
                                    Object done = invoke(m, ps, a);
                                    if ((m.getName().equals("addBatch") || m.getName().equals("executeQuery")) && a == null) {
                                        executed.add(m.getName() + " " + sql);
                                    }
                                    if (m.getName().equals("executeUpdate") && a == null) {
                                        executed.add(m.getName() + " " + sql + " = " + done);
                                    }
                                    return done;
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
