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

    /** A grid's first page and how many rows pass its filters ("1,157 matching"). */
    public record First(GridPage page, long matching) {}

    /**
     * Where a page ends: the values of the sort key of its last row, as the database gave them. The
     * next page is the rows after these in the same order (keyset paging), never an offset. It carries
     * how many rows passed the filters when the first page was read ({@code matching}, -1 where not
     * counted), which tells the product how to read the next pages.
     */
    public record Cursor(String table, String column, boolean descending, List<Object> keys, long matching) {
        public Cursor {
            keys = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(keys)); // may hold nulls
        }
    }
}
