package dev.cascadestudio.service.connections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascadestudio.persistence.AppDirectories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The saved connections, {@code connections.json} in the data directory, most recently used first.
 * It holds names, URLs, users and tiers, never a password. A damaged file reads as an empty list
 * with {@link #problem()} saying so; its URLs are only ever opened through {@code Database.open},
 * which refuses a URL that could run code, so a tampered file cannot do more than a typed URL.
 */
public final class ConnectionList {

    public static final String FILE_NAME = "connections.json";
    /** How many connections are kept; the least recently used go first. */
    public static final int MAX_CONNECTIONS = 20;
    private static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private String problem = "";

    public ConnectionList(Path file) {
        this.file = file;
    }

    public static ConnectionList inDataHome() {
        return new ConnectionList(AppDirectories.dataHome().resolve(FILE_NAME));
    }

    public Path file() { return file; }

    /** Why the last read found nothing usable in an existing file; empty when it was fine. */
    public String problem() { return problem; }

    /** The saved connections, most recently used first. */
    public List<ConnectionProfile> recent() {
        problem = "";
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<ConnectionProfile> connections = new ArrayList<>();
        try {
            JsonNode root = JSON.readTree(file.toFile());
            JsonNode list = root == null ? null : root.get("connections");
            if (list == null || !list.isArray()) {
                problem = "The saved connections in " + file + " could not be read (no connection list); they are ignored.";
                return List.of();
            }
            for (JsonNode node : list) {
                profile(node).ifPresent(connections::add);
            }
        } catch (IOException e) {
            problem = "The saved connections in " + file + " could not be read; they are ignored.";
            return List.of();
        }
        connections.sort(Comparator.comparing(ConnectionProfile::lastUsed).reversed());
        return List.copyOf(connections);
    }

    public Optional<ConnectionProfile> named(String name) {
        return recent().stream().filter(c -> c.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    /** The connection to this database as this user, if one is saved. */
    public Optional<ConnectionProfile> forTarget(String url, String user) {
        return recent().stream().filter(c -> c.sameTarget(url, user)).findFirst();
    }

    /**
     * Saves {@code connection}, replacing one of the same name or the same database and user; the
     * oldest beyond {@link #MAX_CONNECTIONS} are dropped.
     */
    public void remember(ConnectionProfile connection) {
        List<ConnectionProfile> kept = new ArrayList<>(recent());
        kept.removeIf(c -> c.name().equalsIgnoreCase(connection.name()) || c.sameTarget(connection.url(), connection.user()));
        kept.add(0, connection);
        kept.sort(Comparator.comparing(ConnectionProfile::lastUsed).reversed());
        write(kept.subList(0, Math.min(kept.size(), MAX_CONNECTIONS)));
    }

    public void forget(String name) {
        List<ConnectionProfile> kept = new ArrayList<>(recent());
        if (kept.removeIf(c -> c.name().equalsIgnoreCase(name.strip()))) {
            write(kept);
        }
    }

    private static Optional<ConnectionProfile> profile(JsonNode node) {
        if (!node.isObject() || !node.path("url").isTextual() || node.path("url").asText().isBlank()) {
            return Optional.empty();
        }
        ConnectionTier tier;
        try {
            tier = ConnectionTier.valueOf(node.path("tier").asText("DEVELOPMENT").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            tier = ConnectionTier.PRODUCTION; // an unknown tier is treated with the most care
        }
        Instant lastUsed;
        try {
            lastUsed = node.path("lastUsed").isTextual() ? Instant.parse(node.path("lastUsed").asText()) : Instant.EPOCH;
        } catch (DateTimeParseException e) {
            lastUsed = Instant.EPOCH;
        }
        return Optional.of(new ConnectionProfile(
                node.path("name").isTextual() ? node.path("name").asText() : null,
                node.path("url").asText(),
                node.path("user").isTextual() ? node.path("user").asText() : null,
                tier,
                node.path("rememberPassword").asBoolean(false),
                lastUsed));
    }

    private void write(List<ConnectionProfile> connections) {
        ObjectNode root = JSON.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        ArrayNode list = root.putArray("connections");
        for (ConnectionProfile c : connections) {
            ObjectNode node = list.addObject();
            node.put("name", c.name());
            node.put("url", c.url());
            if (c.user() != null) {
                node.put("user", c.user());
            }
            node.put("tier", c.tier().name());
            node.put("rememberPassword", c.rememberPassword());
            node.put("lastUsed", c.lastUsed().toString());
        }
        try {
            AppDirectories.replaceFile(file, out -> JSON.writerWithDefaultPrettyPrinter().writeValue(out, root));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the connection list to " + file + ": " + e.getMessage(), e);
        }
    }
}
