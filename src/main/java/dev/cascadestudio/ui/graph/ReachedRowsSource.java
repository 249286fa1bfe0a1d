package dev.cascadestudio.ui.graph;

import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.ReachedRows;
import dev.cascadestudio.domain.ForeignKeyRule;
import dev.cascadestudio.service.CascadeService;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the rows view reads the rows a delete reaches (through {@link CascadeService}). Every
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

    /** {@code plan}'s rows, read through {@code service}. */
    static ReachedRowsSource of(CascadeService service, DeletePlan plan) {
        Objects.requireNonNull(service);
        Objects.requireNonNull(plan);
        return new ReachedRowsSource() {
            @Override
            public DeletePlan plan() {
                return plan;
            }

            @Override
            public List<ReachedRows.Row> roots() {
                return service.reachedRoots(plan);
            }

            @Override
            public List<ForeignKeyRule> edgesFrom(String table) {
                return service.reachedEdges(plan, table);
            }

            @Override
            public Map<String, Long> counts(ForeignKeyRule edge, Collection<String> parentValues) {
                return service.reachedCounts(plan, edge, parentValues);
            }

            @Override
            public ReachedRows.Group group(ForeignKeyRule edge, String parentValue, int offset, int limit) {
                return service.reachedGroup(plan, edge, parentValue, offset, limit);
            }
        };
    }
}
