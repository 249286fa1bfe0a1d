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

    /** The driver's {@code setReadOnly} is only a hint outside replication: the session itself is made read-only. */
    @Override
    public java.util.Optional<String> readOnlySessionSql() {
        return java.util.Optional.of("SET SESSION TRANSACTION READ ONLY");
    }

    /** MariaDB before 11.1 calls it {@code tx_read_only}, MySQL 8 only {@code transaction_read_only}. */
    @Override
    public boolean isReadOnly(java.sql.Connection connection) throws java.sql.SQLException {
        String value;
        try {
            value = ReadOnlyConnections.single(connection, "SELECT @@session.tx_read_only");
        } catch (java.sql.SQLException e) {
            value = ReadOnlyConnections.single(connection, "SELECT @@session.transaction_read_only");
        }
        return "1".equals(value);
    }

    @Override public String toString() { return "MariaDB/MySQL"; }
}
