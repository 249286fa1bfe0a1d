package dev.cascadestudio.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every embedded H2 file the application opens runs with {@link H2FileSettings} in effect, read back
 * from the open database itself (H2 does not keep {@code WRITE_DELAY} in the file: it must be given
 * at every open).
 */
class H2FileSettingsTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultDatabaseRunsWithoutWriteDelay() {
        String saved = System.setProperty("cascade.home", dir.toString());
        try (Database database = Database.openDefault()) {
            assertThat(database.url()).isEqualTo(AppDirectories.defaultDatabaseUrl());
            assertThat(writeDelays(database)).containsOnly("0");
        } finally {
            if (saved == null) {
                System.clearProperty("cascade.home");
            } else {
                System.setProperty("cascade.home", saved);
            }
        }
    }

    @Test
    void aFileUrlGivenByTheUserRunsWithoutWriteDelay() {
        String url = "jdbc:h2:file:" + dir.resolve("given").toAbsolutePath() + ";DB_CLOSE_DELAY=0";
        try (Database database = Database.open(url, "sa", "", Database.EmptyDatabase.CREATE_SCHEMA)) {
            assertThat(database.url()).as("the URL as given, for display and snapshots").isEqualTo(url);
            assertThat(writeDelays(database)).containsOnly("0");
        }
        // and again once the file exists, as a user's existing database is opened
        try (Database database = Database.open(url, "sa", "", Database.EmptyDatabase.REFUSE)) {
            assertThat(writeDelays(database)).containsOnly("0");
        }
    }

    @Test
    void aPathUrlWithoutTheFilePrefixRunsWithoutWriteDelay() {
        String url = "jdbc:h2:" + dir.resolve("plain").toAbsolutePath();
        try (Database database = Database.open(url, null, null, Database.EmptyDatabase.CREATE_SCHEMA)) {
            assertThat(writeDelays(database)).containsOnly("0");
        }
    }

    @Test
    void aUrlThatSetsWriteDelayItselfKeepsItsOwnValue() {
        String url = "jdbc:h2:file:" + dir.resolve("own").toAbsolutePath() + ";write_delay=250";
        try (Database database = Database.open(url, null, null, Database.EmptyDatabase.CREATE_SCHEMA)) {
            assertThat(writeDelays(database)).containsOnly("250");
        }
    }

    @Test
    void onlyEmbeddedFileUrlsAreChanged() {
        assertThat(H2FileSettings.apply("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
        assertThat(H2FileSettings.apply("jdbc:h2:tcp://localhost/~/x")).isEqualTo("jdbc:h2:tcp://localhost/~/x");
        assertThat(H2FileSettings.apply("jdbc:sqlite:/tmp/x.db")).isEqualTo("jdbc:sqlite:/tmp/x.db");
        assertThat(H2FileSettings.apply("jdbc:h2:file:/tmp/x;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:file:/tmp/x;MODE=PostgreSQL;WRITE_DELAY=0");
        assertThat(H2FileSettings.apply("jdbc:h2:~/x")).isEqualTo("jdbc:h2:~/x;WRITE_DELAY=0");
    }

    private static List<String> writeDelays(Database database) {
        return database.fromConnection(c -> {
            List<String> values = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            assertThat(values).as("H2 reports a WRITE_DELAY").isNotEmpty();
            return values;
        });
    }

    @Test
    void aUserWithoutAdminRightsOpensTheFileWithH2sDefaultsAndIsToldClearlyThatDeletingNeedsAnAdmin() throws Exception {
        String url = AppDirectories.h2Url(dir.resolve("shared"));
        String project;
        try (Database owner = Database.open(url, null, null, Database.EmptyDatabase.CREATE_SCHEMA)) {
            project = dev.cascadestudio.persistence.demo.DataGenerator.generate(owner, 500, 100).bigProjectUid();
            owner.fromConnection(c -> {
                try (java.sql.Statement s = c.createStatement()) {
                    s.execute("CREATE USER \"EDITOR\" PASSWORD 'pw'");
                    s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA \"PUBLIC\" TO \"EDITOR\"");
                }
                return null;
            });
        }
        try (Database editor = Database.open(url, "EDITOR", "pw", Database.EmptyDatabase.REFUSE)) {
            // open at all: with WRITE_DELAY=0 in its URL H2 refuses a user who is not an admin (error 90040)
            dev.cascadestudio.service.CascadeService service = new dev.cascadestudio.service.CascadeService(editor, dir.resolve("snapshots"));
            dev.cascadestudio.cascade.DeletePlan plan = service.plan(java.util.List.of(new dev.cascadestudio.cascade.Root("project", project)));
            assertThat(plan.deletedCount()).isPositive();

            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> service.execute(plan, (done, total, message) -> { })))
                    .hasMessageContaining("Only an H2 admin user can delete in this file").hasMessageContaining("Nothing was changed");
            assertThat(service.plan(plan.roots()).sameEffectsAs(plan)).as("nothing was deleted").isTrue();
        }
    }
}
