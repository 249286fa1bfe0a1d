package dev.cascadestudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.persistence.demo.RowBuilder;
import dev.cascadestudio.testsupport.CanonicalDump;
import dev.cascadestudio.testsupport.EngineDatabases;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, items 5 and 7: what a delete writes, restore reads, at the sizes a controller's SQLite
 * file holds; a value beyond what a snapshot holds stops the delete instead; a huge file is refused
 * with one line (the surefire JVM has 1 GB of heap, so reading any of these whole would fail).
 */
class SnapshotSizeTest {

    static final String SUPPORT = RowBuilder.uid("project", "customer-support-assistant");

    @TempDir Path dir;
    String url;
    String previousHome;

    @BeforeEach
    void sqliteDemo() {
        try (Database db = EngineDatabases.controllerSqlite(dir)) {
            DemoData.load(db);
            url = db.url();
        }
        previousHome = System.getProperty("cascade.home");
        System.setProperty("cascade.home", dir.resolve("home").toString());
    }

    @AfterEach
    void restoreHome() {
        if (previousHome == null) System.clearProperty("cascade.home"); else System.setProperty("cascade.home", previousHome);
    }

    void describeSupport(String description) {
        try (Database db = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
            db.fromConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE \"project\" SET \"description\" = ? WHERE \"uid\" = ?")) {
                    ps.setString(1, description);
                    ps.setString(2, SUPPORT);
                    return ps.executeUpdate();
                }
            });
        }
    }

    String sha() {
        try (Database db = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
            return CanonicalDump.sha256(db);
        }
    }

    @Test
    void aDescriptionOfTwentyMillionCharactersComesBackExactly() throws Exception {
        // 20.5 million characters, some beyond ASCII, as in the report (Jackson's default limit is 20,000,000)
        StringBuilder text = new StringBuilder(20_500_000);
        while (text.length() < 20_500_000 - 8) text.append("ticket é ");
        describeSupport(text.append("end\u2603").toString());
        text.setLength(0);
        String before = sha();

        CommandLineTest.Run deleted = CommandLineTest.run("delete", "--write", "--db", url, "--table", "project", "--uid", SUPPORT, "--yes", "--json");
        assertThat(deleted.exit()).as(deleted.err()).isZero();
        String snapshot = new ObjectMapper().readTree(deleted.out()).get("snapshot").asText();
        assertThat(sha()).isNotEqualTo(before);

        CommandLineTest.Run restored = CommandLineTest.run("restore", "--write", "--db", url, snapshot);
        assertThat(restored.exit()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("Restored 31 rows and 18 values");
        assertThat(sha()).isEqualTo(before);
    }

    @Test
    void aValueLongerThanASnapshotHoldsStopsTheDeleteBeforeAnythingChanges() throws Exception {
        describeSupport("x".repeat(64 * 1024 * 1024 + 1));
        String before = sha();

        CommandLineTest.Run deleted = CommandLineTest.run("delete", "--write", "--db", url, "--table", "project", "--uid", SUPPORT, "--yes");

        assertThat(deleted.exit()).isEqualTo(2);
        assertThat(deleted.err()).isEqualTo("error: Cannot delete: a row of project holds more than 67,108,864 characters,"
                + " which a snapshot cannot hold for restore; nothing was deleted." + System.lineSeparator());
        assertThat(sha()).isEqualTo(before);
        try (Stream<Path> left = Files.walk(dir.resolve("home"))) {
            assertThat(left.filter(Files::isRegularFile).filter(p -> p.toString().contains("delete-"))).as("no snapshot left").isEmpty();
        }
    }

    String hexOfSupportDescription() {
        try (Database db = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
            return db.fromConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT hex(\"description\") FROM \"project\" WHERE \"uid\" = ?")) {
                    ps.setString(1, SUPPORT);
                    try (var rs = ps.executeQuery()) {
                        return rs.next() ? rs.getString(1) : null;
                    }
                }
            });
        }
    }

    /**
     * Issue 12's audit, gap 3: SQLite keeps any bytes in a TEXT column; the driver reads bytes that are not
     * UTF-8 as U+FFFD, so a snapshot would give back other bytes (41 C3 FF 42 came back as 41 EF BF BD EF BF
     * BD 42, both commands exiting 0). The delete refuses, naming the row and the column, and changes nothing.
     */
    @Test
    void textThatIsNotUtf8StopsTheDeleteNamingRowAndColumn() throws Exception {
        try (Database db = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
            db.fromConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE \"project\" SET \"description\" = CAST(X'41C3FF42' AS TEXT) WHERE \"uid\" = ?")) {
                    ps.setString(1, SUPPORT);
                    return ps.executeUpdate();
                }
            });
        }
        assertThat(hexOfSupportDescription()).isEqualTo("41C3FF42");
        String before = sha();

        CommandLineTest.Run deleted = CommandLineTest.run("delete", "--write", "--db", url, "--table", "project", "--uid", SUPPORT, "--yes");

        assertThat(deleted.err()).isEqualTo("error: Cannot delete: the row " + SUPPORT + " of project holds text in description that is"
                + " not valid UTF-8, which a snapshot cannot give back exactly; nothing was deleted. Correct the value first."
                + System.lineSeparator());
        assertThat(deleted.exit()).isEqualTo(2);
        assertThat(sha()).isEqualTo(before);
        assertThat(hexOfSupportDescription()).as("the bytes as they were").isEqualTo("41C3FF42");
        try (Stream<Path> left = Files.walk(dir.resolve("home"))) {
            assertThat(left.filter(Files::isRegularFile).filter(p -> p.toString().contains("delete-"))).as("no snapshot left").isEmpty();
        }
    }

    /** A genuine U+FFFD (stored as its UTF-8 bytes EF BF BD) is text like any other: deleted and restored byte for byte. */
    @Test
    void aGenuineReplacementCharacterComesBackExactly() throws Exception {
        describeSupport("A\uFFFDB");
        assertThat(hexOfSupportDescription()).isEqualTo("41EFBFBD42");
        String before = sha();

        CommandLineTest.Run deleted = CommandLineTest.run("delete", "--write", "--db", url, "--table", "project", "--uid", SUPPORT, "--yes", "--json");
        assertThat(deleted.exit()).as(deleted.err()).isZero();
        String snapshot = new ObjectMapper().readTree(deleted.out()).get("snapshot").asText();
        CommandLineTest.Run restored = CommandLineTest.run("restore", "--write", "--db", url, snapshot);

        assertThat(restored.exit()).as(restored.err()).isZero();
        assertThat(sha()).isEqualTo(before);
        assertThat(hexOfSupportDescription()).isEqualTo("41EFBFBD42");
    }

    /**
     * A root's uid longer than the mapping's 64 (SQLite does not enforce a VARCHAR's length) is refused by
     * restore's reader (issue 12's audit, gap 1), so the delete refuses it too, before anything changes.
     */
    @Test
    void aRootUidLongerThanASnapshotHoldsStopsTheDelete() throws Exception {
        String longUid = "p".repeat(65);
        try (Database db = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
            db.fromConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE \"project\" SET \"uid\" = ? WHERE \"uid\" = ?")) {
                    ps.setString(1, longUid);
                    ps.setString(2, SUPPORT);
                    return ps.executeUpdate();
                }
            });
        }
        String before = sha();

        CommandLineTest.Run deleted = CommandLineTest.run("delete", "--write", "--db", url, "--table", "project", "--uid", longUid, "--yes");

        assertThat(deleted.err()).isEqualTo("error: Cannot delete: the project to delete has a uid of 65 characters, more than the 64"
                + " a snapshot can hold for restore; nothing was deleted." + System.lineSeparator());
        assertThat(deleted.exit()).isEqualTo(2);
        assertThat(sha()).isEqualTo(before);
        try (Stream<Path> left = Files.walk(dir.resolve("home"))) {
            assertThat(left.filter(Files::isRegularFile).filter(p -> p.toString().contains("delete-"))).as("no snapshot left").isEmpty();
        }
    }

    @Test
    void aSparseThreeGigabyteFileIsRefusedInOneLine() throws Exception {
        Path huge = dir.resolve("huge.jsonl");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(3L * 1024 * 1024 * 1024); // what `truncate -s 3G` makes: 3 GB of zero bytes, one line
        }
        String before = sha();

        CommandLineTest.Run r = CommandLineTest.run("restore", "--write", "--db", url, huge.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: Cannot restore " + huge + ": line 1 is not valid JSON (near character 2);"
                + " nothing was changed." + System.lineSeparator());
        assertThat(sha()).isEqualTo(before);
    }

    @Test
    void aDeviceIsNoSnapshot() {
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero), "a system with /dev/zero");

        CommandLineTest.Run r = CommandLineTest.run("restore", "--write", "--db", url, zero.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: Cannot restore /dev/zero: there is no snapshot file there (or it is not a regular file);"
                + " nothing was changed." + System.lineSeparator());
    }
}
