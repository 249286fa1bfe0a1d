package dev.cascadestudio.service;

import dev.cascadestudio.cascade.AffectedRow;
import dev.cascadestudio.cascade.SnapshotContents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The audit log as a history: records newest first, for one database or all, and a past delete's
 * snapshot read back for a preview. Restoring goes through {@link CascadeService#restore}, which
 * records the restore.
 */
public final class HistoryService {

    /** What the log holds for the filter, newest first; the lines it could not read; every database it names. */
    public record History(List<AuditLog.Entry> entries, List<Integer> skippedLines, List<String> databases) {
        public History {
            entries = List.copyOf(entries);
            skippedLines = List.copyOf(skippedLines);
            databases = List.copyOf(databases);
        }

        /** "2 lines of the audit log are not whole records and were skipped (lines 4, 9)." or empty. */
        public Optional<String> skippedNotice() {
            if (skippedLines.isEmpty()) {
                return Optional.empty();
            }
            int n = skippedLines.size();
            return Optional.of((n == 1 ? "1 line" : n + " lines") + " of the audit log " + (n == 1 ? "is" : "are")
                    + " not a whole record and " + (n == 1 ? "was" : "were") + " skipped (line" + (n == 1 ? " " : "s ")
                    + String.join(", ", skippedLines.stream().limit(10).map(String::valueOf).toList())
                    + (n > 10 ? ", …" : "") + ").");
        }
    }

    /** A past delete's snapshot: its contents, or why it cannot be read (missing file, cut short, ...). */
    public record SnapshotPreview(Path file, SnapshotContents contents, boolean missing, String problem) {
        public boolean readable() {
            return contents != null;
        }
    }

    private final AuditLog log;

    public HistoryService(AuditLog log) {
        this.log = Objects.requireNonNull(log);
    }

    public AuditLog log() {
        return log;
    }

    /** How a database is named in the log: its URL without secrets. */
    public static String databaseName(String url) {
        return UrlSecrets.withoutSecrets(url);
    }

    /**
     * The records newest first (by time, then by their order in the file), only those of {@code databaseUrl}
     * when it is not null (compared without secrets).
     */
    public History read(String databaseUrl) {
        AuditLog.Contents contents = log.read();
        String wanted = databaseUrl == null ? null : databaseName(databaseUrl);
        List<AuditLog.Entry> entries = contents.entries().stream()
                .filter(e -> wanted == null || wanted.equals(e.record().database()))
                .sorted(Comparator.comparing((AuditLog.Entry e) -> e.record().instant()).thenComparingInt(AuditLog.Entry::line)
                        .reversed())
                .toList();
        TreeSet<String> databases = new TreeSet<>();
        contents.entries().forEach(e -> {
            if (e.record().database() != null) databases.add(e.record().database());
        });
        return new History(entries, contents.skippedLines(), List.copyOf(databases));
    }

    /** Reads a past delete's snapshot for a preview; never throws for a file that is gone or damaged. */
    public SnapshotPreview preview(Path snapshot, dev.cascadestudio.cascade.CascadeGraph graph) {
        if (!Files.exists(snapshot)) {
            return new SnapshotPreview(snapshot, null, true, "The snapshot file " + snapshot + " no longer exists, so this"
                    + " delete can neither be shown nor restored.");
        }
        try {
            return new SnapshotPreview(snapshot, SnapshotContents.read(snapshot, graph), false, null);
        } catch (RuntimeException e) {
            return new SnapshotPreview(snapshot, null, false, e.getMessage());
        }
    }

    /** A page of a previewed snapshot's rows (reads the file: background work). */
    public List<AffectedRow> page(SnapshotContents contents, String table, String column, long offset, int limit) {
        return contents.page(table, column, offset, limit);
    }
}
