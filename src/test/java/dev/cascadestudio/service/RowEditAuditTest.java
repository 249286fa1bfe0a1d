package dev.cascadestudio.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascadestudio.cascade.CascadeGraph;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.persistence.demo.RowBuilder;
import dev.cascadestudio.testsupport.EngineDatabases;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saves and new rows in the audit log: one record per committed write, none for a save that writes nothing or is refused. */
class RowEditAuditTest {

    @TempDir Path dir;
    Database database;
    RowEditService edit;
    AuditLog log;

    @BeforeEach
    void open() {
        database = EngineDatabases.h2(dir);
        DemoData.load(database);
        CascadeGraph graph = CascadeGraph.fromMapping();
        log = new AuditLog(dir.resolve("audit.jsonl"));
        edit = new RowEditService(database, graph, new TreeService(database, graph), new RowDetailsService(database), log);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aSaveRecordsTheColumnsItChangedAndANewRowRecordsItsKey() {
        RowRef triageRef = new RowRef("workflow", RowBuilder.uid("workflow", "ticket-triage"), "", "ticket-triage");
        EditableRow triage = edit.load(triageRef).orElseThrow();

        edit.save(new RowDraft(triage, Map.of(), triage.labels()));
        assertThat(log.read().entries()).as("nothing written, nothing recorded").isEmpty();

        edit.save(new RowDraft(triage, Map.of("description", "Routes tickets"),
                List.of(new RowDetails.Label("team", "support"))));
        EditableRow again = edit.load(triageRef).orElseThrow();
        assertThatThrownBy(() -> edit.save(new RowDraft(again, Map.of("name", "x".repeat(300)), again.labels())))
                .isInstanceOf(InvalidRowException.class);

        String erin = RowBuilder.uid("user", "erin");
        EditableRow project = edit.newRow(new RowRef("user", erin, null, "erin"), "project");
        edit.create(new RowDraft(project, Map.of("name", "erins-lab"), project.labels()));

        List<AuditLog.Entry> entries = log.read().entries();
        assertThat(entries).hasSize(2);
        AuditRecord saved = entries.get(0).record();
        assertThat(saved.action()).isEqualTo("edit");
        assertThat(saved.columns()).containsExactly("description", "labels");
        assertThat(saved.roots()).containsExactly(new AuditRecord.Row("workflow", triageRef.uid(), "", "ticket-triage"));
        assertThat(saved.counts()).isEqualTo(Map.of("workflow", Map.of("updated", 1L)));
        assertThat(saved.database()).isEqualTo(database.url());
        assertThat(saved.snapshot()).isNull();
        AuditRecord created = entries.get(1).record();
        assertThat(created.action()).isEqualTo("create");
        assertThat(created.roots()).containsExactly(new AuditRecord.Row("project", project.row().uid(), "", "erins-lab"));
        assertThat(created.counts()).isEqualTo(Map.of("project", Map.of("inserted", 1L)));
        assertThat(created.columns()).isNull();
    }
}
