package dev.cascadestudio.service;

import java.util.List;

/**
 * One row as the details pane shows it: every column of its table in the mapping's order, with the
 * value as text (null for SQL NULL), and the row's labels.
 */
public record RowDetails(RowRef row, List<Field> fields, List<Label> labels) {

    /** How a value should be shown: JSON is pretty-printed, timestamps and keys are set in a fixed font. */
    public enum Kind { TEXT, TIMESTAMP, BOOLEAN, JSON, INTEGER }

    public record Field(String column, Kind kind, String text) {}

    public record Label(String name, String value) {}

    /** The value of {@code column}, or null if the column is NULL or the table has no such column. */
    public String text(String column) {
        for (Field field : fields) {
            if (field.column().equals(column)) {
                return field.text();
            }
        }
        return null;
    }
}
