package dev.cascadestudio.persistence;

import dev.cascadestudio.domain.DomainModel;
import jakarta.persistence.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;

/**
 * An open controller database: its connections ({@link ConnectionPool}) over one JDBC URL, and the Hibernate
 * mapping's names and rules. The engine's work is plain JDBC in one transaction ({@link #fromConnection}); the
 * session factory is built only when a caller uses the ORM ({@link #inTransaction}, {@link #fromTransaction},
 * a new database's schema), over the same connections: its bootstrap was a second of every open, and nothing
 * the window or the command line does needs it.
 */
public final class Database implements AutoCloseable {

    /** How the message about a database with no table at all ends: the window offers to create the schema then. */
    public static final String EMPTY_DATABASE_HINT = " It is empty: `cascade-studio init` gives it Cascade Studio's schema.";

    /** What to do when the database holds none of the controller's tables. */
    public enum EmptyDatabase {
        /** Create the schema where none of the controller's tables exist (the embedded database, tests). */
        CREATE_SCHEMA,
        /** Create the schema only in a database that holds no table at all: what {@code init} asks for. */
        CREATE_SCHEMA_IF_NO_TABLES,
        /** Refuse a database without the controller's tables: every other open. */
        REFUSE
    }

    /**
     * Whether the connections may write. {@link #READ_ONLY} is enforced by the driver or the server
     * ({@link ReadOnlyConnections}), so a write that slipped past the services' gate is still refused; such
     * an open also never recovers an interrupted delete and never creates a schema.
     */
    public enum Access { READ_ONLY, WRITABLE }

    private final String url;
    private final DatabaseKind kind;
    private final ConnectionPool connections;
    /** Who holds a lock the work of {@link #fromConnection} waits for; null where the product cannot say. */
    private final LockWatch lockWatch;
    /** Built on first use ({@link #sessionFactory()}); null until then. Guarded by {@code this}. */
    private SessionFactory sessionFactory;
    private final SqlNames sqlNames;
    private final Path h2File;
    private final Access access;
    private boolean schemaCreated;
    private boolean interruptedDeletePending;
    private boolean interruptedDeleteUndone;
    private List<SchemaDifference> schemaDifferences = List.of();
    private volatile boolean closed;

    /**
     * Test seam: runs in an open that has just put back the backup of an interrupted delete, before H2
     * opens the file. A test pauses here to hold open the moment another process could slip in.
     */
    static volatile Runnable afterRestoreForTest = () -> { };

    private Database(String url, DatabaseKind kind, ConnectionPool connections, Access access) {
        this.url = url;
        this.access = access;
        this.kind = kind;
        this.connections = connections;
        this.sqlNames = SqlNames.of(kind);
        this.h2File = DatabaseProduct.of(kind).crashGuardedFile(url);
        this.lockWatch = DatabaseProduct.of(kind).lockHolders().map(holders -> new LockWatch(connections, holders)).orElse(null);
    }

    /**
     * The longest any connection of an open database waits for a lock another connection holds
     * ({@link DatabaseProduct#lockWaitSql}): long enough for a controller's own transactions, short enough that a
     * transaction left open elsewhere ends the work with a message instead of a dialog that never returns.
     */
    public static final java.time.Duration LOCK_WAIT = java.time.Duration.ofSeconds(10);

    /** Opens (and for an empty embedded database, creates) Cascade Studio's default H2 file. */
    public static Database openDefault() {
        AppDirectories.tightenOwn(AppDirectories.dataHome()); // an older version's 0755 data directory
        return open(AppDirectories.defaultDatabaseUrl(), null, null, EmptyDatabase.CREATE_SCHEMA);
    }

    /** Opens the database at {@code url} {@linkplain Access#WRITABLE writable}: see {@link #open(String, String, String, EmptyDatabase, Access)}. */
    public static Database open(String url, String user, String password, EmptyDatabase ifEmpty) {
        return open(url, user, password, ifEmpty, Access.WRITABLE);
    }

    /**
     * Opens the database at {@code url}. An embedded H2 file is opened with {@link H2FileSettings}
     * appended to its URL (unless the URL sets them itself); {@link #url()} stays the URL as given.
     * {@link Access#READ_ONLY} writes nothing at all: the driver opens the database read-only, an
     * interrupted delete's journal is only reported ({@link #interruptedDeletePending()}), and an empty
     * database is refused instead of given a schema.
     */
    public static Database open(String url, String user, String password, EmptyDatabase ifEmpty, Access access) {
        return open(url, user, password, ifEmpty, access, null);
    }

    /**
     * A read an open may make on its first connection, once the database is known to hold the controller's tables
     * and to be readable (after a crash-cut delete was undone), on the open's thread, before the open's
     * connections are made. It only reads; what it fails to read is left to the session. The open goes on when it
     * returns, so it may also hold the rest back: the window holds it until the users it read are on the screen,
     * so that the session's first queries do not take the CPU the window's first frames need.
     */
    @FunctionalInterface
    public interface FirstLook {
        void read(Connection connection, SqlNames names, DatabaseKind kind) throws SQLException;
    }

    /**
     * {@link #open(String, String, String, EmptyDatabase, Access)}, with {@code firstLook} (null: none) run on
     * the first connection: the window's first tree level is read so, before the session is ready. Not run on a
     * database given its schema here.
     */
    public static Database open(String url, String user, String password, EmptyDatabase ifEmpty, Access access,
            FirstLook firstLook) {
        UrlPolicy.check(url); // before any driver sees the URL: it may hold settings that run code
        DatabaseKind kind = DatabaseKind.fromUrl(url);
        boolean readOnly = access == Access.READ_ONLY;
        if (readOnly) {
            ifEmpty = EmptyDatabase.REFUSE;
        }
        prepareLocalFile(url, kind, ifEmpty, readOnly);
        String settingsUrl = readOnly ? ReadOnlyConnections.url(kind, url) : kind.connectionUrl(url);
        Path h2File = DatabaseProduct.of(kind).crashGuardedFile(url);
        // A delete that died between its backup and its end is undone before H2 sees the file, under a
        // lock held until this process has the file open (H2DeleteJournal.recover says why). Read-only,
        // neither: the journal is only looked at, and reported.
        boolean pending = readOnly && h2File != null && Files.exists(H2DeleteJournal.journalOf(h2File));
        try (H2DeleteJournal.RecoveryLock recovery = h2File == null || readOnly ? null : H2DeleteJournal.recover(h2File)) {
            boolean undone = recovery != null && recovery.restored();
            if (undone) {
                afterRestoreForTest.run();
            }
            // The probe stays open until the pool has its own first connection: closing it first would let
            // H2 close the file, and another process take it, in between.
            try (Probe probe = Probe.open(settingsUrl, url, user, password, kind, access)) {
                Set<String> present = tableNames(probe.connection());
                List<String> missing = new ArrayList<>();
                for (Class<?> entity : DomainModel.allEntityClasses()) {
                    String table = entity.getAnnotation(Table.class).name();
                    if (!present.contains(table)) {
                        missing.add(table);
                    }
                }
                boolean empty = missing.size() == DomainModel.allEntityClasses().size();
                if (empty && ifEmpty == EmptyDatabase.CREATE_SCHEMA_IF_NO_TABLES && !present.isEmpty()) {
                    throw new DatabaseOpenException("This database holds " + present.size() + " other table(s) ("
                            + String.join(", ", present.stream().limit(5).toList()) + (present.size() > 5 ? ", …" : "")
                            + ") and none of the controller's; Cascade Studio gives only an empty database its schema.");
                }
                boolean createSchema = empty && ifEmpty != EmptyDatabase.REFUSE;
                if (!missing.isEmpty() && !createSchema) {
                    throw new DatabaseOpenException(empty
                            ? "This database holds no GenAI Factory controller tables (" + url + ")."
                                    + (present.isEmpty() ? EMPTY_DATABASE_HINT : "")
                            : "This is not a complete GenAI Factory controller database: missing table(s) "
                                    + String.join(", ", missing) + ".");
                }
                // what differs from the mapping: a missing column makes every query fail, so the open is
                // refused; a type or length that does not fit only makes writing unsafe (the session says so)
                List<SchemaDifference> differences = createSchema ? List.of()
                        : SchemaCheck.compare(probe.connection(), kind.enforcesColumnTypes());
                List<SchemaDifference> unreadable = differences.stream().filter(SchemaDifference::blocksReading).toList();
                if (!unreadable.isEmpty()) {
                    throw new DatabaseOpenException("This database differs from the GenAI Factory controller schema: "
                            + SchemaCheck.describe(unreadable, 5));
                }
                if (!createSchema && firstLook != null) {
                    look(probe.connection(), kind, firstLook);
                }
                ConnectionPool pool = new ConnectionPool(probe.url(), connectionProperties(user, password, kind, access),
                        DatabaseProduct.of(kind).connectionPoolSize(),
                        c -> prepare(kind, access, c));
                try {
                    pool.giveBack(pool.borrow());
                } catch (SQLException | RuntimeException e) {
                    pool.close();
                    throw e;
                }
                Database database = new Database(url, kind, pool, access);
                database.interruptedDeleteUndone = undone;
                database.interruptedDeletePending = pending;
                database.schemaDifferences = differences;
                if (h2File != null) {
                    H2DeleteJournal.openedHere(h2File); // before the recovery lock is let go
                }
                if (createSchema) {
                    try {
                        SchemaCreator.create(database.sessionFactory(), database.sqlNames);
                    } catch (RuntimeException e) {
                        database.close();
                        throw e;
                    }
                    database.schemaCreated = true;
                }
                return database;
            } catch (SQLException e) {
                throw OpenErrors.explain(url, kind, e);
            }
        }
    }

    /** Runs {@code firstLook} on the probe's connection; what it cannot read, the session reads and reports. */
    private static void look(Connection connection, DatabaseKind kind, FirstLook firstLook) {
        try {
            firstLook.read(connection, SqlNames.of(kind), kind);
        } catch (SQLException | RuntimeException notRead) {
            // only a head start: the session reads the same again, and says what fails
        }
    }

    /** H2 error 90040, "Admin rights are required for this operation". */
    private static final int H2_ADMIN_RIGHTS_REQUIRED = 90040;

    /** The first connection to a database, and the URL it was made with (the one the pool's connections use). */
    private record Probe(Connection connection, String url) implements AutoCloseable {

        /**
         * Connects with {@code settingsUrl}; if H2 refuses its settings for want of admin rights (only
         * admins may set WRITE_DELAY), connects with {@code url} as given, i.e. with H2's defaults.
         */
        static Probe open(String settingsUrl, String url, String user, String password, DatabaseKind kind, Access access)
                throws SQLException {
            Properties properties = connectionProperties(user, password, kind, access);
            Probe probe;
            try {
                probe = new Probe(DriverManager.getConnection(settingsUrl, properties), settingsUrl);
            } catch (SQLException e) {
                String plain = access == Access.READ_ONLY ? ReadOnlyConnections.url(kind, url) : url;
                if (settingsUrl.equals(plain) || e.getErrorCode() != H2_ADMIN_RIGHTS_REQUIRED) {
                    throw e;
                }
                probe = new Probe(DriverManager.getConnection(plain, properties), plain);
            }
            try {
                prepare(kind, access, probe.connection());
            } catch (SQLException | RuntimeException e) {
                probe.close();
                throw e;
            }
            return probe;
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    /** What every new connection runs before it is used: the bound on lock waits and, read-only, the enforcement. */
    private static void prepare(DatabaseKind kind, Access access, Connection connection) throws SQLException {
        List<String> bound = DatabaseProduct.of(kind).lockWaitSql(LOCK_WAIT);
        if (!bound.isEmpty()) {
            try (java.sql.Statement s = connection.createStatement()) {
                for (String sql : bound) {
                    s.execute(sql);
                }
            }
        }
        if (access == Access.READ_ONLY) {
            ReadOnlyConnections.enforce(kind, connection);
        }
    }

    /** The driver's settings of every connection: the user, the password and, read-only, the product's own. */
    private static Properties connectionProperties(String user, String password, DatabaseKind kind, Access access) {
        Properties properties = new Properties();
        if (user != null) properties.setProperty("user", user);
        if (password != null) properties.setProperty("password", password);
        if (access == Access.READ_ONLY) {
            properties.putAll(ReadOnlyConnections.driverProperties(kind));
        }
        return properties;
    }

    private static void prepareLocalFile(String url, DatabaseKind kind, EmptyDatabase ifEmpty, boolean readOnly) {
        if (kind == DatabaseKind.SQLITE) {
            Path file = SqliteUrl.check(url).file();
            if (file != null && !Files.exists(file)) {
                throw new DatabaseOpenException("No SQLite database at " + file + ".");
            }
            return;
        }
        // every H2 file form (jdbc:h2:file:P, jdbc:h2:P, jdbc:h2:~/P) is one file; in memory there is none
        Path file = kind == DatabaseKind.H2 ? embeddedH2File(url) : null;
        if (file == null) {
            return;
        }
        // Connecting creates a missing H2 file: an existing database was asked for, so refuse before that.
        if (ifEmpty == EmptyDatabase.REFUSE && !Files.exists(Path.of(file + ".mv.db"))) {
            throw new DatabaseOpenException("No H2 database at " + file + ".mv.db.");
        }
        if (file.getParent() != null && !readOnly) {
            try {
                AppDirectories.createPrivateDirectories(file.getParent()); // owner-only: the data directory holds the database
            } catch (java.io.IOException e) {
                throw new DatabaseOpenException("Cannot create the data directory "
                        + file.getParent() + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * The file (without {@code .mv.db}, absolute) of an embedded H2 URL whose database name is a plain
     * file, such as {@code jdbc:h2:file:/x}, {@code jdbc:h2:/x} or {@code jdbc:h2:~/x}; null for
     * in-memory, server, other file systems' and other URLs. The settings are {@link UrlPolicy}'s to judge.
     */
    public static Path embeddedH2File(String url) {
        return H2Url.fileOrNull(url);
    }

    /**
     * The tables of the database (MariaDB/MySQL: catalog) and schema (PostgreSQL, H2) the connection
     * works in: a server's other databases do not make an empty one look complete.
     */
    private static Set<String> tableNames(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        Set<String> names = new TreeSet<>();
        String workingSchema;
        try {
            workingSchema = connection.getSchema();
        } catch (SQLException | AbstractMethodError e) {
            workingSchema = null;
        }
        try (ResultSet rs = meta.getTables(connection.getCatalog(), workingSchema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                if (schema != null && (schema.equalsIgnoreCase("INFORMATION_SCHEMA")
                        || schema.equalsIgnoreCase("pg_catalog"))) {
                    continue;
                }
                names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    /**
     * Hibernate over {@code connections}: the mapping's entities, the product's dialect, no schema changes. The
     * pool is the connection provider, so the ORM's sessions use the connections (and, read-only, the
     * enforcement) the engine's JDBC work does.
     */
    private static SessionFactory buildSessionFactory(ConnectionPool connections, DatabaseKind kind, String url) {
        Configuration cfg = new Configuration();
        DomainModel.allEntityClasses().forEach(cfg::addAnnotatedClass);
        cfg.getProperties().put(AvailableSettings.CONNECTION_PROVIDER, connections);
        cfg.setProperty("hibernate.dialect", kind.dialect());
        cfg.setProperty("hibernate.globally_quoted_identifiers", "true");
        cfg.setProperty("hibernate.hbm2ddl.auto", "none");
        cfg.setProperty("hibernate.jdbc.batch_size", "200");
        cfg.setProperty("hibernate.order_inserts", "true");
        cfg.setProperty("hibernate.order_updates", "true");
        cfg.setProperty("hibernate.show_sql", "false");
        try {
            return cfg.buildSessionFactory();
        } catch (RuntimeException e) {
            throw new DatabaseOpenException("Could not open " + url + ": " + rootMessage(e), e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    public String url() { return url; }

    /** Whether this database refuses a value of {@code table.column} that names no row (a foreign key it enforces). */
    public boolean enforcesForeignKey(String table, String column) {
        return DatabaseProduct.of(kind).enforcesDeclaredForeignKeys()
                && fromConnection(connection -> new EnforcedForeignKeys(connection, kind).enforces(table, column));
    }

    /** Which database this is, the same text whichever URL named it ({@link DatabaseProduct#identity}). */
    public String identity() { return DatabaseProduct.of(kind).identity(url); }

    /**
     * {@link #identity} of the database {@code url} names, as this process (its working directory) reads
     * it; {@code url} itself where it is no URL Cascade Studio knows (an old snapshot's header may hold anything).
     */
    public static String identityOf(String url) {
        try {
            return DatabaseProduct.of(DatabaseKind.fromUrl(url)).identity(url);
        } catch (RuntimeException notAUrl) {
            return url;
        }
    }
    /** The embedded H2 file (without {@code .mv.db}) this database is stored in, or null. */
    public Path h2File() { return h2File; }
    /** Whether this open found a delete interrupted by a crash and put the database back as before it. */
    public boolean interruptedDeleteUndone() { return interruptedDeleteUndone; }
    /**
     * How the database differs from the mapping in ways that leave it readable but make writing
     * unsafe (a type or length that does not fit, a required column the mapping does not know); empty
     * for a database that matches.
     */
    public List<SchemaDifference> schemaDifferences() { return schemaDifferences; }
    /**
     * Whether this read-only open found the journal of a delete interrupted by a crash beside the H2 file
     * and left it alone: a writable open recovers it.
     */
    public boolean interruptedDeletePending() { return interruptedDeletePending; }
    /** Whether this database was opened read-only (enforced by the driver) or writable. */
    public Access access() { return access; }
    /** Whether this open created the schema in an empty database. */
    public boolean schemaCreated() { return schemaCreated; }
    public DatabaseKind kind() { return kind; }
    public SqlNames sqlNames() { return sqlNames; }
    /** Whether {@link #close()} was called. */
    public boolean isClosed() { return closed; }

    /** Hibernate's session factory over this database's connections, built on the first call (about a second). */
    public synchronized SessionFactory sessionFactory() {
        if (closed) {
            throw new IllegalStateException("The database " + url + " is closed.");
        }
        if (sessionFactory == null) {
            sessionFactory = buildSessionFactory(connections, kind, url);
        }
        return sessionFactory;
    }

    /** Runs ORM work in one session and transaction (builds the session factory first if it is not yet). */
    public void inTransaction(Consumer<Session> work) {
        sessionFactory().inTransaction(work);
    }

    public <R> R fromTransaction(Function<Session, R> work) {
        return sessionFactory().fromTransaction(work);
    }

    /**
     * Runs plain JDBC work on one connection inside one transaction: committed when the work returns, rolled back
     * when it throws. A {@link SQLException} comes out as Hibernate's {@link org.hibernate.JDBCException} for it
     * (the dialect's conversion, as a session's JDBC work gets), with the SQLException as its cause.
     */
    public <R> R fromConnection(JdbcWork<R> work) {
        return fromConnection(work, holders -> { });
    }

    /**
     * {@link #fromConnection(JdbcWork)}, telling {@code whileWaiting} on another thread, once the work has run for a
     * second and again as they change, which sessions hold a lock it waits for (where the product can say:
     * {@link DatabaseProduct#lockHolders}); the work gives up after {@link #LOCK_WAIT}.
     */
    public <R> R fromConnection(JdbcWork<R> work, Consumer<List<String>> whileWaiting) {
        Connection connection;
        try {
            connection = connections.borrow();
        } catch (SQLException e) {
            throw converted(e, "Could not connect to " + url);
        }
        LockWatch.Watched watched = lockWatch == null ? null : lockWatch.watch(connection, whileWaiting);
        try {
            R result = work.apply(connection);
            connection.commit();
            return result;
        } catch (SQLException e) {
            heldBy(watched, e);
            rollback(connection, e);
            throw converted(e, "JDBC work failed");
        } catch (RuntimeException | Error e) {
            heldBy(watched, e);
            rollback(connection, e);
            throw e;
        } finally {
            if (watched != null) {
                watched.stop();
            }
            connections.giveBack(connection);
        }
    }

    /** Attaches to {@code failure} whom its work was seen waiting for, if anyone ({@link LockHeldBy}). */
    private static void heldBy(LockWatch.Watched watched, Throwable failure) {
        List<String> holders = watched == null ? List.of() : watched.stop();
        if (!holders.isEmpty()) {
            failure.addSuppressed(new LockHeldBy(holders));
        }
    }

    /** Test seam: how long a pooled connection may lie idle before it is checked as it is lent out ({@link ConnectionPool}). */
    void checkIdleConnectionsAfter(java.time.Duration idle) {
        connections.checkIdleAfter(idle);
    }

    /**
     * Starts {@code work} on a second connection that sees the data as {@code writer}'s transaction sees it now, on a
     * thread of its own, while {@code writer} goes on writing; its transaction is read-only and rolled back when the work
     * is done. Empty where the product cannot share a transaction's view ({@link DatabaseProduct#sharedView}), the server
     * does not let this connection's role take one (tried on the second connection first: a failed export would have
     * ended {@code writer}'s transaction), the second connection cannot take the view, or no second connection is free:
     * the caller then does the work itself, before writing. The view is named before this returns, so the writer may
     * fail at once; {@link ReadBeside#joinAfter} then waits for the work to end.
     */
    public <R> java.util.Optional<ReadBeside<R>> readBeside(Connection writer, JdbcWork<R> work) throws SQLException {
        var shared = DatabaseProduct.of(kind).sharedView();
        if (shared.isEmpty()) {
            return java.util.Optional.empty();
        }
        Connection reader;
        try {
            reader = connections.borrow();
        } catch (SQLException allInUse) {
            return java.util.Optional.empty();
        }
        try {
            if (!shared.get().offered(reader)) {
                connections.giveBack(reader);
                return java.util.Optional.empty();
            }
        } catch (SQLException unusable) { // a connection that died idle in the pool: nothing has run on the writer yet
            letGo(reader, unusable);
            return java.util.Optional.empty();
        }
        try {
            String view = shared.get().export(writer);
            try {
                shared.get().adopt(reader, view);
            } catch (SQLException refused) { // the writer's transaction is as it was: it reads before it writes instead
                letGo(reader, refused);
                return java.util.Optional.empty();
            }
        } catch (SQLException | RuntimeException e) {
            letGo(reader, e);
            throw e;
        }
        java.util.concurrent.FutureTask<R> task = new java.util.concurrent.FutureTask<>(() -> {
            try {
                return work.apply(reader);
            } finally {
                try {
                    reader.rollback(); // read-only: nothing to keep
                } catch (SQLException ignored) {
                    // the connection is given back and checked by the pool
                }
                connections.giveBack(reader);
            }
        });
        Thread thread = new Thread(task, "cascade-read-beside");
        thread.setDaemon(true);
        thread.start();
        return java.util.Optional.of(new ReadBeside<>(task));
    }

    /** A second connection {@link #readBeside} will not read on after {@code failure}: rolled back and given back. */
    private void letGo(Connection reader, Throwable failure) {
        rollback(reader, failure);
        connections.giveBack(reader);
    }

    private static void rollback(Connection connection, Throwable failure) {
        try {
            if (!connection.isClosed()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private org.hibernate.JDBCException converted(SQLException e, String what) {
        var delegate = sqlNames.dialect().buildSQLExceptionConversionDelegate();
        org.hibernate.JDBCException converted = delegate == null ? null : delegate.convert(e, what, null);
        return converted != null ? converted : new org.hibernate.exception.GenericJDBCException(what, e);
    }

    @FunctionalInterface
    public interface JdbcWork<R> {
        R apply(Connection connection) throws SQLException;
    }

    /**
     * Rewrites an H2 file compactly (after bulk writes H2 leaves it many times larger than its data).
     * Needs the database closed by everyone else; takes seconds for a million rows.
     */
    public static void compactH2(String url) {
        UrlPolicy.check(url);
        if (DatabaseKind.fromUrl(url) != DatabaseKind.H2) {
            return;
        }
        try (Connection c = DriverManager.getConnection(H2FileSettings.apply(url)); java.sql.Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            throw OpenErrors.explain(url, DatabaseKind.H2, e);
        }
    }

    /** A short description for a status bar: product and location. */
    public String describe() {
        return kind.displayName() + " · " + url.replaceFirst("^jdbc:[a-z0-9]+:(file:)?", "");
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        synchronized (this) {
            if (sessionFactory != null) {
                sessionFactory.close();
            }
        }
        if (lockWatch != null) {
            lockWatch.close();
        }
        connections.close();
        if (h2File != null) {
            H2DeleteJournal.closedHere(h2File);
        }
    }
}
