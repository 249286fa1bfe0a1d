package dev.cascadestudio.service.connections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.testsupport.MemoryVault;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connection list on disk and the passwords in the keyring: what is kept where, and what survives damage. */
class ConnectionBookTest {

    @TempDir Path home;

    private static final String PASSWORD = "s3cret-Pa55word!";

    private ConnectionBook book(MemoryVault vault, String time) {
        return new ConnectionBook(new ConnectionList(home.resolve("connections.json")), vault,
                Clock.fixed(Instant.parse(time), ZoneOffset.UTC));
    }

    @Test
    void aRememberedPasswordIsInTheKeyringAndInNoFile() throws Exception {
        MemoryVault vault = new MemoryVault();
        ConnectionBook book = book(vault, "2026-12-01T10:00:00Z");

        book.opened(new ConnectionProfile("Factory production", "jdbc:mariadb://db.example:3306/factory", "admin",
                ConnectionTier.PRODUCTION, true, null), PASSWORD);

        ConnectionProfile saved = book.named("factory production").orElseThrow();
        assertThat(saved.tier()).isEqualTo(ConnectionTier.PRODUCTION);
        assertThat(saved.user()).isEqualTo("admin");
        assertThat(saved.lastUsed()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(book.password(saved)).contains(PASSWORD);
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(file.toString()).doesNotContain(PASSWORD);
            }
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("connections.json"))))
                    .as("only its owner reads which databases exist and who logs in").isEqualTo("rw-------");
        }
    }

    @Test
    void notRememberingRemovesAPasswordRememberedBefore() {
        MemoryVault vault = new MemoryVault();
        ConnectionBook book = book(vault, "2026-12-01T10:00:00Z");
        ConnectionProfile staging = new ConnectionProfile("Staging", "jdbc:postgresql://pg/factory", "ops", null, true, null);
        book.opened(staging, PASSWORD);
        assertThat(vault.entries).hasSize(1);

        book.opened(new ConnectionProfile("Staging", "jdbc:postgresql://pg/factory", "ops", null, false, null), PASSWORD);

        assertThat(vault.entries).as("the keyring no longer holds it").isEmpty();
        assertThat(book.password(book.named("Staging").orElseThrow())).isEmpty();
    }

    @Test
    void aKeyringThatRefusesLeavesTheConnectionSavedWithoutRemember() {
        ConnectionBook book = book(new MemoryVault().refusing(), "2026-12-01T10:00:00Z");

        ConnectionProfile saved = book.opened(
                new ConnectionProfile("Staging", "jdbc:postgresql://pg/factory", "ops", null, true, null), PASSWORD);

        assertThat(saved.rememberPassword()).as("it is asked next time, not silently missing").isFalse();
        assertThat(book.named("Staging").orElseThrow().rememberPassword()).isFalse();
    }

    @Test
    void theMostRecentlyUsedComesFirstAndTheSameDatabaseIsListedOnce() {
        MemoryVault vault = new MemoryVault();
        book(vault, "2026-12-01T10:00:00Z").opened(new ConnectionProfile(null, "jdbc:sqlite:/data/a/sql.db", null, null, false, null), null);
        book(vault, "2026-12-02T10:00:00Z").opened(new ConnectionProfile("B", "jdbc:sqlite:/data/b/sql.db", null, null, false, null), null);
        // the first one again, now with a name of its own
        book(vault, "2026-12-03T10:00:00Z").opened(new ConnectionProfile("Site A", "jdbc:sqlite:/data/a/sql.db", null, null, false, null), null);

        assertThat(book(vault, "2026-12-04T00:00:00Z").recent()).extracting(ConnectionProfile::name).containsExactly("Site A", "B");
    }

    @Test
    void aConnectionWithoutANameIsNamedAfterItsFileOrServer() {
        assertThat(ConnectionProfile.defaultName("jdbc:sqlite:/srv/controller/sql.db")).isEqualTo("sql.db");
        assertThat(ConnectionProfile.defaultName("jdbc:h2:file:/home/ops/cascade;ACCESS_MODE_DATA=r")).isEqualTo("cascade");
        assertThat(ConnectionProfile.defaultName("jdbc:postgresql://pg.example:5432/factory?sslmode=require")).isEqualTo("pg.example:5432/factory");
    }

    @Test
    void onlyTheLastTwentyAreKept() {
        MemoryVault vault = new MemoryVault();
        for (int i = 0; i < 25; i++) {
            book(vault, String.format("2026-12-01T10:%02d:00Z", i))
                    .opened(new ConnectionProfile("db" + i, "jdbc:sqlite:/data/" + i + ".db", null, null, false, null), null);
        }
        assertThat(book(vault, "2026-12-02T00:00:00Z").recent()).hasSize(ConnectionList.MAX_CONNECTIONS)
                .first().extracting(ConnectionProfile::name).isEqualTo("db24");
    }

    @Test
    void aDamagedFileReadsAsNoConnectionsAndSaysSo() throws Exception {
        Files.writeString(home.resolve("connections.json"), "{\"connections\": [ {\"name\": \"half");
        ConnectionBook book = book(new MemoryVault(), "2026-12-01T10:00:00Z");

        assertThat(book.recent()).isEmpty();
        assertThat(book.problem()).contains("could not be read");
    }

    @Test
    void anEditedTierThatIsNotKnownIsTreatedAsProduction() throws Exception {
        Files.writeString(home.resolve("connections.json"), """
                {"formatVersion": 1, "connections": [
                  {"name": "x", "url": "jdbc:sqlite:/x.db", "tier": "testing", "lastUsed": "yesterday"},
                  {"name": "no url"},
                  42
                ]}""");
        ConnectionBook book = book(new MemoryVault(), "2026-12-01T10:00:00Z");

        assertThat(book.recent()).singleElement().satisfies(c -> {
            assertThat(c.tier()).isEqualTo(ConnectionTier.PRODUCTION);
            assertThat(c.lastUsed()).isEqualTo(Instant.EPOCH);
        });
    }
}
