package dev.cascadestudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascadestudio.persistence.AppDirectories;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.persistence.demo.RowBuilder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a script sees it: exit code, standard output, one line on standard error. */
class CommandLineTest {

    static final String SUPPORT = RowBuilder.uid("project", "customer-support-assistant");

    @TempDir Path dir;
    String url;
    String previousHome;

    record Run(int exit, String out, String err) {}

    @BeforeEach
    void demoDatabase() {
        url = AppDirectories.h2Url(dir.resolve("demo"));
        try (Database db = Database.open(url, null, null, Database.EmptyDatabase.CREATE_SCHEMA)) {
            DemoData.load(db);
        }
        previousHome = System.getProperty("cascade.home");
        System.setProperty("cascade.home", dir.resolve("home").toString());
    }

    @AfterEach
    void restoreHome() {
        if (previousHome == null) System.clearProperty("cascade.home"); else System.setProperty("cascade.home", previousHome);
    }

    static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Cli.run(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void planJsonListsDeletedAndNulledRowsSorted() throws Exception {
        Run r = run("plan", "--db", url, "--table", "project", "--uid", SUPPORT, "--json", "--rows");

        assertThat(r.exit()).isZero();
        JsonNode plan = new ObjectMapper().readTree(r.out());
        assertThat(plan.get("roots").get(0).get("uid").asText()).isEqualTo(SUPPORT);
        assertThat(plan.at("/deleted/project/count").asLong()).isEqualTo(1);
        assertThat(plan.at("/deleted/project/rows/0").asText()).isEqualTo(SUPPORT);
        assertThat(plan.at("/deleted/workflow/count").asLong()).isEqualTo(3);
        assertThat(plan.at("/nulled/run.workflow_id/count").asLong()).isEqualTo(8);
        assertThat(plan.at("/deleted/project_labels/rows/0").isIntegralNumber()).as("label rows by integer uid").isTrue();
        List<String> workflows = new ArrayList<>();
        plan.at("/deleted/workflow/rows").forEach(n -> workflows.add(n.asText()));
        assertThat(workflows).isSorted().contains(RowBuilder.uid("workflow", "ticket-triage"));
        assertThat(plan.has("nulled")).isTrue();
        assertThat(plan.get("totals")).as("rows and values counted apart: 6 runs lose two keys each")
                .isEqualTo(new ObjectMapper().readTree(
                        "{\"deletedRows\":31,\"nulledRows\":12,\"nulledValues\":18,\"affectedRows\":43}"));
        assertThat(plan.at("/deleted/run").isMissingNode()).as("runs survive").isTrue();
    }

    @Test
    void deleteWithoutYesChangesNothingAndExitsTwo() {
        Run r = run("delete", "--db", url, "--table", "project", "--uid", SUPPORT);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--yes").doesNotContain("\tat ");
        assertThat(run("plan", "--db", url, "--table", "project", "--uid", SUPPORT).out()).contains("Will be set to NULL: 18 values in 12 rows", "Delete 31 rows, set 18 values in 12 rows to NULL.");
    }

    @Test
    void deleteAndRestoreWithProgressPrintItsStepsOnStandardErrorAndTheirResultOnStandardOutput() throws Exception {
        Run deleted = run("delete", "--db", url, "--table", "project", "--uid", SUPPORT, "--yes", "--json", "--write", "--progress");
        assertThat(deleted.exit()).isZero();
        String snapshot = new ObjectMapper().readTree(deleted.out()).get("snapshot").asText(); // stdout: still just the JSON
        assertThat(deleted.err().lines().toList()).as(deleted.err()).allSatisfy(line -> assertThat(line).startsWith("delete: "))
                .first().isEqualTo("delete: 0% · Checking that the plan still holds");
        assertThat(deleted.err().lines().toList()).last().isEqualTo("delete: 100% · Committing");

        Run restored = run("restore", "--db", url, snapshot, "--write", "--progress");

        assertThat(restored.exit()).isZero();
        assertThat(restored.out()).isEqualTo("Restored 31 rows and 18 values from " + snapshot + System.lineSeparator());
        List<String> lines = restored.err().lines().toList();
        // 31 rows and 18 values put back as the file is read; a line per tenth of the work at most
        assertThat(lines).as(restored.err()).hasSizeBetween(2, 11)
                .allSatisfy(line -> assertThat(line).matches("restore: \\d{1,3}% · .*"))
                .anySatisfy(line -> assertThat(line).matches("restore: \\d{1,2}% · Restoring: \\d+ rows and values put back"))
                .last().isEqualTo("restore: 100% · Committing: 49 of 49 rows and values put back");
        List<Integer> percents = lines.stream().map(l -> Integer.parseInt(l.replaceAll("restore: (\\d+)%.*", "$1"))).toList();
        assertThat(percents).as("ever further").isSorted().doesNotHaveDuplicates();
        assertThat(run("plan", "--db", url, "--table", "project", "--uid", SUPPORT).exit()).as("the project is back").isZero();
    }

    @Test
    void withoutProgressAndNoTerminalRestorePrintsNothingButItsResult() throws Exception {
        Run deleted = run("delete", "--db", url, "--table", "project", "--uid", SUPPORT, "--yes", "--json", "--write");
        String snapshot = new ObjectMapper().readTree(deleted.out()).get("snapshot").asText();

        Run restored = run("restore", "--db", url, snapshot, "--write");

        assertThat(restored.exit()).isZero();
        assertThat(restored.err()).as("a script sees only the result").isEmpty();
    }

    @Test
    void deleteThenRestoreThenRestoreAgainConflicts() throws Exception {
        Run deleted = run("delete", "--db", url, "--table", "project", "--uid", SUPPORT, "--yes", "--json", "--write");
        assertThat(deleted.exit()).isZero();
        String snapshot = new ObjectMapper().readTree(deleted.out()).get("snapshot").asText();
        assertThat(Path.of(snapshot)).exists().startsWith(dir.resolve("home"));
        assertThat(run("plan", "--db", url, "--table", "project", "--uid", SUPPORT).exit()).isEqualTo(2);

        Run restored = run("restore", "--db", url, snapshot, "--write");
        assertThat(restored.exit()).isZero();
        assertThat(restored.out()).contains("Restored 31 rows and 18 values");

        Run again = run("restore", "--db", url, "--write", snapshot);
        assertThat(again.exit()).isEqualTo(3);
        assertThat(again.err().lines().count()).isEqualTo(1);
        assertThat(again.err()).startsWith("error: Cannot restore");
    }

    static final String READ_ONLY = "error: This database is open read-only. Switch to editing first (toolbar: Edit, or --write)."
            + System.lineSeparator();

    @Test
    void deleteOnASqliteFileWithoutWriteExitsTwoWithOneSentenceAndTheFileStaysByteIdentical() throws Exception {
        Path sqliteDir = java.nio.file.Files.createDirectories(dir.resolve("controller"));
        String sqlite;
        try (Database db = dev.cascadestudio.testsupport.EngineDatabases.controllerSqlite(sqliteDir)) {
            DemoData.load(db);
            sqlite = db.url();
        }
        Path file = sqliteDir.resolve("sql.db");
        String before = sha256(file);

        Run refused = run("delete", "--db", sqlite, "--table", "project", "--uid", SUPPORT, "--yes");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).isEqualTo(READ_ONLY);
        assertThat(refused.out()).isEmpty();
        assertThat(sha256(file)).isEqualTo(before);
        assertThat(java.nio.file.Files.list(sqliteDir).map(p -> p.getFileName().toString()).toList())
                .as("no journal or other file beside it").containsExactly("sql.db");

        Run deleted = run("delete", "--db", sqlite, "--table", "project", "--uid", SUPPORT, "--yes", "--write");
        assertThat(deleted.exit()).isZero();
        assertThat(deleted.out()).contains("Delete 31 rows, set 18 values in 12 rows to NULL.");
        assertThat(run("plan", "--db", sqlite, "--table", "project", "--uid", SUPPORT).exit()).as("the project is gone").isEqualTo(2);
    }

    @Test
    void restoreWithoutWriteIsRefusedAndChangesNothing() throws Exception {
        Run deleted = run("delete", "--db", url, "--table", "project", "--uid", SUPPORT, "--yes", "--json", "--write");
        String snapshot = new ObjectMapper().readTree(deleted.out()).get("snapshot").asText();
        java.util.Map<String, String> files = fileHashes(dir.resolve("demo.mv.db").getParent());

        Run refused = run("restore", "--db", url, snapshot);
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).isEqualTo(READ_ONLY);
        assertThat(fileHashes(dir.resolve("demo.mv.db").getParent())).isEqualTo(files);
    }

    @Test
    void theReadOnlyVerbsLeaveEveryFileOfAnH2DatabaseByteIdentical() throws Exception {
        java.util.Map<String, String> files = fileHashes(dir);
        assertThat(run("plan", "--db", url, "--table", "project", "--uid", SUPPORT).exit()).isZero();
        assertThat(run("tree", "--db", url).exit()).isZero();
        assertThat(run("audit", "--db", url).exit()).isZero();
        assertThat(run("delete", "--db", url, "--table", "project", "--uid", SUPPORT, "--yes").exit()).isEqualTo(2);
        assertThat(fileHashes(dir)).isEqualTo(files);
    }

    @Test
    void theEmbeddedDefaultDatabaseTakesADeleteWithoutWrite() {
        try (var session = dev.cascadestudio.service.DatabaseSession.open(null, null, null)) {
            assertThat(session.demoDataLoaded()).isTrue();
        }
        Run deleted = run("delete", "--db", AppDirectories.defaultDatabaseUrl(), "--table", "project", "--uid", SUPPORT, "--yes");
        assertThat(deleted.err()).isEmpty();
        assertThat(deleted.exit()).isZero();
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(java.nio.file.Files.readAllBytes(file)));
    }

    /** Every file under {@code root} (the snapshots' folder apart) with its SHA-256. */
    private static java.util.Map<String, String> fileHashes(Path root) throws Exception {
        java.util.Map<String, String> hashes = new java.util.TreeMap<>();
        try (var files = java.nio.file.Files.walk(root)) {
            for (Path f : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                hashes.put(root.relativize(f).toString(), sha256(f));
            }
        }
        return hashes;
    }

    @Test
    void badInputGetsOneLineAndExitTwo() {
        for (Run r : List.of(
                run("plan", "--db", url, "--table", "projects", "--uid", SUPPORT),
                run("plan", "--db", url, "--table", "project", "--uid", "no-such-uid"),
                run("plan", "--db", "jdbc:h2:file:" + dir.resolve("missing"), "--table", "project", "--uid", "x"),
                run("plan", "--db", "jdbc:oracle:thin:@x", "--table", "project", "--uid", "x"),
                run("plan", "--table", "project"))) {
            assertThat(r.exit()).as(r.err()).isEqualTo(2);
            assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        }
        assertThat(dir.resolve("missing.mv.db")).doesNotExist();
    }

    @Test
    void auditReportsAnOwnerThatNoLongerExists() throws Exception {
        try (Database db = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
            // what the controller's own ORM leaves behind: a user row gone, its projects' owner_id dangling
            db.fromConnection(c -> c.createStatement().executeUpdate("SET REFERENTIAL_INTEGRITY FALSE"));
            db.fromConnection(c -> c.createStatement().executeUpdate("DELETE FROM \"user\" WHERE \"name\" = 'carol'"));
        }
        Run r = run("audit", "--db", url, "--json");
        assertThat(r.exit()).as("findings: their own exit code, for a cron job").isEqualTo(4);
        JsonNode findings = new ObjectMapper().readTree(r.out()).get("dangling");
        List<String> columns = new ArrayList<>();
        findings.forEach(f -> columns.add(f.get("table").asText() + "." + f.get("column").asText()));
        assertThat(columns).contains("project.owner_id", "session.owner_id", "user_labels.parent");
        assertThat(run("audit", "--db", url).out()).contains("project.owner_id → user.uid");
    }

    @Test
    void treePrintsUsersProjectsAndWorkflowChildren() {
        Run r = run("tree", "--db", url, "--depth", "4");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("alice  [user").contains("customer-support-assistant").contains("kb-ingestion-nightly")
                .contains("(no owner)").contains("legacy-migration");
    }

    @Test
    void databaseTextWithTerminalEscapesIsPrintedEscapedNeverRaw() throws Exception {
        String hostile = "\u001b]0;PWNED\u0007x\u001b[1A\u001b[2K fake line\u202e";
        try (Database db = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
            db.fromConnection(c -> {
                try (var ps = c.prepareStatement("UPDATE \"project\" SET \"name\" = ? WHERE \"uid\" = ?")) {
                    ps.setString(1, hostile);
                    ps.setString(2, SUPPORT);
                    return ps.executeUpdate();
                }
            });
        }

        Run tree = run("tree", "--db", url, "--depth", "2");
        Run unknownUid = run("plan", "--db", url, "--table", "project", "--uid", "\u001b[2Jgone");

        assertThat(tree.exit()).isZero();
        assertThat(tree.out()).as("what a terminal would show").contains("\\e]0;PWNED\\ax\\e[1A\\e[2K fake line\\u202e")
                .doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u202e");
        assertThat(unknownUid.exit()).isEqualTo(2);
        assertThat(unknownUid.err()).isEqualTo("error: No row with uid '\\e[2Jgone' in table project." + System.lineSeparator());
    }

    @Test
    void treeShowsANamesTrailingSpaceSoThatTwoProjectsNamedAlikeCanBeToldApart() throws Exception {
        try (Database db = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
            db.fromConnection(c -> {
                try (var ps = c.prepareStatement("UPDATE \"project\" SET \"name\" = ? WHERE \"uid\" = ?")) {
                    ps.setString(1, " fraud-detection ");
                    ps.setString(2, RowBuilder.uid("project", "fraud-detection"));
                    return ps.executeUpdate();
                }
            });
        }

        Run tree = run("tree", "--db", url, "--depth", "1");

        assertThat(tree.exit()).isZero();
        assertThat(tree.out()).contains("    ␣fraud-detection␣  [").doesNotContain(" fraud-detection  [");
    }

    @Test
    void everyVerbAndTheRootsOwnOptionsGoToTheCommandLineAndEveryOtherOptionToTheWindow() {
        picocli.CommandLine root = new picocli.CommandLine(new RootCommand());
        java.util.Set<String> rootOptions = new java.util.HashSet<>();
        root.getCommandSpec().options().forEach(o -> rootOptions.addAll(List.of(o.names())));
        assertThat(rootOptions).as("what wantsCommandLine knows without building the commands").isEqualTo(Cli.ROOT_OPTIONS);
        assertThat(root.getSubcommands()).isNotEmpty();
        root.getSubcommands().keySet().forEach(verb -> {
            assertThat(verb).as("a verb never begins with a dash").doesNotStartWith("-");
            assertThat(Cli.wantsCommandLine(new String[] {verb, "--db", "jdbc:h2:mem:x"})).as(verb).isTrue();
        });
        for (String option : Cli.ROOT_OPTIONS) {
            assertThat(Cli.wantsCommandLine(new String[] {option})).as(option).isTrue();
        }
        assertThat(Cli.wantsCommandLine(new String[] {"--db", "jdbc:sqlite:/tmp/sql.db"})).as("the window's option").isFalse();
        assertThat(Cli.wantsCommandLine(new String[] {"--user", "root"})).isFalse();
    }

    @Test
    void aWordThatIsNoCommandGetsOneLineNamingTheCommands() {
        assertThat(Cli.wantsCommandLine(new String[] {"frobnicate"})).as("not the window").isTrue();
        assertThat(Cli.wantsCommandLine(new String[] {"init"})).isTrue();
        assertThat(Cli.wantsCommandLine(new String[] {"--db=jdbc:sqlite:/tmp/sql.db"})).as("the window's option").isFalse();
        assertThat(Cli.wantsCommandLine(new String[0])).isFalse();

        Run unknown = run("frobnicate");
        Run misspelt = run("pln", "--db", url);

        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("error: unknown command 'frobnicate'").hasLineCount(1)
                .endsWith(" Commands: plan, delete, restore, history, audit, rules, tree, generate, init." + System.lineSeparator());
        assertThat(misspelt.exit()).isEqualTo(2);
        assertThat(misspelt.err()).startsWith("error: unknown command 'pln'; did you mean 'plan'?").doesNotContain("\tat ")
                .hasLineCount(1);
    }

    @Test
    void theWindowWithoutADisplayIsRefusedInOneSentence() {
        PrintStream err = System.err;
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        java.util.Optional<Integer> linux;
        try {
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            linux = Cli.refuseWindowWithoutDisplay(java.util.Map.of("HOME", "/root"), "Linux");
        } finally {
            System.setErr(err);
        }
        assertThat(linux).contains(2);
        assertThat(e.toString(StandardCharsets.UTF_8)).hasLineCount(1).startsWith("error: no display to open the window on");
        assertThat(Cli.refuseWindowWithoutDisplay(java.util.Map.of("DISPLAY", ":0"), "Linux")).isEmpty();
        assertThat(Cli.refuseWindowWithoutDisplay(java.util.Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux")).isEmpty();
        assertThat(Cli.refuseWindowWithoutDisplay(java.util.Map.of(), "Windows 11")).isEmpty();
        assertThat(Cli.refuseWindowWithoutDisplay(java.util.Map.of(), "Mac OS X")).isEmpty();
    }

    /**
     * Issue 12, item 8 (the audit's gap 4): a DISPLAY that names no X server (an ssh session without X
     * forwarding) let the toolkit fail with a 15-line UnsupportedOperationException trace and exit 1. The
     * jar, started as it is (a child JVM, no Monocle, its own environment), says one sentence and exits 2;
     * the database it began to open is closed again (a second open finds it unlocked).
     */
    @Test
    void aDisplayThatCannotBeReachedIsRefusedInOneSentence() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux"),
                "GTK's DISPLAY: Linux");
        String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(javaCommand, "-Dcascade.home=" + dir.resolve("home"), "-Dcascade.keyring=none",
                "-cp", System.getProperty("java.class.path"), "dev.cascadestudio.Main", "--db=" + url);
        builder.environment().put("DISPLAY", ":nonexistent");
        builder.environment().remove("WAYLAND_DISPLAY");
        Path err = dir.resolve("window-stderr.txt");
        Process child = builder.redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(child.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).as("the child ended").isTrue();

        assertThat(java.nio.file.Files.readAllLines(err)).containsExactly("error: the window cannot open: the display :nonexistent"
                + " cannot be reached; the command line works without one, see cascade-studio --help.");
        assertThat(child.exitValue()).isEqualTo(2);
        try (Database db = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
            assertThat(db.url()).isEqualTo(url);
        }
    }

    /**
     * Issue 12, item 9 (the audit's gap 5): generate checks the disk has room before it writes. The disk
     * the tests run on has room, so the free space is given through GenerateCommand's seam: 10 MB free
     * for 1,000,000 rows (about 300 bytes each, 286 MB) is refused in one sentence, exit 2, no file made.
     */
    @Test
    void generateRefusesWhereTheDiskHasNoRoomAndWritesNothing() throws Exception {
        Path target = dir.resolve("full-disk").resolve("generated");
        java.nio.file.Files.createDirectories(target.getParent());
        GenerateCommand.FreeSpace real = GenerateCommand.freeSpace;
        java.util.List<Path> asked = new java.util.ArrayList<>();
        GenerateCommand.freeSpace = folder -> {
            asked.add(folder);
            return 10L * 1024 * 1024;
        };
        Run r;
        try {
            r = run("generate", "--db", AppDirectories.h2Url(target), "--rows", "1000000", "--big-project-rows", "1000");
        } finally {
            GenerateCommand.freeSpace = real;
        }

        assertThat(asked).as("asked about the folder the file goes in").containsExactly(target.getParent().toAbsolutePath());
        assertThat(r.err()).isEqualTo("error: 1,000,000 rows need about 286 MB of disk, and " + target.getParent().toAbsolutePath()
                + " has 10 MB free; nothing was written." + System.lineSeparator());
        assertThat(r.exit()).isEqualTo(2);
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(target.getParent())) {
            assertThat(files).as("no .mv.db or any other file left").isEmpty();
        }
    }

    /**
     * Issue 12, item 10 (the audit's gap 7): an in-memory H2 URL given to a read-only verb got H2's
     * "The database is read only [90097-252]"; init without --db got picocli's "Error: " after ours.
     */
    @Test
    void anInMemoryDatabaseAndAMissingUrlAreToldInOurWords() {
        for (String verb : List.of("tree", "audit")) {
            Run r = run(verb, "--db", "jdbc:h2:mem:x");
            assertThat(r.err()).as(verb).isEqualTo("error: Cannot open jdbc:h2:mem:x: An in-memory database starts empty and ends with the"
                    + " program that opened it, so there is nothing to read; give the database's file instead (jdbc:h2:file:PATH)."
                    + System.lineSeparator());
            assertThat(r.exit()).isEqualTo(2);
        }
        Run init = run("init");
        assertThat(init.err()).isEqualTo("error: Missing required argument (specify one of these): (--db=JDBC_URL | --connection=NAME)"
                + System.lineSeparator());
        assertThat(init.exit()).isEqualTo(2);
    }

    @Test
    void generateAndTreeRefuseSizesOutOfRangeAndWriteNothing() {
        Path target = dir.resolve("generated");
        String generated = AppDirectories.h2Url(target);
        for (String[] args : List.of(
                new String[] {"generate", "--db", generated, "--rows", "99999999999"},
                new String[] {"generate", "--db", generated, "--rows", "-5"},
                new String[] {"generate", "--db", generated, "--rows", "1000", "--big-project-rows", "-1"},
                new String[] {"generate", "--db", generated, "--rows", "1000", "--big-project-rows", "2000"},
                new String[] {"tree", "--db", url, "--depth", "-1"})) {
            Run r = run(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).startsWith("error: --").hasLineCount(1).contains("was given");
        }
        assertThat(run("generate", "--db", generated, "--rows", "99999999999").err())
                .isEqualTo("error: --rows must be between 1 and 20,000,000; 99,999,999,999 was given." + System.lineSeparator());
        assertThat(Path.of(target + ".mv.db")).as("nothing written").doesNotExist();
    }
}
