package dev.cascadestudio.service;

import dev.cascadestudio.persistence.SqlNames;
import dev.cascadestudio.service.EditableRow.Field;
import dev.cascadestudio.service.EditableRow.Type;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a draft before anything is written, and works out the value each column would store. Reads
 * on the caller's connection, so a save checks inside its own transaction.
 */
final class RowValidator {

    static final int LABEL_LENGTH = 255;

    private final SqlNames names;
    private final Map<String, String> referencedTables;

    /** @param referencedTables per foreign-key column of the draft's table, the table it references */
    RowValidator(SqlNames names, Map<String, String> referencedTables) {
        this.names = names;
        this.referencedTables = referencedTables;
    }

    List<FieldError> validate(Connection c, RowDraft draft) throws SQLException {
        EditableRow row = draft.loaded();
        List<FieldError> errors = new ArrayList<>();
        for (Field field : row.fields()) {
            if (field.editable()) {
                fieldError(c, row, field, draft.values().get(field.column()), draft.values().containsKey(field.column()))
                        .ifPresent(message -> errors.add(new FieldError(field.column(), message)));
            }
        }
        labelErrors(draft.labels()).forEach(message -> errors.add(new FieldError(FieldError.LABELS, message)));
        return errors;
    }

    private java.util.Optional<String> fieldError(Connection c, EditableRow row, Field field, String value, boolean given)
            throws SQLException {
        if (!given) {
            value = field.value();
        }
        // The schema decides, column by column: NOT NULL refuses NULL, and '' is a value like any other
        // (a controller stores '' in project.source). What is stored is what counts: an empty reference
        // or JSON field means NULL, an empty text field a nullable column's NULL or a NOT NULL column's ''.
        boolean storesNull = field.type() == Type.JSON ? value == null || value.isBlank() : stored(field, value) == null;
        if (storesNull) {
            return field.required()
                    ? java.util.Optional.of(field.type() == Type.JSON ? "Required: a JSON value, such as [] or {}." : "Required.")
                    : java.util.Optional.empty();
        }
        if (value == null) {
            value = field.value();
        }
        switch (field.type()) {
            case TEXT, LONG_TEXT -> {
                if (field.maxLength() > 0 && value.length() > field.maxLength()) {
                    return java.util.Optional.of(String.format("At most %,d characters; this has %,d.", field.maxLength(), value.length()));
                }
                if (field.column().equals("name") && nameTaken(c, row, value)) {
                    return java.util.Optional.of("Another " + word(row.table())
                            + " is already named “" + value + "”; names are unique.");
                }
            }
            case JSON -> {
                return ControllerJson.problem(value);
            }
            case BOOLEAN -> {
                if (!value.equals("true") && !value.equals("false")) {
                    return java.util.Optional.of("Either true or false.");
                }
            }
            case REFERENCE -> {
                String table = referencedTables.get(field.column());
                // a new row's references (its parent's, filled in) are checked too: the parent may be gone
                if ((row.isNew() || !value.equals(field.value())) && !exists(c, table, value)) {
                    return java.util.Optional.of("No " + word(table)
                            + " with uid " + value + " exists.");
                }
            }
            default -> { }
        }
        return java.util.Optional.empty();
    }

    /** A table's rows in words: {@code data_source} is "data source". */
    static String word(String table) {
        return table.replace('_', ' ');
    }

    static List<String> labelErrors(List<RowDetails.Label> labels) {
        List<String> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < labels.size(); i++) {
            RowDetails.Label label = labels.get(i);
            String key = label.name();
            if (key == null || key.isBlank()) {
                errors.add("Label " + (i + 1) + " has no name.");
                continue;
            }
            if (key.length() > LABEL_LENGTH) {
                errors.add("Label " + (i + 1) + ": the name has " + key.length() + " characters; at most " + LABEL_LENGTH + ".");
            }
            if (label.value() != null && label.value().length() > LABEL_LENGTH) {
                errors.add("Label “" + key + "”: the value has " + label.value().length() + " characters; at most "
                        + LABEL_LENGTH + ".");
            }
            if (!seen.add(key)) {
                errors.add("Label “" + key + "” appears twice; a row can have each label name once.");
            }
        }
        return errors;
    }

    /** The value a column stores for what the form holds: unchanged text keeps the loaded value exactly. */
    static String stored(Field field, String value) {
        String loaded = field.value();
        return switch (field.type()) {
            case READ_ONLY -> loaded;
            case JSON -> value == null || value.isBlank() ? null
                    : loaded != null && ControllerJson.sameValue(value, loaded) ? loaded : ControllerJson.stored(value);
            case REFERENCE -> value == null || value.isBlank() ? null : value;
            case BOOLEAN -> value;
            case TEXT, LONG_TEXT -> value == null || Objects.equals(value, loaded == null ? "" : loaded) ? loaded
                    : value.isEmpty() && !field.required() ? null : value;
        };
    }

    private boolean nameTaken(Connection c, EditableRow row, String name) throws SQLException {
        boolean versioned = row.row().version() != null;
        String sql = "SELECT COUNT(*) FROM " + names.quote(row.table()) + " WHERE " + names.quote("name") + " = ?"
                + (row.isNew() ? "" : " AND NOT (" + names.quote("uid") + " = ?"
                        + (versioned ? " AND " + names.quote("version") + " = ?" : "") + ")");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            if (!row.isNew()) {
                ps.setString(2, row.row().uid());
            }
            if (versioned && !row.isNew()) {
                ps.setString(3, row.row().version());
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private boolean exists(Connection c, String table, String uid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + names.quote(table) + " WHERE "
                + names.quote("uid") + " = ?")) {
            ps.setString(1, uid);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }
}
