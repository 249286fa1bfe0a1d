package dev.cascadestudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.testsupport.OddSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A controller's SQLite file with a required column Cascade Studio does not know: a read-only verb
 * says what differs as one {@code note:} line and goes on; {@code delete --write} and
 * {@code restore --write} are refused with that reason; the file is left as it was.
 */
class SchemaDifferenceCommandLineTest {

    private static final String DIFFERS = "This database differs from the GenAI Factory controller schema ("
            + OddSchemas.UNKNOWN_REQUIRED_COLUMN + "): it can be read, but not edited, since writing to it would not be safe.";

    @TempDir Path dir;
    private String previousHome;
    private String url;
    private Path file;

    @BeforeEach
    void oddDatabase() {
        previousHome = System.getProperty("cascade.home");
        System.setProperty("cascade.home", dir.resolve("home").toString());
        url = OddSchemas.sqliteWithUnknownRequiredColumn(dir);
        file = dir.resolve("sql.db");
    }

    @AfterEach
    void restoreHome() {
        if (previousHome == null) System.clearProperty("cascade.home"); else System.setProperty("cascade.home", previousHome);
    }

    @Test
    void aReadOnlyVerbNotesWhatDiffersOnStandardError() throws Exception {
        byte[] before = Files.readAllBytes(file);

        CommandLineTest.Run tree = CommandLineTest.run("tree", "--db", url);

        assertThat(tree.exit()).as(tree.err()).isZero();
        assertThat(tree.err().strip()).isEqualTo("note: " + DIFFERS);
        assertThat(tree.out()).contains("alice");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void deleteAndRestoreWithWriteSayWhyTheDatabaseStaysReadOnly() throws Exception {
        byte[] before = Files.readAllBytes(file);
        Path snapshot = Files.writeString(dir.resolve("snapshot.jsonl"), "{}\n");
        String why = "error: This database differs from the GenAI Factory controller schema in ways that make writing unsafe ("
                + OddSchemas.UNKNOWN_REQUIRED_COLUMN + "), so it is open read-only." + System.lineSeparator();

        for (String[] args : new String[][] {
                {"delete", "--write", "--yes", "--db", url, "--table", "project", "--uid", "x"},
                {"restore", "--write", "--db", url, snapshot.toString()}}) {
            CommandLineTest.Run r = CommandLineTest.run(args);
            assertThat(r.exit()).as(args[0]).isEqualTo(CliErrors.BAD_INPUT);
            assertThat(r.err()).as(args[0] + ": the reason, not \"switch to editing (--write)\"").isEqualTo(why);
            assertThat(r.out()).as(args[0]).isEmpty();
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aMatchingDatabaseHasNoNote() throws Exception {
        Files.createDirectories(dir.resolve("ok"));
        String matching;
        try (var sqlite = dev.cascadestudio.testsupport.EngineDatabases.controllerSqlite(dir.resolve("ok"))) {
            matching = sqlite.url();
        }

        CommandLineTest.Run tree = CommandLineTest.run("tree", "--db", matching);

        assertThat(tree.exit()).as(tree.err()).isZero();
        assertThat(tree.err()).isEmpty();
    }
}
