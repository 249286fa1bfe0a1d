package dev.cascadestudio.service;

import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.persistence.ColumnKind;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.DatabaseProduct;
import dev.cascadestudio.persistence.MappedTables;
import dev.cascadestudio.persistence.PageQuery;
import dev.cascadestudio.persistence.SqlNames;
import dev.cascadestudio.persistence.SqlValues;
import dev.cascadestudio.persistence.TableInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rows of one of the twelve tables as a grid: filtered, sorted by the database, a page at a time.
 * Pages follow each other by their sort key (keyset paging: "the rows after this key"), never by an
 * offset, so page 1,000 costs what page 1 costs. Every order ends with something unique (the name, which
 * the schema keeps unique; else the key uid, version; on H2 its row id, see {@link #sortKeys}), so it is
 * total and no row is skipped or shown twice. Names sort naturally ({@code document-1004} before
 * {@code document-10039}): by the name without its trailing digits, then the number of those digits,
 * then the name, each written in SQL the way the product asks ({@link DatabaseProduct#withoutTrailingDigits}).
 * Tables and columns come from the mapping only; every value is a bound parameter.
 */
public final class GridService {

    /** The tables a grid shows, in the tree's order. */
    public static final List<String> TABLES = TreeService.KIND_ORDER;
    /**
     * The most rows "all matching" may choose for one delete. The plan binds the chosen uids as one
     * parameter where the product takes one ({@code DatabaseProduct.inKeyList}), so PostgreSQL's 65,535
     * parameters a statement no longer bound it there; the limit stays for the products that still set
     * one: H2 takes at most 65,536 elements in an array (more go one parameter each), MariaDB/MySQL get
     * the uids one parameter each (a server-side prepared statement takes at most 65,535), and a plan,
     * its preview and its snapshot of more than 50,000 chosen rows at once are more than a person checks.
     */
    public static final int MAX_CHOSEN_ROWS = 50_000;

    private static final Set<String> TEXT_SEARCHED = Set.of("name", "description");

    private final Database database;
    private final int fewMatching;
    private final SqlNames n;
    private final DatabaseProduct product;
    private final SqlValues values;

    public GridService(Database database) {
        this(database, FEW_MATCHING);
    }

    /** With another bound for {@link #firstOfFew} (tests use a small one to take the other way with few rows). */
    GridService(Database database, int fewMatching) {
        this.fewMatching = fewMatching;
        this.database = database;
        this.n = database.sqlNames();
        this.product = DatabaseProduct.of(database.kind());
        this.values = new SqlValues(product);
    }

    /** The columns of {@code table} in the mapping's order, key first. */
    public List<GridColumn> columns(String table) {
        return info(table).columns().stream().map(c -> new GridColumn(c.name(), c.kind() != ColumnKind.JSON,
                c.kind() != ColumnKind.JSON && c.kind() != ColumnKind.TIMESTAMP && !TEXT_SEARCHED.contains(c.name()),
                c.kind() == ColumnKind.TIMESTAMP, c.nullable())).toList();
    }

    /**
     * The first page of rows that pass {@code filter} in the order by {@code column}, with how many rows pass:
     * what a grid shows when it opens or its order or filters change. The count comes first, in the same
     * connection, because it tells the product how to read the page ({@link DatabaseProduct#pageSql}: H2
     * sorts every row an index finds unless told, see {@code H2Product}); the next pages are read the same
     * way, by the count their cursor carries.
     */
    public GridPage.First first(String table, GridFilter filter, String column, boolean descending, int limit) {
        TableInfo info = info(table);
        return database.fromConnection(c -> {
            if (filter != null && filter.text() != null) {
                GridPage.First few = firstOfFew(c, info, filter, column, descending, limit);
                if (few != null) {
                    return few;
                }
            }
            long matching = count(c, info, filter);
            return new GridPage.First(page(c, info, filter, column, descending, null, limit, matching), matching);
        });
    }

    /**
     * At most this many rows that pass a text filter are read, counted and sorted in one statement ({@link #firstOfFew}).
     */
    static final int FEW_MATCHING = 5_000;

    /**
     * The first page and the count of a text filter in one statement, where at most {@value #FEW_MATCHING} rows pass;
     * null where more do (the caller then counts, and reads the page the way the count suggests). No index answers
     * a text contained in a name or a description, so the count reads every row of the table, and so did the page:
     * two scans of the 371,728 runs (1M-row H2 file: about 0.33 s each). Here the matching rows' sort keys are read
     * once (the scan stops after {@value #FEW_MATCHING} + 1), counted ({@code COUNT(*) OVER ()}) and sorted by the
     * database, and the cursor is the one {@link #page} gives for the same rows.
     */
    private GridPage.First firstOfFew(Connection c, TableInfo info, GridFilter filter, String column, boolean descending, int limit)
            throws SQLException {
        List<Key> keys = sortKeys(c, info, column);
        boolean byName = endsWithName(keys);
        Query query = new Query();
        List<String> columns = keyColumns(keys, info, byName);
        List<String> conditions = conditions(info, filter, query);
        List<String> order = orderBy(0, keys.size(), descending);
        String sql = "SELECT m.*, COUNT(*) OVER () AS matching FROM (SELECT " + String.join(", ", columns) + " FROM "
                + n.quote(info.name()) + " c WHERE " + String.join(" AND ", conditions) + " LIMIT " + (fewMatching + 1)
                + ") m ORDER BY " + String.join(", ", order) + " LIMIT " + (limit + 1);
        List<List<Object>> pageKeys = new ArrayList<>();
        long matching = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            query.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    matching = rs.getLong(columns.size() + 1);
                    if (matching > fewMatching) {
                        return null;
                    }
                    pageKeys.add(readKeyRow(rs, keys, byName));
                }
            }
        }
        return new GridPage.First(pageOf(c, info, keys, column, descending, pageKeys, limit, matching), matching);
    }

    /** The selected expressions of a page's keys: the sort keys as k0.., then the row's key unless the name ends the order. */
    private List<String> keyColumns(List<Key> keys, TableInfo info, boolean byName) {
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            columns.add(keys.get(i).sql() + " AS k" + i);
        }
        if (!byName) {
            columns.add("c." + n.quote("uid") + " AS row_uid");
            columns.add((info.versioned() ? "c." + n.quote("version") : "NULL") + " AS row_version");
        }
        return columns;
    }

    /** One row of {@link #keyColumns}: the sort keys, then the row's uid and version (by name: the name and null). */
    private List<Object> readKeyRow(ResultSet rs, List<Key> keys, boolean byName) throws SQLException {
        List<Object> rowKeys = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            rowKeys.add(values.read(rs, i + 1, keys.get(i).kind()));
        }
        if (byName) { // the name stands for the row: read by it, one "version" for all
            rowKeys.add(rowKeys.get(keys.size() - 1));
            rowKeys.add(null);
        } else {
            rowKeys.add(rs.getString(keys.size() + 1));
            rowKeys.add(rs.getString(keys.size() + 2));
        }
        return rowKeys;
    }

    /**
     * The first {@code limit} rows that pass {@code filter} after {@code after} (null: from the start),
     * ordered by {@code column} (ascending or descending), then uid and version the same way.
     */
    public GridPage page(String table, GridFilter filter, String column, boolean descending, GridPage.Cursor after, int limit) {
        TableInfo info = info(table);
        return database.fromConnection(c -> page(c, info, filter, column, descending, after, limit,
                after == null ? -1 : after.matching()));
    }

    /** A page as {@link #page(String, GridFilter, String, boolean, GridPage.Cursor, int)}, knowing how many rows match (-1: not known). */
    private GridPage page(Connection c, TableInfo info, GridFilter filter, String column, boolean descending, GridPage.Cursor after,
                          int limit, long matching) throws SQLException {
        String table = info.name();
        if (limit < 1) {
            throw new IllegalArgumentException("A page holds at least one row.");
        }
        List<Key> keys = sortKeys(c, info, column);
        if (after != null && (!after.table().equals(table) || !after.column().equals(column)
                || after.descending() != descending || after.keys().size() != keys.size())) {
            throw new IllegalArgumentException("That page does not follow on from this order; start from the first page.");
        }
        // First the page's keys, sorted on the sort key alone: a database that sorts whole rows (H2 carries every
        // column, descriptions and JSON included, through its sort) took twice as long; then the page's rows by key.
        // A column that may be empty is read as two parts one after the other, its filled rows then its empty ones
        // (the other way round descending): within a part the "is empty" key is the same for every row, so the
        // part is ordered by the column itself, which its index (every foreign key has one) hands back in order.
        // Ordered by "is empty" first, no index could serve the order and H2 sorted all 371,728 runs for a page.
        List<List<Object>> pageKeys = new ArrayList<>();
        boolean more;
        if (keys.get(0).emptyFirst()) {
            int first = descending ? 1 : 0;
            int region = after == null ? first : ((Number) after.keys().get(0)).intValue();
            more = readKeys(c, info, filter, keys, 1, region, after, descending, limit + 1, matching, pageKeys);
            if (!more && region == first) {
                more = readKeys(c, info, filter, keys, 1, 1 - first, null, descending, limit + 1 - pageKeys.size(), matching, pageKeys);
            }
        } else {
            more = readKeys(c, info, filter, keys, 0, -1, after, descending, limit + 1, matching, pageKeys);
        }
        return pageOf(c, info, keys, column, descending, pageKeys, limit, matching);
    }

    /**
     * The page of the rows {@code pageKeys} names (their sort keys and row keys, in order; one more than {@code limit}
     * where more follow), with the cursor after its last row.
     */
    private GridPage pageOf(Connection c, TableInfo info, List<Key> keys, String column, boolean descending,
                            List<List<Object>> pageKeys, int limit, long matching) throws SQLException {
        String table = info.name();
        boolean more;
        if (pageKeys.size() > limit) {
            pageKeys.subList(limit, pageKeys.size()).clear();
            more = true;
        } else {
            more = false;
        }
        int uidKey = keys.size();
        int versionKey = keys.size() + 1;
        boolean byName = endsWithName(keys);
        java.util.Map<PageKey, GridPage.GridRow> byKey = rowsByKey(c, info, byName ? "name" : "uid", pageKeys.stream()
                .map(k -> (String) k.get(uidKey)).distinct().toList());
        List<GridPage.GridRow> rows = new ArrayList<>();
        for (List<Object> k : pageKeys) {
            GridPage.GridRow row = byKey.get(new PageKey((String) k.get(uidKey), k.get(versionKey) == null ? "" : (String) k.get(versionKey)));
            if (row != null) {
                rows.add(row);
            }
        }
        return new GridPage(rows, more ? new GridPage.Cursor(table, column, descending,
                pageKeys.get(pageKeys.size() - 1).subList(0, keys.size()), matching) : null);
    }

    /**
     * Reads up to {@code want} rows' sort keys (and row keys) into {@code into}, ordered by {@code keys} from
     * {@code orderFrom} on, after {@code after} where given. {@code region} 0 or 1 limits the rows to those whose
     * column (behind the "is empty" key {@code keys.get(0)}) is filled or empty, -1 to none. Returns whether
     * {@code want} rows were found.
     */
    private boolean readKeys(Connection c, TableInfo info, GridFilter filter, List<Key> keys, int orderFrom, int region,
                             GridPage.Cursor after, boolean descending, int want, long matching, List<List<Object>> into)
            throws SQLException {
        if (want < 1) {
            return true;
        }
        Query query = new Query();
        // the row's key, read along where the order does not end with the name (unique: the page's rows are read by it)
        boolean byName = endsWithName(keys);
        List<String> columns = keyColumns(keys, info, byName);
        List<String> conditions = conditions(info, filter, query);
        // with no filter, a natural order reads the name alone, which its index holds (H2 then reads no row, see pageSql)
        String onlyColumn = byName && conditions.isEmpty() ? n.quote("name") : null;
        if (region >= 0) {
            conditions.add(keys.get(orderFrom).sql() + (region == 0 ? " IS NOT NULL" : " IS NULL"));
        }
        List<Key> ordered = keys.subList(orderFrom, keys.size());
        if (after != null) {
            conditions.add(after(ordered, after.keys().subList(orderFrom, keys.size()), descending, query));
        }
        if (onlyColumn != null) {
            String bound = naturalBound(c, info, keys, after, descending, want);
            if (bound != null) {
                conditions.add(keys.get(0).sql() + (descending ? " >= " : " <= ") + query.add(ColumnKind.TEXT, bound));
            }
        }
        List<String> order = orderBy(orderFrom, keys.size(), descending);
        List<String> orderColumns = ordered.stream().allMatch(k -> k.column() != null && info.columnNames().contains(k.column()))
                ? ordered.stream().map(Key::column).toList() : List.of();
        String sql = product.pageSql(c, new PageQuery(String.join(", ", columns), n.quote(info.name()),
                String.join(" AND ", conditions), String.join(", ", order), want, info.name(), orderColumns, matching, onlyColumn));
        int found = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            query.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (found < want && rs.next()) {
                    into.add(readKeyRow(rs, keys, byName));
                    found++;
                }
            }
        }
        return found == want;
    }

    /** A row's key as a map key: uid and version ("" where the table has none). */
    private record PageKey(String uid, String version) {}

    /**
     * In a natural order of names with no filter, a name without its trailing digits (the order's first key) that the
     * next {@code want} rows do not pass: the page is then read from the rows up to it (from it, descending) alone.
     * Without it the database sorted every row for a page: on H2, whose sorts of more than about 10,000 rows go
     * through a temporary file, 0.45 to 0.75 s for the 371,728 runs of the 1M-row file. Any {@code want} rows after
     * the cursor give such a bound: they come before every row whose first key is past the greatest of theirs (their
     * smallest, descending), so the page holds none of those. The rows taken are the first in the name's plain order,
     * which its index hands back at once and whose first keys lie close together. Null where no row follows.
     */
    private String naturalBound(Connection c, TableInfo info, List<Key> keys, GridPage.Cursor after, boolean descending, int want)
            throws SQLException {
        Query query = new Query();
        String where = after == null ? "" : " WHERE " + after(keys, after.keys(), descending, query);
        String sql = "SELECT " + (descending ? "MIN" : "MAX") + "(b.k0) FROM (SELECT " + keys.get(0).sql() + " AS k0 FROM "
                + n.quote(info.name()) + " c" + where + " ORDER BY c." + n.quote("name") + (descending ? " DESC" : "")
                + " LIMIT " + want + ") b";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            query.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The ORDER BY of the selected keys {@code from} (0-based) up to {@code to}, by their positions: {@code 2, 3} or {@code 2 DESC, 3 DESC}. */
    private static List<String> orderBy(int from, int to, boolean descending) {
        List<String> order = new ArrayList<>();
        for (int i = from; i < to; i++) {
            order.add((i + 1) + (descending ? " DESC" : ""));
        }
        return order;
    }

    /** Whether an order ends with the name, which the schema keeps unique: its rows are then found by name. */
    private static boolean endsWithName(List<Key> keys) {
        return "name".equals(keys.get(keys.size() - 1).column());
    }

    /**
     * The rows whose {@code keyColumn} (uid: all their versions; or name) is one of {@code uids}, by that value and
     * the version (by name alone: "" as the version).
     */
    private java.util.Map<PageKey, GridPage.GridRow> rowsByKey(Connection c, TableInfo info, String keyColumn, List<String> uids)
            throws SQLException {
        java.util.Map<PageKey, GridPage.GridRow> rows = new java.util.HashMap<>();
        if (uids.isEmpty()) {
            return rows;
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < info.columns().size(); i++) {
            sql.append("c.").append(n.quote(info.columns().get(i).name())).append(i + 1 < info.columns().size() ? ", " : "");
        }
        sql.append(" FROM ").append(n.quote(info.name())).append(" c WHERE c.").append(n.quote(keyColumn)).append(" IN (")
                .append(String.join(", ", java.util.Collections.nCopies(uids.size(), "?"))).append(")");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < uids.size(); i++) {
                ps.setString(i + 1, uids.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    GridPage.GridRow row = row(info, rs);
                    rows.put(keyColumn.equals("name") ? new PageKey(row.ref().name(), "")
                            : new PageKey(row.ref().uid(), row.ref().version() == null ? "" : row.ref().version()), row);
                }
            }
        }
        return rows;
    }

    /** How many rows of {@code table} pass {@code filter}. */
    public long count(String table, GridFilter filter) {
        TableInfo info = info(table);
        return database.fromConnection(c -> count(c, info, filter));
    }

    private long count(Connection c, TableInfo info, GridFilter filter) throws SQLException {
        Query query = new Query();
        List<String> conditions = conditions(info, filter, query);
        String sql = "SELECT COUNT(*) FROM " + n.quote(info.name()) + " c"
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            query.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Every row that passes {@code filter}, as delete roots (a root takes every version of its uid), by
     * uid: "all N matching" chosen in one query, not page by page. Refuses more than {@value #MAX_CHOSEN_ROWS}.
     */
    public List<Root> matchingRoots(String table, GridFilter filter) {
        TableInfo info = info(table);
        Query query = new Query();
        List<String> conditions = conditions(info, filter, query);
        // No ORDER BY: sorted in Java below. Ordered by uid, H2 walked the key's index and fetched every row through
        // it to test the condition (10,208 runs of 371,728 chosen by their created time: 3.3 s); unordered, it reads
        // the rows the condition needs in whatever way is cheapest (0.1 s).
        String sql = "SELECT DISTINCT c." + n.quote("uid") + " FROM " + n.quote(table) + " c"
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                + " LIMIT " + (MAX_CHOSEN_ROWS + 1);
        List<Root> roots = database.fromConnection(c -> {
            List<Root> found = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                query.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(new Root(table, rs.getString(1)));
                    }
                }
            }
            return found;
        });
        if (roots.size() > MAX_CHOSEN_ROWS) {
            throw new IllegalArgumentException("More than " + String.format("%,d", MAX_CHOSEN_ROWS) + " rows match, more than"
                    + " one delete takes: narrow the filter, or delete the project or workflow they belong to.");
        }
        roots.sort(java.util.Comparator.comparing(Root::uid));
        return roots;
    }

    private static TableInfo info(String table) {
        if (table == null || !TABLES.contains(table)) {
            throw new IllegalArgumentException("'" + table + "' is not one of the tables a grid shows: "
                    + String.join(", ", TABLES) + ".");
        }
        return MappedTables.get(table);
    }

    private GridPage.GridRow row(TableInfo info, ResultSet rs) throws SQLException {
        List<Object> row = new ArrayList<>(info.columns().size());
        for (int i = 0; i < info.columns().size(); i++) {
            row.add(values.read(rs, i + 1, info.columns().get(i).kind()));
        }
        List<String> names = info.columnNames();
        Object version = info.versioned() ? row.get(names.indexOf("version")) : null;
        return new GridPage.GridRow(new RowRef(info.name(), (String) row.get(names.indexOf("uid")),
                (String) version, (String) row.get(names.indexOf("name"))), java.util.Collections.unmodifiableList(row));
    }

    // ---- order ----

    /** One part of a sort key: its SQL on the table aliased {@code c}, and how its values travel. */
    /** One part of an order: its SQL, its kind, the column it reads (null for an expression); {@code emptyFirst}: the "is empty" key of a column that may be empty. */
    private record Key(String sql, ColumnKind kind, String column, boolean emptyFirst) {
        Key(String sql, ColumnKind kind, String column) {
            this(sql, kind, column, false);
        }
    }

    /**
     * The parts of the order by {@code column}: a name naturally (prefix, digit count, name); a column
     * that may be empty with its empty rows last (first when descending); then what makes the order total:
     * nothing after the unique name, the version after the uid, else what the product ends such an order with
     * ({@link DatabaseProduct#orderTieBreak}: the key, or on H2 without an index for it the row id).
     */
    private List<Key> sortKeys(Connection connection, TableInfo info, String column) throws SQLException {
        if (column == null || !info.columnNames().contains(column)) {
            throw new IllegalArgumentException(info.name() + " has no column '" + column + "' to sort by.");
        }
        TableInfo.Column sorted = info.column(column);
        if (sorted.kind() == ColumnKind.JSON) {
            throw new IllegalArgumentException(column + " holds JSON, which cannot be sorted.");
        }
        String c = "c." + n.quote(column);
        List<Key> keys = new ArrayList<>();
        if (column.equals("name")) {
            String prefix = product.withoutTrailingDigits(c);
            keys.add(new Key(prefix, ColumnKind.TEXT, null));
            keys.add(new Key("(" + product.characterLength(c) + " - " + product.characterLength(prefix) + ")", ColumnKind.INTEGER, null));
        } else if (sorted.nullable()) {
            keys.add(new Key("CASE WHEN " + c + " IS NULL THEN 1 ELSE 0 END", ColumnKind.INTEGER, null, true));
        }
        keys.add(new Key(c, sorted.kind(), column));
        if (column.equals("name") || (column.equals("uid") && !info.versioned())) {
            return keys; // unique by the schema: nothing to break a tie
        }
        if (column.equals("uid")) {
            keys.add(new Key("c." + n.quote("version"), ColumnKind.TEXT, "version"));
            return keys;
        }
        List<String> keyColumns = info.keyColumns().stream().filter(k -> !k.equals(column)).toList();
        for (String key : product.orderTieBreak(connection, info.name(), column, keyColumns)) {
            keys.add(info.columnNames().contains(key) ? new Key("c." + n.quote(key), info.column(key).kind(), key)
                    : new Key("c." + key, ColumnKind.INTEGER, key)); // the product's own row id
        }
        return keys;
    }

    /**
     * The rows after {@code last} in the order of {@code keys}: {@code k1 > v1 OR (k1 = v1 AND k2 > v2) OR ...}
     * ({@code <} when descending), led by {@code k1 >= v1} so that an index on the first key can start
     * there. A NULL value (a column that may be empty, behind its "is empty" key) equals only NULL and
     * nothing is after it within the same key.
     */
    private String after(List<Key> keys, List<Object> last, boolean descending, Query query) {
        String beyond = descending ? " < " : " > ";
        // placeholders are numbered as written: the lead's first
        String lead = last.get(0) == null ? "" : keys.get(0).sql() + (descending ? " <= " : " >= ")
                + query.add(keys.get(0).kind(), last.get(0)) + " AND ";
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (last.get(i) == null) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                parts.add(equal(keys.get(j), last.get(j), query));
            }
            parts.add(keys.get(i).sql() + beyond + query.add(keys.get(i).kind(), last.get(i)));
            alternatives.add("(" + String.join(" AND ", parts) + ")");
        }
        if (alternatives.isEmpty()) {
            return "1 = 0";
        }
        return "(" + lead + "(" + String.join(" OR ", alternatives) + "))";
    }

    private String equal(Key key, Object value, Query query) {
        return value == null ? key.sql() + " IS NULL" : key.sql() + " = " + query.add(key.kind(), value);
    }

    // ---- filters ----

    private List<String> conditions(TableInfo info, GridFilter filter, Query query) {
        List<String> conditions = new ArrayList<>();
        if (filter == null) {
            return conditions;
        }
        if (filter.text() != null) {
            String contained = product.containedText(filter.text().toLowerCase(Locale.ROOT));
            conditions.add("(" + product.containsLowered("c." + n.quote("name"), query.add(ColumnKind.TEXT, contained))
                    + " OR " + product.containsLowered("c." + n.quote("description"), query.add(ColumnKind.TEXT, contained)) + ")");
        }
        for (GridFilter.ColumnValue value : filter.values()) {
            if (!info.columnNames().contains(value.column())) {
                throw new IllegalArgumentException(info.name() + " has no column '" + value.column() + "' to filter by.");
            }
            TableInfo.Column column = info.column(value.column());
            String c = "c." + n.quote(column.name());
            if (value.value() == null) {
                conditions.add(c + " IS NULL");
            } else {
                conditions.add(c + " = " + query.add(column.kind(), typed(column, value.value())));
            }
        }
        if (filter.createdFrom() != null) {
            conditions.add("c." + n.quote("created") + " >= " + query.add(ColumnKind.TIMESTAMP, filter.createdFrom()));
        }
        if (filter.createdBefore() != null) {
            conditions.add("c." + n.quote("created") + " < " + query.add(ColumnKind.TIMESTAMP, filter.createdBefore()));
        }
        if (filter.label() != null) {
            GridFilter.Label label = filter.label();
            // the labels first (their index on name and value finds them), then their rows by name (unique, indexed):
            // written as EXISTS, H2 asked the labels once for each of 371,728 runs to count those with attempt=2 (0.44 s
            // against 0.2 s)
            conditions.add("c." + n.quote("name") + " IN (SELECT l." + n.quote("parent") + " FROM " + n.quote(info.name() + "_labels")
                    + " l WHERE l." + n.quote("name") + " = " + query.add(ColumnKind.TEXT, label.key())
                    + (label.value() == null ? "" : " AND l." + n.quote("value") + " = " + query.add(ColumnKind.TEXT, label.value()))
                    + ")");
        }
        return conditions;
    }

    /** A value typed into a filter as the column's kind, or one sentence why it cannot be one. */
    private static Object typed(TableInfo.Column column, String text) {
        String t = text.strip();
        switch (column.kind()) {
            case INTEGER -> {
                try {
                    return Long.parseLong(t);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(column.name() + " holds whole numbers; '" + text + "' is not one.");
                }
            }
            case BOOLEAN -> {
                return switch (t.toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "1" -> Boolean.TRUE;
                    case "false", "no", "0" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException(column.name() + " is true or false; '" + text + "' is neither.");
                };
            }
            case TIMESTAMP -> {
                try {
                    return SqlValues.parseTimestamp(t);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(column.name() + " holds a time such as 2026-01-31 12:00:00; '"
                            + text + "' is not one.");
                }
            }
            case JSON -> throw new IllegalArgumentException(column.name() + " holds JSON, which cannot be filtered by value.");
            default -> {
                return text;
            }
        }
    }

    /** Parameters in the order their placeholders were written. */
    private final class Query {
        private final List<ColumnKind> kinds = new ArrayList<>();
        private final List<Object> parameters = new ArrayList<>();

        String add(ColumnKind kind, Object value) {
            kinds.add(kind);
            parameters.add(value);
            return values.placeholder(kind);
        }

        void bind(PreparedStatement ps) throws SQLException {
            for (int i = 0; i < parameters.size(); i++) {
                values.bind(ps, i + 1, kinds.get(i), parameters.get(i) instanceof LocalDateTime t ? t : parameters.get(i));
            }
        }
    }
}
