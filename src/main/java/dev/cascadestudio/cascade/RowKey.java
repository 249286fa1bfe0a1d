package dev.cascadestudio.cascade;

/**
 * One row: its table and key. Label rows have an integer uid and no version; versioned rows print
 * as {@code uid@version} when the version is not empty.
 */
public record RowKey(String table, String uid, String version) implements Comparable<RowKey> {

    public String display() {
        return version == null || version.isEmpty() ? uid : uid + "@" + version;
    }

    @Override
    public int compareTo(RowKey o) {
        int c = table.compareTo(o.table);
        if (c != 0) return c;
        c = uid.compareTo(o.uid);
        return c != 0 ? c : String.valueOf(version).compareTo(String.valueOf(o.version));
    }
}
