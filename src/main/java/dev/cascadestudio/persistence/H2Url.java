package dev.cascadestudio.persistence;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * An H2 URL read the way H2 2.x reads it ({@code org.h2.engine.ConnectionInfo}): the database name
 * ends at the first {@code ;}; the settings after it are split at {@code ;} with {@code \} escaping
 * the next character, and each key is upper-cased in English ({@code ınit} is {@code INIT}). The
 * name is {@code mem:…}, {@code tcp:…}, {@code ssl:…}, {@code file:…} or a plain path, and a path whose
 * part before a colon is two or more characters without a slash names one of H2's file systems
 * ({@code nio:}, {@code zip:}, {@code split:}, {@code memFS:}, …; H2's {@code FilePath.get}).
 *
 * <p>{@link #check} accepts only a plain file or an in-memory database, with the settings of
 * {@link #ALLOWED}, each with a value of the expected form; anything else is refused with a sentence
 * naming what was refused, before any driver sees the URL.
 */
final class H2Url {

    static final String PREFIX = "jdbc:h2:";

    private static final Predicate<String> BOOLEAN = v -> v.equalsIgnoreCase("TRUE") || v.equalsIgnoreCase("FALSE");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,9}");
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_.@$-]{1,255}");

    /** The settings an H2 URL may carry, and the values each may take. */
    static final Map<String, Predicate<String>> ALLOWED = new LinkedHashMap<>();
    static {
        ALLOWED.put("IFEXISTS", BOOLEAN);
        ALLOWED.put("FORBID_CREATION", BOOLEAN);
        ALLOWED.put("ACCESS_MODE_DATA", v -> v.equalsIgnoreCase("r") || v.equalsIgnoreCase("rw"));
        ALLOWED.put("CIPHER", v -> v.equalsIgnoreCase("AES"));
        ALLOWED.put("DB_CLOSE_DELAY", v -> INTEGER.matcher(v).matches());
        ALLOWED.put("WRITE_DELAY", v -> INTEGER.matcher(v).matches() && !v.startsWith("-"));
        ALLOWED.put("USER", v -> NAME.matcher(v).matches());
    }

    /** Why a known setting is refused, for the ones an administrator may meet in a URL someone sent. */
    private static final Map<String, String> REFUSED = new LinkedHashMap<>();
    static {
        REFUSED.put("INIT", "it runs SQL before the database is checked");
        REFUSED.put("TRACE_LEVEL_FILE", "it makes H2 write a trace of every statement to a file");
        REFUSED.put("TRACE_MAX_FILE_SIZE", "it makes H2 write a trace of every statement to a file");
        REFUSED.put("TRACE_LEVEL_SYSTEM_OUT", "it makes H2 print a trace of every statement");
        REFUSED.put("RECOVER_TEST", "it makes H2 load and run a test class");
        REFUSED.put("RECOVER", "it opens the file in H2's recovery mode");
        REFUSED.put("AUTO_SERVER", "it starts a database server that other programs can connect to");
        REFUSED.put("AUTO_SERVER_PORT", "it starts a database server that other programs can connect to");
        REFUSED.put("AUTO_RECONNECT", "it belongs to server connections, which Cascade Studio does not open");
        REFUSED.put("AUTHREALM", "it hands the login to an authenticator configured outside the URL");
        REFUSED.put("AUTHZPWD", "it hands the login to an authenticator configured outside the URL");
        REFUSED.put("JMX", "it publishes the database's internals over JMX");
        REFUSED.put("FILE_LOCK", "it changes how H2 keeps a second program out of the file");
        REFUSED.put("PASSWORD", "a password in the URL would be remembered on disk; give it as the password instead");
        REFUSED.put("PASSWORD_HASH", "a password in the URL would be remembered on disk; give it as the password instead");
        REFUSED.put("IGNORE_UNKNOWN_SETTINGS", "it makes H2 skip settings it does not know instead of refusing them");
        REFUSED.put("MODE", "it makes H2 read SQL as another database product does");
        REFUSED.put("OPEN_NEW", "it changes how H2 opens the file");
    }

    /** Server forms, which Cascade Studio does not open (the remote database would decide what runs). */
    private static final List<String> SERVER_FORMS = List.of("tcp:", "ssl:");

    /** The database name: a file (without {@code .mv.db}) or null for in memory. */
    private final Path file;

    private H2Url(Path file) {
        this.file = file;
    }

    /** The file of an accepted H2 URL (without {@code .mv.db}), or null for an in-memory database. */
    Path file() {
        return file;
    }

    /** Checks {@code url} (starting with {@link #PREFIX}) and returns it read; refuses anything else. */
    static H2Url check(String url) {
        String rest = url.substring(PREFIX.length());
        int semicolon = rest.indexOf(';');
        String name = semicolon < 0 ? rest : rest.substring(0, semicolon);
        H2Url parsed = readName(name);
        if (semicolon >= 0) {
            for (String setting : splitSettings(rest.substring(semicolon + 1))) {
                checkSetting(setting);
            }
        }
        return parsed;
    }

    /**
     * The file that {@code url}'s database name gives if it is a plain H2 file (its settings are not
     * looked at: {@link #check} judges them); null otherwise (in memory, a server, another file
     * system, or not H2).
     */
    static Path fileOrNull(String url) {
        if (url == null || !url.startsWith(PREFIX)) {
            return null;
        }
        String rest = url.substring(PREFIX.length());
        int semicolon = rest.indexOf(';');
        try {
            return readName(semicolon < 0 ? rest : rest.substring(0, semicolon)).file();
        } catch (DatabaseOpenException | java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    private static H2Url readName(String name) {
        if (name.equals(".") || name.startsWith("mem:")) {
            return new H2Url(null);
        }
        for (String form : SERVER_FORMS) {
            if (name.startsWith(form)) {
                throw new DatabaseOpenException("The H2 URL form jdbc:h2:" + form + " is not allowed: Cascade Studio opens "
                        + "an H2 file (jdbc:h2:file:PATH) or an in-memory database (jdbc:h2:mem:NAME), not a server.");
            }
        }
        String path = name.startsWith("file:") ? name.substring("file:".length()) : name;
        int colon = path.indexOf(':');
        if (colon >= 2 && path.substring(0, colon).chars().noneMatch(c -> c == '/' || c == '\\')) {
            throw new DatabaseOpenException("The H2 file system " + path.substring(0, colon + 1) + " is not allowed: "
                    + "Cascade Studio opens a plain H2 file (jdbc:h2:file:PATH) or an in-memory database (jdbc:h2:mem:NAME).");
        }
        if (path.isEmpty()) {
            throw new DatabaseOpenException("The H2 URL names no file: write jdbc:h2:file: followed by the file's path "
                    + "without .mv.db.");
        }
        // H2 reads a leading ~ as the user's home directory
        Path file = path.startsWith("~")
                ? Path.of(System.getProperty("user.home") + path.substring(1))
                : Path.of(path);
        return new H2Url(file.toAbsolutePath());
    }

    private static void checkSetting(String setting) {
        if (setting.isEmpty()) {
            return; // H2 skips empty settings (;;)
        }
        int equals = setting.indexOf('=');
        String key = (equals < 0 ? setting : setting.substring(0, equals)).toUpperCase(Locale.ENGLISH);
        String shown = UrlPolicy.shown(key);
        String reason = REFUSED.get(key);
        if (reason != null) {
            throw UrlPolicy.refused(shown, reason);
        }
        Predicate<String> valid = ALLOWED.get(key);
        if (valid == null) {
            throw UrlPolicy.refused(shown, "Cascade Studio does not know it to be harmless (an H2 URL may set "
                    + UrlPolicy.list(ALLOWED.keySet()) + ")");
        }
        String value = equals < 0 ? null : setting.substring(equals + 1);
        if (value == null || !valid.test(value)) {
            throw UrlPolicy.refused(shown + (value == null ? "" : "=" + UrlPolicy.shown(value)),
                    "its value is not one Cascade Studio accepts");
        }
    }

    /** H2's {@code StringUtils.arraySplit(settings, ';', false)}: a backslash takes the next character as it is. */
    static List<String> splitSettings(String settings) {
        List<String> list = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < settings.length(); i++) {
            char c = settings.charAt(i);
            if (c == ';') {
                list.add(current.toString());
                current.setLength(0);
            } else if (c == '\\' && i < settings.length() - 1) {
                current.append(settings.charAt(++i));
            } else {
                current.append(c);
            }
        }
        list.add(current.toString());
        return list;
    }
}
