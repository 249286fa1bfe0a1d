package dev.cascadestudio.ui.delete;

import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.persistence.BatchInserter;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.MappedTables;
import dev.cascadestudio.persistence.TableInfo;
import dev.cascadestudio.persistence.demo.DataGenerator;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.persistence.demo.RowBuilder;
import dev.cascadestudio.service.CascadeService;
import dev.cascadestudio.testsupport.CanonicalDump;
import dev.cascadestudio.testsupport.EngineDatabases;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A database for the delete preview's tests: the demo data (or a generated one) on H2, and its service. */
final class DeleteFixture implements AutoCloseable {

    static final String SUPPORT_NAME = "customer-support-assistant";
    static final Root SUPPORT = new Root("project", RowBuilder.uid("project", SUPPORT_NAME));
    static final Root BOB = new Root("user", RowBuilder.uid("user", "bob"));
    static final String TRIAGE = RowBuilder.uid("workflow", "ticket-triage");

    final Database database;
    final CascadeService service;
    final DeleteOperations operations;

    private DeleteFixture(Database database, Path dir) {
        this.database = database;
        this.service = new CascadeService(database, dir.resolve("snapshots"));
        this.operations = DeleteOperations.of(service);
    }

    static DeleteFixture demo(Path dir) {
        Database database = EngineDatabases.h2(dir);
        DemoData.load(database);
        return new DeleteFixture(database, dir);
    }

    /** A generated database whose big project's delete affects about {@code bigProjectRows} rows. */
    static DeleteFixture generated(Path dir, long bigProjectRows) {
        Database database = EngineDatabases.h2(dir);
        DataGenerator.generate(database, bigProjectRows + bigProjectRows / 10, bigProjectRows);
        return new DeleteFixture(database, dir);
    }

    static Root bigProject() {
        return new Root("project", RowBuilder.uid("project", DataGenerator.BIG_PROJECT));
    }

    String dump() {
        return CanonicalDump.of(database);
    }

    /** Someone else's write while the preview is open: a new run on a workflow of the support project. */
    void addRunToTheSupportProject(String name) {
        database.fromConnection(c -> {
            try (BatchInserter in = new BatchInserter(c, database.kind(), database.sqlNames(), 10)) {
                new RowBuilder(in, LocalDateTime.of(2026, 5, 1, 8, 0)).run(name, TRIAGE, null, null, "running");
            }
            return null;
        });
    }

    /**
     * One run of the project's workflow is deleted and another put in its place, on the same workflow and schedule:
     * the plan's numbers stay, its rows do not.
     */
    void replaceARunOfTheSupportProject() {
        database.fromConnection(c -> {
            String uid;
            String schedule;
            try (PreparedStatement ps = c.prepareStatement("SELECT \"uid\", \"schedule_id\" FROM \"run\" WHERE \"workflow_id\" = ?"
                    + " ORDER BY \"uid\"")) {
                ps.setString(1, TRIAGE);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    uid = rs.getString(1);
                    schedule = rs.getString(2);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM \"run\" WHERE \"uid\" = ?")) {
                ps.setString(1, uid);
                ps.executeUpdate();
            }
            try (BatchInserter in = new BatchInserter(c, database.kind(), database.sqlNames(), 10)) {
                new RowBuilder(in, LocalDateTime.of(2026, 5, 1, 8, 0)).run("replacement-run", TRIAGE, schedule, null, "running");
            }
            return null;
        });
    }

    /** Rows per table, every mapped table. */
    Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (TableInfo table : MappedTables.all()) {
            counts.put(table.name(), count("SELECT COUNT(*) FROM " + database.sqlNames().quote(table.name())));
        }
        return counts;
    }

    /** Rows whose {@code column} is NULL, per nulled effect of the plan. */
    Map<String, Long> nullCounts(DeletePlan plan) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (DeletePlan.Effect effect : plan.nulled()) {
            counts.put(effect.label(), count("SELECT COUNT(*) FROM " + database.sqlNames().quote(effect.table())
                    + " WHERE " + database.sqlNames().quote(effect.column()) + " IS NULL"));
        }
        return counts;
    }

    DeletePlan plan(List<Root> roots) {
        return service.plan(roots);
    }

    long count(String sql) {
        return database.fromConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public void close() {
        database.close();
    }
}
