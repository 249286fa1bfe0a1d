package dev.cascadestudio.service.connections;

import java.util.Optional;

/**
 * Where remembered passwords live: the operating system's keyring, never a file of Cascade
 * Studio's. Where there is no keyring, nothing is remembered and the password is asked each time.
 */
public interface PasswordVault {

    /** Whether passwords can be remembered on this machine. */
    boolean available();

    /** Why not, as a sentence for the window; empty when {@link #available()}. */
    String unavailableReason();

    Optional<String> password(ConnectionProfile connection);

    /** Remembers the password; false (and nothing kept) when the keyring refused it. */
    boolean store(ConnectionProfile connection, String password);

    void forget(ConnectionProfile connection);

    /** A vault that remembers nothing, for a machine without a keyring. */
    static PasswordVault unavailable(String reason) {
        return new PasswordVault() {
            @Override public boolean available() { return false; }
            @Override public String unavailableReason() { return reason; }
            @Override public Optional<String> password(ConnectionProfile connection) { return Optional.empty(); }
            @Override public boolean store(ConnectionProfile connection, String password) { return false; }
            @Override public void forget(ConnectionProfile connection) { }
        };
    }

    /** The key a password is kept under: the database and the user, so a renamed connection keeps it. */
    static String account(ConnectionProfile connection) {
        return (connection.user() == null ? "" : connection.user()) + " @ " + connection.url();
    }
}
