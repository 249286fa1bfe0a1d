package dev.cascadestudio.cascade;

/**
 * The snapshot file format, version 1: JSON Lines, UTF-8, one JSON object per line, so that both
 * writing and restoring stream with constant memory.
 *
 * <pre>
 * {"format":"cascade-studio-snapshot","formatVersion":1,"createdAt":"2026-11-24T16:40:00Z",
 *  "database":"jdbc:...","roots":[{"table":"project","uid":"..."}],"summary":"Delete 5 rows, set 2 to NULL"}
 * {"deleted":"project","columns":["uid","version","created",...]}     a section: rows of one table
 * {"row":["6f1c...","",...]}                                           one deleted row, all columns
 * {"nulled":"run","column":"workflow_id","columns":["uid","version"]}  a section: values set to NULL
 * {"row":["a1b2...","","6f1c..."]}                                     key columns, then the old value
 * {"end":true,"deletedRows":5,"nulledValues":2}                        present only in a complete file
 * </pre>
 * Deleted sections come parents first, so restoring inserts them in file order. Values are JSON
 * strings, numbers, booleans or null; timestamps are ISO-8601 text (SQLite: the file's own text),
 * JSON columns their JSON text as a string.
 */
public final class SnapshotFormat {
    public static final String FORMAT = "cascade-studio-snapshot";
    public static final int VERSION = 1;

    private SnapshotFormat() {}
}
