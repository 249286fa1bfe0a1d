package dev.cascadestudio.cascade;

import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.DatabaseProduct;
import dev.cascadestudio.domain.ForeignKeyRule;
import dev.cascadestudio.persistence.MappedTables;
import dev.cascadestudio.persistence.TableInfo;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes a {@link DeletePlan}: one key scan per affected table and per nulled column gives the
 * count, a digest of the affected rows and the split by route. Rows are listed separately, a page
 * at a time.
 */
public final class Planner {

    private final Database database;
    private final CascadeGraph graph;
    private final int parentKeyLimit;

    public Planner(Database database, CascadeGraph graph) {
        this(database, graph, PARENT_KEY_LIMIT);
    }

    /** With a different limit on the parent keys kept per column (tests use 0 to force the SQL joins). */
    Planner(Database database, CascadeGraph graph, int parentKeyLimit) {
        this.database = database;
        this.graph = graph;
        this.parentKeyLimit = parentKeyLimit;
    }

    /**
     * At most this many deleted parent keys per column are kept while planning: they are bound as one
     * array, and H2 2.5 refuses an array of more than 65,536 elements.
     */
    static final int PARENT_KEY_LIMIT = 60_000;
    /** At most this many keys in all (about 25 MB of short strings at worst); columns past it are joined in SQL. */
    static final int PARENT_KEY_BUDGET = 200_000;

    public DeletePlan plan(List<Root> roots) {
        return plan(roots, List.of());
    }

    /** The plan of deleting {@code roots} and repairing the dangling values of {@code repairs} ({@link Repair}). */
    public DeletePlan plan(List<Root> roots, List<Repair> repairs) {
        List<Repair> distinct = List.copyOf(new LinkedHashSet<>(repairs)); // a column named twice is repaired once
        return database.fromConnection(connection -> plan(connection, roots, distinct));
    }

    /** Plans on an open connection (the executor re-plans inside its own transaction). */
    DeletePlan plan(Connection connection, List<Root> roots, List<Repair> repairs) throws SQLException {
        return plan(connection, roots, repairs, identifiesRowsById());
    }

    /**
     * A plan whose every scan reads each affected row for its key, so that the row's own values decide
     * whether it is affected, not an index entry alone (digests are then of keys, not comparable with a
     * row-id plan's; compare counts). The executor uses it after a failed commit on H2, whose interrupted
     * commits can leave an index out of step with its table.
     */
    DeletePlan planReadingRows(List<Root> roots, List<Repair> repairs) {
        return database.fromConnection(connection -> plan(connection, roots, repairs, false));
    }

    private DeletePlan plan(Connection connection, List<Root> roots, List<Repair> repairs, boolean byRowId) throws SQLException {
        PlanQueries queries = new PlanQueries(graph, database.sqlNames(), DatabaseProduct.of(database.kind()), roots, repairs);
        // The roots are looked for in their table's own scan instead of a statement of their own: on a controller's
        // SQLite file, whose key is (version, uid), that statement was one more scan of every run for 10,000 chosen
        // runs, a third of their plan; on H2 one more lookup of each of them, 40% of it.
        Map<String, Set<String>> found = new HashMap<>();
        validate(roots, repairs);
        int statements = 0;
        // Where scans read each row's key, the product may find the children of many chosen rows by their keys kept
        // from the chosen rows' own scan (DatabaseProduct.findsChildrenOfChosenRowsByKeyList): only those keys are kept.
        boolean byKeyList = !byRowId && product().findsChildrenOfChosenRowsByKeyList();
        DeletedKeys keys = (byRowId && keepsParentKeys()) || byKeyList ? new DeletedKeys(parentKeyLimit) : null;
        Map<String, String> everyVersion = new HashMap<>();
        if (byKeyList) {
            for (String table : queries.rootTables()) {
                String condition = queries.onlyRoots(table) && graph.table(table).versioned()
                        ? product().everyVersion(connection, database.sqlNames(), table) : null;
                if (condition != null) {
                    everyVersion.put(table, condition);
                }
            }
        }
        List<DeletePlan.Effect> deleted = new ArrayList<>();
        List<DeletePlan.Effect> nulled = new ArrayList<>();
        for (PlanQueries.Effect effect : queries.effects()) {
            Set<String> rootsFound = effect.edge() != null || queries.rootUids(effect.table()).isEmpty() ? null
                    : found.computeIfAbsent(effect.table(), t -> new HashSet<>());
            DeletePlan.Effect scanned = scan(connection, queries, effect, byRowId, keys, rootsFound, everyVersion);
            statements++;
            if (scanned.count() > 0) {
                (effect.edge() == null ? deleted : nulled).add(scanned);
            }
        }
        statements += checkFound(connection, queries, found);
        return new DeletePlan(roots, repairs, deleted, nulled, commitStatements(queries), statements);
    }

    /**
     * Checks that something was chosen and that every root names a table that can be deleted from; whether each root
     * names a row, its table's scan tells ({@link #checkFound}).
     */
    private void validate(List<Root> roots, List<Repair> repairs) {
        if (roots.isEmpty() && repairs.isEmpty()) {
            throw new IllegalArgumentException("Nothing to delete: no rows were chosen.");
        }
        for (Root root : roots) {
            if (!MappedTables.exists(root.table()) || MappedTables.get(root.table()).label()) {
                throw new IllegalArgumentException("'" + root.table() + "' is not a table that can be deleted from. Tables: "
                        + String.join(", ", graph.tables().stream().filter(t -> !t.label()).map(TableInfo::name).toList()) + ".");
            }
        }
    }

    /**
     * Refuses a root its table's scan did not find ({@code found}: the root uids each scan read), unless the
     * database's own comparison finds it (a column's collation may match a uid that differs byte for byte).
     */
    private int checkFound(Connection connection, PlanQueries queries, Map<String, Set<String>> found) throws SQLException {
        int statements = 0;
        for (Map.Entry<String, Set<String>> table : found.entrySet()) {
            for (String uid : queries.rootUids(table.getKey())) {
                if (!table.getValue().contains(uid)) {
                    statements++;
                    if (!exists(connection, table.getKey(), uid)) {
                        throw new IllegalArgumentException("No row with uid '" + uid + "' in table " + table.getKey() + ".");
                    }
                }
            }
        }
        return statements;
    }

    private boolean exists(Connection connection, String table, String uid) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT COUNT(*) FROM "
                + database.sqlNames().quote(table) + " WHERE " + database.sqlNames().quote("uid") + " = ?")) {
            ps.setString(1, uid);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    /**
     * {@code keys}: the deleted parents' keys kept so far (by row id, of every deleted table; by key list, of the tables
     * of chosen rows alone), or null where none are kept; {@code everyVersion}: {@link DatabaseProduct#everyVersion} of
     * a table of chosen rows, where it has one.
     */
    private DeletePlan.Effect scan(Connection connection, PlanQueries queries, PlanQueries.Effect effect, boolean byRowId,
                                   DeletedKeys keys, Set<String> rootsFound, Map<String, String> everyVersion) throws SQLException {
        Set<String> rootUids = rootsFound == null ? Set.of() : new HashSet<>(queries.rootUids(effect.table()));
        TableInfo table = graph.table(effect.table());
        List<Route> routes = queries.routesOf(effect);
        // No ORDER BY: the digest does not depend on the order of the rows, and sorting a few hundred
        // thousand keys cost H2 more than finding them.
        // by row id every deleted table's keys are kept; by key list only those of a table of chosen rows alone
        List<String> kept = keys != null && effect.edge() == null && (byRowId || queries.onlyRoots(effect.table()))
                ? keys.wantedFrom(effect.table(), graph) : List.of();
        Sql sql;
        if (byRowId) {
            StringBuilder select = new StringBuilder("SELECT " + queries.q(effect.table()) + "._ROWID_, ");
            for (String column : kept) {
                select.append(queries.q(effect.table())).append('.').append(queries.q(column)).append(", ");
            }
            if (rootsFound != null) { // the uid, to see that each root was found (in the key's index with the row id)
                select.append(queries.q(effect.table())).append('.').append(queries.q("uid")).append(", ");
            }
            sql = Sql.of(select.toString()).append(queries.routeIndexExpression(effect));
        } else {
            StringBuilder select = new StringBuilder("SELECT " + queries.keyColumns(effect.table()) + ", ");
            for (String column : kept) {
                select.append(queries.q(column)).append(", ");
            }
            sql = Sql.of(select.toString()).append(queries.routeIndexExpression(effect));
        }
        Sql nulledBefore = queries.nulledBeforeExpression(effect);
        if (nulledBefore != null) {
            sql = sql.append(", ").append(nulledBefore);
        }
        sql = sql.append(keys == null ? queries.scanSourceWithNulledBefore(effect)
                : byRowId ? queries.scanSource(effect, keys)
                : queries.scanSourceByKeyList(effect, keys, everyVersion.get(effect.table())));
        KeySetDigest digest = new KeySetDigest();
        long[] perRoute = new long[routes.size()];
        long count = 0;
        long newRows = 0;
        try (PreparedStatement ps = connection.prepareStatement(sql.text())) {
            sql.bind(ps);
            ps.setFetchSize(2000);
            try (ResultSet rs = ps.executeQuery()) {
                int uidColumn = byRowId ? 2 + kept.size() : 1;
                int keyColumns = table.versioned() ? 2 : 1;
                int routeColumn = byRowId ? 2 + kept.size() + (rootsFound != null ? 1 : 0) : keyColumns + kept.size() + 1;
                while (rs.next()) {
                    if (byRowId) {
                        digest.add(rs.getLong(1));
                        for (int i = 0; i < kept.size(); i++) {
                            keys.add(effect.table(), kept.get(i), rs.getString(2 + i));
                        }
                    } else {
                        digest.add(rs.getString(1), table.versioned() ? String.valueOf(rs.getString(2)) : null);
                        for (int i = 0; i < kept.size(); i++) {
                            keys.add(effect.table(), kept.get(i), rs.getString(keyColumns + 1 + i));
                        }
                    }
                    if (rootsFound != null && rootUids.contains(rs.getString(uidColumn))) {
                        rootsFound.add(rs.getString(uidColumn));
                    }
                    int route = rs.getInt(routeColumn);
                    if (route >= 0 && route < perRoute.length) {
                        perRoute[route]++;
                    }
                    if (nulledBefore == null || rs.getInt(routeColumn + 1) == 0) {
                        newRows++;
                    }
                    count++;
                }
            }
        }
        List<DeletePlan.RouteCount> routeCounts = new ArrayList<>();
        for (int i = 0; i < routes.size(); i++) {
            if (perRoute[i] > 0) {
                routeCounts.add(new DeletePlan.RouteCount(routes.get(i), perRoute[i]));
            }
        }
        return new DeletePlan.Effect(effect.table(), effect.column(), effect.edge(), count, newRows, digest.hex(), routeCounts);
    }

    /**
     * The keys of the rows a plan deletes that child tables refer to (a workflow's uid for its runs and
     * schedules, its name for its labels), kept while the deleted table is scanned, parents before
     * children, so that each child is found by its foreign-key index from the keys at hand instead of
     * reading every deleted parent row again once per child edge. Only up to {@code limit} keys per
     * column and {@link #PARENT_KEY_BUDGET} in all are kept, so memory stays bounded; past that, a
     * column's children are found by joining the parent in SQL as before (the same rows either way;
     * tests compare the two).
     */
    private static final class DeletedKeys implements PlanQueries.ParentKeys {
        private final int limit;
        private final Map<String, Set<String>> kept = new HashMap<>();
        private final Set<String> overLimit = new HashSet<>();
        private final Set<String> scanned = new HashSet<>();
        private long total;

        DeletedKeys(int limit) {
            this.limit = limit;
        }

        /** The columns of {@code table} that some edge to a child refers to; their values are kept from now on. */
        List<String> wantedFrom(String table, CascadeGraph graph) {
            scanned.add(table);
            List<String> columns = new ArrayList<>();
            for (ForeignKeyRule edge : graph.outgoing(table)) {
                if (!columns.contains(edge.referencedColumn())) {
                    columns.add(edge.referencedColumn());
                }
            }
            return columns;
        }

        void add(String table, String column, String value) {
            String name = table + "." + column;
            if (value == null || overLimit.contains(name)) {
                return;
            }
            Set<String> values = kept.computeIfAbsent(name, n -> new HashSet<>());
            if (values.add(value)) {
                total++;
            }
            if (values.size() > limit || total > PARENT_KEY_BUDGET) {
                total -= values.size();
                kept.remove(name);
                overLimit.add(name);
            }
        }

        @Override
        public Object[] of(String table, String column) {
            String name = table + "." + column;
            if (!scanned.contains(table) || overLimit.contains(name)) {
                return null;
            }
            // A table scanned and found without rows has no entry: no keys, and no child rows.
            Set<String> values = kept.get(name);
            return values == null ? new Object[0] : values.toArray();
        }
    }

    /**
     * Whether the scans identify rows by H2's {@code _ROWID_} instead of {@code (uid, version)}. The
     * foreign-key index a scan finds its rows through holds the indexed column and the row id, so H2
     * answers from the index without reading each row (reading the rows whole for their keys was about
     * 40% of a 200,000-row plan's CPU time). The digest is only ever compared with another plan of the
     * same open database (the executor's re-plan in its transaction), and it stays as strict: H2 gives
     * every inserted row a new row id while the database is open (a row deleted and inserted again, even
     * with the same key, gets a new one; ids are not reused after DELETE or TRUNCATE), and a row re-linked
     * into or out of the set, added or deleted changes the set of ids as it changes the set of keys. The
     * mapped tables' keys are text ({@code uid}), so {@code _ROWID_} is H2's own row id, never a key
     * column. Pages of rows, --rows and snapshots still use {@code (uid, version)}. The one change the
     * ids would not show is an UPDATE of an affected row's own uid or version, which Cascade Studio never
     * makes (the row editor updates a row by its key and never changes the key).
     */
    private boolean identifiesRowsById() {
        return product().identifiesRowsById();
    }

    /**
     * Whether deleted parents' keys may be kept in Java and bound as one array: the product must take key
     * arrays, and compare text byte for byte, or the keys' {@code HashSet} would hold as two keys what the
     * database's {@code =} holds as one (MariaDB under utf8mb4_general_ci: 'padded' and 'PADDED') and
     * the join would find a child row twice.
     */
    private boolean keepsParentKeys() {
        return product().takesKeyArrays() && product().comparesTextByteForByte();
    }

    private DatabaseProduct product() {
        return DatabaseProduct.of(database.kind());
    }

    /**
     * A digest of a set of row keys (or, on H2, row ids) that does not depend on the order they are
     * added in: each element's hash, added up in four 64-bit lanes. The digest only detects a change made
     * by someone else between the plan and the commit, never an adversary's collision (a sum of hashes
     * would not resist one whatever the hash), and a set that changes by a few rows changes every lane by a
     * pseudo-random amount. A row id's hash is four independently seeded 64-bit mixes of the id
     * (MurmurHash3's finaliser, a bijection). A key's is two 64-bit hashes of its characters, the uid's,
     * a separator no character can be, and the version's, the two mixed into the four lanes: equal keys
     * (the same characters, whatever the database's collation says) give equal hashes on every database, and
     * nothing is allocated per row. It was the SHA-256 of the key's UTF-8 bytes until session 20, a third of the
     * plan's own Java time on the 1M-row PostgreSQL database (JFR, 1 ms samples: 86 of 267) and as much again
     * in the commit's check of the snapshot's rows.
     */
    static final class KeySetDigest {
        private static final long[] SEEDS = {0x9E3779B97F4A7C15L, 0xC2B2AE3D27D4EB4FL, 0x165667B19E3779F9L, 0xD6E8FEB86659FD93L};
        /** FNV-1a's 64-bit prime, and the golden ratio's odd 64-bit multiplier. */
        private static final long FNV_PRIME = 0x100000001B3L;
        private static final long GOLDEN = 0x9E3779B97F4A7C15L;
        /** Between the uid and the version, and at the end: beyond every char, so no text can stand for them. */
        private static final int SEPARATOR = 0x10000;
        private static final int END = 0x10001;
        private final long[] lanes = new long[4];
        /** The two hashes of the key being added. */
        private long a;
        private long b;

        void add(long id) {
            for (int i = 0; i < lanes.length; i++) {
                lanes[i] += mix(id ^ SEEDS[i]);
            }
        }

        void add(String uid, String version) {
            a = 0xCBF29CE484222325L; // FNV-1a's offset basis
            b = SEEDS[1];
            for (int i = 0; i < uid.length(); i++) {
                feed(uid.charAt(i));
            }
            feed(SEPARATOR);
            if (version != null) {
                for (int i = 0; i < version.length(); i++) {
                    feed(version.charAt(i));
                }
            }
            feed(END);
            lanes[0] += mix(a ^ SEEDS[0]);
            lanes[1] += mix(b ^ SEEDS[1]);
            lanes[2] += mix((a + b) ^ SEEDS[2]);
            lanes[3] += mix((a - Long.rotateLeft(b, 17)) ^ SEEDS[3]);
        }

        /** One character (or marker) into the key's two hashes. */
        private void feed(int c) {
            a = (a ^ c) * FNV_PRIME;
            b = Long.rotateLeft((b + c) * GOLDEN, 31);
        }

        private static long mix(long z) {
            z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
            z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
            return z ^ (z >>> 33);
        }

        String hex() {
            ByteBuffer bytes = ByteBuffer.allocate(8 * lanes.length);
            for (long lane : lanes) {
                bytes.putLong(lane);
            }
            return HexFormat.of().formatHex(bytes.array());
        }
    }

    /** The statements the executor will run, in order, for showing (parameters written in). */
    private static List<String> commitStatements(PlanQueries queries) {
        return statements(queries).stream().map(CommitStatement::inline).toList();
    }

    /**
     * The statements a commit of a plan for {@code roots} runs, with their parameters apart (the
     * plan's {@link DeletePlan#statements()} writes them in). Builds them only; needs no connection.
     */
    public List<CommitStatement> commitStatements(List<Root> roots) {
        return commitStatements(roots, List.of());
    }

    /** As {@link #commitStatements(List)}, repairing {@code repairs} too. */
    public List<CommitStatement> commitStatements(List<Root> roots, List<Repair> repairs) {
        return statements(new PlanQueries(graph, database.sqlNames(), DatabaseProduct.of(database.kind()), roots, repairs));
    }

    private static List<CommitStatement> statements(PlanQueries queries) {
        List<CommitStatement> statements = new ArrayList<>();
        for (ExecutionStep step : ExecutionStep.steps(queries)) {
            statements.add(new CommitStatement(step.table(), step.columns(), step.sql().text(), step.sql().params()));
        }
        return statements;
    }

    /** One page of an effect's rows, by key, each with the route that reaches it first. */
    public List<AffectedRow> page(DeletePlan plan, DeletePlan.Effect effect, int offset, int limit) {
        return rows(plan, effect, null, " LIMIT " + Math.max(0, limit) + " OFFSET " + Math.max(0, offset));
    }

    /**
     * The first {@code limit} rows of an effect that come after {@code after} in key order (null: from
     * the first). Reading a whole effect this way costs one index range per page, where pages by
     * OFFSET read every row before the page again (quadratic on a 270,000-row delete).
     */
    public List<AffectedRow> pageAfter(DeletePlan plan, DeletePlan.Effect effect, RowKey after, int limit) {
        return rows(plan, effect, after, " LIMIT " + Math.max(0, limit));
    }

    private List<AffectedRow> rows(DeletePlan plan, DeletePlan.Effect effect, RowKey after, String window) {
        return database.fromConnection(connection -> {
            PlanQueries queries = new PlanQueries(graph, database.sqlNames(), DatabaseProduct.of(database.kind()), plan.roots(),
                    plan.repairs());
            PlanQueries.Effect e = new PlanQueries.Effect(effect.table(), effect.edge());
            TableInfo table = graph.table(effect.table());
            List<Route> routes = queries.routesOf(e);
            Sql sql = selectAffected(queries, e, queries.q("name") + ", ", after == null ? null : queries.keyAfter(effect.table(), after))
                    .append(" ORDER BY " + queries.keyColumns(effect.table()) + window);
            List<AffectedRow> rows = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(sql.text())) {
                sql.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    int c = table.versioned() ? 3 : 2;
                    while (rs.next()) {
                        RowKey key = new RowKey(effect.table(), rs.getString(1), table.versioned() ? rs.getString(2) : null);
                        int route = rs.getInt(c + 1);
                        rows.add(new AffectedRow(key, rs.getString(c), route >= 0 && route < routes.size() ? routes.get(route) : null));
                    }
                }
            }
            return rows;
        });
    }

    /** Every affected row key of the plan, sorted (for the command line's --rows and for tests). */
    public List<RowKey> allRows(DeletePlan plan, DeletePlan.Effect effect) {
        List<RowKey> keys = new ArrayList<>();
        int pageSize = 10_000;
        RowKey last = null;
        while (true) {
            List<AffectedRow> page = pageAfter(plan, effect, last, pageSize);
            page.forEach(r -> keys.add(r.key()));
            if (page.size() < pageSize) {
                return keys;
            }
            last = page.get(page.size() - 1).key();
        }
    }

    /** {@code SELECT keys, [extra,] routeIndex FROM <the effect's rows> [AND also]}: the query pages use. */
    private static Sql selectAffected(PlanQueries queries, PlanQueries.Effect effect, String extraColumns, Sql also) {
        return Sql.of("SELECT " + queries.keyColumns(effect.table()) + ", " + extraColumns)
                .append(queries.routeIndexExpression(effect))
                .append(queries.scanSource(effect, also));
    }

    public CascadeGraph graph() {
        return graph;
    }

}
