package dev.cascadestudio.testsupport;

import dev.cascadestudio.service.connections.ConnectionProfile;
import dev.cascadestudio.service.connections.PasswordVault;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A keyring in memory, for tests: what the operating system's keyring would hold, readable by the test. */
public final class MemoryVault implements PasswordVault {

    public final Map<String, String> entries = new ConcurrentHashMap<>();
    private volatile boolean refuses;

    /** From now on, storing fails as a locked or broken keyring does. */
    public MemoryVault refusing() {
        refuses = true;
        return this;
    }

    @Override public boolean available() { return true; }
    @Override public String unavailableReason() { return ""; }

    @Override
    public Optional<String> password(ConnectionProfile connection) {
        return Optional.ofNullable(entries.get(PasswordVault.account(connection)));
    }

    @Override
    public boolean store(ConnectionProfile connection, String password) {
        if (refuses) {
            return false;
        }
        entries.put(PasswordVault.account(connection), password);
        return true;
    }

    @Override
    public void forget(ConnectionProfile connection) {
        entries.remove(PasswordVault.account(connection));
    }
}
