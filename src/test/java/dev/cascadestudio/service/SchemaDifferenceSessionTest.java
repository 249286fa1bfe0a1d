package dev.cascadestudio.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.service.connections.ConnectionTier;
import dev.cascadestudio.testsupport.EngineDatabases;
import dev.cascadestudio.testsupport.OddSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database that differs from the controller's schema in a way that makes writing unsafe opens
 * read-only even when editing is asked for, and says why; the file is left as it was.
 */
class SchemaDifferenceSessionTest {

    @TempDir Path dir;

    @Test
    void anUnknownRequiredColumnKeepsTheSessionReadOnlyAndSaysWhy() throws Exception {
        String url = OddSchemas.sqliteWithUnknownRequiredColumn(dir);
        byte[] before = Files.readAllBytes(dir.resolve("sql.db"));

        try (DatabaseSession session = DatabaseSession.open(url, null, null, DatabaseSession.Mode.EDITING, ConnectionTier.DEVELOPMENT)) {
            assertThat(session.writable()).isFalse();
            assertThat(session.readOnlyBecause()).isEqualTo("This database differs from the GenAI Factory controller schema"
                    + " in ways that make writing unsafe (schedule.cost_centre is required (NOT NULL, no default) but not part"
                    + " of the controller's schema, so a new or restored row could not be written), so it is open read-only.");
            assertThatThrownBy(() -> session.writeGate().check()).isInstanceOf(WriteGate.ReadOnlyException.class);
            assertThat(session.browse().userSummaries()).as("it still reads").isNotEmpty();
        }
        assertThat(Files.readAllBytes(dir.resolve("sql.db"))).isEqualTo(before);
    }

    @Test
    void aMatchingDatabaseOpensForEditingAsAsked() {
        String url;
        try (Database sqlite = EngineDatabases.controllerSqlite(dir)) {
            url = sqlite.url();
        }
        try (DatabaseSession session = DatabaseSession.open(url, null, null, DatabaseSession.Mode.EDITING, ConnectionTier.PRODUCTION)) {
            assertThat(session.writable()).isTrue();
            assertThat(session.readOnlyBecause()).isEmpty();
            assertThat(session.tier()).isEqualTo(ConnectionTier.PRODUCTION);
        }
    }
}
