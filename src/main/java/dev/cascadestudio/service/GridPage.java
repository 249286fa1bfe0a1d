package dev.cascadestudio.service;

import java.util.List;

/**
 * One page of a grid's rows in the order asked for, and where the next page starts.
 *
 * @param next null when this is the last page
 */
public record GridPage(List<GridRow> rows, Cursor next) {

    public GridPage {
        rows = List.copyOf(rows);
    }

    /**
     * One row: its reference and its values, in the order of {@link GridService#columns}; values are
     * plain (String, Long, Boolean, LocalDateTime; SQLite's timestamps the file's own text).
     */
    public record GridRow(RowRef ref, List<Object> values) {}

    /**
     * Where a page ends: the values of the sort key of its last row, as the database gave them. The
     * next page is the rows after these in the same order (keyset paging), never an offset.
     */
    public record Cursor(String table, String column, boolean descending, List<Object> keys) {
        public Cursor {
            keys = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(keys)); // may hold nulls
        }
    }
}
