package dev.cascadestudio.service;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * JSON columns as the editor and the controller see them: parsed strictly (trailing text is an
 * error), problems described with line and column, shown indented, and stored the way the
 * controller's Python {@code json.dumps} writes them ({@code ", "} and {@code ": "}, non-ASCII escaped).
 */
public final class ControllerJson {

    private static final ObjectMapper READER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final ObjectMapper STORED = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private ControllerJson() {}

    /** Why {@code text} is not JSON ("line 3, column 7: …"), or empty if it is. */
    public static Optional<String> problem(String text) {
        try {
            READER.readTree(text);
            return Optional.empty();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            String reason = e.getOriginalMessage();
            int newline = reason.indexOf('\n');
            return Optional.of("Not valid JSON — " + where + (newline < 0 ? reason : reason.substring(0, newline)).strip());
        }
    }

    public static boolean isValid(String text) {
        return text != null && !text.isBlank() && problem(text).isEmpty();
    }

    /** Indented for reading; text that is not JSON is returned as it is. */
    public static String pretty(String text) {
        if (text == null || text.isBlank()) {
            return text;
        }
        try {
            return READER.writerWithDefaultPrettyPrinter().writeValueAsString(READER.readTree(text));
        } catch (JsonProcessingException e) {
            return text;
        }
    }

    /** Whether both hold the same JSON value, however they are laid out. */
    static boolean sameValue(String a, String b) {
        if (!isValid(a) || !isValid(b)) {
            return false;
        }
        try {
            return READER.readTree(a).equals(READER.readTree(b));
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** The text the controller would store for this (valid) JSON. */
    static String stored(String text) {
        try {
            JsonNode node = READER.readTree(text);
            return lowerCaseEscapes(STORED.writer(new PythonSeparators()).writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + text, e);
        }
    }

    /** Python writes {@code \u00f6}, Jackson {@code \u00F6}; only real escapes change, not an escaped backslash. */
    private static String lowerCaseEscapes(String json) {
        StringBuilder out = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char ch = json.charAt(i);
            out.append(ch);
            if (ch == '\\' && i + 1 < json.length()) {
                char next = json.charAt(++i);
                out.append(next);
                if (next == 'u' && i + 4 < json.length()) {
                    out.append(json.substring(i + 1, i + 5).toLowerCase(java.util.Locale.ROOT));
                    i += 4;
                }
            }
        }
        return out.toString();
    }

    /** Python's default separators: {@code {"a": 1, "b": [1, 2]}}. */
    private static final class PythonSeparators extends MinimalPrettyPrinter {
        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }
    }
}
