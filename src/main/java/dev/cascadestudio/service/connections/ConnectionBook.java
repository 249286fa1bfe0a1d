package dev.cascadestudio.service.connections;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Saved connections and their remembered passwords together: what "Open…" offers, and what
 * {@code --connection NAME} on the command line looks up.
 */
public final class ConnectionBook {

    private final ConnectionList list;
    private final PasswordVault vault;
    private final Clock clock;

    public ConnectionBook(ConnectionList list, PasswordVault vault, Clock clock) {
        this.list = list;
        this.vault = vault;
        this.clock = clock;
    }

    /** The data directory's list and this machine's keyring. */
    public static ConnectionBook ofThisMachine() {
        return new ConnectionBook(ConnectionList.inDataHome(), OsKeyring.ofThisMachine(), Clock.systemUTC());
    }

    public List<ConnectionProfile> recent() { return list.recent(); }
    public Optional<ConnectionProfile> named(String name) { return list.named(name); }
    public Optional<ConnectionProfile> forTarget(String url, String user) { return list.forTarget(url, user); }
    public String problem() { return list.problem(); }
    public PasswordVault vault() { return vault; }

    /** The remembered password of {@code connection}, if it asked for one to be remembered. */
    public Optional<String> password(ConnectionProfile connection) {
        return connection.rememberPassword() ? vault.password(connection) : Optional.empty();
    }

    /**
     * Records a connection that has just opened: it goes to the top of the list, and its password
     * into the keyring when it asks to be remembered (or out of it when not). Returns the profile
     * as saved: {@code rememberPassword} is false when the keyring could not keep the password.
     */
    public ConnectionProfile opened(ConnectionProfile connection, String password) {
        ConnectionProfile used = connection.usedAt(clock.instant());
        boolean remembered = false;
        if (used.rememberPassword() && password != null && !password.isEmpty()) {
            remembered = vault.store(used, password);
        } else if (!used.rememberPassword()) {
            vault.forget(used);
        }
        ConnectionProfile saved = used.rememberPassword() && password != null && !password.isEmpty() && !remembered
                ? new ConnectionProfile(used.name(), used.url(), used.user(), used.tier(), false, used.lastUsed())
                : used;
        list.remember(saved);
        return saved;
    }

    public void forget(ConnectionProfile connection) {
        vault.forget(connection);
        list.forget(connection.name());
    }
}
