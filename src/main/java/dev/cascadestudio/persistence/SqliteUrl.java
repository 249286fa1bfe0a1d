package dev.cascadestudio.persistence;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * A SQLite URL read the way sqlite-jdbc and SQLite read it. sqlite-jdbc splits at the first {@code ?},
 * takes every {@code &}-separated parameter whose trimmed, lower-cased key is one of its pragmas
 * ({@code enable_load_extension}, {@code journal_mode}, {@code open_mode}, …) as a setting, and leaves
 * the others in the file name; SQLite then reads a name starting with {@code file:} as a URI
 * (authority empty or {@code localhost}, the path percent-decoded, its own parameters {@code mode},
 * {@code vfs}, {@code cache}, {@code immutable}, … after {@code ?}), and any other name as a path.
 * sqlite-jdbc also copies a database from the class path or a web address for {@code :resource:}.
 *
 * <p>{@link #check} accepts a path, or a {@code file:} URI with at most {@code mode=ro} or
 * {@code mode=rw}, or {@code :memory:}; anything else is refused with a sentence naming it.
 */
final class SqliteUrl {

    static final String PREFIX = "jdbc:sqlite:";

    /** Why a setting is refused, for the ones that load code, write the file or change what it means. */
    private static final Map<String, String> REFUSED = Map.of(
            "enable_load_extension", "it lets SQL load native code into Cascade Studio",
            "journal_mode", "it changes the file's journal, which writes to the file",
            "foreign_keys", "Cascade Studio never switches on foreign-key enforcement in a controller's file",
            "vfs", "it makes SQLite read the file through another file-access module",
            "temp_store_directory", "it makes SQLite write temporary files elsewhere",
            "password", "a password in the URL would be remembered on disk; give it as the password instead");

    private final Path file;

    private SqliteUrl(Path file) {
        this.file = file;
    }

    /** The file of an accepted SQLite URL (as an absolute path), or null for an in-memory database. */
    Path file() {
        return file;
    }

    static SqliteUrl check(String url) {
        String rest = url.substring(PREFIX.length());
        if (rest.startsWith(":resource:")) {
            throw new DatabaseOpenException("The SQLite URL form :resource: is not allowed: it copies a database from the "
                    + "class path or a web address; give the path of a file instead.");
        }
        int question = rest.indexOf('?');
        String name = question < 0 ? rest : rest.substring(0, question);
        boolean uri = name.startsWith("file:");
        if (question >= 0) {
            for (String parameter : rest.substring(question + 1).split("&", -1)) {
                checkParameter(parameter, uri);
            }
        }
        if (!uri) {
            return new SqliteUrl(name.isEmpty() || name.equals(":memory:") ? null : Path.of(name).toAbsolutePath());
        }
        return new SqliteUrl(uriPath(name));
    }

    private static void checkParameter(String parameter, boolean uri) {
        if (parameter.isEmpty()) {
            return; // sqlite-jdbc drops an empty parameter (&&)
        }
        int equals = parameter.indexOf('=');
        String key = equals < 0 ? parameter : parameter.substring(0, equals);
        String value = equals < 0 ? null : parameter.substring(equals + 1);
        if (uri && key.equals("mode") && ("ro".equals(value) || "rw".equals(value))) {
            return;
        }
        String shown = UrlPolicy.shown(key.trim()); // sqlite-jdbc trims keys
        String reason = REFUSED.get(key.trim().toLowerCase(Locale.ROOT));
        if (reason != null) {
            throw UrlPolicy.refused(shown, reason);
        }
        if (key.equals("mode")) {
            throw UrlPolicy.refused(shown + (value == null ? "" : "=" + UrlPolicy.shown(value)), uri
                    ? "a SQLite file opens with mode=ro (read-only) or mode=rw only"
                    : "SQLite reads it only in a file: URI, such as jdbc:sqlite:file:/path/to/sql.db?mode=ro");
        }
        throw UrlPolicy.refused(shown, "Cascade Studio does not know it to be harmless (a SQLite URL may name a file, "
                + "and a file: URI may add mode=ro or mode=rw)");
    }

    /**
     * The file a {@code file:} URI names, as SQLite reads it: {@code file:/p}, {@code file:///p},
     * {@code file://localhost/p} or the relative {@code file:p}; the path percent-decoded.
     */
    private static Path uriPath(String name) {
        String rest = name.substring("file:".length());
        if (rest.indexOf('#') >= 0) {
            throw new DatabaseOpenException("The SQLite URI part " + UrlPolicy.shown(rest.substring(rest.indexOf('#')))
                    + " is not allowed: write the file's path and at most ?mode=ro after it.");
        }
        if (rest.startsWith("//")) {
            int slash = rest.indexOf('/', 2);
            String authority = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
            if (!authority.isEmpty() && !authority.equals("localhost")) {
                throw new DatabaseOpenException("The SQLite URI names the host " + UrlPolicy.shown(authority)
                        + ", which is not allowed: only a file on this computer opens.");
            }
            rest = slash < 0 ? "" : rest.substring(slash);
        }
        String path = percentDecoded(rest);
        if (path.equals(":memory:")) {
            return null;
        }
        if (path.isEmpty()) {
            throw new DatabaseOpenException("The SQLite URI names no file: write jdbc:sqlite:file: followed by the file's path.");
        }
        // on Windows SQLite drops the slash before a drive letter: file:///C:/data/sql.db
        if (path.matches("/[A-Za-z]:.*") && System.getProperty("os.name", "").startsWith("Windows")) {
            path = path.substring(1);
        }
        return Path.of(path).toAbsolutePath();
    }

    /** SQLite's decoding of a URI path: {@code %HH} is that byte (UTF-8), everything else as it is ({@code +} too). */
    private static String percentDecoded(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            int c = text.codePointAt(i);
            if (c == '%') {
                int value = i + 2 < text.length() ? hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)) : -1;
                if (value < 0) {
                    throw new DatabaseOpenException("The SQLite URI holds " + UrlPolicy.shown(text.substring(i,
                            Math.min(text.length(), i + 3))) + ", which is not a %-escape: write % as %25.");
                }
                bytes.write(value);
                i += 2;
            } else {
                bytes.writeBytes(Character.toString(c).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(c) - 1;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        int digit = Character.digit(c, 16);
        return digit < 0 ? -1000 : digit;
    }
}
