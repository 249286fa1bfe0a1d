package dev.cascadestudio.service;

/**
 * A row of a tree group with the number of rows in the groups under it (what its groups' counts
 * add up to), or -1 for a row of a kind that has no groups under it.
 */
public record CountedRow(RowRef row, long rowsUnder) {}
