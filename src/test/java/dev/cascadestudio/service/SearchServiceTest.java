package dev.cascadestudio.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cascadestudio.cascade.CascadeGraph;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.testsupport.EngineDatabases;
import dev.cascadestudio.testsupport.TreeFixtures;
import java.nio.file.Path;
import java.util.List;
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
        search = new SearchService(database, CascadeGraph.fromMapping());
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

    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void eachResultSaysWhereItSitsFromItsUserDown(EngineDatabases.Kind kind) {
        open(kind);

        assertThat(where("triage-retrain-1")).isEqualTo("alice / customer-support-assistant / ticket-triage / triage-retrain-hourly");
        assertThat(where("reply-drafter-eval-1")).isEqualTo("alice / customer-support-assistant / reply-drafter");
        assertThat(where("fraud-detection")).isEqualTo("bob");
        Placement alice = search.search("alice", 200).hits().get(0);
        assertThat(alice.row().table()).isEqualTo("user");
        assertThat(alice.owners()).isEmpty();
        assertThat(alice.unowned()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void aRowWhoseOwnerIsGoneSitsUnderUnownedWithWhatIsLeftOfItsChain(EngineDatabases.Kind kind) {
        open(kind);

        // legacy-migration's owner account was removed; orphaned-run-2025-11 has no workflow at all
        assertThat(where("legacy-batch-run-1")).isEqualTo("Unowned / legacy-migration / legacy-batch");
        assertThat(where("orphaned-run-2025-11")).isEqualTo("Unowned");
    }

    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void rowsOfTheSameNameAreToldApartByWhereTheySitAndByTheirVisibleSpaces(EngineDatabases.Kind kind) {
        open(kind);
        TreeFixtures.paddedPrompts(database);

        List<Placement> hits = search.search("padded", 200).hits();

        assertThat(hits).extracting(h -> DisplayNames.of(h.row().name()), h -> h.where(" / ", "Unowned"))
                .containsExactlyInAnyOrder(tuple("padded", "alice / customer-support-assistant"),
                        tuple("padded␣", "bob / fraud-detection"));
    }

    private String where(String name) {
        List<Placement> hits = search.search(name, 200).hits().stream().filter(h -> h.row().name().equals(name)).toList();
        assertThat(hits).as("rows named " + name).hasSize(1);
        return hits.get(0).where(" / ", "Unowned");
    }
}
