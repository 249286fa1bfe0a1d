package dev.cascadestudio.ui.main;

/**
 * A database to open: a JDBC URL with its user and password, or the embedded default database in
 * the data directory when {@code url} is null. The password is never remembered.
 */
public record DatabaseTarget(String url, String user, String password) {

    public static final DatabaseTarget EMBEDDED = new DatabaseTarget(null, null, null);

    public DatabaseTarget {
        url = blankToNull(url);
        user = blankToNull(user);
        password = password == null || password.isEmpty() ? null : password;
    }

    public static DatabaseTarget of(String url) {
        return new DatabaseTarget(url, null, null);
    }

    public boolean isEmbedded() {
        return url == null;
    }

    /** How a sentence names it: the URL, or "the embedded database". */
    public String describe() {
        return isEmbedded() ? "the embedded database" : url;
    }

    @Override
    public String toString() {
        return "DatabaseTarget[" + describe() + (user == null ? "" : ", user " + user) + "]"; // never the password
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
