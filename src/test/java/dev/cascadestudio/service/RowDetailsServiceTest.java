package dev.cascadestudio.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.persistence.demo.RowBuilder;
import dev.cascadestudio.testsupport.EngineDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A row's columns and labels for the details pane. */
class RowDetailsServiceTest {

    @TempDir Path dir;
    Database database;
    RowDetailsService details;

    void open(EngineDatabases.Kind kind) {
        database = EngineDatabases.open(kind, dir);
        DemoData.load(database);
        details = new RowDetailsService(database);
    }

    @AfterEach
    void close() {
        if (database != null) database.close();
    }

    @ParameterizedTest
    @EnumSource(value = EngineDatabases.Kind.class, names = {"H2", "SQLITE"}) // the embedded kinds; servers: see README, Tests
    void aRowComesWithEveryColumnAndItsLabels(EngineDatabases.Kind kind) {
        open(kind);
        String uid = RowBuilder.uid("workflow", "ticket-triage");

        RowDetails workflow = details.details(new RowRef("workflow", uid, "", "ticket-triage")).orElseThrow();

        assertThat(workflow.fields()).extracting(RowDetails.Field::column).containsExactlyInAnyOrder(
                "uid", "version", "name", "description", "created", "updated", "spec", "owner_id",
                "project_id", "workflow_type", "state");
        assertThat(workflow.text("uid")).isEqualTo(uid);
        assertThat(workflow.text("updated")).isNull();
        assertThat(workflow.text("workflow_type")).isEqualTo("application");
        assertThat(workflow.text("created")).startsWith("2026-03-02 ");
        assertThat(workflow.fields()).filteredOn(f -> f.column().equals("spec"))
                .extracting(RowDetails.Field::kind).containsExactly(RowDetails.Kind.JSON);
        assertThat(workflow.text("spec")).contains("retrieve");
        assertThat(workflow.labels()).extracting(RowDetails.Label::name, RowDetails.Label::value)
                .containsExactly(tuple("owner-team", "platform"), tuple("sla", "99.9"));
    }

    @ParameterizedTest
    @EnumSource(value = EngineDatabases.Kind.class, names = {"H2", "SQLITE"}) // the embedded kinds; servers: see README, Tests
    void aUserHasNoVersionAndAGoneRowHasNoDetails(EngineDatabases.Kind kind) {
        open(kind);

        RowDetails bob = details.details(new RowRef("user", RowBuilder.uid("user", "bob"), null, "bob")).orElseThrow();

        assertThat(bob.fields()).extracting(RowDetails.Field::column).doesNotContain("version", "owner_id");
        assertThat(bob.labels()).extracting(RowDetails.Label::name).containsExactly("team");
        assertThat(details.details(new RowRef("run", "gone", "", "gone"))).isEmpty();
    }
}
