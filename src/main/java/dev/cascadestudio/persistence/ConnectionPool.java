package dev.cascadestudio.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;

/**
 * The connections of one open database, made as the open's first connection was (URL, driver settings, the bound on
 * lock waits and, read-only, the product's session statement read back: {@link ReadOnlyConnections#enforce}), at most
 * {@link DatabaseProduct#connectionPoolSize()} of them, never in auto-commit mode. The engine's JDBC work
 * takes them through {@link Database#fromConnection}; a session factory, built only where the ORM is used
 * (schema creation, tests), is given this pool as its connection provider, so a database has one set of
 * connections whichever way it is used.
 *
 * <p>Like the pool Hibernate has built in, it refuses a connection when all are lent out rather than
 * waiting: the work of one database is serialised by its caller, and a nested borrow is a mistake to see.
 * Closing the pool closes every connection, also those lent out (their work then fails), so that an embedded
 * database's file is let go when its {@link Database} is closed.
 */
final class ConnectionPool implements ConnectionProvider {

    /** What each new connection gets before it is lent: the bound on lock waits and, read-only, the enforcement. */
    @FunctionalInterface
    interface Preparation {
        void prepare(Connection connection) throws SQLException;
    }

    /**
     * How long a connection may lie idle before it is checked as it is lent out: a server ends idle sessions (MariaDB's
     * {@code wait_timeout}, a proxy's idle timeout, an administrator's kill) without the driver knowing, and the next
     * work on such a connection failed ("Socket error", "An I/O error occurred while sending to the backend"). Work that
     * follows work at once, a plan's or a delete's many statements, is not checked; a user's next action after a pause
     * costs one round trip.
     */
    static final java.time.Duration CHECKED_AFTER_IDLE = java.time.Duration.ofSeconds(1);
    /** The longest the check waits for the server's answer before the connection is taken for gone. */
    private static final int CHECK_SECONDS = 5;

    private final String url;
    private final Properties properties;
    private final int maxSize;
    private final Preparation preparation;
    private final Deque<Connection> idle = new ArrayDeque<>();
    /** When each idle connection was given back ({@link System#nanoTime}). */
    private final Map<Connection, Long> idleSince = new IdentityHashMap<>();
    private final Set<Connection> all = new HashSet<>();
    private boolean closed;
    /** {@link #CHECKED_AFTER_IDLE}, or a test's own ({@link #checkIdleAfter}). */
    private java.time.Duration checkedAfterIdle = CHECKED_AFTER_IDLE;

    ConnectionPool(String url, Properties properties, int maxSize, Preparation preparation) {
        this.url = url;
        this.properties = properties;
        this.maxSize = maxSize;
        this.preparation = preparation;
    }

    /**
     * An idle connection (asked first whether its server still answers, where it lay idle longer than
     * {@link #CHECKED_AFTER_IDLE}), or a new one while fewer than the maximum are open.
     *
     * @throws IllegalStateException after {@link #close()}, as a closed session factory did
     */
    synchronized Connection borrow() throws SQLException {
        if (closed) {
            throw new IllegalStateException("The database is closed.");
        }
        Connection connection;
        while ((connection = idle.pollFirst()) != null) {
            Long since = idleSince.remove(connection);
            boolean fresh = since != null && System.nanoTime() - since < checkedAfterIdle.toNanos();
            if (!connection.isClosed() && (fresh || stillThere(connection))) {
                return connection;
            }
            all.remove(connection); // the driver or the server closed it (a server restart, an idle timeout): a new one instead
            closeQuietly(connection);
        }
        if (all.size() >= maxSize) {
            throw new SQLException("All " + maxSize + " connections to this database are in use.");
        }
        connection = DriverManager.getConnection(url, properties);
        try {
            preparation.prepare(connection);
            connection.setAutoCommit(false);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
        all.add(connection);
        return connection;
    }

    /**
     * A connection for work on the side ({@link LockWatch}), as {@link #borrow} lends it, or null where lending one
     * would leave the pool nothing for the next real borrow (fewer than two idle or yet to be made): the side gives way.
     */
    synchronized Connection borrowSpare() throws SQLException {
        if (closed || idle.size() + (maxSize - all.size()) < 2) {
            return null;
        }
        return borrow();
    }

    /** Takes {@code connection} back; after {@link #close}, or if it was closed meanwhile, it is closed and forgotten. */
    synchronized void giveBack(Connection connection) {
        boolean usable;
        try {
            usable = !closed && !connection.isClosed();
            if (usable && connection.getAutoCommit()) {
                connection.setAutoCommit(false);
            }
        } catch (SQLException e) {
            usable = false;
        }
        if (usable) {
            idle.addFirst(connection);
            idleSince.put(connection, System.nanoTime());
        } else {
            all.remove(connection);
            closeQuietly(connection);
        }
    }

    /** Closes every connection, lent out or not; later borrows are refused. */
    synchronized void close() {
        closed = true;
        for (Connection connection : all) {
            closeQuietly(connection);
        }
        all.clear();
        idle.clear();
        idleSince.clear();
    }

    /** Test seam: how long a connection may lie idle before it is checked as it is lent out. */
    synchronized void checkIdleAfter(java.time.Duration idle) {
        checkedAfterIdle = idle;
    }

    /**
     * Whether the server still answers on {@code connection} (the driver's own check: a ping, an empty statement or
     * {@code select 1}). None of the four drivers begins a transaction for it; the rollback makes sure the connection is
     * lent out as it was given back whatever a driver does.
     */
    private static boolean stillThere(Connection connection) {
        try {
            if (!connection.isValid(CHECK_SECONDS)) {
                return false;
            }
            connection.rollback();
            return true;
        } catch (SQLException | RuntimeException gone) { // a driver's own failure too: the pool must not lose the slot
            return false;
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing is all that was left to do with it
        }
    }

    // --- as Hibernate's connection provider -------------------------------------------------------------

    @Override
    public Connection getConnection() throws SQLException {
        return borrow();
    }

    @Override
    public void closeConnection(Connection connection) {
        giveBack(connection);
    }

    @Override
    public boolean supportsAggressiveRelease() {
        return false;
    }

    @Override
    public boolean isUnwrappableAs(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (!type.isInstance(this)) {
            throw new org.hibernate.service.UnknownUnwrapTypeException(type);
        }
        return type.cast(this);
    }
}
