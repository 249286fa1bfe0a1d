package dev.cascadestudio.persistence;

/**
 * The parts of the query that reads one page of a grid's sort keys, for {@link DatabaseProduct#pageSql} to put
 * together the way its planner reads such a page fastest. Every part is SQL written from the mapping, with
 * {@code ?} placeholders in the order they appear in {@link #plain()}; each way of writing the query keeps
 * that order.
 *
 * @param columns     the selected expressions over the table aliased {@code c}, each with its alias
 *                    ({@code expr AS k0, ...}), sort keys first
 * @param table       the quoted table name
 * @param where       the conditions without {@code WHERE}; empty for none
 * @param orderBy     the order, by position in {@code columns} ({@code 1 DESC, 2 DESC})
 * @param limit       the most rows to read
 * @param tableName   the table's name as the mapping spells it
 * @param orderColumns the columns of the order where every part of it is a plain column of the mapping
 *                    (the key order: uid, version); empty where a part is an expression or a row id
 * @param matching    how many rows pass the conditions, as counted just before; -1 where not known
 * @param onlyColumn  the one text column that the selected expressions and the conditions read, quoted (the name,
 *                    in a natural order with no filter), so that an index on it holds all the query needs; null
 *                    where they read more
 */
public record PageQuery(String columns, String table, String where, String orderBy, int limit, String tableName,
                        java.util.List<String> orderColumns, long matching, String onlyColumn) {

    public PageQuery {
        orderColumns = java.util.List.copyOf(orderColumns);
    }

    /** {@code SELECT columns FROM table c WHERE ... ORDER BY ... LIMIT n}: the planner chooses how to read. */
    public String plain() {
        return plain("");
    }

    /** {@link #plain()} with {@code hint} (such as an index hint) right after the table's alias. */
    public String plain(String hint) {
        return "SELECT " + columns + " FROM " + table + " c" + hint + (where.isEmpty() ? "" : " WHERE " + where)
                + " ORDER BY " + orderBy + " LIMIT " + limit;
    }

    /** This query with {@code condition} put before its conditions (its placeholders, if any, come first). */
    public PageQuery withConditionFirst(String condition) {
        return new PageQuery(columns, table, where.isEmpty() ? condition : condition + " AND " + where, orderBy, limit,
                tableName, orderColumns, matching, onlyColumn);
    }

    /**
     * The rows that pass the conditions read first (as a derived table), then only those sorted: a planner
     * that does not merge a derived table into its query cannot walk an index in the order's way here.
     */
    public String matchesFirst() {
        return "SELECT * FROM (SELECT " + columns + " FROM " + table + " c" + (where.isEmpty() ? "" : " WHERE " + where)
                + ") m ORDER BY " + orderBy + " LIMIT " + limit;
    }
}
