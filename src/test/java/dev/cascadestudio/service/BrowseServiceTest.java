package dev.cascadestudio.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.testsupport.EngineDatabases;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The browse queries on the demo data. */
class BrowseServiceTest {

    @TempDir Path dir;
    Database database;

    @AfterEach
    void close() {
        if (database != null) EngineDatabases.close(database);
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

    /** The tree's first level, on every product (plain SQL since the window's start reads it before anything else). */
    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void userSummariesListTheUsersByNameWithTheirProjectsThenUnowned(EngineDatabases.Kind kind) {
        database = EngineDatabases.open(kind, dir);
        DemoData.load(database);

        var users = new BrowseService(database).userSummaries();

        // the demo: alice owns two projects, bob and carol one each; legacy-migration's owner account was removed
        assertThat(users).extracting(UserSummary::name, UserSummary::projectCount).containsExactly(
                org.assertj.core.groups.Tuple.tuple("alice", 2L), org.assertj.core.groups.Tuple.tuple("bob", 1L),
                org.assertj.core.groups.Tuple.tuple("carol", 1L), org.assertj.core.groups.Tuple.tuple("dmitri", 0L),
                org.assertj.core.groups.Tuple.tuple("erin", 0L), org.assertj.core.groups.Tuple.tuple("Unowned", 1L));
        assertThat(users.get(0).created()).as("alice joined at nine").isEqualTo(LocalDateTime.of(2026, 3, 2, 9, 0));
        assertThat(users.get(0).description()).isEqualTo("Alice Chen — ML platform lead");
        assertThat(users.get(5).uid()).as("Unowned is no row").isNull();
    }
}
