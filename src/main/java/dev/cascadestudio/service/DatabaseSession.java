package dev.cascadestudio.service;

import dev.cascadestudio.cascade.CascadeGraph;
import dev.cascadestudio.persistence.AppDirectories;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.SchemaCheck;
import dev.cascadestudio.service.connections.ConnectionTier;
import dev.cascadestudio.persistence.demo.DemoData;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Opening a database as a use case, and the one way the window and the command line reach one: the
 * default embedded database is created on first start and filled with the demo data; any other URL
 * must already hold a controller schema.
 *
 * <p>A session is {@linkplain Mode#READ_ONLY read-only} or {@linkplain Mode#EDITING editing}, for its
 * whole life: switching means opening a new session. Only the embedded default database opens for
 * editing unless asked; a read-only session's database is opened read-only by the driver, and its
 * services refuse every write at their {@link WriteGate}.
 */
public final class DatabaseSession implements AutoCloseable {

    /** Whether the session may write. */
    public enum Mode { READ_ONLY, EDITING }

    private final Database database;
    private final Mode mode;
    private final ConnectionTier tier;
    /** Why this session is read-only although editing was asked for (the schema differs); "" otherwise. */
    private final String readOnlyBecause;
    private final boolean embedded;
    private final WriteGate gate;
    private final boolean demoDataLoaded;
    private final TreeService tree;
    private final SearchService search;
    private final RowDetailsService rowDetails;
    private final CascadeService cascade;
    private final RowEditService rowEdit;

    private DatabaseSession(Database database, boolean embedded, ConnectionTier tier, boolean demoDataLoaded, String readOnlyBecause) {
        this.database = database;
        this.embedded = embedded;
        this.tier = tier;
        this.readOnlyBecause = readOnlyBecause;
        this.gate = WriteGate.of(database, readOnlyBecause); // a refused write says why, where editing was refused
        this.mode = gate.writable() ? Mode.EDITING : Mode.READ_ONLY;
        this.demoDataLoaded = demoDataLoaded;
        CascadeGraph graph = CascadeGraph.fromMapping();
        this.tree = new TreeService(database, graph);
        this.search = new SearchService(database, graph, tree);
        this.rowDetails = new RowDetailsService(database);
        this.cascade = new CascadeService(database, gate);
        this.rowEdit = new RowEditService(database, graph, tree, rowDetails);
        StartupTimeline.mark("session-built");
    }

    /** Opens {@code url}, or the default embedded database when {@code url} is null, in its {@linkplain #defaultMode default mode}. */
    public static DatabaseSession open(String url, String user, String password) {
        return open(url, user, password, defaultMode(url));
    }

    /**
     * Opens {@code url}, or the default embedded database when {@code url} is null, in {@code mode}.
     * Opening for editing is a write of its own: it puts back a delete a crash interrupted, and creates
     * the embedded database (with the demo data) if it does not exist; read-only it does neither.
     */
    public static DatabaseSession open(String url, String user, String password, Mode mode) {
        return open(url, user, password, mode, ConnectionTier.DEVELOPMENT);
    }

    /**
     * Opens {@code url} in {@code mode}, with the care its saved connection's {@code tier} asks for (a
     * production database needs a reason for every delete). A database whose schema differs from the
     * mapping in a way that makes writing unsafe (see {@link Database#schemaDifferences()}) opens
     * read-only even when editing was asked for, and {@link #readOnlyBecause()} says why.
     */
    public static DatabaseSession open(String url, String user, String password, Mode mode, ConnectionTier tier) {
        return open(url, user, password, mode, tier, null);
    }

    /**
     * {@link #open(String, String, String, Mode, ConnectionTier)}, giving {@code firstUsers} (null: nobody) the
     * database's users, each with its number of projects, as soon as they are read on the open's first
     * connection, before the open goes on: at most once, on the open's thread; not at all where the database is
     * created here or cannot be read so. The open goes on when {@code firstUsers} returns: the window returns
     * once the users are on the screen (see {@link Database.FirstLook}).
     */
    public static DatabaseSession open(String url, String user, String password, Mode mode, ConnectionTier tier,
            Consumer<List<UserSummary>> firstUsers) {
        // one look per Database.open, and only the first openAs below is given one: told at most once
        Database.FirstLook look = firstUsers == null ? null : (connection, names, kind) -> {
            List<UserSummary> users = BrowseService.users(connection, names, kind);
            StartupTimeline.mark("first-look");
            firstUsers.accept(users);
        };
        DatabaseSession session = openAs(url, user, password, mode, tier, "", look);
        if (session.writable() && !session.database.schemaDifferences().isEmpty()) {
            String why = "This database differs from the GenAI Factory controller schema in ways that make writing unsafe ("
                    + SchemaCheck.describe(session.database.schemaDifferences(), 5).replaceAll("\\.$", "")
                    + "), so it is open read-only.";
            session.close();
            return openAs(url, user, password, Mode.READ_ONLY, tier, why, null);
        }
        return session;
    }

    private static DatabaseSession openAs(String url, String user, String password, Mode mode, ConnectionTier tier, String why,
            Database.FirstLook look) {
        StartupTimeline.mark("db-open");
        boolean embedded = isEmbeddedDefault(url);
        String opened = url == null ? AppDirectories.defaultDatabaseUrl() : url;
        Database.Access access = mode == Mode.EDITING ? Database.Access.WRITABLE : Database.Access.READ_ONLY;
        Database database = Database.open(opened, user, password,
                embedded ? Database.EmptyDatabase.CREATE_SCHEMA : Database.EmptyDatabase.REFUSE, access, look);
        try {
            boolean loaded = false;
            if (database.schemaCreated()) {
                WriteGate.of(database).check();
                DemoData.load(database);
                loaded = true;
            }
            StartupTimeline.mark("db-opened");
            return new DatabaseSession(database, embedded, tier == null ? ConnectionTier.DEVELOPMENT : tier, loaded, why);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * A new, empty database at {@code url} given Cascade Studio's schema, for editing: what
     * {@code generate} fills. Refuses a database that is not empty.
     */
    public static DatabaseSession create(String url) {
        Database database = Database.open(url, null, null, Database.EmptyDatabase.CREATE_SCHEMA, Database.Access.WRITABLE);
        if (!database.schemaCreated()) {
            database.close();
            throw new IllegalArgumentException("The database at " + url + " is not empty; generate writes only into a new database.");
        }
        return new DatabaseSession(database, false, ConnectionTier.DEVELOPMENT, false, "");
    }

    /**
     * Gives the empty database at {@code url} Cascade Studio's schema, only because the user asked for
     * it ({@code init}, or the window's button on the "holds no controller tables" message), and opens
     * it for editing. Refuses, changing nothing, a database that holds any table.
     */
    public static DatabaseSession initialise(String url, String user, String password) {
        Database database = Database.open(url, user, password, Database.EmptyDatabase.CREATE_SCHEMA_IF_NO_TABLES,
                Database.Access.WRITABLE);
        if (!database.schemaCreated()) {
            database.close();
            throw new IllegalArgumentException("This database already holds the GenAI Factory controller tables; init"
                    + " only gives an empty database its schema.");
        }
        return new DatabaseSession(database, false, ConnectionTier.DEVELOPMENT, false, "");
    }

    /** Only the embedded default database opens for editing unless asked; anything else opens read-only. */
    public static Mode defaultMode(String url) {
        return isEmbeddedDefault(url) ? Mode.EDITING : Mode.READ_ONLY;
    }

    /** Whether {@code url} is the embedded default database: null, or a URL of its file. */
    public static boolean isEmbeddedDefault(String url) {
        if (url == null) {
            return true;
        }
        Path file;
        try {
            file = Database.embeddedH2File(url);
        } catch (RuntimeException e) {
            return false;
        }
        return file != null && file.equals(AppDirectories.defaultDatabaseFile().toAbsolutePath());
    }

    /**
     * Rewrites the H2 file at {@code url} compactly after {@code generate} has filled it (H2 leaves it
     * many times larger than its data); needs the database closed. Other URLs: nothing.
     */
    public static void compactNewDatabase(String url) {
        Database.compactH2(url);
    }

    /** The cascade rules as the mapping declares them, read without any database. */
    public static CascadeGraph mappingRules() {
        return CascadeGraph.fromMapping();
    }

    public Database database() { return database; }
    public boolean demoDataLoaded() { return demoDataLoaded; }
    /** True when opening found a delete that a crash had interrupted and put the database back as before it. */
    public boolean interruptedDeleteUndone() { return database.interruptedDeleteUndone(); }
    /**
     * True when this read-only session found the journal of a delete a crash interrupted and left it:
     * switching to editing recovers it (puts the database back as before that delete).
     */
    public boolean interruptedDeletePending() { return database.interruptedDeletePending(); }
    public Mode mode() { return mode; }
    public boolean writable() { return mode == Mode.EDITING; }
    /** How careful to be: a production database is marked red, and a delete on it needs a reason. */
    public ConnectionTier tier() { return tier; }
    /** Why this session is read-only although editing was asked for; "" when it is not. */
    public String readOnlyBecause() { return readOnlyBecause; }

    /**
     * What differs from the GenAI Factory controller schema in a way that makes writing unsafe (a wrong
     * type, a column too short, a required column the controller does not have), as one sentence, for
     * every open, read-only ones included: a read-only open is told at once, not only when the user
     * asks to edit. "" when the schema matches.
     */
    public String schemaDiffers() {
        if (database.schemaDifferences().isEmpty()) {
            return "";
        }
        return "This database differs from the GenAI Factory controller schema ("
                + SchemaCheck.describe(database.schemaDifferences(), 5).replaceAll("\\.$", "")
                + "): it can be read, but not edited, since writing to it would not be safe.";
    }
    /** Whether this is the embedded default database in the data directory. */
    public boolean embedded() { return embedded; }
    /** The gate every write of this session passes; it refuses in a read-only session. */
    public WriteGate writeGate() { return gate; }
    /** Product and location, e.g. {@code SQLite · /home/me/sql.db}. */
    public String describeDatabase() { return database.describe(); }
    public BrowseService browse() { return new BrowseService(database); }
    public TreeService tree() { return tree; }
    public SearchService search() { return search; }
    /** What is broken in the database: the audit's findings for the Health view. */
    public HealthService health() { return new HealthService(cascade); }
    /** The rows of one table as a grid: filtered, sorted and paged by the database. */
    public GridService grid() { return new GridService(database); }
    public RowDetailsService rowDetails() { return rowDetails; }
    public CascadeService cascade() { return cascade; }
    public RowEditService rowEdit() { return rowEdit; }

    @Override
    public void close() {
        database.close();
    }
}
