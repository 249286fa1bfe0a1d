package dev.cascadestudio.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit log file itself: whole lines only, from two processes at once; damaged lines skipped, never rewritten. */
class AuditLogTest {

    private static final int PER_WRITER = 150;

    @TempDir Path dir;

    /** A second process appending: {@code main(file, writer name, count)}. */
    public static final class Writer {
        public static void main(String[] args) {
            AuditLog log = new AuditLog(Path.of(args[0]));
            for (int i = 0; i < Integer.parseInt(args[2]); i++) {
                log.append(record(args[1], i));
            }
        }
    }

    @Test
    void twoProcessesAndTwoThreadsAppendingAtOnceLeaveOnlyWholeLines() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process other = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Writer.class.getName(),
                file.toString(), "child", String.valueOf(PER_WRITER)).inheritIO().start();
        AuditLog log = new AuditLog(file);
        Thread second = new Thread(() -> {
            for (int i = 0; i < PER_WRITER; i++) log.append(record("thread", i));
        });
        second.start();
        for (int i = 0; i < PER_WRITER; i++) {
            log.append(record("main", i));
        }
        second.join();
        assertThat(other.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(other.exitValue()).isZero();

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3 * PER_WRITER);
        Set<String> reasons = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            reasons.add(json.readTree(line).get("reason").asText()); // each line parses on its own
        }
        assertThat(reasons).hasSize(3 * PER_WRITER).contains("child 0", "thread 149", "main 77");
        AuditLog.Contents read = log.read();
        assertThat(read.entries()).hasSize(3 * PER_WRITER);
        assertThat(read.skippedLines()).isEmpty();
    }

    @Test
    void damagedLinesAreSkippedAndNamedAndTheFileIsNeverRewritten() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        AuditLog log = new AuditLog(file);
        log.append(record("a", 1));
        String first = Files.readString(file);
        Files.writeString(file, first + "not json at all\n{\"time\":\"yesterday\",\"action\":\"delete\"}\n\n"
                + first.substring(0, 40), StandardCharsets.UTF_8);
        byte[] damaged = Files.readAllBytes(file);

        AuditLog.Contents read = log.read();
        assertThat(read.entries()).extracting(e -> e.record().reason()).containsExactly("a 1");
        assertThat(read.skippedLines()).containsExactly(2, 3, 5);
        assertThat(Files.readAllBytes(file)).as("reading changes nothing").isEqualTo(damaged);

        log.append(record("b", 2));
        byte[] after = Files.readAllBytes(file);
        assertThat(new String(after, 0, damaged.length, StandardCharsets.UTF_8)).as("appending only adds at the end")
                .isEqualTo(new String(damaged, StandardCharsets.UTF_8));
        assertThat(log.read().entries()).extracting(e -> e.record().reason()).containsExactly("a 1", "b 2");
        assertThat(new HistoryService(log).read(null).skippedNotice()).contains(
                "3 lines of the audit log are not a whole record and were skipped (lines 2, 3, 5).");
    }

    private static AuditRecord record(String writer, int i) {
        return AuditRecord.now("jdbc:h2:file:/tmp/x", AuditRecord.DELETE, List.of(new AuditRecord.Row("project", "u" + i, "", "p" + i)),
                Map.of("project", Map.of("deleted", 1L)), null, "/tmp/snapshot-" + i + ".jsonl", writer + " " + i);
    }
}
