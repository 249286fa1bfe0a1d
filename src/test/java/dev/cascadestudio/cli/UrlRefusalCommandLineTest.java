package dev.cascadestudio.cli;

import static dev.cascadestudio.cli.CommandLineTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.cli.CommandLineTest.Run;
import dev.cascadestudio.testsupport.EngineDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --db} as a script gives it: a URL whose settings could run code is refused with exit code 2
 * and one line naming the setting, and nothing runs; every H2 and SQLite file form is checked for
 * the file before anything opens it.
 */
class UrlRefusalCommandLineTest {

    @TempDir Path dir;
    private String previousHome;

    @BeforeEach
    void home() {
        previousHome = System.getProperty("cascade.home");
        System.setProperty("cascade.home", dir.resolve("home").toString());
    }

    @AfterEach
    void restoreHome() {
        if (previousHome == null) System.clearProperty("cascade.home"); else System.setProperty("cascade.home", previousHome);
    }

    @Test
    void anInitScriptInDbIsRefusedWithExitTwoAndDoesNotRun() throws Exception {
        Path marker = dir.resolve("pwned.csv");
        Path evil = Files.writeString(dir.resolve("evil.sql"), "CALL CSVWRITE('" + marker + "', 'SELECT 1');\n");
        String url = "jdbc:h2:mem:probe;INIT=RUNSCRIPT FROM '" + evil + "'";
        Path snapshot = Files.writeString(dir.resolve("snapshot.jsonl"), "{}\n");

        for (String[] args : new String[][] {
                {"tree", "--db", url},
                {"audit", "--db", url, "--json"},
                {"plan", "--db", url, "--table", "project", "--uid", "x"},
                {"delete", "--write", "--db", url, "--table", "project", "--uid", "x", "--yes"},
                {"restore", "--write", "--db", url, snapshot.toString()},
                {"generate", "--db", url, "--rows", "10", "--big-project-rows", "1"}}) {
            Run r = run(args);
            assertThat(r.exit()).as(args[0]).isEqualTo(2);
            assertThat(r.err()).as(args[0]).isEqualTo(
                    "error: The URL setting INIT is not allowed: it runs SQL before the database is checked." + System.lineSeparator());
            assertThat(r.out()).as(args[0]).isEmpty();
        }
        assertThat(marker).doesNotExist();
    }

    @Test
    void aTraceFileInDbIsRefusedWithExitTwoAndNoFileIsWritten() {
        Path db = dir.resolve("traced");
        Run r = run("generate", "--db", "jdbc:h2:file:" + db + ";TRACE_LEVEL_FILE=3;", "--demo");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: The URL setting TRACE_LEVEL_FILE is not allowed: "
                + "it makes H2 write a trace of every statement to a file." + System.lineSeparator());
        assertThat(dir.resolve("traced.mv.db")).doesNotExist();
        assertThat(dir.resolve("traced.trace.db")).doesNotExist();
    }

    @Test
    void aPostgresqlLoggerFileInDbIsRefusedWithExitTwo() {
        Path marker = dir.resolve("pgjdbc.log");
        Run r = run("tree", "--db", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&loggerFile=" + marker);

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: The URL setting loggerFile is not allowed: it makes the driver write a log file."
                + System.lineSeparator());
        assertThat(marker).doesNotExist();
    }

    @Test
    void aPostgresqlSocketFactoryInDbIsRefusedWithExitTwoAndNotLoaded() {
        Path marker = dir.resolve("probe.txt");
        Run r = run("tree", "--db", dev.cascadestudio.testsupport.ServerDatabases.Server.POSTGRESQL.url("test")
                + "?user=postgres&socketFactory=" + dev.cascadestudio.testsupport.ProbeSocketFactory.class.getName()
                + "&socketFactoryArg=" + marker);

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: The URL setting socketFactory is not allowed: it makes the driver load and run"
                + " a class named in the URL." + System.lineSeparator());
        assertThat(marker).as("the class was not loaded (UrlProbeTest shows the driver would)").doesNotExist();
    }

    // ---- issue 12, item 11 --------------------------------------------------------------------

    @Test
    void anH2PathWithoutTheFilePrefixIsCheckedForTheFileAndNoneIsCreated() {
        Path missing = dir.resolve("typo");
        for (String url : new String[] {"jdbc:h2:" + missing, "jdbc:h2:" + missing + ";IFEXISTS=FALSE", "jdbc:h2:file:" + missing}) {
            Run r = run("tree", "--db", url);
            assertThat(r.exit()).as(url).isEqualTo(2);
            assertThat(r.err()).as(url).isEqualTo("error: No H2 database at " + missing + ".mv.db." + System.lineSeparator());
        }
        assertThat(dir).as("no empty database left behind").isDirectoryNotContaining(p -> p.getFileName().toString().startsWith("typo"));
    }

    @Test
    void anH2NioPathIsRefusedAndNoFileIsCreated() {
        Path missing = dir.resolve("nio-typo");
        Run r = run("tree", "--db", "jdbc:h2:nio:" + missing);

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: The H2 file system nio: is not allowed: Cascade Studio opens a plain H2 file "
                + "(jdbc:h2:file:PATH) or an in-memory database (jdbc:h2:mem:NAME)." + System.lineSeparator());
        assertThat(dir).isDirectoryNotContaining(p -> p.getFileName().toString().startsWith("nio-typo"));
    }

    @Test
    void aSqliteFileUriIsReadAsTheFileItNames() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("controller data"));
        EngineDatabases.controllerSqlite(folder).close();
        Path file = folder.resolve("sql.db");
        byte[] before = Files.readAllBytes(file);
        String uriPath = file.toString().replace(" ", "%20");

        for (String url : new String[] {"jdbc:sqlite:file:" + uriPath, "jdbc:sqlite:file://" + uriPath + "?mode=ro",
                "jdbc:sqlite:file://localhost" + uriPath + "?mode=ro"}) {
            Run r = run("audit", "--db", url, "--json");
            assertThat(r.exit()).as(url + ": " + r.err()).isZero();
            assertThat(r.out()).as(url).contains("\"dangling\"");
        }
        assertThat(Files.readAllBytes(file)).as("read, not written").isEqualTo(before);

        Path missing = folder.resolve("typo.db");
        Run r = run("tree", "--db", "jdbc:sqlite:file:" + missing.toString().replace(" ", "%20") + "?mode=ro");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: No SQLite database at " + missing + "." + System.lineSeparator());
        assertThat(missing).doesNotExist();
    }

    @Test
    void aSqliteExtensionSettingInDbIsRefusedWithExitTwo() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("c"));
        EngineDatabases.controllerSqlite(folder).close();
        Run r = run("tree", "--db", "jdbc:sqlite:" + folder.resolve("sql.db") + "?enable_load_extension=true");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: The URL setting enable_load_extension is not allowed: "
                + "it lets SQL load native code into Cascade Studio." + System.lineSeparator());
    }
}
