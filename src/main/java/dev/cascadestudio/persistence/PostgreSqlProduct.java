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

    @Override public String toString() { return "PostgreSQL"; }
}
