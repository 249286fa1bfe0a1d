package dev.cascadestudio.ui.main;

import dev.cascadestudio.service.connections.ConnectionProfile;
import dev.cascadestudio.service.connections.ConnectionTier;

/**
 * A database to open: a JDBC URL with its user and password, or the embedded default database in
 * the data directory when {@code url} is null; with the name and tier of the saved connection it
 * came from, if any. The password is never written to a file.
 */
public record DatabaseTarget(String url, String user, String password, String connectionName, ConnectionTier tier) {

    public static final DatabaseTarget EMBEDDED = new DatabaseTarget(null, null, null);

    public DatabaseTarget {
        url = blankToNull(url);
        user = blankToNull(user);
        password = password == null || password.isEmpty() ? null : password;
        connectionName = blankToNull(connectionName);
        tier = tier == null ? ConnectionTier.DEVELOPMENT : tier;
    }

    public DatabaseTarget(String url, String user, String password) {
        this(url, user, password, null, null);
    }

    public static DatabaseTarget of(String url) {
        return new DatabaseTarget(url, null, null);
    }

    /** The saved connection, without a password (the opener asks the keyring for it). */
    public static DatabaseTarget of(ConnectionProfile connection) {
        return new DatabaseTarget(connection.url(), connection.user(), null, connection.name(), connection.tier());
    }

    public DatabaseTarget withPassword(String newPassword) {
        return new DatabaseTarget(url, user, newPassword, connectionName, tier);
    }

    public boolean isEmbedded() {
        return url == null;
    }

    /** How a sentence names it: the connection's name, the URL, or "the embedded database". */
    public String describe() {
        return isEmbedded() ? "the embedded database" : connectionName != null ? connectionName + " (" + url + ")" : url;
    }

    @Override
    public String toString() {
        return "DatabaseTarget[" + describe() + (user == null ? "" : ", user " + user) + ", " + tier + "]"; // never the password
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
