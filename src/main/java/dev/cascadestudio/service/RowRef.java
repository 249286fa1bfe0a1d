package dev.cascadestudio.service;

/** A row as the tree shows it: table, key and name. {@code version} is null for users (not versioned). */
public record RowRef(String table, String uid, String version, String name) {

    /** Whether both name the same row (table and key), whatever its current name. */
    public boolean sameRow(RowRef other) {
        return other != null && table.equals(other.table) && uid.equals(other.uid)
                && normalized(version).equals(normalized(other.version));
    }

    private static String normalized(String version) {
        return version == null ? "" : version;
    }
}
