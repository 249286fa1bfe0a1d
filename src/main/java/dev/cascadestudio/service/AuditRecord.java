package dev.cascadestudio.service;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of the audit log: a committed delete, restore, row edit or new row. It says who, when, on
 * which database (its URL without secrets), what (the rows the user chose and how many rows of each
 * table changed) and why; never the values themselves. A delete's values are in its snapshot file.
 *
 * @param time     when it committed, ISO-8601 in UTC
 * @param user     the operating-system user who ran Cascade Studio
 * @param database the JDBC URL without user-info or password settings ({@link UrlSecrets})
 * @param action   {@value #DELETE}, {@value #RESTORE}, {@value #EDIT} or {@value #CREATE}
 * @param roots    the rows chosen: for a delete or restore its roots (one entry per version), for an edit the row
 * @param counts   per table: {@code deleted} rows and {@code nulled} values (delete); {@code inserted} rows and
 *                 {@code restored} values (restore); {@code updated} or {@code inserted} rows (edit, new row)
 * @param columns  for an edit, the columns it changed ({@code labels} for the labels); for a repair of dangling
 *                 values and its restore, the columns repaired ({@code run.workflow_id}); otherwise null
 * @param snapshot the snapshot file a delete wrote or a restore read; null for edits
 * @param reason   what the administrator gave as the reason; null if none
 */
@JsonPropertyOrder({"time", "user", "database", "action", "roots", "counts", "columns", "snapshot", "reason"})
public record AuditRecord(String time, String user, String database, String action, List<Row> roots,
                          Map<String, Map<String, Long>> counts, List<String> columns, String snapshot, String reason) {

    public static final String DELETE = "delete";
    public static final String RESTORE = "restore";
    public static final String EDIT = "edit";
    public static final String CREATE = "create";

    /**
     * A row named by the record: table, uid, version (null for a table without versions) and its name
     * when it had one (null if unknown).
     */
    @JsonPropertyOrder({"table", "uid", "version", "name"})
    public record Row(String table, String uid, String version, String name) {
        /** {@code project “support”}, or by key where the name is unknown: {@code project 6f1c…@v2}. */
        public String display() {
            return table + " " + (name != null ? "“" + name + "”" : uid + (version == null || version.isEmpty() ? "" : "@" + version));
        }
    }

    public AuditRecord {
        roots = roots == null ? List.of() : List.copyOf(roots);
        counts = counts == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        columns = columns == null ? null : List.copyOf(columns);
    }

    /** A record stamped now, for this process's user, on {@code databaseUrl} (its secrets taken out here). */
    static AuditRecord now(String databaseUrl, String action, List<Row> roots, Map<String, Map<String, Long>> counts,
                           List<String> columns, String snapshot, String reason) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        return new AuditRecord(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString(),
                System.getProperty("user.name", ""), UrlSecrets.withoutSecrets(databaseUrl), action, roots, counts, columns,
                snapshot, why);
    }

    @JsonIgnore
    public Instant instant() {
        return Instant.parse(time);
    }

    /** Rows deleted, inserted or updated, over all tables. */
    @JsonIgnore
    public long rowTotal() {
        return total("deleted") + total("inserted") + total("updated");
    }

    /** Values set to NULL or put back, over all tables. */
    @JsonIgnore
    public long valueTotal() {
        return total("nulled") + total("restored");
    }

    private long total(String what) {
        return counts.values().stream().mapToLong(c -> c.getOrDefault(what, 0L)).sum();
    }
}
