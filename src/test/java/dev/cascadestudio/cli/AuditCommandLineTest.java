package dev.cascadestudio.cli;

import static dev.cascadestudio.cli.CommandLineTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascadestudio.cli.CommandLineTest.Run;
import dev.cascadestudio.persistence.AppDirectories;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.persistence.demo.RowBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit log as the command line writes and lists it: a delete and a restore each leave one line
 * in {@code audit.jsonl} with who, when, which database (never its password), what and why; {@code history}
 * lists them newest first, as text or as the stored JSON.
 */
class AuditCommandLineTest {

    private static final String SUPPORT = RowBuilder.uid("project", "customer-support-assistant");
    private static final String PASSWORD = "Tr0ub4dor-audit-pw";
    private static final List<String> TABLES = List.of("project", "project_labels", "workflow", "workflow_labels", "run",
            "session", "schedule", "deployment", "dataset", "model", "prompt", "document", "data_source");

    @TempDir Path dir;
    private String file;
    private String passwordFile;
    private String previousHome;

    @BeforeEach
    void passwordProtectedDemoDatabase() {
        file = AppDirectories.h2Url(dir.resolve("demo"));
        try (Database db = Database.open(file, "sa", PASSWORD, Database.EmptyDatabase.CREATE_SCHEMA)) {
            DemoData.load(db);
        }
        previousHome = System.getProperty("cascade.home");
        System.setProperty("cascade.home", dir.resolve("home").toString());
        try {
            passwordFile = Files.writeString(dir.resolve("password"), PASSWORD + "\n").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void restoreHome() {
        if (previousHome == null) System.clearProperty("cascade.home"); else System.setProperty("cascade.home", previousHome);
    }

    @Test
    void deleteAndRestoreEachAppendOneRecordWithReasonCountsAndNoPassword() throws Exception {
        Map<String, Long> before = counts();
        Instant start = Instant.now();

        Run deleted = run("delete", "--write", "--db", file, "--user", "sa", "--password-file", passwordFile, "--table", "project", "--uid", SUPPORT,
                "--yes", "--json", "--reason", "ticket OPS-77: customer left");
        assertThat(deleted.exit()).as(deleted.err()).isZero();
        String snapshot = new ObjectMapper().readTree(deleted.out()).get("snapshot").asText();
        Map<String, Long> after = counts();

        List<JsonNode> log = auditLines();
        assertThat(log).hasSize(1);
        JsonNode delete = log.get(0);
        assertThat(delete.get("action").asText()).isEqualTo("delete");
        assertThat(delete.get("user").asText()).isEqualTo(System.getProperty("user.name"));
        assertThat(delete.get("database").asText()).isEqualTo(file);
        assertThat(delete.get("snapshot").asText()).isEqualTo(snapshot);
        assertThat(delete.get("reason").asText()).isEqualTo("ticket OPS-77: customer left");
        assertThat(Duration.between(start, Instant.parse(delete.get("time").asText())).abs()).isLessThan(Duration.ofMinutes(1));
        assertThat(delete.get("time").asText()).endsWith("Z");
        assertThat(delete.get("roots").toString()).isEqualTo("[{\"table\":\"project\",\"uid\":\"" + SUPPORT + "\",\"version\":\"\",\"name\":\"customer-support-assistant\"}]");
        // the counts per table are what the database lost, counted with SQL before and after
        for (String table : TABLES) {
            long gone = before.get(table) - after.get(table);
            assertThat(delete.at("/counts/" + table + "/deleted").asLong(0)).as(table).isEqualTo(gone);
        }
        assertThat(delete.at("/counts/run/nulled").asLong()).as("8 runs lose workflow_id, 6 of them schedule_id too")
                .isEqualTo(14);

        Run restored = run("restore", "--write", "--db", file, "--user", "sa", "--password-file", passwordFile, "--reason", "wrong customer", snapshot);
        assertThat(restored.exit()).as(restored.err()).isZero();
        assertThat(counts()).isEqualTo(before);

        log = auditLines();
        assertThat(log).hasSize(2);
        JsonNode restore = log.get(1);
        assertThat(restore.get("action").asText()).isEqualTo("restore");
        assertThat(restore.get("reason").asText()).isEqualTo("wrong customer");
        assertThat(restore.get("snapshot").asText()).isEqualTo(snapshot);
        assertThat(restore.get("database").asText()).isEqualTo(file);
        assertThat(restore.get("roots")).isEqualTo(delete.get("roots"));
        for (String table : TABLES) {
            assertThat(restore.at("/counts/" + table + "/inserted").asLong(0)).as(table)
                    .isEqualTo(before.get(table) - after.get(table));
        }
        assertThat(restore.at("/counts/run/restored").asLong()).isEqualTo(14);

        String raw = Files.readString(auditFile());
        assertThat(raw).doesNotContain(PASSWORD).endsWith("}\n");
        assertThat(Files.getPosixFilePermissions(auditFile())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aUrlWithAPasswordIsRefusedAndNothingIsLoggedOrEchoed() throws Exception {
        String withPassword = file + ";USER=sa;PASSWORD=" + PASSWORD;
        Run deleted = run("delete", "--write", "--db", withPassword, "--table", "project", "--uid", SUPPORT, "--yes");

        assertThat(deleted.exit()).isEqualTo(2);
        assertThat(deleted.err()).contains("PASSWORD is not allowed").doesNotContain(PASSWORD);
        assertThat(auditFile()).as("nothing was done, so nothing is recorded").doesNotExist();
    }

    @Test
    void aDeleteWithoutAReasonRecordsNull() throws Exception {
        Run deleted = run("delete", "--write", "--db", file, "--user", "sa", "--password-file", passwordFile, "--table", "project", "--uid", SUPPORT, "--yes");
        assertThat(deleted.exit()).as(deleted.err()).isZero();

        JsonNode delete = auditLines().get(0);
        assertThat(delete.get("database").asText()).isEqualTo(file);
        assertThat(Files.readString(auditFile())).doesNotContain(PASSWORD);
        assertThat(delete.get("reason").isNull()).as("no --reason: null, not an empty string").isTrue();
    }

    @Test
    void historyJsonIsTheStoredRecordsNewestFirstAndTheDbFilterKeepsOneDatabase() throws Exception {
        assertThat(run("delete", "--write", "--db", file, "--user", "sa", "--password-file", passwordFile, "--table", "project", "--uid", SUPPORT,
                "--yes", "--reason", "first").exit()).isZero();
        String other = AppDirectories.h2Url(dir.resolve("other"));
        try (Database db = Database.open(other, null, null, Database.EmptyDatabase.CREATE_SCHEMA)) {
            DemoData.load(db);
        }
        assertThat(run("delete", "--write", "--db", other, "--table", "project", "--uid", SUPPORT, "--yes", "--reason", "second").exit()).isZero();
        List<JsonNode> stored = auditLines();

        Run all = run("history", "--json");
        assertThat(all.exit()).isZero();
        assertThat(all.err()).isEmpty();
        JsonNode array = new ObjectMapper().readTree(all.out());
        assertThat(array.isArray()).isTrue();
        assertThat(array).containsExactly(stored.get(1), stored.get(0));

        Run one = run("history", "--db", file + ";PASSWORD=whatever", "--json");
        assertThat(new ObjectMapper().readTree(one.out())).containsExactly(stored.get(0));

        Run text = run("history", "--db", other);
        assertThat(text.exit()).isZero();
        assertThat(text.out().lines().toList()).hasSize(2);
        assertThat(text.out().lines().findFirst().orElseThrow()).startsWith("TIME").contains("ACTION").contains("REASON");
        assertThat(text.out().lines().skip(1).findFirst().orElseThrow()).contains("delete").contains("second")
                .contains("project “customer-support-assistant”");
    }

    @Test
    void aTornLastLineIsSkippedAndReportedAndTheNextRecordStartsOnItsOwnLine() throws Exception {
        assertThat(run("delete", "--write", "--db", file, "--user", "sa", "--password-file", passwordFile, "--table", "project", "--uid", SUPPORT,
                "--yes", "--reason", "whole").err()).isEmpty();
        String whole = Files.readString(auditFile());
        // a process that died in the middle of its write
        Files.writeString(auditFile(), whole + whole.substring(0, whole.length() / 2), StandardCharsets.UTF_8);

        Run torn = run("history", "--json");
        assertThat(torn.exit()).as(torn.err()).isZero();
        assertThat(new ObjectMapper().readTree(torn.out())).hasSize(1);
        assertThat(torn.err()).isEqualTo("note: 1 line of the audit log is not a whole record and was skipped (line 2)."
                + System.lineSeparator());

        Run restored = run("restore", "--write", "--db", file, "--user", "sa", "--password-file", passwordFile,
                new ObjectMapper().readTree(whole).get("snapshot").asText());
        assertThat(restored.exit()).as(restored.err()).isZero();
        Run after = run("history", "--json");
        JsonNode records = new ObjectMapper().readTree(after.out());
        assertThat(records).hasSize(2);
        assertThat(records.get(0).get("action").asText()).isEqualTo("restore");
        assertThat(after.err()).contains("(line 2)");
        assertThat(Files.readAllLines(auditFile())).hasSize(3);
    }

    @Test
    void historyTextEscapesAReasonThatWouldDriveTheTerminal() throws Exception {
        assertThat(run("delete", "--write", "--db", file, "--user", "sa", "--password-file", passwordFile, "--table", "project", "--uid", SUPPORT,
                "--yes", "--reason", "\u001b]0;PWNED\u0007").exit()).isZero();
        Run text = run("history");
        assertThat(text.exit()).isZero();
        assertThat(text.out()).contains("\\e]0;PWNED\\a").doesNotContain("\u001b");
    }

    @Test
    void anEmptyLogSaysSo() {
        Run text = run("history");
        assertThat(text.exit()).isZero();
        assertThat(text.out()).startsWith("The audit log holds no records yet (" + auditFile() + ").");
        assertThat(run("history", "--json").out().strip()).isEqualTo("[ ]");
    }

    private Path auditFile() {
        return dir.resolve("home").resolve("audit.jsonl");
    }

    private List<JsonNode> auditLines() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(auditFile())) {
            lines.add(json.readTree(line));
        }
        return lines;
    }

    private Map<String, Long> counts() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(file, "sa", PASSWORD); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"" + table + "\"")) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }
}
