package dev.cascadestudio.service;

/**
 * Why a value cannot be saved, for the field it belongs to: a column name, or {@link #LABELS} for the
 * labels table. The message is one sentence meant for the administrator.
 */
public record FieldError(String field, String message) {

    public static final String LABELS = "labels";
}
