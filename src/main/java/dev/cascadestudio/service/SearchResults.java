package dev.cascadestudio.service;

import java.util.List;

/**
 * What a search found, in the tree's kind order and by name within a kind.
 *
 * @param more whether more rows match than the limit let through
 */
public record SearchResults(String query, List<RowRef> rows, boolean more) {}
