package dev.cascadestudio.persistence;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which JDBC URLs Cascade Studio opens: per driver, an allow-list of URL forms and settings, each
 * with the values it may take. {@link Database#open} asks first, before any driver sees the URL, so
 * the window's Open…, {@code --db}, the remembered last database and anything added later go through
 * it. A URL that sets anything else is refused with one sentence naming the setting
 * ("The URL setting INIT is not allowed: it runs SQL before the database is checked."), and nothing
 * runs. Each URL is read the way its driver reads it: H2 in {@link H2Url}, SQLite in {@link SqliteUrl},
 * PostgreSQL (pgjdbc 42.7: keys as written, values URL-decoded) and MariaDB/MySQL (Connector/J 3.5:
 * keys in any case, values as written) here.
 */
public final class UrlPolicy {

    private UrlPolicy() {}

    /**
     * Refuses {@code url} with a {@link DatabaseOpenException} unless it is of a form and holds only
     * settings that Cascade Studio knows to be harmless.
     */
    public static void check(String url) {
        DatabaseKind kind = DatabaseKind.fromUrl(url);
        if (!url.startsWith(kind.urlPrefix())) {
            // DatabaseKind accepts any case and spaces around; the drivers differ, so the URL is taken only as they all read it
            throw new DatabaseOpenException("Write the URL as " + kind.urlPrefix() + "… in lower case, with nothing before it.");
        }
        try {
            switch (kind) {
                case H2 -> H2Url.check(url);
                case SQLITE -> SqliteUrl.check(url);
                case POSTGRESQL -> checkPostgresql(url);
                case MARIADB, MYSQL -> checkMariadb(url, kind);
            }
        } catch (InvalidPathException e) {
            throw new DatabaseOpenException("The URL names a path that cannot be a file here: " + shown(e.getInput()) + ".", e);
        }
    }

    // ---- PostgreSQL -----------------------------------------------------------------------------

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,6}");
    private static final Predicate<String> TEXT = v -> !v.isEmpty() && v.length() <= 255 && v.chars().noneMatch(Character::isISOControl);
    private static final Predicate<String> TRUE_FALSE = v -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false");

    /** pgjdbc's properties a URL may set (pgjdbc reads the keys exactly as written). */
    static final Map<String, Predicate<String>> POSTGRESQL_ALLOWED = new LinkedHashMap<>();
    static {
        POSTGRESQL_ALLOWED.put("user", TEXT);
        POSTGRESQL_ALLOWED.put("ApplicationName", TEXT);
        POSTGRESQL_ALLOWED.put("currentSchema", TEXT);
        POSTGRESQL_ALLOWED.put("connectTimeout", v -> DIGITS.matcher(v).matches());
        POSTGRESQL_ALLOWED.put("loginTimeout", v -> DIGITS.matcher(v).matches());
        POSTGRESQL_ALLOWED.put("socketTimeout", v -> DIGITS.matcher(v).matches());
        POSTGRESQL_ALLOWED.put("tcpKeepAlive", TRUE_FALSE);
        POSTGRESQL_ALLOWED.put("readOnly", TRUE_FALSE);
        POSTGRESQL_ALLOWED.put("ssl", TRUE_FALSE);
        POSTGRESQL_ALLOWED.put("sslmode", v -> List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full").contains(v));
        POSTGRESQL_ALLOWED.put("sslrootcert", TEXT);
    }

    private static final String LOADS_A_CLASS = "it makes the driver load and run a class named in the URL";

    private static final Map<String, String> POSTGRESQL_REFUSED = new LinkedHashMap<>();
    static {
        for (String key : List.of("socketFactory", "socketFactoryArg", "sslfactory", "sslfactoryarg", "sslhostnameverifier",
                "sslpasswordcallback", "authenticationPluginClassName")) {
            POSTGRESQL_REFUSED.put(key, LOADS_A_CLASS);
        }
        POSTGRESQL_REFUSED.put("loggerFile", "it makes the driver write a log file");
        POSTGRESQL_REFUSED.put("loggerLevel", "it makes the driver write a log");
        POSTGRESQL_REFUSED.put("service", "it reads further settings from a service file, unchecked");
        POSTGRESQL_REFUSED.put("options", "it sets server parameters for the session before the database is checked");
        POSTGRESQL_REFUSED.put("password", "a password in the URL would be remembered on disk; give it as the password instead");
        POSTGRESQL_REFUSED.put("sslpassword", "a password in the URL would be remembered on disk");
    }

    private static void checkPostgresql(String url) {
        int question = url.indexOf('?');
        if (question < 0) {
            return;
        }
        for (String token : url.substring(question + 1).split("&", -1)) {
            if (token.isEmpty()) {
                continue;
            }
            int equals = token.indexOf('=');
            String key = equals < 0 ? token : token.substring(0, equals);
            String reason = POSTGRESQL_REFUSED.get(key);
            if (reason == null) {
                // pgjdbc reads the keys as written; a key in another case is not the setting, but is refused all the same
                reason = POSTGRESQL_REFUSED.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(key))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
            }
            if (reason != null) {
                throw refused(shown(key), reason);
            }
            Predicate<String> valid = POSTGRESQL_ALLOWED.get(key);
            if (valid == null) {
                throw refused(shown(key), "Cascade Studio does not know it to be harmless (a PostgreSQL URL may set "
                        + list(POSTGRESQL_ALLOWED.keySet()) + ")");
            }
            String value = equals < 0 ? "" : decoded(token.substring(equals + 1), key);
            if (!valid.test(value)) {
                throw refused(shown(key) + "=" + shown(value), "its value is not one Cascade Studio accepts");
            }
        }
    }

    private static String decoded(String value, String key) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw refused(shown(key), "its value is not URL-encoded correctly");
        }
    }

    // ---- MariaDB and MySQL ----------------------------------------------------------------------

    /** Connector/J's options a URL may set, in lower case (the driver matches them in any case). */
    static final Map<String, Predicate<String>> MARIADB_ALLOWED = new LinkedHashMap<>();
    static {
        MARIADB_ALLOWED.put("user", TEXT);
        MARIADB_ALLOWED.put("connecttimeout", v -> DIGITS.matcher(v).matches());
        MARIADB_ALLOWED.put("sockettimeout", v -> DIGITS.matcher(v).matches());
        MARIADB_ALLOWED.put("tcpkeepalive", TRUE_FALSE);
        MARIADB_ALLOWED.put("sslmode", v -> List.of("disable", "trust", "verify-ca", "verify-full").contains(v));
        MARIADB_ALLOWED.put("permitmysqlscheme", v -> v.isEmpty() || TRUE_FALSE.test(v));
    }

    private static final Map<String, String> MARIADB_REFUSED = new LinkedHashMap<>();
    static {
        MARIADB_REFUSED.put("allowlocalinfile", "it lets the server read any file this computer's user can read");
        MARIADB_REFUSED.put("allowloadlocalinfile", "it lets the server read any file this computer's user can read");
        MARIADB_REFUSED.put("credentialtype", "it makes the driver load a credential plugin");
        MARIADB_REFUSED.put("socketfactory", LOADS_A_CLASS);
        MARIADB_REFUSED.put("tlssockettype", LOADS_A_CLASS);
        MARIADB_REFUSED.put("initsql", "it runs SQL before the database is checked");
        MARIADB_REFUSED.put("sessionvariables", "it sets server variables before the database is checked");
        MARIADB_REFUSED.put("permitredirect", "it lets the server send the connection on to another server");
        MARIADB_REFUSED.put("createdatabaseifnotexist", "it creates a database");
        MARIADB_REFUSED.put("allowmultiqueries", "it lets one statement carry several");
        MARIADB_REFUSED.put("password", "a password in the URL would be remembered on disk; give it as the password instead");
    }

    /** Plain host[:port] or [IPv6][:port], comma-separated: no {@code address=(…)} form, which carries options of its own. */
    private static final Pattern MARIADB_HOSTS = Pattern.compile("(?:[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+\\])(?::[0-9]{1,5})?"
            + "(?:,(?:[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+\\])(?::[0-9]{1,5})?)*");

    private static void checkMariadb(String url, DatabaseKind kind) {
        String rest = url.substring(kind.urlPrefix().length());
        if (!rest.startsWith("//")) {
            String form = rest.contains(":") ? rest.substring(0, rest.indexOf(':') + 1) : rest;
            throw new DatabaseOpenException("The " + kind.displayName() + " URL form " + shown(kind.urlPrefix() + form)
                    + " is not allowed: write " + kind.urlPrefix() + "//HOST:PORT/DATABASE.");
        }
        int end = rest.length();
        for (char c : new char[] {'/', '?'}) {
            int at = rest.indexOf(c, 2);
            if (at >= 0) end = Math.min(end, at);
        }
        String hosts = rest.substring(2, end);
        if (!hosts.isEmpty() && !MARIADB_HOSTS.matcher(hosts).matches()) {
            throw new DatabaseOpenException("The " + kind.displayName() + " host list " + shown(hosts)
                    + " is not allowed: write HOST:PORT, several separated by commas.");
        }
        int question = rest.indexOf('?');
        if (question < 0) {
            return;
        }
        for (String parameter : rest.substring(question + 1).split("&", -1)) {
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String key = equals < 0 ? parameter : parameter.substring(0, equals);
            String lower = key.toLowerCase(Locale.ROOT);
            String reason = MARIADB_REFUSED.get(lower);
            if (reason != null) {
                throw refused(shown(key), reason);
            }
            Predicate<String> valid = MARIADB_ALLOWED.get(lower);
            if (valid == null) {
                throw refused(shown(key), "Cascade Studio does not know it to be harmless (a " + kind.displayName()
                        + " URL may set user, connectTimeout, socketTimeout, tcpKeepAlive and sslMode)");
            }
            String value = equals < 0 ? "" : parameter.substring(equals + 1);
            if (!valid.test(value)) {
                throw refused(shown(key) + "=" + shown(value), "its value is not one Cascade Studio accepts");
            }
        }
    }

    // ---- the sentence ---------------------------------------------------------------------------

    static DatabaseOpenException refused(String setting, String reason) {
        return new DatabaseOpenException("The URL setting " + setting + " is not allowed: " + reason + ".");
    }

    /** Text from the URL as a message shows it: control characters escaped, at most 80 characters. */
    static String shown(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(80).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return text.codePointCount(0, text.length()) > 80 ? out + "…" : out.toString();
    }

    static String list(Collection<String> names) {
        List<String> all = List.copyOf(names);
        return String.join(", ", all.subList(0, all.size() - 1)) + " and " + all.get(all.size() - 1);
    }
}
