package dev.cascadestudio.service;

/**
 * A column a grid can show, as the mapping declares it.
 *
 * @param sortable   the database can order by it (not JSON)
 * @param filterable a value of it can be asked for (not JSON, not the name or description, which the text filter searches)
 * @param timestamp  it holds a point in time
 */
public record GridColumn(String name, boolean sortable, boolean filterable, boolean timestamp, boolean nullable) {}
