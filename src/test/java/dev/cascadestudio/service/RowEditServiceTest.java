package dev.cascadestudio.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.cascadestudio.cascade.CascadeGraph;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.persistence.demo.RowBuilder;
import dev.cascadestudio.testsupport.CanonicalDump;
import dev.cascadestudio.testsupport.EngineDatabases;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Editing a row through the service, on Cascade Studio's H2 schema and on a controller's SQLite file. */
class RowEditServiceTest {

    private static final String TRIAGE = RowBuilder.uid("workflow", "ticket-triage");
    private static final RowRef TRIAGE_REF = new RowRef("workflow", TRIAGE, "", "ticket-triage");

    @TempDir Path dir;
    Database database;
    RowEditService edit;

    void open(EngineDatabases.Kind kind) {
        database = EngineDatabases.open(kind, dir);
        DemoData.load(database);
        CascadeGraph graph = CascadeGraph.fromMapping();
        edit = new RowEditService(database, graph, new TreeService(database, graph), new RowDetailsService(database),
                new AuditLog(dir.resolve(AuditLog.FILE_NAME)));
    }

    @AfterEach
    void close() {
        if (database != null) database.close();
    }

    @ParameterizedTest
    @EnumSource(value = EngineDatabases.Kind.class, names = {"H2", "SQLITE"}) // the embedded kinds; servers: see README, Tests
    void savingWritesTheChangedColumnsAndLabelsAndSetsUpdated(EngineDatabases.Kind kind) {
        open(kind);
        EditableRow triage = edit.load(TRIAGE_REF).orElseThrow();
        assertThat(triage.field("project_id").orElseThrow().type()).isEqualTo(EditableRow.Type.REFERENCE);
        assertThat(triage.field("project_id").orElseThrow().choices()).extracting(EditableRow.Choice::label)
                .contains("customer-support-assistant", "fraud-detection");
        assertThat(triage.field("state").orElseThrow().choices()).extracting(EditableRow.Choice::value).isNotEmpty();

        RowRef saved = edit.save(draft(triage, Map.of("description", "Routes tickets", "state", "paused",
                        "spec", "{\n  \"steps\" : [ \"retrieve\", \"größe\" ]\n}"),
                List.of(new RowDetails.Label("owner-team", "support"), new RowDetails.Label("tier", "gold"))));

        assertThat(saved.name()).isEqualTo("ticket-triage");
        assertThat(column("workflow", TRIAGE, "description")).isEqualTo("Routes tickets");
        assertThat(column("workflow", TRIAGE, "state")).isEqualTo("paused");
        assertThat(column("workflow", TRIAGE, "spec")).as("SQLite: as the controller's json.dumps; H2: its JSON type's own form")
                .isEqualTo(kind == EngineDatabases.Kind.SQLITE ? "{\"steps\": [\"retrieve\", \"gr\\u00f6\\u00dfe\"]}"
                        : "{\"steps\":[\"retrieve\",\"größe\"]}");
        assertThat(column("workflow", TRIAGE, "updated")).isNotNull();
        assertThat(column("workflow", TRIAGE, "workflow_type")).isEqualTo("application");
        assertThat(labels("workflow", "ticket-triage")).containsExactly("owner-team=support", "tier=gold");
    }

    @org.junit.jupiter.api.Test
    void savingWhileAnotherProgramWritesToTheSqliteFileSaysSoAndChangesNothing() throws Exception {
        open(EngineDatabases.Kind.SQLITE);
        EditableRow triage = edit.load(TRIAGE_REF).orElseThrow();
        try (java.sql.Connection other = java.sql.DriverManager.getConnection(database.url());
             java.sql.Statement s = other.createStatement()) {
            s.execute("BEGIN EXCLUSIVE"); // the controller in the middle of a write

            Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() ->
                    edit.save(draft(triage, Map.of("description", "Routes tickets"), triage.labels())));

            assertThat(FailureMessages.describe(refused)).isEqualTo("The database is locked by another program"
                    + " (SQLITE_BUSY); nothing was changed. Close it or wait until it is done, and try again.");
            s.execute("ROLLBACK");
        }
        assertThat(column("workflow", TRIAGE, "description")).isNotEqualTo("Routes tickets");
    }

    @ParameterizedTest
    @EnumSource(value = EngineDatabases.Kind.class, names = {"H2", "SQLITE"}) // the embedded kinds; servers: see README, Tests
    void renamingARowTakesItsLabelsAlong(EngineDatabases.Kind kind) {
        open(kind);
        EditableRow triage = edit.load(TRIAGE_REF).orElseThrow();

        RowRef saved = edit.save(draft(triage, Map.of("name", "ticket-routing"), triage.labels()));

        assertThat(saved).isEqualTo(new RowRef("workflow", TRIAGE, "", "ticket-routing"));
        assertThat(column("workflow", TRIAGE, "name")).isEqualTo("ticket-routing");
        assertThat(labels("workflow", "ticket-routing")).containsExactly("owner-team=platform", "sla=99.9");
        assertThat(labels("workflow", "ticket-triage")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = EngineDatabases.Kind.class, names = {"H2", "SQLITE"}) // the embedded kinds; servers: see README, Tests
    void everyInvalidValueIsReportedForItsFieldAndNothingIsWritten(EngineDatabases.Kind kind) {
        open(kind);
        EditableRow triage = edit.load(TRIAGE_REF).orElseThrow();
        String before = CanonicalDump.of(database);
        Map<Map<String, String>, String> cases = new java.util.LinkedHashMap<>();
        cases.put(Map.of("project_id", ""), "project_id: Required.");
        cases.put(Map.of("name", "x".repeat(256)), "name: At most 255 characters; this has 256.");
        cases.put(Map.of("name", "reply-drafter"), "name: Another workflow is already named “reply-drafter”; names are unique.");
        cases.put(Map.of("spec", "{\"steps\": [1, 2,]}"), "spec: Not valid JSON — line 1, column 17:");
        cases.put(Map.of("project_id", "nope"), "project_id: No project with uid nope exists.");

        for (Map.Entry<Map<String, String>, String> c : cases.entrySet()) {
            RowDraft draft = draft(triage, c.getKey(), triage.labels());
            assertThat(edit.validate(draft)).extracting(e -> e.field() + ": " + e.message())
                    .singleElement().asString().startsWith(c.getValue());
            InvalidRowException refused = catchThrowableOfType(() -> edit.save(draft), InvalidRowException.class);
            assertThat(refused.errors()).extracting(FieldError::field).containsExactly(c.getKey().keySet().iterator().next());
        }
        RowDraft twice = draft(triage, Map.of(), List.of(new RowDetails.Label("a", "1"), new RowDetails.Label("a", "2")));
        assertThat(catchThrowableOfType(() -> edit.save(twice), InvalidRowException.class).errors())
                .containsExactly(new FieldError("labels", "Label “a” appears twice; a row can have each label name once."));

        assertThat(CanonicalDump.of(database)).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(value = EngineDatabases.Kind.class, names = {"H2", "SQLITE"}) // the embedded kinds; servers: see README, Tests
    void anEmptyTextIsAValueOfANotNullColumnAndIsStoredAsItIs(EngineDatabases.Kind kind) {
        open(kind);
        EditableRow triage = edit.load(TRIAGE_REF).orElseThrow();

        edit.save(draft(triage, Map.of("state", ""), triage.labels()));

        assertThat(column("workflow", TRIAGE, "state")).as("'' stored, not NULL").isEqualTo("");
        EditableRow again = edit.load(TRIAGE_REF).orElseThrow();
        assertThat(edit.validate(draft(again, Map.of("description", "edited"), again.labels()))).isEmpty();
        edit.save(draft(again, Map.of("description", "edited"), again.labels()));
        assertThat(column("workflow", TRIAGE, "state")).isEqualTo("");
        assertThat(column("workflow", TRIAGE, "description")).isEqualTo("edited");
    }

    @ParameterizedTest
    @EnumSource(value = EngineDatabases.Kind.class, names = {"H2", "SQLITE"}) // the embedded kinds; servers: see README, Tests
    void aRowChangedOrDeletedSinceItWasLoadedIsNotOverwritten(EngineDatabases.Kind kind) {
        open(kind);
        EditableRow triage = edit.load(TRIAGE_REF).orElseThrow();
        execute("UPDATE \"workflow\" SET \"state\" = 'archived' WHERE \"uid\" = ?", TRIAGE);
        String before = CanonicalDump.of(database);

        assertThatThrownBy(() -> edit.save(draft(triage, Map.of("description", "mine"), triage.labels())))
                .isInstanceOf(ConcurrentChangeException.class)
                .hasMessage("“ticket-triage” was changed in the database after you opened it (state). Nothing was saved:"
                        + " Revert to see the current values, then make your change again.");
        assertThat(CanonicalDump.of(database)).isEqualTo(before);

        EditableRow current = edit.load(TRIAGE_REF).orElseThrow();
        execute("INSERT INTO \"workflow_labels\" (\"name\", \"value\", \"parent\") VALUES ('new', 'x', 'ticket-triage')");
        assertThatThrownBy(() -> edit.save(draft(current, Map.of("description", "mine"), current.labels())))
                .hasMessageContaining("(labels)");

        execute("DELETE FROM \"workflow\" WHERE \"uid\" = ?", TRIAGE);
        assertThatThrownBy(() -> edit.save(draft(current, Map.of("description", "mine"), current.labels())))
                .isInstanceOf(ConcurrentChangeException.class)
                .hasMessage("“ticket-triage” was deleted from the database after you opened it. Nothing was saved.");
    }

    @ParameterizedTest
    @EnumSource(value = EngineDatabases.Kind.class, names = {"H2", "SQLITE"}) // the embedded kinds; servers: see README, Tests
    void aNewRunUnderAScheduleGetsItsScheduleAndWorkflow(EngineDatabases.Kind kind) {
        open(kind);
        String nightly = RowBuilder.uid("schedule", "kb-ingestion-nightly");
        RowRef schedule = new RowRef("schedule", nightly, "", "kb-ingestion-nightly");
        assertThat(edit.childTables("schedule")).containsExactly("run");
        assertThat(edit.childTables("workflow")).contains("schedule", "run", "session", "deployment");

        EditableRow run = edit.newRow(schedule, "run");
        assertThat(run.isNew()).isTrue();
        assertThat(run.value("schedule_id")).isEqualTo(nightly);
        assertThat(run.value("workflow_id")).isEqualTo(RowBuilder.uid("workflow", "kb-ingestion"));
        assertThat(catchThrowableOfType(() -> edit.create(draft(run, Map.of(), List.of())), InvalidRowException.class).errors())
                .extracting(FieldError::field).containsExactlyInAnyOrder("name", "status");

        RowRef created = edit.create(draft(run, Map.of("name", "kb-ingestion-run-5", "status", "queued"),
                List.of(new RowDetails.Label("trigger", "editor"))));

        assertThat(created.name()).isEqualTo("kb-ingestion-run-5");
        assertThat(column("run", run.row().uid(), "schedule_id")).isEqualTo(nightly);
        assertThat(column("run", run.row().uid(), "owner_id")).isEqualTo(RowBuilder.uid("user", "dmitri"));
        assertThat(column("run", run.row().uid(), "created")).isNotNull();
        assertThat(labels("run", "kb-ingestion-run-5")).containsExactly("trigger=editor");
        TreeService tree = new TreeService(database, CascadeGraph.fromMapping());
        assertThat(tree.rows(tree.rule("schedule", "run"), nightly, 0, 100)).as("the tree shows it under the schedule")
                .extracting(RowRef::name).contains("kb-ingestion-run-5");
        assertThatThrownBy(() -> edit.create(draft(run, Map.of("name", "kb-ingestion-run-5", "status", "queued"), List.of())))
                .isInstanceOf(InvalidRowException.class).hasMessageContaining("already named “kb-ingestion-run-5”");
    }

    @ParameterizedTest
    @EnumSource(value = EngineDatabases.Kind.class, names = {"H2", "SQLITE"}) // the embedded kinds; servers: see README, Tests
    void aNewRowWhoseParentWasDeletedMeanwhileIsRefusedAndNothingIsWritten(EngineDatabases.Kind kind) {
        open(kind);
        String nightly = RowBuilder.uid("schedule", "kb-ingestion-nightly");
        EditableRow run = edit.newRow(new RowRef("schedule", nightly, "", "kb-ingestion-nightly"), "run");
        execute("DELETE FROM \"schedule\" WHERE \"uid\" = ?", nightly);

        InvalidRowException refused = catchThrowableOfType(() -> edit.create(draft(run,
                Map.of("name", "orphan-run", "status", "queued"), List.of())), InvalidRowException.class);

        assertThat(refused.errors()).extracting(FieldError::field, FieldError::message)
                .containsExactly(tuple("schedule_id", "No schedule with uid " + nightly + " exists."));
        long written = database.fromConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM \"run\" WHERE \"uid\" = ? OR \"name\" = ?")) {
                ps.setString(1, run.row().uid());
                ps.setString(2, "orphan-run");
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        assertThat(written).as("runs written").isZero();
    }

    @ParameterizedTest
    @EnumSource(value = EngineDatabases.Kind.class, names = {"H2", "SQLITE"}) // the embedded kinds; servers: see README, Tests
    void aNewProjectUnderAUserIsOwnedByItAndCarriesTheFactoryLabel(EngineDatabases.Kind kind) {
        open(kind);
        String erin = RowBuilder.uid("user", "erin");
        EditableRow project = edit.newRow(new RowRef("user", erin, null, "erin"), "project");
        assertThat(project.labels()).extracting(RowDetails.Label::name, RowDetails.Label::value)
                .containsExactly(tuple("_GENAI_FACTORY", "true"));

        edit.create(draft(project, Map.of("name", "erins-lab", "source", "git://lab", "spec", "{\"a\": 1}"), project.labels()));

        assertThat(column("project", project.row().uid(), "owner_id")).isEqualTo(erin);
        assertThat(column("project", project.row().uid(), "version")).isEqualTo("");
        assertThat(column("project", project.row().uid(), "spec"))
                .isEqualTo(kind == EngineDatabases.Kind.SQLITE ? "{\"a\": 1}" : "{\"a\":1}");
        assertThat(labels("project", "erins-lab")).containsExactly("_GENAI_FACTORY=true");
    }

    // ---- helpers ----

    private static RowDraft draft(EditableRow row, Map<String, String> changes, List<RowDetails.Label> labels) {
        Map<String, String> values = new HashMap<>();
        row.fields().stream().filter(EditableRow.Field::editable).forEach(f -> values.put(f.column(), f.value()));
        values.putAll(changes);
        return new RowDraft(row, values, labels);
    }

    private Object column(String table, String uid, String column) {
        return database.fromConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT \"" + column + "\" FROM \"" + table + "\" WHERE \"uid\" = ?")) {
                ps.setString(1, uid);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    Object value = rs.getObject(1);
                    return value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : value;
                }
            }
        });
    }

    private List<String> labels(String table, String parent) {
        return database.fromConnection(c -> {
            List<String> found = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT \"name\", \"value\" FROM \"" + table
                    + "_labels\" WHERE \"parent\" = ? ORDER BY \"name\"")) {
                ps.setString(1, parent);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1) + "=" + rs.getString(2));
                    }
                }
            }
            return found;
        });
    }

    private void execute(String sql, Object... args) {
        database.fromConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                return ps.executeUpdate();
            }
        });
    }
}
