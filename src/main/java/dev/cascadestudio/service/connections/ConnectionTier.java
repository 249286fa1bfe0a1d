package dev.cascadestudio.service.connections;

/**
 * How careful to be with a connection. A production connection is marked red in the window, and a
 * delete on it needs a reason.
 */
public enum ConnectionTier {
    DEVELOPMENT("Development"),
    PRODUCTION("Production");

    private final String displayName;

    ConnectionTier(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() { return displayName; }

    @Override
    public String toString() { return displayName; }
}
