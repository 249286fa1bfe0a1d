package dev.cascadestudio.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What differs between the database products Cascade Studio opens, in one place: one implementation
 * per product ({@link H2Product}, {@link SqliteProduct}, {@link PostgreSqlProduct},
 * {@link MariaDbProduct} for MariaDB and MySQL). The engine and the services ask it "can you?" and
 * "how do you?", never which product it is. {@code DatabaseProductTest} lists the answers side by side.
 */
public interface DatabaseProduct {

    static DatabaseProduct of(DatabaseKind kind) {
        return switch (kind) {
            case H2 -> H2Product.INSTANCE;
            case SQLITE -> SqliteProduct.INSTANCE;
            case POSTGRESQL -> PostgreSqlProduct.INSTANCE;
            case MARIADB, MYSQL -> MariaDbProduct.INSTANCE;
        };
    }

    /**
     * Whether a plan may identify rows by the product's own row id ({@code _ROWID_}) instead of their
     * key: H2 gives every inserted row a new id while the database is open (Planner says why it matters).
     */
    boolean identifiesRowsById();

    /** Whether a statement can bind an array of keys as one parameter and join to it ({@code UNNEST(?)}). */
    boolean takesKeyArrays();

    /**
     * The condition that {@code column} (its SQL text) is one of {@code keys} given text keys bound as ONE
     * parameter ({@link #keyList} gives its value), or null where this product takes them one parameter
     * each ({@code column IN (?, ?, …)}). The roots of a delete are such keys: 10,000 runs chosen in the
     * grid bound one parameter each made every statement of their plan 10,000 parameters long, and the
     * plan took 11–12 times as long as the plan of their project, which reaches the same runs through
     * foreign-key indexes. By default null.
     */
    default String inKeyList(String column, int keys) {
        return null;
    }

    /** The value bound to the one parameter of {@link #inKeyList} for {@code keys}. */
    default Object keyList(java.util.List<String> keys) {
        throw new UnsupportedOperationException(this + " takes keys one parameter each");
    }

    /**
     * Whether text compares byte for byte in every column, so that Java's {@code equals} agrees with the
     * database's {@code =} (false where a column's collation decides, as on MariaDB/MySQL: under
     * {@code utf8mb4_general_ci} 'padded', 'PADDED' and 'padded ' are one name). Where it is false,
     * every comparison that decides what a delete takes is left to the database, in SQL.
     */
    boolean comparesTextByteForByte();

    /**
     * A condition that holds where {@code condition} is false or NULL, never where it is true (SQL's
     * {@code IS NOT TRUE}): a nulled column's rows leave out the rows the same delete removes anyway,
     * and a row whose {@code project_id} is NULL must stay in. Written in the shape this product's
     * planner estimates well; {@code condition} appears once, so its parameters keep their order.
     * By default {@code CASE WHEN condition THEN 1 ELSE 0 END = 0}.
     */
    default String notTrue(String condition) {
        return "CASE WHEN " + condition + " THEN 1 ELSE 0 END = 0";
    }

    /**
     * Whether statements find a child's rows by joining it to the DISTINCT keys of its parent's deleted
     * rows wherever they would otherwise filter it by {@code column IN (SELECT ...)} outside a SELECT's
     * WHERE: the commit's UPDATE and DELETE ({@code UPDATE keys JOIN child ... SET}, {@code DELETE child
     * FROM keys JOIN child}) and the planner's "nulled already" column (LEFT JOINs). For a product whose
     * planner runs such a subquery once per row over the whole table (MariaDB before 11.1).
     */
    default boolean joinsToParentKeys() {
        return false;
    }

    /**
     * Whether the commit sets all of a table's nulled columns in one UPDATE ({@code SET a = CASE WHEN <a's rows>
     * THEN NULL ELSE a END, b = ... WHERE <a's rows> OR <b's rows>}) instead of one UPDATE per column. For a
     * product that writes a new version of a row for every UPDATE that touches it, so that a row losing two
     * keys is written once instead of twice. By default one UPDATE per column.
     */
    default boolean nullsATablesColumnsTogether() {
        return false;
    }

    // ---- natural order: how names sort so that document-1004 comes before document-10039 ----

    /**
     * The SQL text of {@code text} without its trailing digits ({@code document-1004} gives
     * {@code document-}): a name sorts naturally by this, then by the number of trailing digits, then
     * by the name itself. By default {@code RTRIM(text, '0123456789')}, which trims any of those characters.
     */
    default String withoutTrailingDigits(String text) {
        return "RTRIM(" + text + ", '0123456789')";
    }

    /** The SQL text of the number of characters (not bytes) of {@code text}; by default {@code LENGTH(text)}. */
    default String characterLength(String text) {
        return "LENGTH(" + text + ")";
    }

    // ---- the grid: how one page of a filtered, sorted table is read ----

    /**
     * A condition that the text {@code text} contains the bound parameter {@code placeholder}, case ignored,
     * every character of it taken literally; the parameter is {@link #containedText} of the text in lower
     * case. By default {@code LOWER(text) LIKE ? ESCAPE '!'} with the pattern {@code %text%}.
     */
    default String containsLowered(String text, String placeholder) {
        return "LOWER(" + text + ") LIKE " + placeholder + " ESCAPE '!'";
    }

    /** The parameter {@link #containsLowered} binds for {@code lowered}: by default {@code %lowered%} with {@code % _ !} escaped by {@code !}. */
    default String containedText(String lowered) {
        StringBuilder pattern = new StringBuilder("%");
        for (char ch : lowered.toCharArray()) {
            if (ch == '%' || ch == '_' || ch == '!') {
                pattern.append('!');
            }
            pattern.append(ch);
        }
        return pattern.append('%').toString();
    }

    /**
     * The SQL of one page of a grid ({@link PageQuery}). By default as written: the planners of SQLite,
     * PostgreSQL and MariaDB weigh the LIMIT against how many rows a filter lets through, and choose between
     * walking an index in the order's way and sorting what an index on the filter finds.
     */
    default String pageSql(java.sql.Connection connection, PageQuery query) throws SQLException {
        return query.plain();
    }

    /**
     * A condition true of every row of {@code table} that lets a lookup by uid use a key that leads with the version:
     * {@code "version" IN (every version the table holds)}, read from that key by a loose index scan (one seek per
     * version) where the table's key is {@code (version, uid)} and it holds at most {@value #FEW_VERSIONS} versions;
     * null elsewhere (by default). Written unqualified, like the uid it goes with. The planner adds it to the scan of
     * many chosen rows of one table, a statement of that table alone ({@link #findsChildrenOfChosenRowsByKeyList}).
     */
    default String everyVersion(java.sql.Connection connection, SqlNames names, String table) throws SQLException {
        return null;
    }

    /** The most versions a table may hold for {@link #everyVersion} to be worth asking: each is one more seek per uid. */
    int FEW_VERSIONS = 16;

    /**
     * Whether the planner, where its scans read each row's key, keeps the keys of many chosen rows (100 or more of
     * one table, nothing else deleted from it) that their children refer to, and finds those children by the keys
     * bound as one list ({@link #inKeyList}) instead of by a subquery that reads the chosen rows again. By default
     * false; it needs a key list and byte-for-byte comparison (a list compares as a bound string does).
     */
    default boolean findsChildrenOfChosenRowsByKeyList() {
        return false;
    }

    /**
     * What ends a grid's order by {@code column} so that it is total, after the column: the key columns
     * {@code keyColumns} (the table's key without {@code column}) by default, or a column of the product's own
     * ({@code _ROWID_}) where comparing keys costs more than the product should pay.
     */
    default java.util.List<String> orderTieBreak(java.sql.Connection connection, String table, String column,
                                                 java.util.List<String> keyColumns) throws SQLException {
        return keyColumns;
    }

    /** The JDBC parameter text for a column of this kind: {@code ?}, or a cast where JSON needs one. */
    String placeholder(ColumnKind column);

    /** Binds a plain value (String, Boolean, Long, LocalDateTime, JSON as text) the way this product stores it. */
    void bind(PreparedStatement ps, int index, ColumnKind column, Object value) throws SQLException;

    /** Reads a column as a plain value. */
    Object read(ResultSet rs, int index, ColumnKind column) throws SQLException;

    /**
     * Whether {@code read}, the text {@link #read} gave for column {@code index} of the current row, is
     * exactly what the database holds, so that writing it back gives the same bytes. True where the
     * database only stores valid text (H2 and the servers check what they are given); SQLite stores
     * any bytes in a TEXT column, and text that is not valid UTF-8 reads as U+FFFD replacement characters.
     */
    default boolean readTextExactly(ResultSet rs, int index, String read) throws SQLException {
        return true;
    }

    // ---- which database a URL names ----

    /**
     * The database {@code url} (of this product) names, written so that two URLs naming the same database
     * give the same text and two naming different ones do not: an embedded file by its resolved real
     * path (a relative URL means the file in the working directory it was typed in), a server's database
     * by {@code host:port/database} with the default port filled in and settings, users and passwords
     * left out. A snapshot's header records it, and restore compares it with {@code --db}'s.
     */
    String identity(String url);

    /** The resolved real path of {@code file}: of its folder where the file itself does not exist (yet). */
    static String realPath(java.nio.file.Path file) {
        java.nio.file.Path absolute = file.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath().toString();
        } catch (java.io.IOException | SecurityException noFile) {
            java.nio.file.Path parent = absolute.getParent();
            try {
                return parent == null ? absolute.toString() : parent.toRealPath().resolve(absolute.getFileName()).toString();
            } catch (java.io.IOException | SecurityException noFolder) {
                return absolute.toString();
            }
        }
    }

    // ---- the crash guard ----

    /**
     * The file a delete backs up whole before it commits and a crash journal guards ({@link H2DeleteJournal}),
     * for a product whose commit a crash can cut short in the middle of the file; null where the
     * product's own journal keeps a commit whole (SQLite, the servers) or there is no file.
     */
    default java.nio.file.Path crashGuardedFile(String url) {
        return null;
    }

    /**
     * The statements every new connection runs (the open's first one and each of its pool) so that a lock another
     * connection holds, a row the controller is updating or a table a migration alters, is waited for at most
     * {@code wait}; the statement that waited then fails with the product's lock error, its transaction is rolled back,
     * and the administrator is told so ({@code service.FailureMessages}), instead of a dialog that waits for ever.
     * Empty (by default) where the driver bounds the wait already: sqlite-jdbc's busy timeout (3 s unless the URL
     * says otherwise), H2's lock timeout (an embedded file has no other writer).
     */
    default java.util.List<String> lockWaitSql(java.time.Duration wait) {
        return java.util.List.of();
    }

    /**
     * How to ask the server who holds the locks a connection waits for ({@link LockWatch}), or empty (by default) where
     * the product cannot say: an embedded file's other program is not a session the driver can name.
     */
    default java.util.Optional<LockHolders> lockHolders() {
        return java.util.Optional.empty();
    }

    /** Who holds the locks a connection waits for, asked on another connection. */
    interface LockHolders {
        /** The server's number of {@code connection}'s session, as its driver knows it (no round trip). */
        long sessionOf(java.sql.Connection connection) throws SQLException;

        /**
         * The sessions that session {@code waiting} waits for now, each in a few words for the administrator (its
         * number, user, client, how long its transaction has been open, its last statement where the server shows
         * it); empty when it waits for none.
         */
        java.util.List<String> holding(java.sql.Connection asker, long waiting) throws SQLException;
    }

    /** How many connections an open database keeps ({@link ConnectionPool}): SQLite allows one writer, so one avoids "database is locked" within this process. */
    default int connectionPoolSize() {
        return 4;
    }

    /**
     * How a second connection reads the data exactly as a writing transaction saw it when it began, while that
     * transaction goes on writing ({@link Database#readBeside}), or empty (by default) where the product cannot share one
     * transaction's view with another. A delete then writes its snapshot beside its statements instead of before them.
     */
    default java.util.Optional<SharedView> sharedView() {
        return java.util.Optional.empty();
    }

    /**
     * The statements a delete's transaction begins with, so that its statements take exactly the rows its snapshot
     * holds, whoever else writes meanwhile (the controller itself, on a live database); empty where the product needs
     * none. A row another client changes between the snapshot's read and the statement that takes it must either wait
     * for the delete's commit or make the delete fail ({@link #isSerializationFailure}), never be taken as changed while
     * the snapshot, and with it Undo, keeps it as it was. SQLite needs nothing: its reader's lock keeps every other
     * writer from committing until the delete's own commit, and in WAL mode, where it does not, SQLite refuses the
     * delete's first write instead; an embedded H2 file has no other writer. The setting must end with the delete's
     * transaction, whether it commits or fails before its first statement: the connection goes back to the pool.
     */
    default java.util.List<String> deleteTransactionSql() {
        return java.util.List.of();
    }

    /**
     * Whether {@code e} says the transaction was ended because another one changed the rows it works on (SQLState
     * 40001: PostgreSQL's "could not serialize access", MariaDB's deadlock; SQLite's own code): a delete so ended is
     * shown its plan again.
     */
    default boolean isSerializationFailure(SQLException e) {
        return "40001".equals(e.getSQLState());
    }

    /** One transaction's view of the data, handed to a second connection ({@link #sharedView}). */
    interface SharedView {
        /**
         * Whether the server lets {@code reader}'s role export a view (a hardened server may revoke it): tried in a
         * transaction of {@code reader}'s own, which is rolled back either way.
         */
        boolean offered(java.sql.Connection reader) throws SQLException;

        /** Makes {@code writer}'s transaction's current view of the data available to others; returns its name. */
        String export(java.sql.Connection writer) throws SQLException;

        /** Begins a read-only transaction on {@code reader} that sees the data as the view named {@code name}. */
        void adopt(java.sql.Connection reader, String name) throws SQLException;
    }

    // ---- the read-only switch: how this product is made to refuse every write on a connection ----

    /** The URL a read-only session connects with, given the URL the user gave. */
    default String readOnlyUrl(DatabaseKind kind, String url) {
        return kind.connectionUrl(url);
    }

    /** Driver properties that open connections read-only (given with every connection of the open, {@link ConnectionPool}). */
    default java.util.Map<String, String> readOnlyDriverProperties() {
        return java.util.Map.of();
    }

    /** The statement that makes a server session read-only, run on every new connection; empty where none is needed. */
    default java.util.Optional<String> readOnlySessionSql() {
        return java.util.Optional.empty();
    }

    /** Whether the database itself now refuses writes on {@code connection} (read back after it was switched). */
    default boolean isReadOnly(java.sql.Connection connection) throws SQLException {
        return connection.isReadOnly();
    }

    // ---- restore: how a snapshot goes back in fastest ----

    /**
     * How many of a snapshot's rows one conflict lookup of a restore asks the database about. A server
     * answers a statement per network round trip, so it gets hundreds of keys at once; an embedded
     * database answers a reused single-key statement in microseconds, faster than it plans one with
     * hundreds of {@code OR} terms.
     */
    default int restoreLookupRows() {
        return 400;
    }

    /**
     * Whether the foreign keys a table declares are enforced: a value that names no row is refused. True but
     * for SQLite, where Cascade Studio never switches enforcement on (a controller's file declares keys it
     * does not enforce).
     */
    default boolean enforcesDeclaredForeignKeys() {
        return true;
    }

    /**
     * How one statement takes a whole chunk of a restore's keys as a single text parameter (a JSON list of
     * lists) and joins to it, or empty where the product has no such table function. Where it has one, a
     * restore's conflict check asks about a thousand rows per statement instead of one: on SQLite, a
     * reused single-key lookup per row spent three times as long in the driver's calls as one joined
     * statement per chunk (100,000 nulled values: 1.4 s against 0.4 s). Its writes stay batched statements
     * per row: an UPDATE joined to a chunk took as long as they do (the time is the B-tree's, not the driver's).
     */
    default java.util.Optional<JsonRows> jsonRows() {
        return java.util.Optional.empty();
    }

    /**
     * Where the product puts the values a delete set to NULL back from a temporary table ({@link ValuesTable}): the
     * restore loads each table's values into one, and once the file is read sets them, the table's foreign-key columns
     * side by side, a chunk of rows per UPDATE, each row written once however many of its columns come back (MariaDB,
     * PostgreSQL). Empty (by default) where one UPDATE per value, in JDBC batches, was the faster: SQLite (0.8 s for the
     * 100,432 {@code run.workflow_id} values of a 1M-row undo, 2.6 s joined to a temporary table), H2.
     */
    default java.util.Optional<ValuesTable> valuesTable() {
        return java.util.Optional.empty();
    }

    /**
     * The SQL of {@link #valuesTable}'s temporary tables. The first, {@code temp}, is loaded as the file is read: the key
     * of a row of {@code table} ({@code k0, k1, ...}, unique), a value for each of the given columns ({@code v0, v1, ...},
     * NULL where the file puts none back) and {@code cs_twice}: 1 + the index of a column the file gave that row a value
     * for twice, else 0 (or, where it {@linkplain #loadsRows loads rows}, a row per value and neither the key's
     * uniqueness nor {@code cs_twice}). The second, {@code ordered}, is a copy of it in the order of the keys, numbered
     * ({@code cs_position}), from which the table is set a range of positions at a time: its rows in the order of the
     * table's primary key (in the file's order, the 100,432 {@code run} rows of a 1M-row undo took 11.9 s to set
     * instead of 3.9 s, each a page the buffer pool had to read).
     */
    interface ValuesTable {
        /** Creates {@code temp}, its keys and values typed as {@code table}'s columns. */
        String create(SqlNames names, String temp, String table, java.util.List<String> keys, java.util.List<String> columns);

        /**
         * Adds {@code rows} values of column {@code column} (an index into the {@code columns} columns {@link #create}
         * was given), each for a row: parameters are, row after row, the {@code keys} parts of the key and the value,
         * written {@code value}; a row already there gets the value too, and {@code cs_twice} if it already had one for
         * that column.
         */
        String add(String temp, int keys, int columns, int column, String value, int rows);

        /**
         * Whether the values are loaded instead as rows of {@code temp} through {@link DatabaseProduct#rowBatch}, one row
         * per value (the key's parts and that one column's value), {@link #add} unused: {@code temp} then has no key and
         * no {@code cs_twice}, and {@link #twice} and {@link #ordered} find a value given twice and bring a row's values
         * together. By default false.
         */
        default boolean loadsRows() {
            return false;
        }

        /**
         * A query of one row whose value for some column the file gave twice, or of none: 1 + the index of that column,
         * then the key's parts.
         */
        String twice(String temp, int keys, int columns);

        /**
         * The statements that create {@code ordered} from {@code temp}: a row per key, its values side by side,
         * {@code cs_position} 1, 2, ... in the order of the keys.
         */
        java.util.List<String> ordered(String temp, String ordered, int keys, int columns);

        /** Rows set per {@link #update} (and the restore's progress reported after each). By default 10,000. */
        default int rowsPerUpdate() {
            return 10_000;
        }

        /**
         * Sets {@code table}'s columns from {@code ordered}'s rows whose {@code cs_position} is above the first parameter
         * and at most the second: each column that has a value there, only where the table's value is NULL, and only
         * rows where every such column is NULL. Its update count is the number of rows it set.
         */
        String update(SqlNames names, String ordered, String table, java.util.List<String> keys, java.util.List<String> columns);

        String drop(String temp);
    }

    /** {@link #jsonRows}: the SQL that reads a JSON list of lists bound to one parameter as rows. */
    interface JsonRows {
        /** A FROM item named {@code alias}: one row per inner list of the parameter. */
        String from(String alias);

        /** The {@code index}-th value of a row as SQL: a JSON string as text, a number as an integer, null as NULL. */
        String value(String alias, int index);

        /**
         * {@code column IS NULL} written so that the planner does not find the rows by an index on it: the
         * chunk must be the outer loop (SQLite took the index on a nulled column, all its NULLs, for every
         * row of the chunk: minutes instead of a second).
         */
        String isNullUnindexed(String column);

        /** A row's position in the parameter, to keep the order it was given in. */
        String position(String alias);
    }

    /**
     * Whether {@code e} is the database refusing a value because its foreign key finds no parent row (or a
     * delete because children still refer to it): SQLSTATE 23503 (the standard's, PostgreSQL's) or H2's 23506.
     */
    default boolean isForeignKeyViolation(SQLException e) {
        return "23503".equals(e.getSQLState()) || "23506".equals(e.getSQLState());
    }

    /**
     * How rows of {@code table}, these {@code columns} of each, go to the database many at a time ({@link BatchInserter}:
     * a restore's deleted rows, the demo data, the generator). By default JDBC batches of one prepared INSERT.
     */
    default RowBatch rowBatch(java.sql.Connection connection, SqlNames names, String table,
                              java.util.List<TableInfo.Column> columns) throws SQLException {
        return new InsertBatch(connection, this, names, table, columns);
    }

    /** Rows of one table on their way to the database: {@link #add} queues one, {@link #send} writes those queued. */
    interface RowBatch extends AutoCloseable {
        /** Queues one row, its values in the order of the batch's columns (plain values, as {@link #bind} takes them). */
        void add(java.util.List<?> values) throws SQLException;

        /** Writes the rows queued since the last send; a row the database refuses ends it with the database's error. */
        void send() throws SQLException;

        @Override
        void close() throws SQLException;
    }

    /**
     * Settings for one large write on {@code connection} (a restore of a big snapshot), and how they are
     * taken back afterwards; nothing where the product needs none.
     */
    default BulkWrite beginBulkWrite(java.sql.Connection connection) throws SQLException {
        return () -> { };
    }

    /**
     * Switches the database's own check of foreign keys off on {@code connection} while a restore puts back values it
     * has itself found to name rows it put back in the same transaction, where the check would only find those rows
     * again; and how it is switched back. Nothing where the product has no such switch for one session.
     */
    default BulkWrite checkingNoForeignKeys(java.sql.Connection connection) throws SQLException {
        return () -> { };
    }

    /** Ends what {@link #beginBulkWrite} set on the connection. */
    @FunctionalInterface
    interface BulkWrite extends AutoCloseable {
        @Override
        void close() throws SQLException;
    }
}
