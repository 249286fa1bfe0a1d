package dev.cascadestudio.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Milestones of a start (the window shown, the database open, the first tree level drawn), written
 * one per line as {@code name epoch-milliseconds} to the file the system property
 * {@value #PROPERTY} names. The start-up benchmark launches the application as a user would and
 * reads them; without the property nothing is written and a mark costs one field read.
 */
public final class StartupTimeline {

    public static final String PROPERTY = "cascade.startup.trace";

    private static final Path FILE = fileOrNull(System.getProperty(PROPERTY));
    private static final Set<String> MARKED = ConcurrentHashMap.newKeySet();

    private StartupTimeline() {}

    /** Records the first time {@code milestone} is reached; later marks of the same name are ignored. */
    public static void mark(String milestone) {
        if (FILE == null || !MARKED.add(milestone)) {
            return;
        }
        String line = milestone + " " + System.currentTimeMillis() + "\n";
        try {
            Files.writeString(FILE, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // a trace is a measurement aid: losing it must not disturb the start it measures
        }
    }

    /** Whether milestones are being recorded (so callers can skip work done only to mark one). */
    public static boolean enabled() {
        return FILE != null;
    }

    private static Path fileOrNull(String path) {
        return path == null || path.isBlank() ? null : Path.of(path);
    }
}
