package dev.cascadestudio.service;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The filters of a grid, all of which a row must pass: a text its name or description contains (case
 * does not matter, {@code %} and {@code _} are plain characters), column values, a creation window and
 * a label. Immutable; every {@code with…} and {@code without…} gives a new filter.
 *
 * @param text          part of the name or description; null or blank: any
 * @param values        a column must hold a value (null: the column is empty)
 * @param createdFrom   created at or after; null: any
 * @param createdBefore created before; null: any
 * @param label         a label the row carries; null: any
 */
public record GridFilter(String text, List<ColumnValue> values, LocalDateTime createdFrom, LocalDateTime createdBefore,
                         Label label) {

    public static final GridFilter NONE = new GridFilter(null, List.of(), null, null, null);

    /** A column's value; {@code value} null means "is empty" (SQL NULL). */
    public record ColumnValue(String column, String value) {
        public ColumnValue {
            Objects.requireNonNull(column);
        }
    }

    /** A label {@code key=value}; {@code value} null: any value of that key. */
    public record Label(String key, String value) {
        public Label {
            Objects.requireNonNull(key);
        }

        /** {@code key=value}, {@code key=} or {@code key} as typed; null for blank text or an empty key. */
        public static Label parse(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            int equals = text.indexOf('=');
            String key = (equals < 0 ? text : text.substring(0, equals)).strip();
            String value = equals < 0 ? "" : text.substring(equals + 1).strip();
            return key.isEmpty() ? null : new Label(key, value.isEmpty() ? null : value);
        }

        @Override
        public String toString() {
            return key + "=" + (value == null ? "" : value);
        }
    }

    public GridFilter {
        text = text == null || text.isBlank() ? null : text.strip();
        values = List.copyOf(values);
    }

    public boolean isEmpty() {
        return text == null && values.isEmpty() && createdFrom == null && createdBefore == null && label == null;
    }

    public GridFilter withText(String newText) {
        return new GridFilter(newText, values, createdFrom, createdBefore, label);
    }

    /** This filter with {@code column} holding {@code value} instead of whatever it asked of that column before. */
    public GridFilter withValue(String column, String value) {
        List<ColumnValue> next = new ArrayList<>(values.stream().filter(v -> !v.column().equals(column)).toList());
        next.add(new ColumnValue(column, value));
        return new GridFilter(text, next, createdFrom, createdBefore, label);
    }

    public GridFilter withoutValue(String column) {
        return new GridFilter(text, values.stream().filter(v -> !v.column().equals(column)).toList(), createdFrom,
                createdBefore, label);
    }

    public GridFilter withCreatedFrom(LocalDateTime from) {
        return new GridFilter(text, values, from, createdBefore, label);
    }

    public GridFilter withCreatedBefore(LocalDateTime before) {
        return new GridFilter(text, values, createdFrom, before, label);
    }

    public GridFilter withLabel(Label newLabel) {
        return new GridFilter(text, values, createdFrom, createdBefore, newLabel);
    }
}
