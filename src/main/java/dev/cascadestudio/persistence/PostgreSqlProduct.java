package dev.cascadestudio.persistence;

/** PostgreSQL: byte-for-byte text in the C/UTF-8 collations the controller's text uses; JSON parameters cast from text. */
final class PostgreSqlProduct extends ServerProduct {

    static final PostgreSqlProduct INSTANCE = new PostgreSqlProduct();

    private PostgreSqlProduct() {}

    @Override public boolean identifiesRowsById() { return false; }
    @Override public boolean takesKeyArrays() { return false; }
    @Override public boolean comparesTextByteForByte() { return true; }

    @Override
    public String placeholder(ColumnKind column) {
        return column == ColumnKind.JSON ? "CAST(? AS json)" : "?";
    }

    @Override
    public java.util.Map<String, String> readOnlyDriverProperties() {
        return java.util.Map.of("readOnly", "true", "readOnlyMode", "always");
    }

    @Override
    public java.util.Optional<String> readOnlySessionSql() {
        return java.util.Optional.of("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
    }

    @Override
    public boolean isReadOnly(java.sql.Connection connection) throws java.sql.SQLException {
        return "on".equalsIgnoreCase(ReadOnlyConnections.single(connection, "SHOW transaction_read_only"));
    }

    @Override public String toString() { return "PostgreSQL"; }
}
