package dev.cascadestudio.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.testsupport.EngineDatabases;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browse queries on the demo data. */
class BrowseServiceTest {

    @TempDir Path dir;
    Database database;

    @AfterEach
    void close() {
        if (database != null) database.close();
    }

    @Test
    void rowCountsCountEveryTableOfTheDemoLabelTablesIncluded() {
        database = EngineDatabases.h2(dir);
        DemoData.load(database);
        BrowseService browse = new BrowseService(database);

        Map<String, Long> counts = browse.rowCounts();

        assertThat(counts).hasSize(24).containsAllEntriesOf(Map.ofEntries(
                Map.entry("user", 5L), Map.entry("project", 5L), Map.entry("data_source", 4L),
                Map.entry("dataset", 5L), Map.entry("model", 3L), Map.entry("prompt", 6L),
                Map.entry("document", 6L), Map.entry("workflow", 8L), Map.entry("session", 6L),
                Map.entry("deployment", 4L), Map.entry("schedule", 4L), Map.entry("run", 15L),
                Map.entry("user_labels", 4L), Map.entry("project_labels", 7L), Map.entry("prompt_labels", 1L)));
    }

    @Test
    void totalRowsCountsTheDemosRowsWithoutItsLabels() {
        database = EngineDatabases.h2(dir);
        DemoData.load(database);

        // the demo's rows as listed above, table by table, labels left out
        assertThat(new BrowseService(database).totalRows()).as("what the status bar shows")
                .isEqualTo(5 + 5 + 4 + 5 + 3 + 6 + 6 + 8 + 6 + 4 + 4 + 15);
    }
}
