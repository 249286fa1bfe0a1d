package dev.cascadestudio.persistence;

/**
 * MariaDB and MySQL: text compares under each column's collation (utf8mb4_general_ci ignores case and
 * trailing spaces, utf8mb4_bin trailing spaces), so every text comparison that decides a delete is the
 * database's own; JSON is text with a check.
 */
final class MariaDbProduct extends ServerProduct {

    static final MariaDbProduct INSTANCE = new MariaDbProduct();

    private MariaDbProduct() {}

    @Override public boolean identifiesRowsById() { return false; }
    @Override public boolean takesKeyArrays() { return false; }
    @Override public boolean comparesTextByteForByte() { return false; }

    @Override public String toString() { return "MariaDB/MySQL"; }
}
