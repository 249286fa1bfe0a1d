package dev.cascadestudio.persistence;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The settings every embedded H2 database is opened with — the default database and any
 * {@code jdbc:h2:} file URL a user gives — unless the URL sets them itself. H2 does not keep them in
 * the file, so they must be given at every open.
 *
 * <p>{@code WRITE_DELAY=0}: H2 writes its store in the committing thread at every commit instead of
 * in a background thread up to 500 ms later. Without it a commit that has returned can be lost to a
 * kill, and a kill shortly after a large commit has returned brought the file back with some tables
 * deleted and others not: the background writer saves the store's maps one after another while the
 * session goes on writing (H2 issue #2080 describes this non-atomic store). With it, no background
 * writer runs. It does not make the commit itself atomic: a kill <em>during</em> the commit of a large
 * transaction still leaves a mix, which {@link H2DeleteJournal} undoes. Cost: one store write per commit.
 */
public final class H2FileSettings {

    private static final Map<String, String> SETTINGS = new LinkedHashMap<>();
    static {
        SETTINGS.put("WRITE_DELAY", "0");
    }

    private H2FileSettings() {}

    /** The settings and their values, in the order they are appended. */
    public static Map<String, String> settings() {
        return Map.copyOf(SETTINGS);
    }

    /**
     * {@code url} with every setting of {@link #settings()} that it does not set itself appended, if it
     * is an embedded H2 database stored in a file; any other URL unchanged.
     */
    public static String apply(String url) {
        if (!isEmbeddedH2File(url)) {
            return url;
        }
        StringBuilder result = new StringBuilder(url);
        SETTINGS.forEach((name, value) -> {
            if (!setsOption(url, name)) {
                result.append(';').append(name).append('=').append(value);
            }
        });
        return result.toString();
    }

    /** {@code jdbc:h2:file:…}, {@code jdbc:h2:~/…}, {@code jdbc:h2:./…}: not in memory, not a server, not a zip. */
    static boolean isEmbeddedH2File(String url) {
        String lower = url.trim().toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:")) {
            return false;
        }
        String rest = lower.substring("jdbc:h2:".length());
        return !(rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:") || rest.startsWith("zip:"));
    }

    private static boolean setsOption(String url, String name) {
        String[] parts = url.split(";");
        for (int i = 1; i < parts.length; i++) {
            int equals = parts[i].indexOf('=');
            String key = (equals < 0 ? parts[i] : parts[i].substring(0, equals)).trim();
            if (key.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
