package dev.cascadestudio.service;

import java.util.List;

/**
 * What a search found, in the tree's kind order and by name within a kind, each with where it sits.
 *
 * @param more whether more rows match than the limit let through
 */
public record SearchResults(String query, List<Placement> hits, boolean more) {

    public SearchResults {
        hits = List.copyOf(hits);
    }

    /** The rows found, in order. */
    public List<RowRef> rows() {
        return hits.stream().map(Placement::row).toList();
    }
}
