package dev.cascadestudio.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How each product is told, at the driver or the server, that a connection must not write — the
 * second hold of a read-only session, after the services' write gate, so that a forgotten check is
 * still refused by the database:
 *
 * <ul>
 *   <li>H2: {@code ACCESS_MODE_DATA=r} in the URL; H2 then opens the file read-only and never writes it
 *       (not even on open and close, which a writable open does).
 *   <li>SQLite: the driver's {@code open_mode} flags set to {@code SQLITE_OPEN_READONLY} (1), what
 *       {@code SQLiteConfig.setReadOnly} sets; sqlite-jdbc cannot switch an open connection.
 *   <li>PostgreSQL: pgjdbc's {@code readOnly} and {@code readOnlyMode=always}, and
 *       {@code SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY} on every new connection
 *       ({@link ConnectionPool} runs {@link #enforce} on each), so the server refuses every write.
 *   <li>MariaDB/MySQL: {@code SET SESSION TRANSACTION READ ONLY} on every new connection; the MariaDB
 *       driver's {@code Connection.setReadOnly} is only a hint outside replication set-ups.
 * </ul>
 *
 * Each open then reads the mode back from the database and refuses to go on if it is not read-only.
 */
final class ReadOnlyConnections {

    private ReadOnlyConnections() {}

    /** The URL to connect with: as the product makes it read-only ({@link DatabaseProduct#readOnlyUrl}). */
    static String url(DatabaseKind kind, String url) {
        return DatabaseProduct.of(kind).readOnlyUrl(kind, url);
    }

    /** Properties for the driver, passed with every connection. */
    static Map<String, String> driverProperties(DatabaseKind kind) {
        return DatabaseProduct.of(kind).readOnlyDriverProperties();
    }

    /**
     * Makes {@code connection} read-only where that is done after connecting, then reads back from the
     * database whether it is; refuses the open if not (a URL setting overriding ours, say).
     */
    static void enforce(DatabaseKind kind, Connection connection) throws SQLException {
        DatabaseProduct product = DatabaseProduct.of(kind);
        Optional<String> init = product.readOnlySessionSql();
        if (init.isPresent()) {
            connection.setReadOnly(true);
            try (Statement s = connection.createStatement()) {
                s.execute(init.get());
            }
        }
        if (!product.isReadOnly(connection)) {
            throw new DatabaseOpenException("The database could not be opened read-only (the "
                    + kind.displayName() + " connection still allows writing); nothing was opened.");
        }
    }

    /** The first column of the first row of {@code sql}, lower-cased. */
    static String single(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1).toLowerCase(Locale.ROOT) : null;
        }
    }
}
