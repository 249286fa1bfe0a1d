package dev.cascadestudio.service;

import java.util.List;
import java.util.Optional;

/**
 * A row as the editor shows it, read in one transaction: every column with how it may be edited and
 * its value as text exactly as loaded (null for SQL NULL), and the labels as loaded. The loaded values
 * are what a save compares the database with to notice a change made meanwhile.
 *
 * @param row     the row's key and name as loaded; for a new row the key it will get and an empty name
 * @param isNew   whether this row is not in the database yet
 * @param parent  for a new row, the row it is created under (its foreign key is filled in); else null
 */
public record EditableRow(String table, RowRef row, boolean isNew, RowRef parent, List<Field> fields,
                          List<RowDetails.Label> labels) {

    /** How a column is edited. */
    public enum Type {
        /** Key columns and timestamps: shown, never edited (the service sets {@code created}/{@code updated}). */
        READ_ONLY,
        TEXT,
        /** Free text that may run long (description). */
        LONG_TEXT,
        JSON,
        BOOLEAN,
        /** A foreign key: one of {@link Field#choices()} (or NULL where {@code required} is false). */
        REFERENCE
    }

    /** A value to choose: a referenced row's uid with its name, or a value other rows of the table use. */
    public record Choice(String value, String label) {}

    /**
     * @param maxLength the most characters the column holds (0: no limit the editor checks)
     * @param choices   rows a reference may point to; for a short text column, values other rows use
     *                  (suggestions, not a limit)
     */
    public record Field(String column, Type type, boolean required, int maxLength, String value, List<Choice> choices) {
        public boolean editable() {
            return type != Type.READ_ONLY;
        }
    }

    public Optional<Field> field(String column) {
        return fields.stream().filter(f -> f.column().equals(column)).findFirst();
    }

    /** The loaded value of {@code column} (null for NULL or no such column). */
    public String value(String column) {
        return field(column).map(Field::value).orElse(null);
    }
}
