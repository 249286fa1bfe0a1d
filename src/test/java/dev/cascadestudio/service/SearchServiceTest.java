package dev.cascadestudio.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cascadestudio.cascade.CascadeGraph;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.testsupport.EngineDatabases;
import dev.cascadestudio.testsupport.TreeFixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Searching all twelve tables by name or label, on H2 and on a controller's SQLite file. */
class SearchServiceTest {

    @TempDir Path dir;
    Database database;
    SearchService search;

    void open(EngineDatabases.Kind kind) {
        database = EngineDatabases.open(kind, dir);
        DemoData.load(database);
        search = new SearchService(database, CascadeGraph.fromMapping(database.sessionFactory().getMetamodel()));
    }

    @AfterEach
    void close() {
        if (database != null) database.close();
    }

    @ParameterizedTest
    @EnumSource(value = EngineDatabases.Kind.class, names = {"H2", "SQLITE"}) // the embedded kinds; servers: see README, Tests
    void aPartOfTheNameFindsRowsInEveryTableWhateverTheCase(EngineDatabases.Kind kind) {
        open(kind);

        SearchResults results = search.search("  TRIAGE ", 200);

        assertThat(results.more()).isFalse();
        assertThat(results.rows()).extracting(RowRef::table, RowRef::name).containsExactly(
                tuple("prompt", "ticket-triage-prompt"),
                tuple("workflow", "ticket-triage"),
                tuple("schedule", "triage-retrain-hourly"),
                tuple("run", "triage-retrain-1"),
                tuple("run", "triage-retrain-2"));
    }

    @ParameterizedTest
    @EnumSource(value = EngineDatabases.Kind.class, names = {"H2", "SQLITE"}) // the embedded kinds; servers: see README, Tests
    void aLabelKeyEqualsValueFindsTheRowsCarryingIt(EngineDatabases.Kind kind) {
        open(kind);

        assertThat(search.search("env=production", 200).rows()).extracting(RowRef::table, RowRef::name)
                .containsExactly(tuple("project", "customer-support-assistant"), tuple("project", "fraud-detection"));
        assertThat(search.search("trigger = manual", 200).rows()).extracting(RowRef::name)
                .containsExactly("kb-ingestion-manual-1");
        assertThat(search.search("region=", 200).rows()).extracting(RowRef::name)
                .containsExactly("fraud-scoring-prod", "support-chat-prod");
        assertThat(search.search("env=Production", 200).rows()).isEmpty();
    }

    @Test
    void wildcardsInTheQueryAreMatchedLiterally() {
        open(EngineDatabases.Kind.H2);

        assertThat(search.search("%", 200).rows()).isEmpty();
        assertThat(search.search("run_", 200).rows()).isEmpty();
        assertThat(search.search("run-", 200).rows()).isNotEmpty();
    }

    @Test
    void resultsStopAtTheLimitAndSayThatThereAreMore() {
        open(EngineDatabases.Kind.H2);
        TreeFixtures.documentsProject(database, "erin", 300);

        SearchResults results = search.search("doc-", 200);

        assertThat(results.rows()).hasSize(200);
        assertThat(results.more()).isTrue();
        assertThat(search.search("doc-0029", 200).more()).isFalse();
    }
}
