package dev.cascadestudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascadestudio.persistence.AppDirectories;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.persistence.demo.RowBuilder;
import dev.cascadestudio.testsupport.CanonicalDump;
import dev.cascadestudio.testsupport.EngineDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 12, item 6 (the audit's gap 2): a snapshot names the database it was written for by what the
 * URL resolves to, not by the URL as typed. A delete run in folder A with a relative URL, restored with
 * the same relative URL from folder C (another file of the same name), is refused with the
 * {@code --into-other-database} hint; the original file, named by its absolute path from folder C, is
 * accepted. (Before, the snapshot went into C's file without a question.) Each command runs in a child JVM whose working directory is that folder. For the embedded
 * products only: a server's URL has no working directory (its spellings: DatabaseProductTest).
 */
class SnapshotDatabaseIdentityTest {

    static final String SUPPORT = RowBuilder.uid("project", "customer-support-assistant");

    @TempDir Path dir;

    enum Embedded {
        H2("h.mv.db", "jdbc:h2:./h", "jdbc:h2:file:"),
        SQLITE("s.db", "jdbc:sqlite:s.db", "jdbc:sqlite:");

        final String file;
        final String relativeUrl;
        final String absolutePrefix;

        Embedded(String file, String relativeUrl, String absolutePrefix) {
            this.file = file;
            this.relativeUrl = relativeUrl;
            this.absolutePrefix = absolutePrefix;
        }

        String absoluteUrl(Path folder) {
            return absolutePrefix + folder.toAbsolutePath().resolve(this == H2 ? "h" : file);
        }
    }

    record Run(int exit, String out, String err) {}

    Run cli(Path workingDirectory, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-Dcascade.home=" + dir.resolve("home"),
                "-Dcascade.keyring=none", "-cp", System.getProperty("java.class.path"), "dev.cascadestudio.Main"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process child = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the child ended").isTrue();
        return new Run(child.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The demo database as {@code kind}'s file, copied into {@code folder} under the file name its relative URL names. */
    Path demoIn(Embedded kind, Path folder) throws Exception {
        Files.createDirectories(folder);
        Path made = dir.resolve("made-" + kind);
        Files.createDirectories(made);
        try (Database db = kind == Embedded.H2 ? EngineDatabases.h2(made) : EngineDatabases.controllerSqlite(made)) {
            DemoData.load(db);
        }
        Path file = made.resolve(kind == Embedded.H2 ? "cascade.mv.db" : "sql.db");
        return Files.copy(file, folder.resolve(kind.file));
    }

    static String sha(String url) {
        try (Database db = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
            return CanonicalDump.sha256(db);
        }
    }

    @ParameterizedTest
    @EnumSource(Embedded.class)
    void aRelativeUrlNamesTheFileOfTheFolderItWasTypedIn(Embedded kind) throws Exception {
        Path a = dir.resolve("A");
        Path c = dir.resolve("C");
        demoIn(kind, a);
        String aBefore = sha(kind.absoluteUrl(a));

        Run deleted = cli(a, "delete", "--write", "--db", kind.relativeUrl, "--table", "project", "--uid", SUPPORT, "--yes", "--json");
        assertThat(deleted.exit()).as(deleted.err()).isZero();
        String snapshot = new ObjectMapper().readTree(deleted.out()).get("snapshot").asText();
        String aAfter = sha(kind.absoluteUrl(a));
        assertThat(aAfter).isNotEqualTo(aBefore);
        // C's file: a copy of A's as the delete left it, so the snapshot would go into it without a conflict
        Files.createDirectories(c);
        Files.copy(a.resolve(kind.file), c.resolve(kind.file));
        String cBefore = sha(kind.absoluteUrl(c));

        Run other = cli(c, "restore", "--write", "--db", kind.relativeUrl, snapshot);
        assertThat(other.err().lines().toList()).as("restore into C's file, by the same relative URL").singleElement().asString()
                .startsWith("error: Cannot restore " + snapshot + ": it was written for the database ")
                .endsWith(", not this one (restore with --into-other-database to put it here anyway); nothing was changed.");
        assertThat(other.exit()).isEqualTo(2);
        assertThat(sha(kind.absoluteUrl(c))).as("C's file unchanged").isEqualTo(cBefore);
        assertThat(sha(kind.absoluteUrl(a))).as("A's file unchanged").isEqualTo(aAfter);

        Run same = cli(c, "restore", "--write", "--db", kind.absoluteUrl(a), snapshot);
        assertThat(same.exit()).as(same.err()).isZero();
        assertThat(same.out()).contains("Restored 31 rows and 18 values");
        assertThat(sha(kind.absoluteUrl(a))).as("A's file is back as before the delete").isEqualTo(aBefore);
    }
}
