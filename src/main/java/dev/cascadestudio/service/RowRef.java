package dev.cascadestudio.service;

/** A row as the tree shows it: table, key and name. */
public record RowRef(String table, String uid, String version, String name) {}
