package dev.cascadestudio.persistence;

/** How a column's values travel between Java and each database (see {@link SqlValues}). */
public enum ColumnKind { TEXT, TIMESTAMP, BOOLEAN, JSON, INTEGER }
