package dev.cascadestudio.cascade;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascadestudio.persistence.MappedTables;
import dev.cascadestudio.persistence.TableInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a snapshot ({@link SnapshotFormat}) with Jackson's streaming parser, one JSON value at a
 * time: a section's header, then its rows one by one. Nothing of a section is kept but its header
 * and the row just read. The file is expected to be complete ({@link Restorer#checkComplete}).
 */
final class SnapshotReader implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A section's header: the rows of one table that were deleted, or the values of one column set to NULL. */
    record Section(TableInfo table, String column, List<String> columns) {
        boolean deleted() {
            return column == null;
        }
    }

    private final Path snapshot;
    private final JsonParser parser;
    /** A section or end header met while reading rows, or null. */
    private ObjectNode ahead;
    private boolean inSection;

    private SnapshotReader(Path snapshot, JsonParser parser) {
        this.snapshot = snapshot;
        this.parser = parser;
    }

    /** Opens the snapshot and reads past its header line. */
    static SnapshotReader open(Path snapshot) {
        try {
            SnapshotReader reader = new SnapshotReader(snapshot, JSON.createParser(Files.newInputStream(snapshot)));
            if (!(reader.next() instanceof ObjectNode)) {
                reader.close();
                throw new IllegalArgumentException(snapshot + " is not a Cascade Studio snapshot.");
            }
            return reader;
        } catch (IOException e) {
            throw unreadable(snapshot, e);
        }
    }

    /** The next section, skipping what is left of the current one; null after the last. */
    Section nextSection() {
        try {
            Object next;
            if (ahead != null) {
                next = ahead;
                ahead = null;
            } else {
                do {
                    next = next();
                } while (next instanceof List<?>); // rows of a section not read to its end
            }
            inSection = false;
            if (next == null || ((ObjectNode) next).has("end")) {
                return null;
            }
            ObjectNode header = (ObjectNode) next;
            List<String> columns = new ArrayList<>();
            header.get("columns").forEach(c -> columns.add(c.asText()));
            inSection = true;
            if (header.has("deleted")) {
                return new Section(MappedTables.get(header.get("deleted").asText()), null, columns);
            }
            if (header.has("nulled")) {
                return new Section(MappedTables.get(header.get("nulled").asText()), header.get("column").asText(), columns);
            }
            throw new IllegalArgumentException(snapshot + " holds a line that is neither a row nor a section: " + header);
        } catch (IOException e) {
            throw unreadable(snapshot, e);
        }
    }

    /** The next row of the current section (strings, longs, booleans, nulls), or null at its end. */
    List<Object> nextRow() {
        if (!inSection) {
            return null;
        }
        try {
            Object next = next();
            if (next instanceof List<?>) {
                @SuppressWarnings("unchecked")
                List<Object> row = (List<Object>) next;
                return row;
            }
            ahead = (ObjectNode) next;
            inSection = false;
            return null;
        } catch (IOException e) {
            throw unreadable(snapshot, e);
        }
    }

    /** The next top-level value: a row's values as a list, any other object as a tree; null at the end of the file. */
    private Object next() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            return null;
        }
        if (token != JsonToken.START_OBJECT) {
            throw new IOException("expected a JSON object at line " + parser.currentLocation().getLineNr());
        }
        ObjectNode object = null;
        List<Object> row = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("row") && value == JsonToken.START_ARRAY) {
                row = new ArrayList<>();
                while ((value = parser.nextToken()) != JsonToken.END_ARRAY) {
                    row.add(scalar(value));
                }
            } else {
                if (object == null) object = JSON.createObjectNode();
                object.set(name, parser.<JsonNode>readValueAsTree());
            }
        }
        return row != null ? row : object != null ? object : JSON.createObjectNode();
    }

    /** As the snapshot writer wrote it: a string, a whole number, a boolean or null. */
    private Object scalar(JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_NULL -> null;
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? parser.getText() : parser.getLongValue();
            case VALUE_STRING, VALUE_NUMBER_FLOAT -> parser.getText();
            default -> throw new IOException("unexpected " + token + " in a row at line " + parser.currentLocation().getLineNr());
        };
    }

    private static UncheckedIOException unreadable(Path snapshot, IOException e) {
        return new UncheckedIOException("Cannot read the snapshot " + snapshot + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw unreadable(snapshot, e);
        }
    }
}
