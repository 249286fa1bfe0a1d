package dev.cascadestudio.cascade;

import dev.cascadestudio.domain.ForeignKeyRule;
import dev.cascadestudio.persistence.BatchInserter;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.DatabaseProduct;
import dev.cascadestudio.persistence.EnforcedForeignKeys;
import dev.cascadestudio.persistence.SqlNames;
import dev.cascadestudio.persistence.SqlValues;
import dev.cascadestudio.persistence.TableInfo;
import dev.cascadestudio.persistence.UniqueColumns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.hibernate.dialect.Dialect;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.DataException;

/**
 * Puts a snapshot back in one transaction, in one pass over the file ({@link SnapshotReader}, which refuses a
 * file edited since it was written before the commit): inserts the deleted rows, parents first, then restores the
 * nulled values, each only where it is still NULL. Nothing changed since the delete may be overwritten: a deleted
 * row's key or name taken since is refused by the database's own primary key and unique indexes where it has them
 * ({@link UniqueColumns}), and looked up first, a chunk at a time, where it does not; a nulled value set again, or
 * its row gone, is found by its UPDATE changing no row (or, where the values go back from temporary tables once the
 * file is read, {@link ValuesTables}, by an UPDATE changing fewer rows than it was given). Either rolls the restore
 * back, and a check of the whole file
 * against the database (which writes nothing) then names every conflict ({@link RestoreConflictException}). At most
 * {@value #CHUNK} rows are looked up at a time (fewer where the product answers single-key lookups faster,
 * {@link DatabaseProduct#restoreLookupRows}; {@value #JSON_CHUNK} in one statement joined to them where it takes a
 * chunk as one JSON parameter, {@link DatabaseProduct#jsonRows}) and {@value #BATCH} written per JDBC batch, so
 * memory does not grow with the snapshot (H2's own transaction memory aside). Each lookup statement is prepared once
 * and reused: preparing a statement with hundreds of terms for every chunk cost a fifth of a restore. Progress is
 * reported as the file is read.
 */
public final class Restorer {

    private static final int CHUNK = 400;
    private static final int BATCH = 1_000;
    /** Rows checked per statement where the product takes a chunk as one JSON parameter ({@link DatabaseProduct#jsonRows}). */
    private static final int JSON_CHUNK = 1_000;
    /** Conflicts named in the message; the rest are only counted. */
    private static final int NAMED_CONFLICTS = 50;
    /** Progress is reported after every this many rows and values, and at every section. */
    private static final int REPORT_EVERY = 2_000;

    private final Database database;
    private final CascadeGraph graph;
    private final UnaryOperator<Connection> connections;

    public Restorer(Database database) {
        this(database, CascadeGraph.fromMapping());
    }

    public Restorer(Database database, CascadeGraph graph) {
        this(database, graph, UnaryOperator.identity());
    }

    /** {@code connections} wraps the JDBC connection restore works on: a seam for tests that record its SQL. */
    Restorer(Database database, CascadeGraph graph, UnaryOperator<Connection> connections) {
        this.database = database;
        this.graph = graph;
        this.connections = connections;
    }

    /**
     * What a restore put back: rows, values, and per section of the file its rows (a section's
     * {@link SnapshotContents.Section#newRows()} is its rows): what the audit record lists, counted in the restore's
     * own pass over the file instead of a second one.
     */
    public record RestoreResult(long rowsInserted, long valuesRestored, List<SnapshotContents.Section> sections) {
        public RestoreResult {
            sections = List.copyOf(sections);
        }
    }

    /** Restores into the database the snapshot was written for, and refuses any other. */
    public RestoreResult restore(Path snapshot) {
        return restore(snapshot, false);
    }

    /**
     * @param intoOtherDatabase restore even though the snapshot's header names another database than this one
     */
    public RestoreResult restore(Path snapshot, boolean intoOtherDatabase) {
        return restore(snapshot, intoOtherDatabase, ProgressListener.NONE);
    }

    /**
     * @param progress told how far the restore got: {@code done} of {@code total} are bytes of the file
     *                 read as it is written, and the message counts rows and values
     */
    public RestoreResult restore(Path snapshot, boolean intoOtherDatabase, ProgressListener progress) {
        boolean repair;
        try (SnapshotReader in = SnapshotReader.open(snapshot, graph)) {
            repair = !in.header().repairs().isEmpty();
            String written = in.header().database();
            // both sides canonical: a snapshot written with a relative URL (or before headers were canonical)
            // names the file it resolves to here, and another spelling of this database's URL is this database
            if (!intoOtherDatabase && !Database.identityOf(written).equals(database.identity())) {
                throw new SnapshotRefusedException(snapshot.toString(), "it was written for the database "
                        + SnapshotFormat.shorten(written) + ", not this one (restore with --into-other-database to put it here anyway)");
            }
        }
        try {
            return database.fromConnection(jdbc -> {
                try {
                    Connection connection = connections.apply(jdbc);
                    try (DatabaseProduct.BulkWrite bulk = product().beginBulkWrite(connection)) {
                        return restore(connection, snapshot, new Progress(progress, size(snapshot)));
                    }
                } catch (SQLException e) {
                    throw refusedByDatabase(snapshot, e, repair);
                }
            }, progress::waitingForLock);
        } catch (ChangedSince changed) {
            // rolled back, nothing written: the whole check says why (a row back, a value set again or its row gone,
            // since the delete), or else the file names one row or value twice
            throw explained(snapshot, repair, changed.refusal);
        } catch (SnapshotRefusedException refused) {
            // rolled back: a file edited since it was written is refused for that, whatever broke first; a constraint
            // that refused a row (its key or name taken again) is a conflict the whole check names. Anything else (a
            // lock, a lost connection) goes on up as it is: a second look would only meet it again.
            throw explained(snapshot, repair, refused);
        }
    }

    /**
     * Why a restore that was rolled back failed: the file, if it is not as it was written; else the conflicts the whole
     * check finds now; else {@code failure} itself. Runs after the rollback, in a transaction of its own that writes nothing.
     */
    private RuntimeException explained(Path snapshot, boolean repair, RuntimeException failure) {
        List<String> conflicts = new ArrayList<>();
        long total;
        try {
            total = database.fromConnection(jdbc -> {
                try {
                    return check(connections.apply(jdbc), snapshot, conflicts);
                } catch (SQLException e) {
                    throw refusedByDatabase(snapshot, e, repair);
                }
            });
        } catch (SnapshotRefusedException fileRefused) {
            return fileRefused;
        } catch (RuntimeException checkFailed) {
            failure.addSuppressed(checkFailed);
            return failure;
        }
        return total > 0 ? new RestoreConflictException(conflicts, total) : failure;
    }

    /**
     * What the write found changed since the delete: a row to put back that exists again, a value set to NULL that its
     * UPDATE found set again or its row gone. The restore's transaction is rolled back by it, and the whole check run
     * to say why ({@link #explained}); {@code refusal} is the reason where that check finds nothing (the file names a
     * row or value twice).
     */
    static final class ChangedSince extends RuntimeException {
        final SnapshotRefusedException refusal;

        ChangedSince(SnapshotRefusedException refusal) {
            super(refusal.getMessage(), null, false, false);
            this.refusal = refusal;
        }
    }

    private DatabaseProduct product() {
        return DatabaseProduct.of(database.kind());
    }

    private static long size(Path snapshot) {
        try {
            return Files.size(snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the snapshot " + snapshot + ": " + e.getMessage(), e);
        }
    }

    /**
     * One pass over the file. The rows go back only where none of them exists again (the same key or name, taken
     * since): where the database itself keeps keys and names unique, its constraints refuse such a row; elsewhere each
     * chunk of rows is looked up before it is written. The values set to NULL go back only where they are still NULL:
     * each UPDATE says so by the row it changed. Anything changed since ends the restore ({@link ChangedSince}, or the
     * constraint's error), which is then rolled back and explained. The reader checks the file as it goes (its digest
     * at the end), so a file edited since it was written is refused before the commit.
     */
    private RestoreResult restore(Connection connection, Path snapshot, Progress progress) throws SQLException {
        long[] counts = new long[2];
        List<SnapshotContents.Section> sections = new ArrayList<>();
        UniqueColumns unique = new UniqueColumns(connection);
        EnforcedForeignKeys enforced = new EnforcedForeignKeys(connection, database.kind());
        // the file is parsed and checked on a thread of its own, a few thousand rows ahead of the writes (ReadAhead)
        try (SnapshotRows in = ReadAhead.of(SnapshotReader.open(snapshot, graph)); Statements statements = new Statements(connection)) {
            Map<ForeignKeyRule, Set<String>> putBack = new HashMap<>();
            SnapshotReader.Section section = in.nextSection();
            try (BatchInserter inserter = new BatchInserter(connection, database.kind(), database.sqlNames(), BATCH)) {
                for (; section != null && section.deleted(); section = in.nextSection()) {
                    long before = in.rowsRead();
                    counts[0] += insert(snapshot, section, in, inserter, statements, unique, putBack,
                            labelParent(section.table(), in.header().repairs()), enforced, progress);
                    sections.add(SnapshotContents.section(section, in.rowsRead() - before));
                    progress.section(in.bytesRead(), in.rowsRead());
                }
                inserter.flush(); // the rows a nulled value points to are back first
            }
            // where the product puts values back from temporary tables, and this connection may make them; else one by one
            try (ValuesTables later = section == null ? null : ValuesTables.ifAllowed(connection, product(), database.sqlNames(),
                    new SqlValues(database.kind()), graph, snapshot, section.table(), section.columns())) {
                if (later != null) {
                    progress.valuesLater(in.bytesRead());
                }
                for (; section != null; section = in.nextSection()) {
                    if (section.deleted()) {
                        throw new SnapshotRefusedException(snapshot.toString(), "its rows of " + section.table().name()
                                + " come after the values set to NULL, where no delete writes them");
                    }
                    long before = in.rowsRead();
                    if (later == null) {
                        counts[1] += putNullsBack(connection, snapshot, section, in, putBack, in.header().repairs(), progress);
                        progress.section(in.bytesRead(), in.rowsRead());
                    } else {
                        counts[1] += load(connection, snapshot, section, in, putBack, in.header().repairs(), later, progress, counts[0]);
                        progress.section(in.bytesRead(), counts[0]);
                    }
                    sections.add(SnapshotContents.section(section, in.rowsRead() - before));
                }
                if (later != null) {
                    later.putBack(new ValuesTables.Progress() {
                        private long values;

                        @Override
                        public void setting(String table, long rows) {
                            progress.settingTable(table, rows, values, counts[1], counts[0] + values);
                        }

                        @Override
                        public void putBack(long values) {
                            this.values = values;
                            progress.puttingBack(values, counts[1], counts[0] + values);
                        }
                    });
                }
            }
            progress.committing(in.rowsRead());
        }
        return new RestoreResult(counts[0], counts[1], sections);
    }

    /**
     * Reads the whole snapshot (the reader refuses a file edited since it was written) and checks it against the
     * database, noting each conflict in {@code conflicts}; returns how many there are. Writes nothing.
     */
    private long check(Connection connection, Path snapshot, List<String> conflicts) throws SQLException {
        long total = 0;
        try (SnapshotReader in = SnapshotReader.open(snapshot, graph); Statements statements = new Statements(connection)) {
            for (SnapshotReader.Section section = in.nextSection(); section != null; section = in.nextSection()) {
                total += section.deleted()
                        ? deletedConflicts(statements, section, in, conflicts)
                        : nulledConflicts(statements, section, in, conflicts);
            }
        }
        return total;
    }

    /**
     * A constraint or a value the database refused while the rows went back: a row twice in the file, or a value
     * that does not fit its column. Anything else (a lock, a lost connection) is not the file's fault and goes on up.
     */
    private RuntimeException refusedByDatabase(Path snapshot, SQLException failure, boolean repair) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof SQLException e) {
                if (product().isForeignKeyViolation(e)) {
                    return new SnapshotRefusedException(snapshot.toString(), repair
                            ? "the database's foreign keys refused a value that names no row. A repair of dangling references"
                              + " can only be undone where the database does not enforce that key"
                            : "the database's foreign keys refused a row whose parent is no longer there"
                              + " (undo the delete of that parent first)");
                }
                String state = e.getSQLState();
                Dialect dialect = database.sqlNames().dialect();
                var delegate = dialect.buildSQLExceptionConversionDelegate();
                var converted = delegate == null ? null : delegate.convert(e, "restore", null);
                if (e instanceof SQLIntegrityConstraintViolationException || e instanceof SQLDataException
                        || (state != null && (state.startsWith("23") || state.startsWith("22")))
                        || converted instanceof ConstraintViolationException || converted instanceof DataException
                        || dialect.getViolatedConstraintNameExtractor().extractConstraintName(e) != null) {
                    return new SnapshotRefusedException(snapshot.toString(), "the database refused its rows"
                            + " (a row that appears twice, a name taken twice, or a value that does not fit its column)");
                }
            }
        }
        String message = String.valueOf(failure.getMessage()).strip();
        return new IllegalStateException("Could not restore " + snapshot + ", nothing was changed: the database reported "
                + message.lines().findFirst().orElse(message), failure);
    }

    /** The failure after {@code t} in its chain: a batch's next exception, else the cause. */
    static Throwable next(Throwable t) {
        if (t instanceof SQLException e && e.getNextException() != null && e.getNextException() != t) {
            return e.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    /**
     * Queues the section's rows for insertion, a chunk at a time, each chunk looked up first where the database does not
     * itself keep the rows' keys and names unique ({@link UniqueColumns}); and notes, for every SET NULL rule whose
     * parent is this table, the values the nulled rows may point to again: only rows this snapshot puts back; and for
     * its label rule, the names its labels may name ({@link #refuseLabelsOfNoRow}).
     */
    private long insert(Path snapshot, SnapshotReader.Section section, SnapshotRows in, BatchInserter inserter,
                        Statements statements, UniqueColumns unique, Map<ForeignKeyRule, Set<String>> putBack,
                        ForeignKeyRule labelParent, EnforcedForeignKeys enforced, Progress progress) throws SQLException {
        TableInfo table = section.table();
        List<TableInfo.Column> columns = section.columns();
        List<String> names = columns.stream().map(TableInfo.Column::name).toList();
        boolean lookUp = !unique.keeps(table.name(), table.keyColumns()) || !unique.keeps(table.name(), uniqueColumns(table));
        // the values this section's rows give back to the columns a delete set to NULL, and the names its labels may
        // name: each SET NULL rule's and each label rule's referenced value, noted per rule as the rows go in
        List<ForeignKeyRule> noted = graph.outgoing(table.name()).stream()
                .filter(e -> e.action() == ForeignKeyRule.Action.SET_NULL || e.isLabelRule()).toList();
        // where each rule's referenced column is in the section's rows (-1: not there, so never put back)
        int[] referencedAt = noted.stream().mapToInt(e -> names.indexOf(e.referencedColumn())).toArray();
        int chunkSize = lookUp ? chunkSize() : BATCH;
        List<List<Object>> chunk = new ArrayList<>(chunkSize);
        long n = 0;
        for (List<Object> row = in.nextRow(); ; row = in.nextRow()) {
            if (row != null) chunk.add(row);
            if (chunk.size() == chunkSize || (row == null && !chunk.isEmpty())) {
                if (lookUp && chunkConflicts(statements, table, names, chunk, new ArrayList<>(), new ArrayList<>()) > 0) {
                    throw new ChangedSince(new SnapshotRefusedException(snapshot.toString(), "it puts back a row of "
                            + table.name() + " twice"));
                }
                for (List<Object> each : chunk) {
                    for (int e = 0; e < noted.size(); e++) {
                        Object referenced = referencedAt[e] < 0 ? null : each.get(referencedAt[e]);
                        if (referenced != null) putBack.computeIfAbsent(noted.get(e), k -> new HashSet<>()).add(referenced.toString());
                    }
                    inserter.insert(table.name(), columns, each);
                    n++;
                }
                if (labelParent != null) {
                    inserter.flush();
                    refuseLabelsOfNoRow(snapshot, statements, table, labelParent, names, chunk, putBack.get(labelParent), enforced);
                }
                chunk.clear();
                progress.writing(in.bytesRead(), in.rowsRead());
            }
            if (row == null) break;
        }
        return n;
    }

    /**
     * The rule {@code labels.parent → T.name} whose parent every label of {@code table} put back must name, or null: for
     * a table that is no label table, and for one whose dangling parents the snapshot's delete repaired (those labels
     * named no row when they were deleted). A delete takes a label only with its row (a label is never a root), so
     * every label it wrote names a row the same file puts back, or one still there.
     */
    private ForeignKeyRule labelParent(TableInfo table, List<Repair> repairs) {
        if (!table.label() || repairs.contains(new Repair(table.name(), "parent"))) {
            return null;
        }
        return graph.incoming(table.name()).stream().filter(ForeignKeyRule::isLabelRule).findFirst().orElse(null);
    }

    /**
     * Refuses the restore if a label of {@code chunk}, now written, names no row of its parent table, by the database's
     * own {@code =} (a collation that ignores case matches as its foreign key would): what a database that enforces
     * {@code labels.parent → name} refuses by itself (a controller's MariaDB, where the chunk's rows were refused as
     * they went in and nothing is looked up: that look-up was 0.3 s of MariaDB's undo of the 1M-row big delete),
     * checked wherever the database declares no such key ({@code enforced}, asked only when a look-up would follow).
     * Only a file edited since it was written holds such a label, e.g. one moved to another kind's labels.
     * Where text compares byte for byte ({@link DatabaseProduct#comparesTextByteForByte}), a chunk whose labels all name a
     * row this restore has put back ({@code namesPutBack}, noted as those rows went in) needs no look-up: those rows are
     * there, and the database's {@code =} is Java's. That look-up was 0.4–0.6 s of PostgreSQL's undo of the 1M-row big
     * delete (37,663 labels), 35–51 ms of SQLite's.
     */
    private void refuseLabelsOfNoRow(Path snapshot, Statements statements, TableInfo table, ForeignKeyRule rule,
                                     List<String> columns, List<List<Object>> chunk, Set<String> namesPutBack,
                                     EnforcedForeignKeys enforced) throws SQLException {
        if (namesPutBack != null && product().comparesTextByteForByte()) {
            int parentAt = columns.indexOf(rule.column());
            boolean all = parentAt >= 0;
            for (int i = 0; all && i < chunk.size(); i++) {
                Object parent = chunk.get(i).get(parentAt);
                all = parent != null && namesPutBack.contains(parent.toString());
            }
            if (all) {
                return;
            }
        }
        if (enforced.enforces(table.name(), rule.column())) {
            return; // the rows of the chunk went in (flushed) under the database's own check of that key
        }
        SqlNames names = database.sqlNames();
        List<String> key = table.keyColumns();
        // joined, not NOT EXISTS (SELECT ...): MariaDB reads a chunk of a thousand keys as a table of values and then
        // materialised the subquery, every name of the parent table, once per chunk (3.9 of the 4.1 s that 12,554
        // schedule_labels took to go back on a 1M-row database); joined, each label looks its parent's name up
        String parentName = "p." + names.quote(rule.referencedColumn());
        String parent = "LEFT JOIN " + names.quote(rule.parentTable()) + " p ON " + parentName + " = t." + names.quote(rule.column());
        PreparedStatement ps = rowsOfChunk(statements, table, parent, key, chunk.stream().map(r -> pick(r, columns, key)).toList(),
                "t." + names.quote(rule.column()), parentName + " IS NULL");
        try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                throw new SnapshotRefusedException(snapshot.toString(), "it puts back a label of " + rule.parentTable()
                        + " whose parent '" + SnapshotFormat.shorten(String.valueOf(rs.getString(1))) + "' names no "
                        + rule.parentTable() + " (a label goes back only with its row)");
            }
        }
    }

    /** The columns no two rows of {@code table} may share besides its key: a row's name, a label's name and parent. */
    private static List<String> uniqueColumns(TableInfo table) {
        return table.label() ? List.of("name", "parent") : List.of("name");
    }

    /**
     * Which values of a nulled section may go back: only values that point to a row this snapshot put back, or, for a
     * column the delete repaired ({@link Repair}), values that still name no row at all: the dangling value it set to
     * NULL. Anything else is refused before it is written.
     */
    private final class NulledValues {
        private final Connection connection;
        private final Path snapshot;
        private final TableInfo table;
        private final TableInfo.Column column;
        private final List<Set<String>> targets;
        private final ForeignKeyRule repaired;
        private final Map<String, Boolean> namesNoRow = new HashMap<>();

        NulledValues(Connection connection, Path snapshot, SnapshotReader.Section section, Map<ForeignKeyRule, Set<String>> putBack,
                     List<Repair> repairs) {
            this.connection = connection;
            this.snapshot = snapshot;
            this.table = section.table();
            this.column = section.column();
            this.targets = graph.incoming(table.name()).stream()
                    .filter(e -> e.action() == ForeignKeyRule.Action.SET_NULL && e.column().equals(column.name()))
                    .map(e -> putBack.getOrDefault(e, Set.of())).toList();
            this.repaired = repairs.contains(new Repair(table.name(), column.name()))
                    ? new Repair(table.name(), column.name()).edge(graph) : null;
        }

        boolean repaired() {
            return repaired != null;
        }

        /** {@code value}, the row {@code key}'s, if it may go back; refuses the restore if not. */
        Object checked(List<String> key, Object value) {
            if (value == null || !putBackByTheSnapshot(value.toString())
                    && !(repaired != null && namesNoRow.computeIfAbsent(value.toString(), v -> namesNoRow(connection, repaired, v)))) {
                throw new SnapshotRefusedException(snapshot.toString(), table.name() + " " + display(key) + " would get back "
                        + column.name() + " = " + SnapshotFormat.describe(value) + ", which is no row the snapshot puts back"
                        + (repaired == null ? "" : " and no longer a value that names no row"));
            }
            return value;
        }

        /** Whether {@code value} names a row the snapshot puts back, by any SET NULL rule of this column. */
        private boolean putBackByTheSnapshot(String value) {
            for (Set<String> target : targets) {
                if (target.contains(value)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Puts the section's values back, one UPDATE per value in JDBC batches: only where the value is still NULL (so a row
     * the file names twice is refused, not overwritten) and only values {@link NulledValues} lets go back.
     */
    private long putNullsBack(Connection connection, Path snapshot, SnapshotReader.Section section, SnapshotRows in,
                              Map<ForeignKeyRule, Set<String>> putBack, List<Repair> repairs, Progress progress)
            throws SQLException {
        SqlNames names = database.sqlNames();
        SqlValues values = new SqlValues(database.kind());
        TableInfo table = section.table();
        TableInfo.Column column = section.column();
        List<TableInfo.Column> keys = section.columns();
        NulledValues allowed = new NulledValues(connection, snapshot, section, putBack, repairs);
        String where = String.join(" AND ", keys.stream().map(k -> names.quote(k.name()) + " = ?").toList());
        long n = 0;
        // Every value written below names a row this restore has put back, or is refused before it is written: the
        // database's own check of the foreign key would only find that row again. A repaired column's values name no
        // row, which a database that enforces the key must refuse: its check stays.
        try (DatabaseProduct.BulkWrite unchecked = allowed.repaired() ? () -> { } : product().checkingNoForeignKeys(connection);
             PreparedStatement ps = connection.prepareStatement("UPDATE " + names.quote(table.name()) + " SET "
                + names.quote(column.name()) + " = " + values.placeholder(column.kind()) + " WHERE " + where
                + " AND " + names.quote(column.name()) + " IS NULL")) {
            List<List<String>> queued = new ArrayList<>();
            for (List<Object> row = in.nextRow(); row != null; row = in.nextRow()) {
                List<String> key = pick(row, keys.size());
                Object value = allowed.checked(key, row.get(keys.size()));
                n++;
                values.bind(ps, 1, column.kind(), value);
                for (int i = 0; i < key.size(); i++) {
                    ps.setString(i + 2, key.get(i));
                }
                ps.addBatch();
                queued.add(key);
                if (queued.size() == BATCH) {
                    execute(snapshot, ps, queued, table, column);
                    progress.writing(in.bytesRead(), in.rowsRead());
                }
            }
            execute(snapshot, ps, queued, table, column);
        }
        return n;
    }

    /**
     * Loads the section's values into {@code later}'s temporary table of their table, each checked as
     * {@link #putNullsBack} checks it; they go back once the whole file is read ({@link ValuesTables#putBack}).
     */
    private long load(Connection connection, Path snapshot, SnapshotReader.Section section, SnapshotRows in,
                      Map<ForeignKeyRule, Set<String>> putBack, List<Repair> repairs, ValuesTables later, Progress progress,
                      long rowsPutBack) throws SQLException {
        List<TableInfo.Column> keys = section.columns();
        NulledValues allowed = new NulledValues(connection, snapshot, section, putBack, repairs);
        long n = 0;
        try (ValuesTables.Section values = later.section(section.table(), keys, section.column(), allowed.repaired())) {
            for (List<Object> row = in.nextRow(); row != null; row = in.nextRow()) {
                List<String> key = pick(row, keys.size());
                values.add(key, allowed.checked(key, row.get(keys.size())));
                if (++n % BATCH == 0) {
                    progress.writing(in.bytesRead(), rowsPutBack);
                }
            }
            values.finish();
        }
        return n;
    }

    /** Whether {@code value} names no row of {@code edge}'s parent table now (by the database's own {@code =}). */
    private boolean namesNoRow(Connection connection, ForeignKeyRule edge, String value) {
        SqlNames names = database.sqlNames();
        try (PreparedStatement ps = connection.prepareStatement("SELECT COUNT(*) FROM " + names.quote(edge.parentTable())
                + " WHERE " + names.quote(edge.referencedColumn()) + " = ?")) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check " + edge.parentTable() + " for " + value + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs the queued updates; each must have changed its row: one that did not found its value set again or its row
     * gone since the delete, or was named twice by the file.
     */
    private static void execute(Path snapshot, PreparedStatement ps, List<List<String>> queued, TableInfo table,
                                TableInfo.Column column) throws SQLException {
        if (queued.isEmpty()) {
            return;
        }
        int[] updated = ps.executeBatch();
        for (int i = 0; i < updated.length && i < queued.size(); i++) {
            if (updated[i] == 0) {
                throw new ChangedSince(new SnapshotRefusedException(snapshot.toString(), "it puts back " + table.name() + " "
                        + display(queued.get(i)) + "'s " + column.name() + " twice"));
            }
        }
        queued.clear();
    }

    private static List<String> pick(List<Object> row, int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) out.add(text(row, i));
        return out;
    }

    /** Conflicts of a deleted section, checked a chunk of rows at a time: the same key, then the same name, taken since. */
    private long deletedConflicts(Statements statements, SnapshotReader.Section section, SnapshotRows in,
                                  List<String> conflicts) throws SQLException {
        TableInfo table = section.table();
        List<String> columns = section.columns().stream().map(TableInfo.Column::name).toList();
        // named as before: all of the section's key conflicts, then its name conflicts
        List<String> byKey = new ArrayList<>();
        List<String> byName = new ArrayList<>();
        long found = 0;
        int chunkSize = chunkSize();
        List<List<Object>> chunk = new ArrayList<>(chunkSize);
        for (List<Object> row = in.nextRow(); ; row = in.nextRow()) {
            if (row != null) chunk.add(row);
            if (chunk.size() == chunkSize || (row == null && !chunk.isEmpty())) {
                found += chunkConflicts(statements, table, columns, chunk, byKey, byName);
                chunk.clear();
            }
            if (row == null) break;
        }
        byKey.forEach(c -> note(conflicts, c));
        byName.forEach(c -> note(conflicts, c));
        return found;
    }

    /** Rows of {@code chunk} (in the file's {@code columns}) whose key, or name, some row of the table has now. */
    private long chunkConflicts(Statements statements, TableInfo table, List<String> columns, List<List<Object>> chunk,
                                List<String> byKey, List<String> byName) throws SQLException {
        List<String> keyColumns = table.keyColumns();
        List<String> unique = uniqueColumns(table);
        return matches(statements, table, keyColumns, chunk.stream().map(r -> pick(r, columns, keyColumns)).toList(),
                        byKey, "a row with the same key exists again")
                + matches(statements, table, unique, chunk.stream().map(r -> pick(r, columns, unique)).toList(),
                        byName, table.label() ? "the same label exists again" : "another row took this name");
    }

    /** Conflicts of a nulled section, {@value #CHUNK} rows at a time: the row gone, or its column set again, since. */
    private long nulledConflicts(Statements statements, SnapshotReader.Section section, SnapshotRows in,
                                 List<String> conflicts) throws SQLException {
        long found = 0;
        int chunkSize = chunkSize();
        List<List<Object>> chunk = new ArrayList<>(chunkSize);
        for (List<Object> row = in.nextRow(); ; row = in.nextRow()) {
            if (row != null) chunk.add(row);
            if (chunk.size() == chunkSize || (row == null && !chunk.isEmpty())) {
                found += nulledConflicts(statements, section.table(), section.column().name(),
                        section.columns().stream().map(TableInfo.Column::name).toList(), chunk, conflicts);
                chunk.clear();
            }
            if (row == null) break;
        }
        return found;
    }

    private long nulledConflicts(Statements statements, TableInfo table, String column, List<String> keys,
                                 List<List<Object>> chunk, List<String> conflicts) throws SQLException {
        SqlNames names = database.sqlNames();
        long found = 0;
        List<List<String>> tuples = chunk.stream().map(row -> pick(row, keys, keys)).toList();
        Optional<DatabaseProduct.JsonRows> json = product().jsonRows();
        if (json.isPresent()) {
            return nulledConflicts(statements, json.get(), table, column, keys, tuples, conflicts);
        }
        Map<List<String>, String> current = new HashMap<>();
        String sql = "SELECT " + String.join(", ", keys.stream().map(names::quote).toList()) + ", " + names.quote(column)
                + " FROM " + names.quote(table.name()) + " t WHERE " + anyOf(keys, chunk.size());
        PreparedStatement ps = statements.prepare(sql);
        bindAnyOf(ps, table, keys, tuples);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                List<String> key = new ArrayList<>();
                for (int i = 0; i < keys.size(); i++) key.add(rs.getString(i + 1));
                current.put(key, rs.getString(keys.size() + 1));
            }
        }
        for (List<String> key : tuples) {
            String label = table.name() + " " + display(key);
            if (!current.containsKey(key)) {
                found++;
                note(conflicts, label + " no longer exists, so its " + column + " cannot be put back");
            } else if (current.get(key) != null) {
                found++;
                note(conflicts, label + " has " + column + " = '" + SnapshotFormat.oneLine(String.valueOf(current.get(key))) + "' now, not NULL");
            }
        }
        return found;
    }

    /**
     * {@link #nulledConflicts} in one statement for the whole chunk ({@link DatabaseProduct#jsonRows}): only the
     * rows that are gone or whose column is set again come back, in the file's order, each with its column's
     * value now (NULL where the row is gone).
     */
    private long nulledConflicts(Statements statements, DatabaseProduct.JsonRows json, TableInfo table, String column,
                                 List<String> keys, List<List<String>> tuples, List<String> conflicts) throws SQLException {
        SqlNames names = database.sqlNames();
        String row = " FROM " + names.quote(table.name()) + " t WHERE " + joined(json, keys);
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < keys.size(); i++) sql.append(json.value("j", i)).append(", ");
        sql.append("(SELECT t.").append(names.quote(column)).append(row).append(") FROM ").append(json.from("j"))
                .append(" WHERE NOT EXISTS (SELECT 1").append(row).append(" AND ")
                .append(json.isNullUnindexed("t." + names.quote(column))).append(") ORDER BY ").append(json.position("j"));
        PreparedStatement ps = statements.prepare(sql.toString());
        ps.setString(1, jsonText(tuples));
        long found = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                List<String> key = new ArrayList<>();
                for (int i = 0; i < keys.size(); i++) key.add(rs.getString(i + 1));
                String now = rs.getString(keys.size() + 1);
                String label = table.name() + " " + display(key);
                found++;
                note(conflicts, now == null ? label + " no longer exists, so its " + column + " cannot be put back"
                        : label + " has " + column + " = '" + SnapshotFormat.oneLine(now) + "' now, not NULL");
            }
        }
        return found;
    }

    /** {@code t.a = j.value ->> 0 AND t.b = j.value ->> 1 ...}: a row of the table {@code t} joined to a row of the chunk {@code j}. */
    private String joined(DatabaseProduct.JsonRows json, List<String> columns) {
        SqlNames names = database.sqlNames();
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            terms.add("t." + names.quote(columns.get(i)) + " = " + json.value("j", i));
        }
        return String.join(" AND ", terms);
    }

    /**
     * A chunk of keys or names as a JSON list of lists of strings, for {@link DatabaseProduct#jsonRows}: the file's
     * text, compared as a bound string was (the column's affinity makes an integer of a string of digits).
     */
    private static String jsonText(List<List<String>> tuples) {
        java.io.StringWriter out = new java.io.StringWriter(tuples.size() * 48);
        try (com.fasterxml.jackson.core.JsonGenerator g = SnapshotFormat.JSON.createGenerator(out)) {
            g.writeStartArray();
            for (List<String> tuple : tuples) {
                g.writeStartArray();
                for (String v : tuple) g.writeString(v); // null writes JSON null: SQL NULL, equal to nothing
                g.writeEndArray();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a chunk of the snapshot as JSON: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /** Counts rows of the snapshot whose values in {@code columns} already occur in the table. */
    private long matches(Statements statements, TableInfo table, List<String> columns, List<List<String>> tuples,
                         List<String> conflicts, String why) throws SQLException {
        SqlNames names = database.sqlNames();
        long found = 0;
        int chunkSize = chunkSize();
        for (int from = 0; from < tuples.size(); from += chunkSize) {
            List<List<String>> chunk = tuples.subList(from, Math.min(tuples.size(), from + chunkSize));
            PreparedStatement ps = rowsOfChunk(statements, table, null, columns, chunk,
                    String.join(", ", columns.stream().map(c -> "t." + names.quote(c)).toList()), null);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> hit = new ArrayList<>();
                    for (int i = 0; i < columns.size(); i++) hit.add(rs.getString(i + 1));
                    found++;
                    note(conflicts, table.name() + " " + display(hit) + ": " + why);
                }
            }
        }
        return found;
    }

    /**
     * The statement, bound, that gives {@code select} of the rows of {@code table} (as {@code t}) whose {@code columns}
     * hold one of {@code tuples} and that meet {@code condition} (null: any), with {@code join} (null: none) after
     * {@code t}, a JOIN whose columns {@code select} and {@code condition} may name: joined to the chunk given as one JSON
     * parameter where the product takes one ({@link DatabaseProduct#jsonRows}; each tuple joined to its row, so a tuple
     * the file holds twice comes back twice, in the file's order), else {@link #anyOf}.
     */
    private PreparedStatement rowsOfChunk(Statements statements, TableInfo table, String join, List<String> columns,
                                          List<List<String>> tuples, String select, String condition) throws SQLException {
        String tableAsT = database.sqlNames().quote(table.name()) + " t";
        String joins = join == null ? "" : " " + join;
        Optional<DatabaseProduct.JsonRows> json = product().jsonRows();
        if (json.isPresent()) {
            PreparedStatement ps = statements.prepare("SELECT " + select + " FROM " + json.get().from("j") + " JOIN "
                    + tableAsT + " ON " + joined(json.get(), columns) + joins + (condition == null ? "" : " WHERE " + condition)
                    + " ORDER BY " + json.get().position("j"));
            ps.setString(1, jsonText(tuples));
            return ps;
        }
        PreparedStatement ps = statements.prepare("SELECT " + select + " FROM " + tableAsT + joins + " WHERE "
                + anyOf(columns, tuples.size()) + (condition == null ? "" : " AND " + condition));
        bindAnyOf(ps, table, columns, tuples);
        return ps;
    }

    /**
     * {@code t.a IN (?, ?, ...) AND ((t.a = ? AND t.b = ?) OR (t.a = ? AND t.b = ?) ...)}: {@code tuples} tuples of
     * {@code columns} of the table {@code t}; {@code t.a IN (?, ?, ...)} for one column. The {@code IN} on the first column lets H2
     * find the rows through an index that begins with it (the key's {@code uid}, the unique {@code name}):
     * for the {@code OR} alone it read the whole table for every chunk, minutes for a snapshot of
     * 100,000 rows. SQLite and PostgreSQL look each {@code OR} term up in an index either way.
     */
    private String anyOf(List<String> columns, int tuples) {
        SqlNames names = database.sqlNames();
        String in = "t." + names.quote(columns.get(0)) + " IN (" + String.join(", ", java.util.Collections.nCopies(tuples, "?")) + ")";
        if (columns.size() == 1) {
            return in;
        }
        String one = "(" + String.join(" AND ", columns.stream().map(c -> "t." + names.quote(c) + " = ?").toList()) + ")";
        return in + " AND (" + String.join(" OR ", java.util.Collections.nCopies(tuples, one)) + ")";
    }

    /**
     * Binds {@link #anyOf}'s parameters: the first column's values, then (if more columns) every tuple,
     * each as its column's kind (PostgreSQL compares no integer label uid with a text parameter).
     */
    private void bindAnyOf(PreparedStatement ps, TableInfo table, List<String> columns, List<List<String>> tuples)
            throws SQLException {
        SqlValues values = new SqlValues(database.kind());
        int p = 1;
        for (List<String> tuple : tuples) {
            values.bind(ps, p++, table.column(columns.get(0)).kind(), tuple.get(0));
        }
        if (tuples.get(0).size() > 1) {
            for (List<String> tuple : tuples) {
                for (int i = 0; i < tuple.size(); i++) values.bind(ps, p++, table.column(columns.get(i)).kind(), tuple.get(i));
            }
        }
    }

    /** A row's key or name for a message, on one line whatever the file or the database holds. */
    static String display(List<String> values) {
        if (values.size() == 2 && values.get(1) != null && values.get(1).isEmpty()) {
            return SnapshotFormat.oneLine(String.valueOf(values.get(0))); // (uid, version) with the empty version
        }
        return SnapshotFormat.oneLine(values.size() == 1 ? "'" + values.get(0) + "'" : String.join("@", values.stream().map(String::valueOf).toList()));
    }

    private static void note(List<String> conflicts, String conflict) {
        if (conflicts.size() < NAMED_CONFLICTS) conflicts.add(conflict);
    }

    private static List<String> pick(List<Object> row, List<String> columns, List<String> wanted) {
        List<String> out = new ArrayList<>();
        for (String w : wanted) {
            out.add(text(row, columns.indexOf(w)));
        }
        return out;
    }

    /** A value of the row as text, as it is compared with the database's; null for a JSON null or a missing value. */
    private static String text(List<Object> row, int i) {
        Object v = i >= 0 && i < row.size() ? row.get(i) : null;
        return v == null ? null : v.toString();
    }

    private int chunkSize() {
        if (product().jsonRows().isPresent()) {
            return JSON_CHUNK;
        }
        return Math.max(1, Math.min(CHUNK, product().restoreLookupRows()));
    }

    /**
     * The check pass's lookup statements, each prepared once and reused while the restore runs (a full
     * chunk's statement is the same text every time); all closed at the end.
     */
    private static final class Statements implements AutoCloseable {
        private final Connection connection;
        private final Map<String, PreparedStatement> prepared = new HashMap<>();

        Statements(Connection connection) {
            this.connection = connection;
        }

        PreparedStatement prepare(String sql) throws SQLException {
            PreparedStatement ps = prepared.get(sql);
            if (ps == null) {
                if (prepared.size() >= 64) {
                    close(); // the last chunks of many sections: keep the number of open statements bounded
                }
                ps = connection.prepareStatement(sql);
                prepared.put(sql, ps);
            }
            return ps;
        }

        @Override
        public void close() throws SQLException {
            SQLException failure = null;
            for (PreparedStatement ps : prepared.values()) {
                try {
                    ps.close();
                } catch (SQLException e) {
                    if (failure == null) failure = e; else failure.addSuppressed(e);
                }
            }
            prepared.clear();
            if (failure != null) throw failure;
        }
    }

    /**
     * The restore's progress as a listener sees it: bytes of the file read (once, as it is written) out of the file's
     * size, the whole only when the commit starts; the message counts the rows and values put back. Where the values go
     * back only after the file is read ({@link ValuesTables}), reading them fills half of the rest of the bar and
     * putting them back the other half.
     */
    private static final class Progress {
        private final ProgressListener listener;
        private final long size;
        private long lastReported = -1;
        private long lastBytes;
        /** Bytes read when the first nulled section began, where its values go back after the file is read; else -1. */
        private long valuesFrom = -1;
        /** What goes on while the values go back from tables, said after the count; empty before. */
        private String now = "";

        Progress(ProgressListener listener, long size) {
            this.listener = listener;
            this.size = Math.max(2, size);
        }

        /** Reports at most every {@value Restorer#REPORT_EVERY} rows and values, or hundredth of the file. */
        void writing(long bytes, long putBack) {
            if (lastReported < 0 || putBack - lastReported >= REPORT_EVERY || bytes - lastBytes >= size / 100) {
                section(bytes, putBack);
            }
        }

        /** A section is written: reported whatever the count. */
        void section(long bytes, long putBack) {
            lastReported = putBack;
            lastBytes = bytes;
            restoring(position(bytes), putBack);
        }

        /** From {@code bytes} on, the values are read first and put back once the file is read. */
        void valuesLater(long bytes) {
            valuesFrom = bytes;
        }

        /** {@code values} of the file's {@code total} values are back, {@code putBack} rows and values in all. */
        void puttingBack(long values, long total, long putBack) {
            long half = (size - valuesFrom) / 2;
            restoring(valuesFrom + half + (total == 0 ? half : half * values / total), putBack);
        }

        /**
         * As {@link #puttingBack}, and the values of {@code rows} rows of {@code table} go back next: said until the next
         * table's, as the commit names the statement it runs (one UPDATE may set a whole table).
         */
        void settingTable(String table, long rows, long values, long total, long putBack) {
            now = "; putting back the values of " + String.format("%,d", rows) + (rows == 1 ? " row of " : " rows of ") + table;
            puttingBack(values, total, putBack);
        }

        /** At {@code done} bytes' worth of the bar (short of the whole, which is the commit's), {@code putBack} counted. */
        private void restoring(long done, long putBack) {
            listener.update(Math.min(done, size - 1), size, "Restoring: " + String.format("%,d", putBack)
                    + " rows and values put back" + now);
        }

        private long position(long bytes) {
            return valuesFrom < 0 || bytes < valuesFrom ? bytes : valuesFrom + (bytes - valuesFrom) / 2;
        }

        void committing(long rows) {
            listener.update(size, size, "Committing: " + String.format("%,d", rows) + " of " + String.format("%,d", rows)
                    + " rows and values put back");
        }
    }
}
