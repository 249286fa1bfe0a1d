package dev.cascadestudio.service;

import java.util.List;
import java.util.Map;

/**
 * What the editor asks to save: the row as it was loaded, the editable columns' values as the form
 * holds them (text; null for a reference set to none), and the labels in the order shown.
 */
public record RowDraft(EditableRow loaded, Map<String, String> values, List<RowDetails.Label> labels) {

    public RowDraft {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        labels = List.copyOf(labels);
    }
}
