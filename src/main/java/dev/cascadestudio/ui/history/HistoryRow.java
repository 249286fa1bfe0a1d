package dev.cascadestudio.ui.history;

import dev.cascadestudio.service.AuditLog;
import dev.cascadestudio.service.AuditRecord;
import dev.cascadestudio.ui.Counts;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One line of the History table, as text: when (local time), who, what, which rows, how many, why.
 *
 * @param restoredAt for a delete restored since, when (local time); else null
 */
record HistoryRow(AuditLog.Entry entry, String restoredAt) {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    AuditRecord record() {
        return entry.record();
    }

    String time() {
        return localTime(record());
    }

    static String localTime(AuditRecord record) {
        return LOCAL.format(record.instant().atZone(ZoneId.systemDefault()));
    }

    String user() {
        return record().user() == null ? "" : record().user();
    }

    /** "Delete", "Delete · restored", "Restore", "Edit", "New row". */
    String action() {
        String action = switch (record().action()) {
            case AuditRecord.DELETE -> "Delete";
            case AuditRecord.RESTORE -> "Restore";
            case AuditRecord.EDIT -> "Edit";
            case AuditRecord.CREATE -> "New row";
            default -> record().action();
        };
        return restoredAt == null ? action : action + " · restored";
    }

    /** The rows chosen; for a repair of dangling values, "dangling run.workflow_id" (and how many more columns). */
    String roots() {
        var roots = record().roots();
        if (roots.isEmpty()) {
            var columns = record().columns();
            if (AuditRecord.EDIT.equals(record().action()) || columns == null || columns.isEmpty()) {
                return "";
            }
            return "dangling " + columns.get(0) + (columns.size() == 1 ? "" : " and " + (columns.size() - 1) + " more");
        }
        String first = roots.get(0).display();
        return roots.size() == 1 ? first : first + " and " + (roots.size() - 1) + " more";
    }

    /** "31 rows · 18 values" for a delete or restore; the columns for an edit. */
    String changes() {
        AuditRecord r = record();
        if (AuditRecord.EDIT.equals(r.action())) {
            return r.columns() == null || r.columns().isEmpty() ? "" : String.join(", ", r.columns());
        }
        String rows = Counts.of(r.rowTotal(), "row");
        return r.valueTotal() == 0 ? rows : rows + " · " + Counts.of(r.valueTotal(), "value");
    }

    /** Per table, for the tooltip: "project: 1 deleted\nrun: 14 nulled". */
    String countsDetail() {
        return record().counts().entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue().entrySet().stream().map(Map.Entry::getKey)
                        .map(k -> Counts.number(e.getValue().get(k)) + " " + k).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
    }

    String reason() {
        return record().reason() == null ? "" : record().reason();
    }

    boolean isDelete() {
        return AuditRecord.DELETE.equals(record().action());
    }

    Path snapshot() {
        return record().snapshot() == null ? null : Path.of(record().snapshot());
    }
}
