package dev.cascadestudio.cascade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.persistence.demo.RowBuilder;
import dev.cascadestudio.service.CascadeService;
import dev.cascadestudio.testsupport.CanonicalDump;
import dev.cascadestudio.testsupport.EngineDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A snapshot edited on purpose (its checksum recomputed) that moves a label line into another kind's labels: the
 * project's label {@code _GENAI_FACTORY} becomes a data source's label of a data source named
 * {@code customer-support-assistant}, which does not exist, and the other way round. Where the database enforces
 * {@code labels.parent → name} (a controller's MariaDB) it refuses those rows itself; everywhere else (H2, SQLite,
 * PostgreSQL) the restore must refuse them, or it would put labels on no row. Either way nothing changes.
 */
class RestoreLabelParentTest {

    static final String SUPPORT = RowBuilder.uid("project", "customer-support-assistant");

    @TempDir Path dir;
    Database database;

    @AfterEach
    void close() {
        if (database != null) EngineDatabases.close(database);
    }

    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void aLabelMovedToAnotherKindsLabelsIsRefusedAndNothingChanges(EngineDatabases.Kind kind) throws Exception {
        database = EngineDatabases.open(kind, dir);
        DemoData.load(database);
        String beforeDelete = CanonicalDump.of(database);
        CascadeService service = new CascadeService(database, dir.resolve("snapshots"));
        Path snapshot = service.execute(service.plan(List.of(new Root("project", SUPPORT))), ProgressListener.NONE).snapshot();
        String afterDelete = CanonicalDump.of(database);

        List<String> lines = new ArrayList<>(Files.readAllLines(snapshot, StandardCharsets.UTF_8));
        int projectLabel = lines.indexOf("{\"deleted\":\"project_labels\",\"columns\":[\"uid\",\"name\",\"value\",\"parent\"]}") + 1;
        int sourceLabel = lines.indexOf("{\"deleted\":\"data_source_labels\",\"columns\":[\"uid\",\"name\",\"value\",\"parent\"]}") + 1;
        assertThat(lines.get(projectLabel)).contains("\"customer-support-assistant\"");
        assertThat(lines.get(sourceLabel)).contains("\"zendesk-tickets\"");
        String moved = lines.get(projectLabel);
        lines.set(projectLabel, lines.get(sourceLabel));
        lines.set(sourceLabel, moved);
        Path edited = dir.resolve("edited.jsonl");
        Files.write(edited, SnapshotMutationPropertyTest.withChecksumRecomputed(
                (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));

        Throwable refused = catchThrowable(() -> service.restore(edited));

        assertThat(refused).isInstanceOf(SnapshotRefusedException.class).hasMessageEndingWith("nothing was changed.");
        if (kind != EngineDatabases.Kind.MARIADB_CONTROLLER) {
            // only the controller's MariaDB DDL declares labels.parent → name (DESIGN.md); elsewhere the restore refuses it
            assertThat(refused).hasMessageContaining("a label of project whose parent 'zendesk-tickets' names no project");
        } else {
            // there the database's own key refuses the label as it goes in, and the restore looks nothing up itself
            assertThat(refused).hasMessageContaining("the database's foreign keys refused a row whose parent is no longer there");
        }
        assertThat(CanonicalDump.of(database)).as("nothing was written").isEqualTo(afterDelete);
        service.restore(snapshot);
        assertThat(CanonicalDump.of(database)).as("the file as written still restores exactly").isEqualTo(beforeDelete);
    }
}
