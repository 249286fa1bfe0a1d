package dev.cascadestudio.service.connections;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Optional;

/**
 * The operating system's keyring through java-keyring: the Secret Service (GNOME Keyring, KWallet
 * through it) on Linux, the Keychain on macOS, the Credential Manager on Windows.
 */
public final class OsKeyring implements PasswordVault {

    static final String SERVICE = "Cascade Studio";

    private final Keyring keyring;

    private OsKeyring(Keyring keyring) {
        this.keyring = keyring;
    }

    /**
     * The keyring of this machine, or a vault that remembers nothing (with the reason) where there is
     * none, e.g. on a server without a desktop session. {@code -Dcascade.keyring=none} turns it off.
     */
    public static PasswordVault ofThisMachine() {
        if ("none".equalsIgnoreCase(System.getProperty("cascade.keyring", ""))) {
            return PasswordVault.unavailable("The keyring is turned off (cascade.keyring=none); the password is asked each time.");
        }
        try {
            return new OsKeyring(Keyring.create());
        } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
            return PasswordVault.unavailable("This system has no keyring that Cascade Studio can use; the password is asked each time.");
        }
    }

    @Override
    public boolean available() { return true; }

    @Override
    public String unavailableReason() { return ""; }

    @Override
    public Optional<String> password(ConnectionProfile connection) {
        try {
            return Optional.ofNullable(keyring.getPassword(SERVICE, PasswordVault.account(connection)));
        } catch (PasswordAccessException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean store(ConnectionProfile connection, String password) {
        try {
            keyring.setPassword(SERVICE, PasswordVault.account(connection), password);
            return true;
        } catch (PasswordAccessException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void forget(ConnectionProfile connection) {
        try {
            keyring.deletePassword(SERVICE, PasswordVault.account(connection));
        } catch (PasswordAccessException | RuntimeException e) {
            // nothing was remembered, or the keyring is gone: either way nothing is kept
        }
    }
}
