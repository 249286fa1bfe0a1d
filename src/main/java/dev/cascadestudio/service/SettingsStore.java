package dev.cascadestudio.service;

import dev.cascadestudio.persistence.AppDirectories;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The window's remembered settings (size, position, last database): a small properties file in
 * the per-user data directory, so {@code -Dcascade.home} keeps tests and screenshots apart from the
 * administrator's own settings. A missing or unreadable file reads as "nothing remembered".
 */
public final class SettingsStore {

    private static final String FILE_NAME = "window.properties";

    private final Path file;

    public SettingsStore(Path file) {
        this.file = file;
    }

    /** The store in the data directory ({@code -Dcascade.home}, {@code CASCADE_STUDIO_HOME} or the platform's). */
    public static SettingsStore inDataHome() {
        return new SettingsStore(AppDirectories.dataHome().resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    /** What was saved last; empty when nothing was, or the file cannot be read. */
    public Map<String, String> load() {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        // an older version's 0644 file in a 0755 data directory: owner-only from now on
        if (file.toAbsolutePath().getParent() != null) {
            AppDirectories.tightenOwn(file.toAbsolutePath().getParent());
        }
        AppDirectories.tightenOwn(file);
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            return Map.of(); // a damaged file only means the window starts with its defaults
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }

    /**
     * Replaces what was saved. Written to a temporary file first and moved into place, so a crash
     * while saving leaves the previous settings, not half a file.
     */
    public void save(Map<String, String> values) {
        Properties properties = new Properties();
        properties.putAll(new TreeMap<>(values));
        try {
            AppDirectories.replaceFile(file, out -> {
                Writer writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
                properties.store(writer, "Cascade Studio window settings");
                writer.flush();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the window settings to " + file + ": " + e.getMessage(), e);
        }
    }
}
