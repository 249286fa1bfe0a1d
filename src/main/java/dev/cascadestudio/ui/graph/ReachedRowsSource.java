package dev.cascadestudio.ui.graph;

import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.ReachedRows;
import dev.cascadestudio.domain.ForeignKeyRule;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the rows view reads the rows a delete reaches ({@link ReachedRows}, over the database). Every
 * method may block and is only called from background work; an interface so that tests can hold a
 * call back to prove the window stays responsive.
 */
public interface ReachedRowsSource {

    DeletePlan plan();

    List<ReachedRows.Row> roots();

    /** The edges from {@code table} along which the plan deletes or nulls rows. */
    List<ForeignKeyRule> edgesFrom(String table);

    /** Children per parent value through {@code edge}, in one query. */
    Map<String, Long> counts(ForeignKeyRule edge, Collection<String> parentValues);

    /** One parent's children through {@code edge}: the count, and {@code limit} rows from {@code offset}. */
    ReachedRows.Group group(ForeignKeyRule edge, String parentValue, int offset, int limit);

    static ReachedRowsSource of(ReachedRows rows) {
        Objects.requireNonNull(rows);
        return new ReachedRowsSource() {
            @Override
            public DeletePlan plan() {
                return rows.plan();
            }

            @Override
            public List<ReachedRows.Row> roots() {
                return rows.roots();
            }

            @Override
            public List<ForeignKeyRule> edgesFrom(String table) {
                return rows.edgesFrom(table);
            }

            @Override
            public Map<String, Long> counts(ForeignKeyRule edge, Collection<String> parentValues) {
                return rows.counts(edge, parentValues);
            }

            @Override
            public ReachedRows.Group group(ForeignKeyRule edge, String parentValue, int offset, int limit) {
                return rows.group(edge, parentValue, offset, limit);
            }
        };
    }
}
