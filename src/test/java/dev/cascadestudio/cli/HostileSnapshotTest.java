package dev.cascadestudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascadestudio.persistence.AppDirectories;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.MappedTables;
import dev.cascadestudio.persistence.TableInfo;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.persistence.demo.RowBuilder;
import dev.cascadestudio.testsupport.CanonicalDump;
import dev.cascadestudio.testsupport.EngineDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Snapshots edited by hand or by an attacker (issue 12, items 1, 6 and 10): each is refused with one
 * line on standard error and exit code 2, and the database is exactly as it was.
 */
class HostileSnapshotTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SUPPORT = RowBuilder.uid("project", "customer-support-assistant");
    static final String TRIAGE = RowBuilder.uid("workflow", "ticket-triage");

    @TempDir Path dir;
    String previousHome;

    @BeforeEach
    void home() {
        previousHome = System.getProperty("cascade.home");
        System.setProperty("cascade.home", dir.resolve("home").toString());
    }

    @AfterEach
    void restoreHome() {
        if (previousHome == null) System.clearProperty("cascade.home"); else System.setProperty("cascade.home", previousHome);
    }

    /** The demo data in a controller's SQLite file or in Cascade Studio's H2; the URL to give --db. */
    String demo(EngineDatabases.Kind kind) {
        Database db = kind == EngineDatabases.Kind.H2
                ? Database.open(AppDirectories.h2Url(dir.resolve("demo")), null, null, Database.EmptyDatabase.CREATE_SCHEMA)
                : EngineDatabases.controllerSqlite(dir);
        try (db) {
            DemoData.load(db);
            return db.url();
        }
    }

    static String dump(String url) {
        try (Database db = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
            return CanonicalDump.of(db);
        }
    }

    static List<String> runWorkflowIds(String url) {
        try (Database db = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
            return db.fromConnection(c -> {
                List<String> ids = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT \"workflow_id\" FROM \"run\" ORDER BY \"uid\"");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) ids.add(rs.getString(1));
                }
                return ids;
            });
        }
    }

    Path file(String name, List<String> lines) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, lines, StandardCharsets.UTF_8);
        return p;
    }

    static String header(String url, String rootTable, String rootUid) {
        return "{\"format\":\"cascade-studio-snapshot\",\"formatVersion\":1,\"createdAt\":\"2026-12-01T10:00:00Z\",\"database\":"
                + JsonNodeFactory.instance.textNode(url) + ",\"roots\":[{\"table\":\"" + rootTable + "\",\"uid\":\"" + rootUid
                + "\"}],\"summary\":\"Delete 1 row\"}";
    }

    static void assertRefused(CommandLineTest.Run r, String... phrases) {
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: Cannot restore ").contains(phrases).contains("nothing was changed")
                .doesNotContain("Exception").doesNotContain("SQLITE_").doesNotContain("error executing work");
        assertThat(r.out()).isEmpty();
    }

    // ---- item 1: SQL injection through column names ----

    @Test
    void sqliteColumnNameWithQuotesIsRefusedAndNoRunChanges() throws Exception {
        String url = demo(EngineDatabases.Kind.SQLITE);
        try (Database db = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
            // as after its workflows were deleted: so the injected key passes the "still NULL" check (the report's case)
            db.fromConnection(c -> c.createStatement().executeUpdate("UPDATE \"run\" SET \"workflow_id\" = NULL"));
        }
        List<String> before = runWorkflowIds(url);
        assertThat(before).as("the demo's runs").hasSizeGreaterThan(10).containsOnlyNulls();
        String dumpBefore = dump(url);
        String run = RowBuilder.uid("run", "kb-ingestion-run-1");
        Path snapshot = file("injection.jsonl", List.of(
                header(url, "workflow", TRIAGE),
                "{\"nulled\":\"run\",\"column\":\"workflow_id\",\"columns\":[\"uid\",\"version\\\" OR 1=1 OR \\\"version\"]}",
                "{\"row\":[\"" + run + "\",\"1\",\"INJECTED-WF\"]}",
                "{\"end\":true,\"deletedRows\":0,\"nulledValues\":1}"));

        CommandLineTest.Run r = CommandLineTest.run("restore", "--write", "--db", url, snapshot.toString());

        assertThat(runWorkflowIds(url)).as(r.out()).isEqualTo(before);
        assertThat(dump(url)).isEqualTo(dumpBefore);
        assertRefused(r, "line 2 names 'version\" OR 1=1 OR \"version', which is no column of run");
    }

    @Test
    void h2ColumnNameCallingCsvWriteIsRefusedAndWritesNoFile() throws Exception {
        String url = demo(EngineDatabases.Kind.H2);
        String dumpBefore = dump(url);
        Path pwned = dir.resolve("pwned.csv");
        String run = RowBuilder.uid("run", "kb-ingestion-run-1");
        String column = "name\", CSVWRITE('" + pwned + "','SELECT 1') AS \"x";
        Path snapshot = file("csvwrite.jsonl", List.of(
                header(url, "workflow", TRIAGE),
                "{\"nulled\":\"run\",\"column\":" + JsonNodeFactory.instance.textNode(column) + ",\"columns\":[\"uid\",\"version\"]}",
                "{\"row\":[\"" + run + "\",\"\",\"x\"]}",
                "{\"end\":true,\"deletedRows\":0,\"nulledValues\":1}"));

        CommandLineTest.Run r = CommandLineTest.run("restore", "--write", "--db", url, snapshot.toString());

        assertThat(pwned).as(r.err()).doesNotExist();
        assertThat(dump(url)).isEqualTo(dumpBefore);
        assertRefused(r, "line 2 names 'name\", CSVWRITE(", "which is no column of run");
    }

    // ---- items 6 and 10: silent changes, duplicates, edited names, numbers too big ----

    /** The snapshot of deleting the support project, as lines of JSON, and the database before the delete. */
    record Deleted(String url, String before, String after, Path snapshot, List<ObjectNode> lines) {}

    Deleted deleteSupport(EngineDatabases.Kind kind) throws IOException {
        String url = demo(kind);
        String before = dump(url);
        CommandLineTest.Run deleted = CommandLineTest.run("delete", "--write", "--db", url, "--table", "project", "--uid", SUPPORT, "--yes", "--json");
        assertThat(deleted.exit()).as(deleted.err()).isZero();
        Path snapshot = Path.of(JSON.readTree(deleted.out()).get("snapshot").asText());
        List<ObjectNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(snapshot, StandardCharsets.UTF_8)) lines.add((ObjectNode) JSON.readTree(line));
        return new Deleted(url, before, dump(url), snapshot, lines);
    }

    /** Writes {@code edit}'s result of a copy of the lines and restores it. */
    CommandLineTest.Run restoreEdited(Deleted d, String name, UnaryOperator<List<ObjectNode>> edit, String... options) throws IOException {
        List<ObjectNode> copy = new ArrayList<>();
        for (ObjectNode n : d.lines()) copy.add(n.deepCopy());
        List<String> text = new ArrayList<>();
        for (JsonNode n : edit.apply(copy)) text.add(JSON.writeValueAsString(n));
        Path p = file(name + ".jsonl", text);
        List<String> args = new ArrayList<>(List.of("restore", "--write", "--db", d.url(), p.toString()));
        args.addAll(List.of(options));
        return CommandLineTest.run(args.toArray(String[]::new));
    }

    /** A copy of the (closed) demo database's file, and its URL. */
    String copyOfDatabase(EngineDatabases.Kind kind) throws IOException {
        if (kind == EngineDatabases.Kind.H2) {
            Files.copy(dir.resolve("demo.mv.db"), dir.resolve("other.mv.db"));
            return AppDirectories.h2Url(dir.resolve("other"));
        }
        Files.copy(dir.resolve("sql.db"), dir.resolve("other.db"));
        return "jdbc:sqlite:" + dir.resolve("other.db");
    }

    /** The lines as a version 1 snapshot, which has no checksum. */
    static List<ObjectNode> versionOne(List<ObjectNode> lines) {
        lines.get(0).put("formatVersion", 1);
        end(lines).remove("sha256");
        return lines;
    }

    static int section(List<ObjectNode> lines, String key, String table) {
        for (int i = 0; i < lines.size(); i++) {
            if (table.equals(lines.get(i).path(key).asText(null))) return i;
        }
        throw new AssertionError("no section " + key + " " + table);
    }

    static int columnIndex(ObjectNode section, String column) {
        ArrayNode columns = (ArrayNode) section.get("columns");
        for (int i = 0; i < columns.size(); i++) if (columns.get(i).asText().equals(column)) return i;
        throw new AssertionError(column);
    }

    static ObjectNode end(List<ObjectNode> lines) {
        return lines.get(lines.size() - 1);
    }

    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void editedSnapshotsAreRefusedAndChangeNothing(EngineDatabases.Kind kind) throws Exception {
        Deleted d = deleteSupport(kind);

        // a text value replaced by a JSON object
        assertRefused(restoreEdited(d, "object", lines -> {
            int s = section(lines, "deleted", "project");
            ((ArrayNode) lines.get(s + 1).get("row")).set(columnIndex(lines.get(s), "description"), JSON.createObjectNode().put("a", 1));
            return lines;
        }), "holds a JSON object for project.description");
        // an unknown column, with a value in every row
        assertRefused(restoreEdited(d, "unknown-column", lines -> {
            int s = section(lines, "deleted", "project");
            ((ArrayNode) lines.get(s).get("columns")).add("colour");
            ((ArrayNode) lines.get(s + 1).get("row")).add("red");
            return lines;
        }), "names 'colour', which is no column of project");
        // an extra value in a row, and one too few
        assertRefused(restoreEdited(d, "extra-value", lines -> {
            ((ArrayNode) lines.get(section(lines, "deleted", "project") + 1).get("row")).add("extra");
            return lines;
        }), "holds more values than its section has columns");
        assertRefused(restoreEdited(d, "missing-value", lines -> {
            ArrayNode row = (ArrayNode) lines.get(section(lines, "deleted", "project") + 1).get("row");
            row.remove(row.size() - 1);
            return lines;
        }), "values where its section has");
        // a row line with another field after its row, or before it (a row line is read by a shorter way when it holds
        // nothing but its row; these are not, and are refused as any other line with a field no snapshot writes)
        assertRefused(restoreEdited(d, "field-after-row", lines -> {
            lines.get(section(lines, "deleted", "workflow") + 1).put("end", true);
            return lines;
        }), "has a field 'end' that no such line of a snapshot has");
        assertRefused(restoreEdited(d, "field-before-row", lines -> {
            int s = section(lines, "deleted", "workflow");
            ObjectNode row = JSON.createObjectNode().put("note", "by hand");
            row.set("row", lines.get(s + 1).get("row"));
            lines.set(s + 1, row);
            return lines;
        }), "has a field 'note' that no such line of a snapshot has");
        // the format version as a string
        assertRefused(restoreEdited(d, "version-text", lines -> {
            lines.get(0).put("formatVersion", "1");
            return lines;
        }), "its format version is the text '1'");
        // the end line's counts not what the file holds
        assertRefused(restoreEdited(d, "end-count", lines -> {
            end(lines).put("deletedRows", end(lines).get("deletedRows").asLong() + 1);
            return lines;
        }), "its end line counts 32 rows and 18 values, but the file holds 31 rows and 18 values");
        assertRefused(restoreEdited(d, "row-dropped", lines -> {
            lines.remove(section(lines, "deleted", "project") + 1);
            return lines;
        }), "but the file holds 30 rows");
        // a section for a table a project delete never touches: a user row
        assertRefused(restoreEdited(d, "untouched-table", lines -> {
            TableInfo user = MappedTables.get("user");
            ObjectNode head = JSON.createObjectNode().put("deleted", "user");
            ArrayNode row = JSON.createArrayNode();
            ArrayNode columns = head.putArray("columns");
            for (TableInfo.Column c : user.columns()) {
                columns.add(c.name());
                switch (c.kind()) {
                    case TIMESTAMP -> row.add("2026-01-01T00:00");
                    case BOOLEAN -> row.add(false);
                    case INTEGER -> row.add(1);
                    default -> row.add(c.nullable() ? null : "intruder-" + c.name());
                }
            }
            lines.add(1, head);
            lines.add(2, JSON.createObjectNode().set("row", row));
            end(lines).put("deletedRows", end(lines).get("deletedRows").asLong() + 1);
            return lines;
        }), "line 2 puts back rows of user, a table a delete of the snapshot's roots never touches");
        // a duplicated row: the checksum tells; in a version 1 file, which has none, the database's keys do
        assertRefused(restoreEdited(d, "duplicate", lines -> {
            int s = section(lines, "deleted", "workflow");
            lines.add(s + 1, lines.get(s + 1).deepCopy());
            end(lines).put("deletedRows", end(lines).get("deletedRows").asLong() + 1);
            return lines;
        }), "its checksum does not match its contents");
        assertRefused(restoreEdited(d, "duplicate-v1", lines -> {
            int s = section(lines, "deleted", "workflow");
            lines.add(s + 1, lines.get(s + 1).deepCopy());
            end(lines).put("deletedRows", end(lines).get("deletedRows").asLong() + 1);
            return versionOne(lines);
        }), "the database refused its rows (a row that appears twice, a name taken twice, or a value that does not fit its column)");
        assertRefused(restoreEdited(d, "nulled-duplicate-v1", lines -> {
            int s = section(lines, "nulled", "run");
            lines.add(s + 1, lines.get(s + 1).deepCopy());
            end(lines).put("nulledValues", end(lines).get("nulledValues").asLong() + 1);
            return versionOne(lines);
        }), "twice; nothing");
        // an edited column name
        assertRefused(restoreEdited(d, "renamed-column", lines -> {
            int s = section(lines, "deleted", "workflow");
            ((ArrayNode) lines.get(s).get("columns")).set(columnIndex(lines.get(s), "description"), "descr");
            return lines;
        }), "names 'descr', which is no column of workflow");
        // swapped column names: both known, so the list is the same; every value now under the other's name
        assertRefused(restoreEdited(d, "number-too-big", lines -> {
            int s = section(lines, "deleted", "project");
            ((ArrayNode) lines.get(s + 1).get("row")).set(columnIndex(lines.get(s), "created"),
                    JSON.getNodeFactory().numberNode(new java.math.BigInteger("12345678901234567890")));
            return lines;
        }), "holds the number 12345678901234567890 for project.created, too big for any column");
        assertRefused(restoreEdited(d, "number-for-timestamp", lines -> {
            int s = section(lines, "deleted", "project");
            ((ArrayNode) lines.get(s + 1).get("row")).set(columnIndex(lines.get(s), "created"), 1234567890123456789L);
            return lines;
        }), "holds the number 1234567890123456789 for the timestamp column created of project");
        // another database named in the header
        assertRefused(restoreEdited(d, "other-database", lines -> {
            lines.get(0).put("database", "jdbc:h2:file:/somewhere/else/db");
            return lines;
        }), "it was written for the database jdbc:h2:file:/somewhere/else/db, not this one",
                "--into-other-database");
        // a value changed where the kind still fits: only the checksum tells
        assertRefused(restoreEdited(d, "description-edited", lines -> {
            int s = section(lines, "deleted", "workflow");
            ((ArrayNode) lines.get(s + 1).get("row")).set(columnIndex(lines.get(s), "description"), "edited by hand");
            return lines;
        }), "its checksum does not match its contents (it was edited or damaged after it was written)");

        // repaired columns (a Health fix's snapshot) only ever stand alone: never beside rows, never in version 1
        assertRefused(restoreEdited(d, "repairs-beside-roots", lines -> {
            lines.get(0).putArray("repairs").addObject().put("table", "project").put("column", "owner_id");
            return lines;
        }), "its header names repaired columns beside chosen rows, which no delete writes");
        assertRefused(restoreEdited(d, "repairs-not-a-list", lines -> {
            lines.get(0).put("repairs", "project.owner_id");
            return lines;
        }), "its repairs are not a list");
        assertRefused(restoreEdited(d, "repair-of-no-reference", lines -> {
            lines.get(0).putArray("repairs").addObject().put("table", "run").put("column", "status");
            return lines;
        }), "its header repairs run.status, a column that refers to no table");
        assertRefused(restoreEdited(d, "no-roots-no-repairs", lines -> {
            lines.get(0).putArray("roots");
            return lines;
        }), "its header names no rows the delete started from");

        assertThat(dump(d.url())).as("every refusal left the database as the delete left it").isEqualTo(d.after());

        // the genuine snapshot, given a copy of the database at another place: asked first, then restored
        String other = copyOfDatabase(kind);
        assertRefused(CommandLineTest.run("restore", "--write", "--db", other, d.snapshot().toString()),
                "it was written for the database " + d.url() + ", not this one (restore with --into-other-database");
        CommandLineTest.Run anyway = CommandLineTest.run("restore", "--write", "--db", other, d.snapshot().toString(), "--into-other-database");
        assertThat(anyway.exit()).as(anyway.err()).isZero();
        assertThat(anyway.out()).contains("Restored 31 rows and 18 values");
        assertThat(dump(other)).as("the copy is now the database before the delete").isEqualTo(d.before());
        assertThat(dump(d.url())).as("and the database itself is untouched").isEqualTo(d.after());

        CommandLineTest.Run genuine = restoreEdited(d, "version-1", HostileSnapshotTest::versionOne);
        assertThat(genuine.exit()).as(genuine.err()).isZero();
        assertThat(dump(d.url())).as("the snapshot, as version 1 wrote it, restored exactly the database before the delete").isEqualTo(d.before());
    }
}
