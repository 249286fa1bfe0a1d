package dev.cascadestudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.persistence.AppDirectories;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.service.connections.ConnectionBook;
import dev.cascadestudio.service.connections.ConnectionList;
import dev.cascadestudio.service.connections.ConnectionProfile;
import dev.cascadestudio.service.connections.ConnectionTier;
import dev.cascadestudio.testsupport.MemoryVault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code delete --connection NAME} carries the saved connection's tier: on a production connection a
 * delete needs {@code --reason}, refused without it (exit 2, one sentence, the database's files as they
 * were and nothing in the audit log); with it the delete goes through and the audit log keeps the
 * reason. A development connection needs none.
 */
class ProductionDeleteCommandLineTest {

    @TempDir Path dir;
    private String previousHome;
    private ConnectionBook book;

    @BeforeEach
    void productionAndDevelopmentConnections() {
        previousHome = System.getProperty("cascade.home");
        System.setProperty("cascade.home", dir.resolve("home").toString());
        String url = demo(dir.resolve("db").resolve("factory"));
        String copy = demo(dir.resolve("copy").resolve("factory"));
        book = new ConnectionBook(new ConnectionList(dir.resolve("connections.json")), new MemoryVault(), Clock.systemUTC());
        book.opened(new ConnectionProfile("Factory production", url, null, ConnectionTier.PRODUCTION, false, null), null);
        book.opened(new ConnectionProfile("Factory copy", copy, null, ConnectionTier.DEVELOPMENT, false, null), null);
        DbOptions.connections = () -> book;
    }

    @AfterEach
    void restore() {
        DbOptions.connections = ConnectionBook::ofThisMachine;
        if (previousHome == null) System.clearProperty("cascade.home"); else System.setProperty("cascade.home", previousHome);
    }

    private static String demo(Path file) {
        String h2 = AppDirectories.h2Url(file);
        try (Database db = Database.open(h2, null, null, Database.EmptyDatabase.CREATE_SCHEMA)) {
            DemoData.load(db);
        }
        return h2;
    }

    private Path auditLog() {
        return dir.resolve("home").resolve("audit.jsonl");
    }

    @Test
    void aProductionDeleteWithoutAReasonIsRefusedAndChangesNothing() throws Exception {
        java.util.Map<Path, byte[]> before = files(dir.resolve("db"));

        for (String[] reason : new String[][] {{}, {"--reason", "  "}}) {
            String[] args = Stream.concat(Stream.of("delete", "--connection", "factory production", "--write", "--yes",
                    "--table", "project", "--uid", CommandLineTest.SUPPORT), Stream.of(reason)).toArray(String[]::new);
            CommandLineTest.Run r = CommandLineTest.run(args);

            assertThat(r.exit()).isEqualTo(CliErrors.BAD_INPUT);
            assertThat(r.err()).isEqualTo("error: A delete on a production connection needs a reason: add --reason TEXT,"
                    + " which the audit log keeps with it." + System.lineSeparator());
            assertThat(r.out()).isEmpty();
        }
        assertThat(files(dir.resolve("db"))).as("the database's files").containsExactlyInAnyOrderEntriesOf(before);
        assertThat(auditLog()).doesNotExist();
    }

    @Test
    void aProductionDeleteWithAReasonGoesThroughAndTheAuditLogKeepsIt() throws Exception {
        CommandLineTest.Run r = CommandLineTest.run("delete", "--connection", "Factory production", "--write", "--yes",
                "--table", "project", "--uid", CommandLineTest.SUPPORT, "--reason", "ticket 4711: customer asked");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllLines(auditLog())).singleElement().asString()
                .contains("\"reason\":\"ticket 4711: customer asked\"");
    }

    @Test
    void aDevelopmentConnectionNeedsNoReason() {
        CommandLineTest.Run r = CommandLineTest.run("delete", "--connection", "Factory copy", "--write", "--yes",
                "--table", "project", "--uid", CommandLineTest.SUPPORT);

        assertThat(r.exit()).as(r.err()).isZero();
    }

    private static java.util.Map<Path, byte[]> files(Path folder) throws Exception {
        java.util.Map<Path, byte[]> contents = new java.util.HashMap<>();
        try (Stream<Path> all = Files.list(folder)) {
            for (Path file : all.toList()) {
                contents.put(file.getFileName(), Files.readAllBytes(file));
            }
        }
        return contents;
    }
}
