package dev.cascadestudio.service;

import dev.cascadestudio.cascade.Auditor;
import dev.cascadestudio.domain.ForeignKeyRule;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What is broken in the database, as the Health view shows it: the audit's findings (one per edge
 * of the cascade graph), sorted into rows whose owner is gone, other references to rows that are
 * gone, and labels whose parent is gone, each with its count and its first rows. Reads only.
 */
public final class HealthService {

    /** Rows listed per finding; the count is always whole. */
    public static final int ROWS_SHOWN = 500;

    public enum Category {
        OWNER_GONE("Owner gone", "rows whose owner_id names a user that no longer exists"),
        DANGLING("Dangling references", "foreign-key values that point to a row that no longer exists"),
        ORPHAN_LABELS("Labels without a parent", "labels whose parent names no row of their table");

        private final String title;
        private final String explanation;

        Category(String title, String explanation) {
            this.title = title;
            this.explanation = explanation;
        }

        public String title() { return title; }
        public String explanation() { return explanation; }

        static Category of(ForeignKeyRule edge) {
            return edge.isLabelRule() ? ORPHAN_LABELS : edge.isOwnerRule() ? OWNER_GONE : DANGLING;
        }
    }

    /** One finding: the rows of {@code edge}'s child table whose column points nowhere. */
    public record Finding(Category category, ForeignKeyRule edge, long count, List<Problem> rows) {

        public Finding {
            rows = List.copyOf(rows);
        }

        /** "project.owner_id → user.uid". */
        public String title() {
            return edge.childTable() + "." + edge.column() + " → " + edge.parentTable() + "." + edge.referencedColumn();
        }

        /** Whether only the first rows are listed. */
        public boolean partial() {
            return rows.size() < count;
        }
    }

    /** A row with a dangling value; {@code name} is its name (a label's key). */
    public record Problem(String table, String uid, String version, String name, String value, boolean label) {

        /** The tree's reference to the row, or null for a label, which has no place of its own in the tree. */
        public RowRef row() {
            return label ? null : new RowRef(table, uid, version, name);
        }
    }

    /** All findings, owners first, then references, then labels; by table and column within each. */
    public record Report(List<Finding> findings) {

        public Report {
            findings = List.copyOf(findings);
        }

        public long problemCount() {
            return findings.stream().mapToLong(Finding::count).sum();
        }

        public boolean healthy() {
            return findings.isEmpty();
        }
    }

    private final CascadeService cascade;

    public HealthService(CascadeService cascade) {
        this.cascade = Objects.requireNonNull(cascade);
    }

    public Report check() {
        List<Finding> findings = cascade.audit(ROWS_SHOWN).stream().map(HealthService::finding)
                .sorted(Comparator.comparing(Finding::category).thenComparing(f -> f.edge().childTable())
                        .thenComparing(f -> f.edge().column()))
                .toList();
        return new Report(findings);
    }

    private static Finding finding(Auditor.Finding found) {
        ForeignKeyRule edge = found.edge();
        boolean label = edge.isLabelRule();
        List<Problem> rows = found.sample().stream()
                .map(d -> new Problem(edge.childTable(), d.row().uid(), d.row().version(), d.name(), d.value(), label)).toList();
        return new Finding(Category.of(edge), edge, found.count(), rows);
    }
}
