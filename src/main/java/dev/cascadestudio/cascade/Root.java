package dev.cascadestudio.cascade;

/** A row the administrator chose to delete: a table and a uid (all versions of that uid). */
public record Root(String table, String uid) {}
