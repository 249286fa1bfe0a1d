package dev.cascadestudio.persistence;

import org.hibernate.dialect.Dialect;

/**
 * Renders table and column names for hand-written SQL exactly as Hibernate renders them for this
 * database (every identifier quoted, so {@code user} and {@code value} are safe everywhere).
 */
public final class SqlNames {

    private final Dialect dialect;

    public SqlNames(Dialect dialect) {
        this.dialect = dialect;
    }

    public String quote(String identifier) {
        return dialect.openQuote() + identifier + dialect.closeQuote();
    }

    public Dialect dialect() {
        return dialect;
    }
}
