package dev.cascadestudio.cascade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.MappedTables;
import dev.cascadestudio.testsupport.EngineDatabases;
import dev.cascadestudio.persistence.AppDirectories;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, item 7: a snapshot that never ends (a stream, as {@code /dev/zero} or a growing line would
 * be) is refused with one sentence after a bounded amount of reading. The test JVM has 1 GB of heap:
 * a reader that kept what it read would end in an OutOfMemoryError instead.
 */
class EndlessSnapshotTest {

    @TempDir static Path dir;
    static Database database;
    static CascadeGraph graph;

    @BeforeAll
    static void open() {
        database = EngineDatabases.h2(dir);
        graph = CascadeGraph.fromMapping();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    static final String HEADER = "{\"format\":\"cascade-studio-snapshot\",\"formatVersion\":1,\"database\":\"jdbc:h2:mem:x\","
            + "\"roots\":[{\"table\":\"project\",\"uid\":\"p\"}]}\n";

    static String projectSection() {
        return "{\"deleted\":\"project\",\"columns\":[\"" + String.join("\",\"", MappedTables.get("project").columnNames()) + "\"]}\n";
    }

    /** {@code prefix}, then {@code filler} repeated for ever. */
    static InputStream endless(String prefix, String filler) {
        byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] tail = filler.getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            long position;

            @Override
            public int read() {
                long p = position++;
                return p < head.length ? head[(int) p] & 0xff : tail[(int) ((p - head.length) % tail.length)] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                for (int i = 0; i < len; i++) b[off + i] = (byte) read();
                return len;
            }
        };
    }

    static String refusal(InputStream in) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> {
            try (SnapshotReader reader = SnapshotReader.open(in, "endless.jsonl", graph)) {
                for (SnapshotReader.Section s = reader.nextSection(); s != null; s = reader.nextSection()) {
                    while (reader.nextRow() != null) {
                        // read on
                    }
                }
            }
        });
        assertThat(thrown).isInstanceOf(SnapshotRefusedException.class);
        return thrown.getMessage();
    }

    @Test
    void endlessZeroBytesAreNotJson() {
        assertThat(refusal(endless("", "\0"))).isEqualTo("Cannot restore endless.jsonl: line 1 is not valid JSON (near character 2); nothing was changed.");
    }

    @Test
    void anEndlessHeaderValueStopsAtTheLimit() {
        assertThat(refusal(endless("{\"format\":\"", "x")))
                .isEqualTo("Cannot restore endless.jsonl: line 1 holds a value longer than 67,108,864 characters (or nested deeper),"
                        + " more than a snapshot ever holds; nothing was changed.");
    }

    @Test
    void anEndlessValueInARowStopsAtTheLimit() {
        assertThat(refusal(endless(HEADER + projectSection() + "{\"row\":[\"", "ab")))
                .isEqualTo("Cannot restore endless.jsonl: line 3 holds a value longer than 67,108,864 characters (or nested deeper),"
                        + " more than a snapshot ever holds; nothing was changed.");
    }

    @Test
    void anEndlessRowStopsAfterItsColumns() {
        assertThat(refusal(endless(HEADER + projectSection() + "{\"row\":[", "\"v\",")))
                .isEqualTo("Cannot restore endless.jsonl: line 3 holds more values than its section has columns ("
                        + MappedTables.get("project").columns().size() + "); nothing was changed.");
    }

    @Test
    void endlessColumnNamesStopAtTheWidestTable() {
        assertThat(refusal(endless(HEADER + "{\"deleted\":\"project\",\"columns\":[", "\"uid\",")))
                .isEqualTo("Cannot restore endless.jsonl: line 2 lists more columns than any table has; nothing was changed.");
    }

    @Test
    void endlessNestingStopsAtOnce() {
        assertThat(refusal(endless(HEADER + projectSection() + "{\"row\":", "[")))
                .isEqualTo("Cannot restore endless.jsonl: line 3 holds a JSON list for project.uid, where a snapshot has a single value;"
                        + " nothing was changed.");
    }

    @Test
    void aRootUidLongerThanTheMappingAllowsIsRefusedAtOnce() {
        String header = "{\"format\":\"cascade-studio-snapshot\",\"formatVersion\":2,\"database\":\"jdbc:h2:mem:x\","
                + "\"roots\":[{\"table\":\"project\",\"uid\":\"" + "u".repeat(65) + "\"}]}\n";
        assertThat(refusal(new java.io.ByteArrayInputStream(header.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("Cannot restore endless.jsonl: line 1 holds 65 characters for a root's uid, where a snapshot holds at most 64;"
                        + " nothing was changed.");
    }

    /**
     * Gap 1 of issue 12's audit: a header of {@value #ROOTS} roots, each uid {@value #UID_CHARS} characters
     * (a {@value #ROOTS}×{@value #UID_CHARS}-byte file, more than the child's heap), restored by the
     * command line in a JVM of {@value #CHILD_HEAP}: one sentence and exit 2, not an OutOfMemoryError
     * trace. A reader that kept every root (or every header field) until the header's end ran out of heap.
     */
    static final int ROOTS = 20;
    static final int UID_CHARS = 12_000_000;
    static final String CHILD_HEAP = "-Xmx192m";

    @Test
    void manyHugeRootsAreRefusedInBoundedMemory() throws Exception {
        Path work = Files.createTempDirectory(dir, "roots");
        String url = AppDirectories.h2Url(work.resolve("db"));
        try (Database db = Database.open(url, null, null, Database.EmptyDatabase.CREATE_SCHEMA)) {
            assertThat(db.url()).isEqualTo(url);
        }
        Path snapshot = work.resolve("huge-roots.jsonl");
        char[] chunk = new char[1 << 20];
        java.util.Arrays.fill(chunk, 'u');
        try (BufferedWriter out = Files.newBufferedWriter(snapshot, StandardCharsets.UTF_8)) {
            out.write("{\"format\":\"cascade-studio-snapshot\",\"formatVersion\":2,\"database\":\"" + url + "\",\"roots\":[");
            for (int r = 0; r < ROOTS; r++) {
                out.write((r > 0 ? "," : "") + "{\"table\":\"project\",\"uid\":\"");
                for (int written = 0; written < UID_CHARS; written += chunk.length) {
                    out.write(chunk, 0, Math.min(chunk.length, UID_CHARS - written));
                }
                out.write("\"}");
            }
            out.write("]}\n");
        }
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java, CHILD_HEAP, "-Dcascade.home=" + work.resolve("home"),
                    "-Dcascade.keyring=none", "-cp", System.getProperty("java.class.path"), "dev.cascadestudio.Main",
                    "restore", "--write", "--db", url, snapshot.toString()));
            Path err = work.resolve("stderr.txt");
            Process child = new ProcessBuilder(command).redirectError(err.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the child ended").isTrue();
            List<String> lines = Files.readAllLines(err);
            assertThat(lines).as("stderr of restore in %s", CHILD_HEAP).containsExactly("error: Cannot restore " + snapshot
                    + ": line 1 holds " + String.format("%,d", UID_CHARS) + " characters for a root's uid, where a snapshot holds at most 64;"
                    + " nothing was changed.");
            assertThat(child.exitValue()).isEqualTo(2);
        } finally {
            Files.delete(snapshot);
        }
    }
}
