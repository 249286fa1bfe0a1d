package dev.cascadestudio.service.connections;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A saved connection: a name, the JDBC URL, the user and the tier. Never the password: when
 * {@code rememberPassword} is set, the password is in the operating system's keyring
 * ({@link PasswordVault}), and otherwise it is asked each time.
 */
public record ConnectionProfile(String name, String url, String user, ConnectionTier tier,
                                boolean rememberPassword, Instant lastUsed) {

    /** Longest name kept; the list shows names on one line. */
    public static final int MAX_NAME_LENGTH = 80;

    public ConnectionProfile {
        Objects.requireNonNull(url, "url");
        url = url.strip();
        user = user == null || user.isBlank() ? null : user.strip();
        name = name == null || name.isBlank() ? defaultName(url) : name.strip();
        if (name.length() > MAX_NAME_LENGTH) {
            name = name.substring(0, MAX_NAME_LENGTH);
        }
        tier = tier == null ? ConnectionTier.DEVELOPMENT : tier;
        lastUsed = lastUsed == null ? Instant.EPOCH : lastUsed;
    }

    /** The same connection used again now. */
    public ConnectionProfile usedAt(Instant time) {
        return new ConnectionProfile(name, url, user, tier, rememberPassword, time);
    }

    /** Whether this is the same database reached as the same user (its name and tier aside). */
    public boolean sameTarget(String otherUrl, String otherUser) {
        String u = otherUser == null || otherUser.isBlank() ? null : otherUser.strip();
        return url.equals(otherUrl == null ? null : otherUrl.strip()) && Objects.equals(user, u);
    }

    /**
     * A name for a connection saved without one: the file name for a file URL, host and database
     * for a server URL.
     */
    public static String defaultName(String url) {
        String rest = url.replaceFirst("(?i)^jdbc:[a-z0-9]+:", "");
        int options = indexOfAny(rest, ';', '?');
        if (options >= 0) {
            rest = rest.substring(0, options);
        }
        if (rest.startsWith("//")) {
            return rest.substring(2);
        }
        rest = rest.replaceFirst("(?i)^file:", "");
        int slash = Math.max(rest.lastIndexOf('/'), rest.lastIndexOf('\\'));
        String last = slash >= 0 ? rest.substring(slash + 1) : rest;
        return last.isBlank() ? url.toLowerCase(Locale.ROOT) : last;
    }

    private static int indexOfAny(String text, char a, char b) {
        int i = text.indexOf(a);
        int j = text.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
