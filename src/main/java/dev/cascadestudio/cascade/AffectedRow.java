package dev.cascadestudio.cascade;

/** One affected row for display: its key, its name, and the route that reaches it. */
public record AffectedRow(RowKey key, String name, Route route) {}
