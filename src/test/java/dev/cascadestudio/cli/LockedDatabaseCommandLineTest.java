package dev.cascadestudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascadestudio.persistence.AppDirectories;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.testsupport.DatabaseFingerprint;
import dev.cascadestudio.testsupport.EngineDatabases;
import dev.cascadestudio.testsupport.HoldH2Open;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database another program holds locked gives exit code 2 and one sentence, whichever moment the
 * lock is met: opening, a statement of the delete, or its commit; and the database is unchanged.
 * (Before, a lock met by a statement or the commit exited 1 with the driver's
 * {@code [SQLITE_BUSY] … [n/a]} or Hibernate's {@code Unable to commit against JDBC Connection}.)
 */
class LockedDatabaseCommandLineTest {

    static final String LOCKED = "error: The database is locked by another program (SQLITE_BUSY); nothing was changed."
            + " Close it or wait until it is done, and try again.";

    @TempDir Path dir;
    String url;
    Path snapshots;
    String previousHome;

    @BeforeEach
    void controllerSqliteFileWithDemoData() {
        try (Database database = EngineDatabases.controllerSqlite(dir)) {
            DemoData.load(database);
            url = database.url();
        }
        previousHome = System.getProperty("cascade.home");
        System.setProperty("cascade.home", dir.resolve("home").toString());
        snapshots = AppDirectories.snapshotDirectory();
    }

    @AfterEach
    void restoreHome() {
        if (previousHome == null) System.clearProperty("cascade.home"); else System.setProperty("cascade.home", previousHome);
    }

    /** Another connection in the middle of a write: the delete's first UPDATE cannot take the write lock. */
    @Test
    void deleteWhileAnotherProgramWritesExitsTwoInOneSentenceAndChangesNothing() throws Exception {
        DatabaseFingerprint before = fingerprint();
        CommandLineTest.Run r;
        try (Connection other = DriverManager.getConnection(url); Statement s = other.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            s.executeUpdate("UPDATE \"user\" SET \"description\" = 'being edited elsewhere'");

            r = CommandLineTest.run("delete", "--write", "--db", url, "--table", "project", "--uid", CommandLineTest.SUPPORT, "--yes");

            s.execute("ROLLBACK");
        }
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(LOCKED + System.lineSeparator());
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(snapshotsLeft()).as("the snapshot of a delete that did not happen").isZero();
    }

    /**
     * Another connection reading in an open transaction: the delete's statements run, and the lock is
     * met when it commits, which needs the whole file.
     */
    @Test
    void deleteWhoseCommitMeetsAReaderExitsTwoInOneSentenceAndChangesNothing() throws Exception {
        DatabaseFingerprint before = fingerprint();
        CommandLineTest.Run r;
        try (Connection other = DriverManager.getConnection(url); Statement s = other.createStatement()) {
            s.execute("BEGIN");
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"project\"")) {
                rs.next(); // holds SQLite's shared lock until the transaction ends
            }

            r = CommandLineTest.run("delete", "--write", "--db", url, "--table", "project", "--uid", CommandLineTest.SUPPORT, "--yes");

            s.execute("ROLLBACK");
        }
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(LOCKED + System.lineSeparator());
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(snapshotsLeft()).isZero();
    }

    @Test
    void restoreWhileAnotherProgramWritesExitsTwoInOneSentenceChangesNothingAndWorksAfterwards() throws Exception {
        CommandLineTest.Run deleted = CommandLineTest.run("delete", "--write", "--db", url, "--table", "project", "--uid", CommandLineTest.SUPPORT, "--yes", "--json");
        assertThat(deleted.exit()).as(deleted.err()).isZero();
        String snapshot = new ObjectMapper().readTree(deleted.out()).get("snapshot").asText();
        DatabaseFingerprint afterDelete = fingerprint();

        CommandLineTest.Run r;
        try (Connection other = DriverManager.getConnection(url); Statement s = other.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            s.executeUpdate("UPDATE \"user\" SET \"description\" = 'being edited elsewhere'");

            r = CommandLineTest.run("restore", "--write", "--db", url, snapshot);

            s.execute("ROLLBACK");
        }
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(LOCKED + System.lineSeparator());
        assertThat(fingerprint()).isEqualTo(afterDelete);

        CommandLineTest.Run again = CommandLineTest.run("restore", "--write", "--db", url, snapshot);
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("Restored 31 rows and 18 values");
    }

    /** The same lock on an H2 file, which another process has open: met while opening, the same code. */
    @Test
    void deleteOfAnH2FileAnotherProcessHoldsExitsTwoInOneSentence() throws Exception {
        Path file = dir.resolve("h2").resolve("db");
        String h2 = AppDirectories.h2Url(file);
        try (Database database = Database.open(h2, null, null, Database.EmptyDatabase.CREATE_SCHEMA)) {
            DemoData.load(database);
        }
        DatabaseFingerprint before = DatabaseFingerprint.ofH2File(file);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), HoldH2Open.class.getName(), h2)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        CommandLineTest.Run r;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo(HoldH2Open.READY);

            r = CommandLineTest.run("delete", "--write", "--db", h2, "--table", "project", "--uid", CommandLineTest.SUPPORT, "--yes");
        } finally {
            holder.getOutputStream().close();
            assertThat(holder.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: Cannot open " + h2 + ": The database is already open in another Cascade Studio"
                + " window or program. Close it there and try again." + System.lineSeparator());
        assertThat(DatabaseFingerprint.ofH2File(file)).isEqualTo(before);
    }

    private DatabaseFingerprint fingerprint() {
        try (Database database = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
            return DatabaseFingerprint.of(database);
        }
    }

    private long snapshotsLeft() throws IOException {
        if (!Files.isDirectory(snapshots)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(snapshots)) {
            return files.count();
        }
    }
}
