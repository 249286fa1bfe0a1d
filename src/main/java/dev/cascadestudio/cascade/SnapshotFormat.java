package dev.cascadestudio.cascade;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.cascadestudio.persistence.ColumnKind;
import dev.cascadestudio.persistence.SqlValues;
import dev.cascadestudio.persistence.TableInfo;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.LocalDateTime;

/**
 * The snapshot file format, version 2: JSON Lines, UTF-8, one JSON object per line, so that both
 * writing and restoring stream with constant memory.
 *
 * <pre>
 * {"format":"cascade-studio-snapshot","formatVersion":1,"createdAt":"2026-11-24T16:40:00Z",
 *  "database":"jdbc:...","roots":[{"table":"project","uid":"..."}],"summary":"Delete 5 rows, set 2 to NULL"}
 * {"deleted":"project","columns":["uid","version","created",...]}     a section: rows of one table
 * {"row":["6f1c...","",...]}                                           one deleted row, all columns
 * {"nulled":"run","column":"workflow_id","columns":["uid","version"]}  a section: values set to NULL
 * {"row":["a1b2...","","6f1c..."]}                                     key columns, then the old value
 * {"end":true,"deletedRows":5,"nulledValues":2,"sha256":"9f86..."}     present only in a complete file
 * </pre>
 * The end line's {@code sha256} is the SHA-256 (hex) of every byte before the end line, so restore
 * refuses a file that was edited or damaged (version 1 files have no checksum).
 * Deleted sections come parents first, so restoring inserts them in file order. Values are JSON
 * strings, whole numbers, booleans or null; timestamps are ISO-8601 text (SQLite: the file's own
 * text), JSON columns their JSON text as a string.
 *
 * <p>The writer and the reader share {@link #JSON} and {@link #problem}: what a delete writes,
 * restore reads. A value may hold at most {@value #MAX_VALUE_CHARS} characters and a row at most
 * that many in all; a delete that meets a longer value refuses before anything changes, and restore
 * refuses a longer one as soon as the parser has read that far, so memory stays bounded whatever the
 * file holds.
 */
public final class SnapshotFormat {
    public static final String FORMAT = "cascade-studio-snapshot";
    /** Version 2 adds the end line's {@code sha256}; version 1 files (without it) are still read. */
    public static final int VERSION = 2;
    static final int OLDEST_READABLE_VERSION = 1;
    /** 64 Mi characters: three times the 20.5 million of a description seen in the field, and within a 1 GB heap. */
    public static final int MAX_VALUE_CHARS = 64 * 1024 * 1024;
    /**
     * The most characters a text of the header other than a root's uid may hold (the database, the
     * summary, the time): far more than the writer writes, far less than a row value, so that a header
     * is refused before it can fill the memory.
     */
    public static final int MAX_HEADER_TEXT_CHARS = 64 * 1024;

    /** One configuration for writing and reading snapshots. */
    static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(MAX_VALUE_CHARS)
                    .maxNestingDepth(4)
                    .maxNumberLength(40)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private SnapshotFormat() {}

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java has no SHA-256", e);
        }
    }

    /**
     * Why {@code value} cannot stand for a value of {@code column} in a snapshot, or null if it can: the
     * kinds the writer produces (text, whole number, boolean, timestamp text) and nothing else.
     */
    static String problem(TableInfo.Column column, Object value) {
        if (value == null) {
            return column.nullable() ? null : "holds null for " + column.name() + ", which cannot be empty";
        }
        ColumnKind kind = column.kind();
        return switch (kind) {
            case TEXT, JSON -> value instanceof String ? null : "holds " + describe(value) + " for the text column " + column.name();
            case BOOLEAN -> value instanceof Boolean ? null : "holds " + describe(value) + " for the true/false column " + column.name();
            case INTEGER -> value instanceof Long ? null : "holds " + describe(value) + " for the whole-number column " + column.name();
            case TIMESTAMP -> value instanceof String text && timestamp(text)
                    ? null : "holds " + describe(value) + " for the timestamp column " + column.name();
        };
    }

    private static boolean timestamp(String text) {
        try {
            LocalDateTime t = SqlValues.parseTimestamp(text);
            return t.getYear() >= 1 && t.getYear() <= 9999;
        } catch (DateTimeException e) {
            return false;
        }
    }

    static String describe(Object value) {
        if (value instanceof String s) {
            return "the text '" + shorten(s) + "'";
        }
        return value instanceof Boolean ? "the value " + value : "the number " + shorten(String.valueOf(value));
    }

    /** Text from a file quoted in a message: at most 60 characters of it, control characters escaped. */
    static String shorten(String text) {
        return oneLine(text.length() <= 60 ? text : text.substring(0, 57) + "...");
    }

    /** Text with its control characters (and line separators) escaped, so a message stays one line whatever the file holds. */
    static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) out.append(String.format("\\u%04x", c));
            else out.appendCodePoint(c);
        });
        return out.toString();
    }
}
