package dev.cascadestudio.ui.grid;

import dev.cascadestudio.service.GridColumn;
import dev.cascadestudio.service.GridFilter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the grid's "Filter by" offers for a table, how a typed value becomes a filter, and how each
 * part of a filter is named on its chip.
 */
final class FilterInput {

    private FilterInput() {}

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** One entry of "Filter by": a column's value, a label, or a side of the creation window. */
    record Kind(String text, String column, Type type) {
        enum Type { VALUE, LABEL, CREATED_FROM, CREATED_BEFORE }

        @Override
        public String toString() {
            return text;
        }

        String prompt() {
            return switch (type) {
                case VALUE -> "value (empty: none)";
                case LABEL -> "key=value";
                case CREATED_FROM, CREATED_BEFORE -> "yyyy-mm-dd [hh:mm]";
            };
        }
    }

    /** The column values the table can be filtered by, then label and creation time. */
    static List<Kind> kinds(List<GridColumn> columns) {
        List<Kind> kinds = new ArrayList<>();
        for (GridColumn column : columns) {
            if (column.filterable() && !column.name().equals("uid") && !column.name().equals("version")) {
                kinds.add(new Kind(column.name() + " =", column.name(), Kind.Type.VALUE));
            }
        }
        kinds.add(new Kind("label", null, Kind.Type.LABEL));
        kinds.add(new Kind("created on or after", null, Kind.Type.CREATED_FROM));
        kinds.add(new Kind("created before", null, Kind.Type.CREATED_BEFORE));
        return kinds;
    }

    /** {@code filter} with what was typed for {@code kind}; one sentence why not, as an IllegalArgumentException. */
    static GridFilter add(GridFilter filter, Kind kind, String typed) {
        String text = typed == null ? "" : typed.strip();
        return switch (kind.type()) {
            case VALUE -> filter.withValue(kind.column(), text.isEmpty() ? null : typed);
            case LABEL -> {
                GridFilter.Label label = GridFilter.Label.parse(text);
                if (label == null) {
                    throw new IllegalArgumentException("Type a label as key=value, or key= for any value.");
                }
                yield filter.withLabel(label);
            }
            case CREATED_FROM -> filter.withCreatedFrom(time(text));
            case CREATED_BEFORE -> filter.withCreatedBefore(time(text));
        };
    }

    static LocalDateTime time(String text) {
        try {
            if (text.length() <= 10) {
                return LocalDate.parse(text).atStartOfDay();
            }
            return LocalDateTime.parse(text.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Type a day as 2026-01-31, or a time as 2026-01-31 12:00; '" + text + "' is neither.");
        }
    }

    /** One chip per part of the filter: its text, and the filter without it. */
    record Chip(String text, GridFilter without) {}

    static List<Chip> chips(GridFilter filter) {
        List<Chip> chips = new ArrayList<>();
        if (filter.text() != null) {
            chips.add(new Chip("contains “" + filter.text() + "”", filter.withText(null)));
        }
        for (GridFilter.ColumnValue value : filter.values()) {
            chips.add(new Chip(value.value() == null ? value.column() + " is empty" : value.column() + " = " + value.value(),
                    filter.withoutValue(value.column())));
        }
        if (filter.label() != null) {
            chips.add(new Chip("label " + filter.label().key() + "=" + (filter.label().value() == null ? "any"
                    : filter.label().value()), filter.withLabel(null)));
        }
        if (filter.createdFrom() != null) {
            chips.add(new Chip("created ≥ " + filter.createdFrom().format(SHOWN), filter.withCreatedFrom(null)));
        }
        if (filter.createdBefore() != null) {
            chips.add(new Chip("created < " + filter.createdBefore().format(SHOWN), filter.withCreatedBefore(null)));
        }
        return chips;
    }
}
