package dev.cascadestudio.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * The machine's database servers for tests: PostgreSQL on 127.0.0.1:5432 (trust authentication, user
 * {@code postgres}) and MariaDB on 127.0.0.1:3306 ({@code root} without a password), each reached
 * through its {@code test} database ({@code -Dtest.postgresql.address=host:port} and
 * {@code -Dtest.mariadb.address} point them elsewhere). Every test gets a database of its own, {@code cs_srv_<pid>_<n>},
 * created here and dropped by {@link Created#close()} (or, for one left open, when the JVM exits).
 *
 * <p>Skip policy: when a server cannot be reached, a test that needs it is skipped with a printed
 * reason naming the server and its address, except under {@code CI=true}, where it fails.
 */
public final class ServerDatabases {

    public enum Server {
        POSTGRESQL("PostgreSQL", "postgresql", "127.0.0.1:5432", "?connectTimeout=5", "postgres"),
        MARIADB("MariaDB", "mariadb", "127.0.0.1:3306", "?connectTimeout=5000", "root");

        private final String displayName;
        private final String address;
        private final String urlPrefix;
        private final String options;
        private final String user;

        Server(String displayName, String scheme, String defaultAddress, String options, String user) {
            this.displayName = displayName;
            // -Dtest.mariadb.address=host:port (or test.postgresql.address) points the tests elsewhere
            this.address = System.getProperty("test." + scheme + ".address", defaultAddress);
            this.urlPrefix = "jdbc:" + scheme + "://" + address + "/";
            this.options = options;
            this.user = user;
        }

        public String user() { return user; }

        /** {@code host:port}, from {@code -Dtest.<scheme>.address} or the default. */
        public String address() { return address; }

        /** The URL of database {@code name} on this server, as a user would type it. */
        public String url(String name) { return urlPrefix + name; }

        public String adminUrl() { return urlPrefix + "test" + options; }

        @Override
        public String toString() { return displayName + " at " + address; }
    }

    /** A database made for one test; closing it drops it. */
    public record Created(Server server, String name) implements AutoCloseable {
        public String url() { return server.url(name); }

        @Override
        public void close() {
            drop(this);
        }
    }

    private static final Map<Server, Optional<String>> UNREACHABLE = new EnumMap<>(Server.class);
    private static final List<Created> LIVE = new ArrayList<>();
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static boolean hookAdded;

    private ServerDatabases() {}

    /** Whether this run must fail rather than skip when a server is missing. */
    public static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Why {@code server} cannot be used ("PostgreSQL at 127.0.0.1:5432 is unreachable: ..."), or empty. */
    public static synchronized Optional<String> unreachable(Server server) {
        return UNREACHABLE.computeIfAbsent(server, s -> {
            try (Connection c = DriverManager.getConnection(s.adminUrl(), s.user(), null)) {
                return Optional.empty();
            } catch (SQLException e) {
                String reason = s + " is unreachable (" + e.getMessage().lines().findFirst().orElse("") + ")";
                System.err.println("[server tests] " + reason + (ci() ? "; CI=true, so its tests fail."
                        : "; its tests are skipped (start it, see README: Tests)."));
                return Optional.of(reason);
            }
        });
    }

    /** Skips the calling JUnit test when {@code server} is unreachable, or fails it under {@code CI=true}. */
    public static void assumeReachable(Server server) {
        Optional<String> reason = unreachable(server);
        if (reason.isPresent()) {
            if (ci()) {
                throw new AssertionError("CI=true and " + reason.get());
            }
            Assumptions.abort(reason.get() + ": test skipped.");
        }
    }

    /**
     * A new empty database on {@code server}. On MariaDB it is created with {@code utf8mb4} and
     * {@code collation}; on PostgreSQL {@code collation} must be null (UTF8, the server's C.UTF-8 default).
     */
    public static Created create(Server server, String collation) {
        assumeReachable(server);
        String name = "cs_srv_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        String sql = switch (server) {
            case MARIADB -> "CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE " + collation;
            case POSTGRESQL -> {
                if (collation != null) {
                    throw new IllegalArgumentException("PostgreSQL databases here use the server's default collation");
                }
                yield "CREATE DATABASE \"" + name + "\" ENCODING 'UTF8'";
            }
        };
        admin(server, sql);
        Created created = new Created(server, name);
        synchronized (ServerDatabases.class) {
            LIVE.add(created);
            if (!hookAdded) {
                hookAdded = true;
                Runtime.getRuntime().addShutdownHook(new Thread(ServerDatabases::dropAll, "drop-test-databases"));
            }
        }
        return created;
    }

    /**
     * A new PostgreSQL database holding a copy of {@code source} ({@code CREATE DATABASE ... TEMPLATE}:
     * a file copy on the server, much faster than filling it again; nothing may be connected to
     * {@code source} meanwhile). Dropped like any other made here.
     */
    public static Created copyOf(Created source) {
        if (source.server() != Server.POSTGRESQL) {
            throw new IllegalArgumentException("only PostgreSQL copies a database from a template");
        }
        String name = "cs_srv_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        admin(Server.POSTGRESQL, "CREATE DATABASE \"" + name + "\" TEMPLATE \"" + source.name() + "\"");
        Created created = new Created(Server.POSTGRESQL, name);
        synchronized (ServerDatabases.class) {
            LIVE.add(created);
        }
        return created;
    }

    /** Runs DDL in {@code created}, statements separated by {@code ;} at line ends, {@code --} comments skipped. */
    public static void run(Created created, String script) {
        try (Connection c = DriverManager.getConnection(created.url(), created.server().user(), null);
             Statement s = c.createStatement()) {
            for (String statement : script.replaceAll("(?m)^--.*$", "").split(";\\s*(\\n|$)")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("DDL failed on " + created.url() + ": " + e.getMessage(), e);
        }
    }

    static void drop(Created created) {
        synchronized (ServerDatabases.class) {
            if (!LIVE.remove(created)) {
                return;
            }
        }
        admin(created.server(), switch (created.server()) {
            case MARIADB -> "DROP DATABASE IF EXISTS `" + created.name() + "`";
            case POSTGRESQL -> "DROP DATABASE IF EXISTS \"" + created.name() + "\" WITH (FORCE)";
        });
    }

    private static void dropAll() {
        try {
            EngineDatabases.closeIdle(); // their connections first: nothing holds a database that is dropped
        } catch (RuntimeException e) {
            System.err.println("[server tests] closing the databases kept for reuse: " + e.getMessage());
        }
        List<Created> left;
        synchronized (ServerDatabases.class) {
            left = List.copyOf(LIVE);
        }
        for (Created created : left) {
            try {
                drop(created);
            } catch (RuntimeException e) {
                System.err.println("[server tests] could not drop " + created.name() + " on " + created.server() + ": " + e.getMessage());
            }
        }
    }

    private static void admin(Server server, String sql) {
        try (Connection c = DriverManager.getConnection(server.adminUrl(), server.user(), null);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(server + ": " + sql + ": " + e.getMessage(), e);
        }
    }
}
