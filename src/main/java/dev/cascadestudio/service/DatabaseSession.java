package dev.cascadestudio.service;

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

    private DatabaseSession(Database database, boolean demoDataLoaded) {
        this.database = database;
        this.demoDataLoaded = demoDataLoaded;
    }

    /** Opens {@code url}, or the default embedded database when {@code url} is null. */
    public static DatabaseSession open(String url, String user, String password) {
        boolean embedded = url == null;
        Database database = Database.open(embedded ? AppDirectories.defaultDatabaseUrl() : url, user, password,
                embedded ? Database.EmptyDatabase.CREATE_SCHEMA : Database.EmptyDatabase.REFUSE);
        boolean loaded = false;
        try {
            if (database.schemaCreated()) {
                DemoData.load(database);
                loaded = true;
            }
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return new DatabaseSession(database, loaded);
    }

    public Database database() { return database; }
    public boolean demoDataLoaded() { return demoDataLoaded; }
    public BrowseService browse() { return new BrowseService(database); }

    @Override
    public void close() {
        database.close();
    }
}
