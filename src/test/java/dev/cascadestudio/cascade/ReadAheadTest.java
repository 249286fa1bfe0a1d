package dev.cascadestudio.cascade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DataGenerator;
import dev.cascadestudio.service.CascadeService;
import dev.cascadestudio.testsupport.EngineDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restore reads its snapshot ahead on a thread of its own ({@link ReadAhead}): what it is handed, and where a refusal
 * comes, must be exactly what the reader itself gives. Each case reads one file both ways and compares the two
 * transcripts: every section, every row, the count of rows read at each section's end, and the refusal's message.
 */
class ReadAheadTest {

    @TempDir Path dir;
    Database database;
    Path snapshot;
    final CascadeGraph graph = CascadeGraph.fromMapping();

    @BeforeEach
    void deleteAGeneratedBigProject() {
        database = EngineDatabases.h2(dir);
        String project = DataGenerator.generate(database, 8_000, 6_000).bigProjectUid();
        CascadeService service = new CascadeService(database, dir.resolve("snapshots"));
        // sections of more rows than ReadAhead hands over at once
        snapshot = service.execute(service.plan(List.of(new Root("project", project))), ProgressListener.NONE).snapshot();
    }

    @AfterEach
    void close() {
        if (database != null) EngineDatabases.close(database);
    }

    /** Everything {@code rows} hands out, in order, as text; the refusal's message last if it refuses. */
    static List<String> transcript(SnapshotRows rows, boolean skipHalfOfEachSection) {
        List<String> seen = new ArrayList<>();
        try (rows) {
            seen.add("header " + rows.header());
            for (SnapshotReader.Section section = rows.nextSection(); section != null; section = rows.nextSection()) {
                seen.add("section " + section.table().name() + " " + (section.deleted() ? "deleted" : section.column().name()));
                int n = 0;
                for (List<Object> row = rows.nextRow(); row != null; row = rows.nextRow()) {
                    seen.add("row " + row);
                    if (skipHalfOfEachSection && ++n == 3) break; // nextSection skips the rest
                }
                seen.add("rows read " + rows.rowsRead());
            }
            seen.add("end, rows read " + rows.rowsRead() + ", next row " + rows.nextRow());
        } catch (RuntimeException refused) {
            seen.add("refused: " + refused.getClass().getSimpleName() + ": " + refused.getMessage());
        }
        return seen;
    }

    List<String> bothWays(Path file, boolean skip) {
        List<String> direct = transcript(SnapshotReader.open(file, graph), skip);
        List<String> ahead = transcript(ReadAhead.of(SnapshotReader.open(file, graph)), skip);
        assertThat(ahead).as("read ahead on a thread of its own, the same as read directly").isEqualTo(direct);
        return direct;
    }

    @Test
    void aWholeSnapshotIsHandedOverRowForRowAsTheReaderGivesIt() {
        List<String> seen = bothWays(snapshot, false);
        assertThat(seen.stream().filter(s -> s.startsWith("row ")).count()).isGreaterThan(512); // more than one hand-over
        assertThat(seen.get(seen.size() - 1)).startsWith("end, rows read ").endsWith("next row null");
    }

    @Test
    void theRestOfASectionIsSkippedByTheNextSectionAsByTheReader() {
        List<String> seen = bothWays(snapshot, true);
        assertThat(seen).anyMatch(s -> s.startsWith("section run "));
        assertThat(seen.stream().filter(s -> s.startsWith("row ")).count()).as("three rows of each section").isLessThan(100);
    }

    @Test
    void aRowRefusedHalfWayIsRefusedAfterTheSameRows() throws Exception {
        Path edited = edit(lines -> {
            int at = lines.size() * 2 / 3; // a row line far into the file, past several hand-overs
            while (!lines.get(at).startsWith("{\"row\"")) at++;
            lines.set(at, "{\"row\":[" + "\"x\",".repeat(3) + "\"x\"]}");
            return lines;
        });
        List<String> seen = bothWays(edited, false);
        assertThat(seen.get(seen.size() - 1)).startsWith("refused: SnapshotRefusedException").contains("line ");
        assertThat(seen.stream().filter(s -> s.startsWith("row ")).count()).isGreaterThan(512);
    }

    @Test
    void aFileCutShortIsRefusedAtItsEndAsByTheReader() throws Exception {
        byte[] bytes = Files.readAllBytes(snapshot);
        Path cut = dir.resolve("cut.jsonl");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length * 3 / 4));
        List<String> seen = bothWays(cut, false);
        assertThat(seen.get(seen.size() - 1)).startsWith("refused: ");
    }

    @Test
    void closedHalfWayItsThreadEnds() {
        ReadAhead ahead = ReadAhead.of(SnapshotReader.open(snapshot, graph));
        ahead.nextSection();
        ahead.nextRow();
        ahead.close();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("cascade-snapshot-read-ahead"));
    }

    private Path edit(Function<List<String>, List<String>> change) throws Exception {
        List<String> lines = change.apply(new ArrayList<>(Files.readAllLines(snapshot, StandardCharsets.UTF_8)));
        Path edited = dir.resolve("edited.jsonl");
        Files.write(edited, SnapshotMutationPropertyTest.withChecksumRecomputed(
                (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
        return edited;
    }
}
