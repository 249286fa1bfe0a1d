package dev.cascadestudio.cascade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DataGenerator;
import dev.cascadestudio.service.CascadeService;
import dev.cascadestudio.testsupport.DatabaseFingerprint;
import dev.cascadestudio.testsupport.EngineDatabases;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Restoring the delete of a generated project whose snapshot has sections of thousands of rows, more
 * than the restore checks (400) or writes (1,000) at a time: everything comes back, and a conflict far
 * into a section is still found.
 */
class RestoreLargeSnapshotTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;
    Database database;
    CascadeService service;

    @AfterEach
    void close() {
        if (database != null) EngineDatabases.close(database);
    }

    String deleteTheBigProject(EngineDatabases.Kind kind) {
        database = EngineDatabases.open(kind, dir);
        String project = DataGenerator.generate(database, 8_000, 6_000).bigProjectUid();
        service = new CascadeService(database, dir.resolve("snapshots"));
        return project;
    }

    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void restoringADeleteOfThousandsOfRowsPutsBackEveryRowAndValue(EngineDatabases.Kind kind) throws IOException {
        String project = deleteTheBigProject(kind);
        DatabaseFingerprint before = DatabaseFingerprint.of(database);
        ExecutionResult result = service.execute(service.plan(List.of(new Root("project", project))), ProgressListener.NONE);
        assertThat(sectionSizes(result.snapshot()).values()).as("rows per section of the snapshot")
                .anySatisfy(rows -> assertThat(rows).isGreaterThan(2_000));

        Restorer.RestoreResult restored = service.restore(result.snapshot());

        assertThat(restored.rowsInserted()).isEqualTo(result.plan().deletedCount());
        assertThat(restored.valuesRestored()).isEqualTo(result.plan().nulledValueCount());
        assertThat(DatabaseFingerprint.of(database)).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void theRestoreReportsItsProgressUpToTheWholeFileWithTheRowsCounted(EngineDatabases.Kind kind) throws IOException {
        String project = deleteTheBigProject(kind);
        ExecutionResult result = service.execute(service.plan(List.of(new Root("project", project))), ProgressListener.NONE);
        long rowsAndValues = result.plan().deletedCount() + result.plan().nulledValueCount();
        long theFile = Files.size(result.snapshot()); // read once, as it is written
        List<long[]> reports = new java.util.ArrayList<>();
        List<String> messages = new java.util.ArrayList<>();

        service.restore(result.snapshot(), false, null, (done, total, message) -> {
            reports.add(new long[] {done, total});
            messages.add(message);
        });

        assertThat(reports).as("a bar that moves, not a spinner").hasSizeGreaterThan(10)
                .allSatisfy(r -> assertThat(r[1]).isEqualTo(theFile));
        for (int i = 1; i < reports.size(); i++) {
            assertThat(reports.get(i)[0]).as("progress never goes back").isGreaterThanOrEqualTo(reports.get(i - 1)[0]);
        }
        assertThat(reports.get(reports.size() - 1)[0]).as("the last report is the whole").isEqualTo(theFile);
        assertThat(reports.stream().filter(r -> r[0] > 0 && r[0] < theFile / 2)).as("reports in the first half").isNotEmpty();
        assertThat(reports.stream().filter(r -> r[0] > theFile / 2 && r[0] < theFile)).as("reports in the second half").isNotEmpty();
        String all = String.format("%,d", rowsAndValues);
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("Restoring: ").endsWith(" rows and values put back"))
                .last().isEqualTo("Committing: " + all + " of " + all + " rows and values put back");
    }

    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void aValueSetAgainFarIntoALargeSectionIsAConflictAndNothingChanges(EngineDatabases.Kind kind) throws IOException {
        String project = deleteTheBigProject(kind);
        ExecutionResult result = service.execute(service.plan(List.of(new Root("project", project))), ProgressListener.NONE);
        // the 1,501st run whose workflow_id the delete set to NULL gets a workflow again
        JsonNode row = rowOf(result.snapshot(), "{\"nulled\":\"run\",\"column\":\"workflow_id\"", 1_500);
        String run = row.get(0).asText();
        String otherWorkflow = database.fromConnection(c -> {
            try (var rs = c.createStatement().executeQuery(EngineDatabases.sql(database, "SELECT MIN(\"uid\") FROM \"workflow\""))) {
                rs.next();
                return rs.getString(1);
            }
        });
        database.fromConnection(c -> c.createStatement().executeUpdate(EngineDatabases.sql(database,
                "UPDATE \"run\" SET \"workflow_id\" = '" + otherWorkflow + "' WHERE \"uid\" = '" + run + "'")));
        DatabaseFingerprint before = DatabaseFingerprint.of(database);

        assertThatThrownBy(() -> service.restore(result.snapshot()))
                .isInstanceOfSatisfying(RestoreConflictException.class, e -> assertThat(e.conflicts())
                        .containsExactly("run " + run + " has workflow_id = '" + otherWorkflow + "' now, not NULL"))
                .hasMessageContaining("Cannot restore: 1 conflict with the database as it is now");
        assertThat(DatabaseFingerprint.of(database)).isEqualTo(before);
    }

    /**
     * Restoring the same snapshot a second time: every deleted row's key and name are taken again (two conflicts
     * per row) and every nulled value is set again, across sections checked in many chunks; all are counted,
     * the first named is the file's first row, and nothing changes.
     */
    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void restoringTheSameSnapshotTwiceCountsEveryRowAndValueAsAConflict(EngineDatabases.Kind kind) throws IOException {
        String project = deleteTheBigProject(kind);
        ExecutionResult result = service.execute(service.plan(List.of(new Root("project", project))), ProgressListener.NONE);
        service.restore(result.snapshot());
        DatabaseFingerprint restored = DatabaseFingerprint.of(database);
        long expected = 2 * result.plan().deletedCount() + result.plan().nulledValueCount();

        assertThatThrownBy(() -> service.restore(result.snapshot()))
                .isInstanceOfSatisfying(RestoreConflictException.class, e -> assertThat(e.conflicts())
                        .hasSize(50).first().isEqualTo("project " + project + ": a row with the same key exists again"))
                .hasMessageContaining("Cannot restore: " + expected + " conflicts with the database as it is now");
        assertThat(DatabaseFingerprint.of(database)).isEqualTo(restored);
    }

    /**
     * A row whose value the delete set to NULL, deleted since, far into its section (SQLite checks a chunk per
     * statement): each of its values the snapshot holds is a conflict (the generator's runs may have lost their
     * schedule too), no other row is one.
     */
    @ParameterizedTest
    @EnumSource(value = EngineDatabases.Kind.class, names = {"SQLITE", "H2"})
    void aRowGoneSinceFarIntoALargeSectionIsAConflictAndNothingChanges(EngineDatabases.Kind kind) throws IOException {
        String project = deleteTheBigProject(kind);
        ExecutionResult result = service.execute(service.plan(List.of(new Root("project", project))), ProgressListener.NONE);
        String run = rowOf(result.snapshot(), "{\"nulled\":\"run\",\"column\":\"workflow_id\"", 1_234).get(0).asText();
        database.fromConnection(c -> c.createStatement().executeUpdate(EngineDatabases.sql(database,
                "DELETE FROM \"run\" WHERE \"uid\" = '" + run + "'")));
        DatabaseFingerprint before = DatabaseFingerprint.of(database);

        assertThatThrownBy(() -> service.restore(result.snapshot()))
                .isInstanceOfSatisfying(RestoreConflictException.class, e -> assertThat(e.conflicts())
                        .contains("run " + run + " no longer exists, so its workflow_id cannot be put back")
                        .allSatisfy(c -> assertThat(c).startsWith("run " + run + " no longer exists, so its ")));
        assertThat(DatabaseFingerprint.of(database)).isEqualTo(before);
    }

    /** Rows per section, in file order, read line by line independently of the restore's reader. */
    private static Map<String, Integer> sectionSizes(Path snapshot) throws IOException {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        String section = null;
        try (BufferedReader in = Files.newBufferedReader(snapshot)) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("{\"row\":")) {
                    sizes.merge(section, 1, Integer::sum);
                } else {
                    section = line;
                }
            }
        }
        return sizes;
    }

    private static JsonNode rowOf(Path snapshot, String sectionStart, int index) throws IOException {
        List<String> lines = Files.readAllLines(snapshot);
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(sectionStart)) at = i;
        }
        assertThat(at).as("the snapshot has a section " + sectionStart).isNotNegative();
        JsonNode row = JSON.readTree(lines.get(at + 1 + index)).get("row");
        assertThat(row).as("row " + index + " of " + sectionStart).isNotNull();
        return row;
    }
}
