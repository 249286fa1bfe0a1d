package dev.cascadestudio.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascadestudio.cascade.Auditor;
import dev.cascadestudio.cascade.CascadeGraph;
import dev.cascadestudio.cascade.Planner;
import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.ExecutionResult;
import dev.cascadestudio.cascade.ProgressListener;
import dev.cascadestudio.cascade.Repair;
import dev.cascadestudio.cascade.RowKey;
import dev.cascadestudio.cascade.StalePlanException;
import dev.cascadestudio.persistence.BatchInserter;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.MappedTables;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.persistence.demo.RowBuilder;
import dev.cascadestudio.testsupport.BrokenReferences;
import dev.cascadestudio.testsupport.DatabaseState;
import dev.cascadestudio.testsupport.EngineDatabases;
import dev.cascadestudio.testsupport.RulesModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Health view's fixes as the engine carries them out: dangling references set to NULL and labels
 * without a parent deleted, each through a plan that is committed with a snapshot, recorded, re-checked
 * and undone like a delete. The demo data is broken in known ways ({@link BrokenReferences}); what the
 * fix must change is read with plain SQL for the values broken there, and what it did change is the
 * difference between every row of the database before and after.
 */
class RepairTest {

    private static final List<String> TABLES_WITH_OWNERS = List.of("project", "data_source", "dataset", "document", "model",
            "prompt", "workflow", "schedule", "run", "session", "deployment");
    /** Products that enforce the run.workflow_id key, so that no dangling value can be put back. */
    private static final Set<EngineDatabases.Kind> ENFORCE_KEYS = Set.of(EngineDatabases.Kind.H2,
            EngineDatabases.Kind.POSTGRESQL, EngineDatabases.Kind.MARIADB_CONTROLLER);

    @TempDir Path dir;
    private Database database;
    private CascadeService service;

    @AfterEach
    void close() {
        if (database != null) database.close();
    }

    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void settingDanglingReferencesToNullChangesExactlyThoseValues(EngineDatabases.Kind kind) {
        open(kind);
        String carol = RowBuilder.uid("user", "carol");
        Set<RulesModel.Nulled> expected = new TreeSet<>();
        database.fromConnection(c -> {
            for (String table : TABLES_WITH_OWNERS) {
                for (RowKey row : keys(c, table, "owner_id", carol)) expected.add(new RulesModel.Nulled(row, "owner_id"));
            }
            return null;
        });
        BrokenReferences.apply(database, kind);
        database.fromConnection(c -> {
            for (RowKey row : keys(c, "run", "workflow_id", BrokenReferences.MISSING_WORKFLOW)) {
                expected.add(new RulesModel.Nulled(row, "workflow_id"));
            }
            return null;
        });
        assertThat(expected).as("the broken demo data has carol's rows and one run to repair").hasSizeGreaterThan(2);
        List<Repair> repairs = new ArrayList<>(TABLES_WITH_OWNERS.stream().map(t -> new Repair(t, "owner_id")).toList());
        repairs.add(new Repair("run", "workflow_id"));
        DatabaseState before = DatabaseState.read(database);

        DeletePlan plan = service.planRepair(repairs);

        assertThat(plan.deletedCount()).isZero();
        assertThat(plan.nulledValueCount()).isEqualTo(expected.size());
        assertThat(plan.nulledIn("run", "workflow_id").routes()).singleElement()
                .satisfies(r -> assertThat(r.route().describe()).isEqualTo("workflow (gone) → run.workflow_id"));
        assertThat(plan.summary()).isEqualTo("Set " + expected.size() + " values in "
                + expected.stream().map(RulesModel.Nulled::row).distinct().count() + " rows to NULL");

        ExecutionResult result = service.execute(plan, "clean up after carol left", ProgressListener.NONE);

        DatabaseState.Diff diff = before.diff(DatabaseState.read(database));
        assertThat(diff.deleted()).isEmpty();
        assertThat(diff.otherChanges()).isEmpty();
        assertThat(diff.nulled()).containsExactlyElementsOf(expected);
        assertThat(new HealthService(service).check().findings()).extracting(HealthService.Finding::title)
                .containsExactlyInAnyOrder("prompt_labels.parent → prompt.name", "user_labels.parent → user.name");
        assertThat(Files.exists(result.snapshot())).isTrue();
        AuditRecord recorded = lastRecord();
        assertThat(recorded.action()).isEqualTo(AuditRecord.DELETE);
        assertThat(recorded.roots()).isEmpty();
        assertThat(recorded.columns()).containsExactlyElementsOf(repairs.stream().map(Repair::label).toList());
        assertThat(recorded.valueTotal()).isEqualTo(expected.size());
        assertThat(recorded.reason()).isEqualTo("clean up after carol left");
    }

    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void undoPutsTheDanglingValuesBackWhereTheDatabaseTakesThem(EngineDatabases.Kind kind) {
        open(kind);
        BrokenReferences.apply(database, kind);
        DatabaseState before = DatabaseState.read(database);
        ExecutionResult result = service.execute(service.planRepair(List.of(new Repair("run", "workflow_id"))), ProgressListener.NONE);
        DatabaseState repaired = DatabaseState.read(database);
        assertThat(before.diff(repaired).nulled()).hasSize(1);

        if (ENFORCE_KEYS.contains(kind)) {
            assertThatThrownBy(() -> service.restore(result.snapshot()))
                    .hasMessageContaining("the database's foreign keys refused a value that names no row");
            assertThat(repaired.diff(DatabaseState.read(database)).nulled()).as("nothing changed").isEmpty();
            assertThat(repaired.diff(DatabaseState.read(database)).otherChanges()).isEmpty();
            return;
        }
        service.restore(result.snapshot());

        DatabaseState.Diff back = before.diff(DatabaseState.read(database));
        assertThat(back.deleted()).isEmpty();
        assertThat(back.nulled()).isEmpty();
        assertThat(back.otherChanges()).isEmpty();
        assertThat(lastRecord().action()).isEqualTo(AuditRecord.RESTORE);
        assertThat(lastRecord().columns()).containsExactly("run.workflow_id");
    }

    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void labelsWithoutAParentAreDeletedAndComeBackWithUndo(EngineDatabases.Kind kind) {
        open(kind);
        List<RowKey> carolsLabels = database.fromConnection(c -> keys(c, "user_labels", "parent", "carol"));
        BrokenReferences.apply(database, kind);
        List<RowKey> expected = new ArrayList<>(carolsLabels);
        expected.addAll(database.fromConnection(c -> keys(c, "prompt_labels", "parent", BrokenReferences.MISSING_PROMPT)));
        DatabaseState before = DatabaseState.read(database);

        DeletePlan plan = service.planRepair(List.of(new Repair("prompt_labels", "parent"), new Repair("user_labels", "parent")));

        assertThat(plan.nulledValueCount()).isZero();
        assertThat(plan.deletedCount()).isEqualTo(expected.size());
        assertThat(plan.deletedFrom("prompt_labels").count()).isEqualTo(1);
        ExecutionResult result = service.execute(plan, ProgressListener.NONE);

        DatabaseState.Diff diff = before.diff(DatabaseState.read(database));
        assertThat(diff.deleted()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(diff.nulled()).isEmpty();
        assertThat(diff.otherChanges()).isEmpty();
        assertThat(result.snapshot().getFileName().toString()).contains("repair-prompt_labels-parent");

        if (kind == EngineDatabases.Kind.MARIADB_CONTROLLER) { // the controller's MariaDB DDL declares the labels' keys too
            assertThatThrownBy(() -> service.restore(result.snapshot()))
                    .hasMessageContaining("the database's foreign keys refused a value that names no row");
            assertThat(before.diff(DatabaseState.read(database)).deleted()).as("nothing changed").hasSize(expected.size());
            return;
        }
        service.restore(result.snapshot());

        DatabaseState.Diff back = before.diff(DatabaseState.read(database));
        assertThat(back.deleted()).isEmpty();
        assertThat(back.otherChanges()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void aNewOrphanSinceThePreviewMakesTheCommitRefuseAndChangeNothing(EngineDatabases.Kind kind) {
        open(kind);
        BrokenReferences.apply(database, kind);
        DeletePlan plan = service.planRepair(List.of(new Repair("prompt_labels", "parent")));
        assertThat(plan.deletedCount()).isEqualTo(1);
        database.fromConnection(c -> {
            try (Statement s = c.createStatement();
                 BatchInserter inserter = new BatchInserter(c, database.kind(), database.sqlNames(), 10)) {
                BrokenReferences.relaxKeys(s, kind, true);
                new RowBuilder(inserter, LocalDateTime.of(2026, 6, 2, 9, 0)).label("prompt", "owner", "x", "another-gone-prompt");
                inserter.flush();
                BrokenReferences.relaxKeys(s, kind, false);
            }
            return null;
        });
        DatabaseState before = DatabaseState.read(database);

        assertThatThrownBy(() -> service.execute(plan, ProgressListener.NONE))
                .isInstanceOfSatisfying(StalePlanException.class, e -> assertThat(e.currentPlan().deletedCount()).isEqualTo(2));

        DatabaseState.Diff diff = before.diff(DatabaseState.read(database));
        assertThat(diff.deleted()).isEmpty();
        assertThat(diff.otherChanges()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = EngineDatabases.Kind.class, names = "SQLITE")
    void aColumnThatRefersToNothingIsRefusedBeforeAnySql(EngineDatabases.Kind kind) {
        open(kind);

        assertThatThrownBy(() -> service.planRepair(List.of(new Repair("run", "status"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("run.status refers to no table, so none of its values can dangle. Its columns that do: ");
        assertThatThrownBy(() -> service.planRepair(List.of())).hasMessage("Nothing to repair: no column was chosen.");
    }

    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void repairingEverythingEqualsDeletingTheGoneRows(EngineDatabases.Kind kind) {
        check(kind, List.of());
    }

    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void repairMixedWithARoot(EngineDatabases.Kind kind) {
        check(kind, List.of(new Root("workflow", RowBuilder.uid("workflow", "reply-drafter"))));
    }

    /**
     * A project, a workflow and that workflow's schedule removed by hand (the database's own keys off), then every
     * column the audit flags repaired: the rows changed must be what deleting them would have changed (RulesModel,
     * from the schema document), less the rows already gone. Covers repaired DELETE edges whose rows have children
     * of their own, two repaired columns in one row, and repairs beside a chosen row.
     */
    private void check(EngineDatabases.Kind kind, List<Root> extraRoots) {
        open(kind);
        String project = RowBuilder.uid("project", "fraud-detection");
        String workflow = RowBuilder.uid("workflow", "ticket-triage");
        String schedule = RowBuilder.uid("schedule", "triage-retrain-hourly");
        List<Root> gone = new ArrayList<>(List.of(new Root("project", project), new Root("workflow", workflow)));
        gone.addAll(extraRoots);
        RulesModel.Expectation expected = RulesModel.load(database).delete(gone);
        DatabaseState intact = DatabaseState.read(database);

        database.fromConnection(c -> {
            try (Statement s = c.createStatement()) {
                BrokenReferences.relaxKeys(s, kind, true);
                for (String[] t : new String[][] {{"project", project}, {"workflow", workflow}, {"schedule", schedule}}) {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + database.sqlNames().quote(t[0]) + " WHERE "
                            + database.sqlNames().quote("uid") + " = ?")) {
                        ps.setString(1, t[1]);
                        ps.executeUpdate();
                    }
                }
                BrokenReferences.relaxKeys(s, kind, false);
            }
            return null;
        });
        DatabaseState broken = DatabaseState.read(database);
        Set<RowKey> removedByHand = intact.diff(broken).deleted();
        assertThat(intact.diff(broken).nulled()).as("no database cascade fired").isEmpty();
        assertThat(removedByHand).as("only the three rows went").allMatch(k -> Set.of("project", "workflow", "schedule").contains(k.table()));

        List<Repair> repairs = new ArrayList<>();
        for (Auditor.Finding f : service.audit(5)) {
            repairs.add(Repair.of(f.edge()));
        }
        CascadeGraph graph = CascadeGraph.fromMapping();
        DeletePlan plan = new Planner(database, graph).plan(extraRoots, repairs);

        Set<RowKey> expectedDeleted = new TreeSet<>(expected.deleted());
        expectedDeleted.removeAll(removedByHand);
        long expectedNulledRows = expected.nulled().stream().map(RulesModel.Nulled::row).distinct().count();
        assertThat(plan.deletedCount()).as("planned deletions").isEqualTo(expectedDeleted.size());
        assertThat(plan.nulledValueCount()).as("planned nulled values").isEqualTo(expected.nulled().size());
        assertThat(plan.nulledRowCount()).as("planned nulled rows").isEqualTo(expectedNulledRows);

        ExecutionResult result = service.execute(plan, ProgressListener.NONE);

        DatabaseState.Diff diff = broken.diff(DatabaseState.read(database));
        assertThat(diff.deleted()).containsExactlyElementsOf(expectedDeleted);
        assertThat(diff.nulled()).containsExactlyElementsOf(expected.nulled());
        assertThat(diff.otherChanges()).isEmpty();
        assertThat(result.snapshot()).exists();
    }


    @ParameterizedTest
    @EnumSource(value = EngineDatabases.Kind.class, names = {"H2", "MARIADB_CONTROLLER"})
    void aPlainUndoRefusedByAForeignKeySaysWhichParentIsMissing(EngineDatabases.Kind kind) {
        open(kind);
        ExecutionResult schedule = service.execute(service.plan(List.of(new Root("schedule", RowBuilder.uid("schedule", "retrain-weekly")))),
                ProgressListener.NONE);
        service.execute(service.plan(List.of(new Root("workflow", RowBuilder.uid("workflow", "weekly-retrain")))), ProgressListener.NONE);

        assertThatThrownBy(() -> service.restore(schedule.snapshot()))
                .hasMessageContaining("the database's foreign keys refused a row whose parent is no longer there")
                .hasMessageNotContaining("repair");
    }

    @ParameterizedTest
    @EnumSource(value = EngineDatabases.Kind.class, names = {"SQLITE", "POSTGRESQL_CONTROLLER"})
    void undoRefusesAValueThatNamesARowAgain(EngineDatabases.Kind kind) {
        open(kind);
        BrokenReferences.apply(database, kind);
        ExecutionResult fixed = service.execute(service.planRepair(List.of(new Repair("run", "workflow_id"))), ProgressListener.NONE);
        database.fromConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + database.sqlNames().quote("workflow") + " SET "
                    + database.sqlNames().quote("uid") + " = ? WHERE " + database.sqlNames().quote("name") + " = 'campaign-drafts'")) {
                ps.setString(1, BrokenReferences.MISSING_WORKFLOW);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            return null;
        });
        DatabaseState before = DatabaseState.read(database);

        assertThatThrownBy(() -> service.restore(fixed.snapshot()))
                .hasMessageContaining("which is no row the snapshot puts back and no longer a value that names no row");
        assertThat(before.diff(DatabaseState.read(database)).nulled()).isEmpty();
        assertThat(before.diff(DatabaseState.read(database)).otherChanges()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void thePreviewKnowsWhereUndoCouldNotPutADanglingValueBack(EngineDatabases.Kind kind) {
        open(kind);
        BrokenReferences.apply(database, kind);

        DeletePlan plan = service.planRepair(List.of(new Repair("run", "workflow_id"), new Repair("prompt_labels", "parent")));

        List<String> expected = switch (kind) {
            case SQLITE, POSTGRESQL_CONTROLLER -> List.of(); // SQLite enforces none; the controller's PostgreSQL declares none
            case H2, POSTGRESQL -> List.of("run.workflow_id"); // Cascade Studio's own schema: keys on all but labels
            case MARIADB_CONTROLLER -> List.of("run.workflow_id", "prompt_labels.parent"); // the controller's DDL, labels too
        };
        assertThat(service.undoCannotPutBack(plan)).containsExactlyElementsOf(expected);
    }

    private void open(EngineDatabases.Kind kind) {
        database = EngineDatabases.open(kind, dir);
        DemoData.load(database);
        service = new CascadeService(database, dir.resolve("snapshots"));
    }

    private AuditRecord lastRecord() {
        List<AuditLog.Entry> entries = service.auditLog().read().entries();
        return entries.get(entries.size() - 1).record();
    }

    private List<RowKey> keys(Connection c, String table, String column, String value) throws SQLException {
        boolean versioned = MappedTables.get(table).versioned();
        String q = database.sqlNames().quote(column);
        try (PreparedStatement ps = c.prepareStatement("SELECT " + database.sqlNames().quote("uid")
                + (versioned ? ", " + database.sqlNames().quote("version") : "") + " FROM " + database.sqlNames().quote(table)
                + " WHERE " + q + " = ?")) {
            ps.setString(1, value);
            List<RowKey> keys = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) keys.add(new RowKey(table, rs.getString(1), versioned ? rs.getString(2) : null));
            }
            return keys;
        }
    }
}
