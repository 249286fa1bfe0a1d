package dev.cascadestudio.testsupport;

import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;
import java.nio.file.Path;

/**
 * The demo data in a new database of one product, closed again so that a test opens it by URL as a user would: a
 * controller SQLite file or an H2 file in the test's directory, or a database of its own on the test server (dropped
 * on {@link #close}).
 */
public final class DemoDatabase implements AutoCloseable {

    public enum Product { SQLITE, H2, POSTGRESQL, MARIADB }

    private final String url;
    private final GateServers server;

    private DemoDatabase(String url, GateServers server) {
        this.url = url;
        this.server = server;
    }

    public static DemoDatabase create(Product product, Path dir) {
        GateServers server = switch (product) {
            case POSTGRESQL -> GateServers.create(GateServers.Server.POSTGRESQL);
            case MARIADB -> GateServers.create(GateServers.Server.MARIADB);
            case SQLITE, H2 -> null;
        };
        try (Database db = switch (product) {
            case SQLITE -> EngineDatabases.controllerSqlite(dir);
            case H2 -> EngineDatabases.h2(dir);
            case POSTGRESQL, MARIADB -> Database.open(server.url(), null, null, Database.EmptyDatabase.CREATE_SCHEMA);
        }) {
            DemoData.load(db);
            return new DemoDatabase(db.url(), server);
        }
    }

    public String url() {
        return url;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
