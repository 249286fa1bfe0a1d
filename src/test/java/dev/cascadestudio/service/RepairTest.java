package dev.cascadestudio.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                .isInstanceOf(IllegalArgumentException.class).hasMessage("run.status refers to no table, so none of its values can dangle.");
        assertThatThrownBy(() -> service.planRepair(List.of())).hasMessage("Nothing to repair: no column was chosen.");
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
