package dev.cascadestudio.service;

import dev.cascadestudio.cascade.CascadeGraph;
import dev.cascadestudio.persistence.AppDirectories;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;

/**
 * Opening a database as a use case: the default embedded database is created on first start and
 * filled with the demo data; any other URL must already hold a controller schema.
 */
public final class DatabaseSession implements AutoCloseable {

    private final Database database;
    private final boolean demoDataLoaded;
    private final TreeService tree;
    private final SearchService search;
    private final RowDetailsService rowDetails;
    private final CascadeService cascade;
    private final RowEditService rowEdit;

    private DatabaseSession(Database database, boolean demoDataLoaded) {
        this.database = database;
        this.demoDataLoaded = demoDataLoaded;
        CascadeGraph graph = CascadeGraph.fromMapping(database.sessionFactory().getMetamodel());
        this.tree = new TreeService(database, graph);
        this.search = new SearchService(database, graph);
        this.rowDetails = new RowDetailsService(database);
        this.cascade = new CascadeService(database);
        this.rowEdit = new RowEditService(database, graph, tree, rowDetails);
    }

    /** Opens {@code url}, or the default embedded database when {@code url} is null. */
    public static DatabaseSession open(String url, String user, String password) {
        boolean embedded = url == null;
        Database database = Database.open(embedded ? AppDirectories.defaultDatabaseUrl() : url, user, password,
                embedded ? Database.EmptyDatabase.CREATE_SCHEMA : Database.EmptyDatabase.REFUSE);
        try {
            boolean loaded = false;
            if (database.schemaCreated()) {
                DemoData.load(database);
                loaded = true;
            }
            return new DatabaseSession(database, loaded);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public Database database() { return database; }
    public boolean demoDataLoaded() { return demoDataLoaded; }
    /** True when opening found a delete that a crash had interrupted and put the database back as before it. */
    public boolean interruptedDeleteUndone() { return database.interruptedDeleteUndone(); }
    public BrowseService browse() { return new BrowseService(database); }
    public TreeService tree() { return tree; }
    public SearchService search() { return search; }
    public RowDetailsService rowDetails() { return rowDetails; }
    public CascadeService cascade() { return cascade; }
    public RowEditService rowEdit() { return rowEdit; }

    @Override
    public void close() {
        database.close();
    }
}
