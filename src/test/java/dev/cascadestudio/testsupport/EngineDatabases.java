package dev.cascadestudio.testsupport;

import dev.cascadestudio.persistence.AppDirectories;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.testsupport.ServerDatabases.Server;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Fresh databases for engine tests: Cascade Studio's own H2 schema, a controller's SQLite file, and
 * on the machine's servers ({@link ServerDatabases}) a controller's MariaDB database as SQLAlchemy 1.4
 * creates it (InnoDB foreign keys enforced, collation {@code utf8mb4_nopad_bin}), a controller's
 * PostgreSQL database (same tables, no foreign keys) and the PostgreSQL database Cascade Studio
 * initialises itself. Server databases are new and uniquely named; {@link #close} drops them.
 */
public final class EngineDatabases {

    public enum Kind {
        H2(null), SQLITE(null), MARIADB_CONTROLLER(Server.MARIADB), POSTGRESQL_CONTROLLER(Server.POSTGRESQL),
        POSTGRESQL(Server.POSTGRESQL);

        private final Server server;

        Kind(Server server) {
            this.server = server;
        }

        /** The server this kind lives on, or null for an embedded database. */
        public Server server() { return server; }
    }

    /** The collation SQLAlchemy's MariaDB tests use here: the only built-in utf8mb4 one that keeps 'a' and 'a ' apart. */
    public static final String NOPAD_BIN = "utf8mb4_nopad_bin";

    private static final Map<Database, ServerDatabases.Created> ON_SERVER = new IdentityHashMap<>();
    /**
     * Server databases given back by {@link #close}, emptied, by kind and collation: the next
     * {@link #open} of the same kind takes one instead of creating a database, its tables and a
     * Hibernate session factory again (five seconds for MariaDB on a busy machine). Each is one
     * test's at a time, empty, its label uids counting from 1 again, as if new.
     */
    private static final Map<String, Deque<Database>> IDLE = new HashMap<>();
    private static final Map<Database, String> POOL_KEY = new IdentityHashMap<>();

    private EngineDatabases() {}

    public static Database open(Kind kind, Path dir) {
        return switch (kind) {
            case H2 -> h2(dir);
            case SQLITE -> controllerSqlite(dir);
            case MARIADB_CONTROLLER -> controllerMariaDb(NOPAD_BIN);
            case POSTGRESQL_CONTROLLER -> pooled("pg-controller", EngineDatabases::controllerPostgreSql);
            case POSTGRESQL -> pooled("pg", EngineDatabases::postgreSql);
        };
    }

    public static Database h2(Path dir) {
        return Database.open(AppDirectories.h2Url(dir.resolve("cascade")), null, null, Database.EmptyDatabase.CREATE_SCHEMA);
    }

    /** A SQLite file made with the exact DDL a controller runs (foreign keys not enforced), opened as-is. */
    public static Database controllerSqlite(Path dir) {
        String url = "jdbc:sqlite:" + dir.resolve("sql.db");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String statement : controllerDdl().split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return Database.open(url, null, null, Database.EmptyDatabase.REFUSE);
    }

    /** A new MariaDB database in {@code collation} with the controller's tables (controller_mariadb.sql), opened as-is. */
    public static Database controllerMariaDb(String collation) {
        return pooled("mariadb-controller-" + collation,
                () -> onServer(ServerDatabases.create(Server.MARIADB, collation), "/controller_mariadb.sql"));
    }

    /** A new PostgreSQL database with the controller's tables and no foreign keys (controller_postgresql.sql). */
    private static Database controllerPostgreSql() {
        return onServer(ServerDatabases.create(Server.POSTGRESQL, null), "/controller_postgresql.sql");
    }

    /** A new empty PostgreSQL database that Cascade Studio initialises with its own schema. */
    private static Database postgreSql() {
        return onServer(ServerDatabases.create(Server.POSTGRESQL, null), null);
    }

    private static Database pooled(String key, Supplier<Database> create) {
        dropClosed();
        Database db;
        synchronized (IDLE) {
            Deque<Database> idle = IDLE.get(key);
            db = idle == null ? null : idle.poll();
        }
        if (db == null) {
            db = create.get();
        }
        synchronized (IDLE) {
            POOL_KEY.put(db, key);
        }
        return db;
    }

    private static Database onServer(ServerDatabases.Created created, String ddl) {
        try {
            if (ddl != null) {
                ServerDatabases.run(created, resource(ddl));
            }
            Database db = Database.open(created.url(), created.server().user(), null,
                    ddl == null ? Database.EmptyDatabase.CREATE_SCHEMA : Database.EmptyDatabase.REFUSE);
            synchronized (ON_SERVER) {
                ON_SERVER.put(db, created);
            }
            return db;
        } catch (RuntimeException | Error e) {
            created.close();
            throw e;
        }
    }

    /** Drops the server databases of tests that closed their {@link Database} themselves instead of calling {@link #close}. */
    private static void dropClosed() {
        List<Database> closed = new ArrayList<>();
        synchronized (IDLE) {
            POOL_KEY.keySet().removeIf(db -> db.isClosed() && closed.add(db));
        }
        for (Database db : closed) {
            ServerDatabases.Created created;
            synchronized (ON_SERVER) {
                created = ON_SERVER.remove(db);
            }
            if (created != null) {
                created.close();
            }
        }
    }

    /** Closes the emptied databases kept for reuse; the JVM's exit then drops them ({@link ServerDatabases}). */
    static void closeIdle() {
        List<Database> idle = new ArrayList<>();
        synchronized (IDLE) {
            IDLE.values().forEach(idle::addAll);
            IDLE.clear();
        }
        idle.forEach(Database::close);
    }

    /** The server database {@code db} was made in, or null for an embedded one. */
    public static ServerDatabases.Created serverDatabase(Database db) {
        synchronized (ON_SERVER) {
            return ON_SERVER.get(db);
        }
    }

    /**
     * Closes {@code db}; a server database made here is emptied and kept for the next test of its kind
     * (dropped when the JVM exits), or dropped now if it cannot be emptied.
     */
    public static void close(Database db) {
        String key;
        synchronized (IDLE) {
            key = POOL_KEY.remove(db);
        }
        if (key != null) {
            try {
                empty(db);
                synchronized (IDLE) {
                    IDLE.computeIfAbsent(key, k -> new ArrayDeque<>()).add(db);
                }
                return;
            } catch (RuntimeException e) {
                // not reusable: closed and dropped below
            }
        }
        ServerDatabases.Created created;
        synchronized (ON_SERVER) {
            created = ON_SERVER.remove(db);
        }
        try {
            db.close();
        } finally {
            if (created != null) {
                created.close();
            }
        }
    }

    /**
     * Deletes every row of every mapped table, children first (labels, then the tables in reverse
     * order of their references, which InnoDB's enforced foreign keys need), and sets the label uids
     * counting from 1 again, as in a new database.
     */
    public static void empty(Database db) {
        List<String> childrenFirst = new ArrayList<>(RandomGraph.TABLES);
        Collections.reverse(childrenFirst);
        db.fromConnection(c -> {
            try (Statement s = c.createStatement()) {
                for (String table : childrenFirst) {
                    s.executeUpdate("DELETE FROM " + db.sqlNames().quote(table + "_labels"));
                }
                for (String table : childrenFirst) {
                    s.executeUpdate("DELETE FROM " + db.sqlNames().quote(table));
                }
                for (String table : childrenFirst) {
                    String labels = db.sqlNames().quote(table + "_labels");
                    switch (db.kind()) {
                        case H2 -> s.execute("ALTER TABLE " + labels + " ALTER COLUMN \"uid\" RESTART WITH 1");
                        case MARIADB, MYSQL -> s.execute("ALTER TABLE " + labels + " AUTO_INCREMENT = 1");
                        case POSTGRESQL -> s.execute("SELECT setval(pg_get_serial_sequence('" + labels + "', 'uid'), 1, false)");
                        case SQLITE -> { } // INTEGER PRIMARY KEY without AUTOINCREMENT: max + 1, so 1 again
                    }
                }
            }
            return null;
        });
    }

    /** {@code sql} written with "quoted" identifiers, in {@code db}'s own identifier quotes (MariaDB's backticks). */
    public static String sql(Database db, String sql) {
        String quote = db.sqlNames().quote("");
        return sql.replace("\"", quote.substring(0, 1));
    }

    /** The number {@code sql} (written with "quoted" identifiers, see {@link #sql}) gives, its parameters bound in order. */
    public static long count(Database db, String sql, Object... params) {
        return db.fromConnection(connection -> {
            try (java.sql.PreparedStatement ps = connection.prepareStatement(sql(db, sql))) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    static String controllerDdl() {
        return resource("/controller_sqlite.sql").replaceAll("(?m)^--.*$", "");
    }

    static String resource(String name) {
        try (InputStream in = EngineDatabases.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
