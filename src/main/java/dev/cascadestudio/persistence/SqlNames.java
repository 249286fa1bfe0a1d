package dev.cascadestudio.persistence;

import org.hibernate.dialect.Dialect;

/**
 * Renders table and column names for hand-written SQL exactly as Hibernate renders them for this
 * database (every identifier quoted, so {@code user} and {@code value} are safe everywhere). The
 * names come from the mapping; as a second wall, a closing quote inside a name is doubled, which is
 * how H2, SQLite and PostgreSQL ({@code "}) and MariaDB/MySQL ({@code `}) escape it, so no name can
 * end its quotes and become SQL.
 */
public final class SqlNames {

    private final Dialect dialect;

    public SqlNames(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * The names as the dialect Hibernate is given for {@code kind} renders them, without a session factory (every
     * open's names, its {@link Database.FirstLook}'s too): the dialect's quotes do not depend on the server's version.
     */
    public static SqlNames of(DatabaseKind kind) {
        try {
            return new SqlNames((Dialect) Class.forName(kind.dialect()).getConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("No Hibernate dialect " + kind.dialect() + " for " + kind, e);
        }
    }

    public String quote(String identifier) {
        String close = String.valueOf(dialect.closeQuote());
        return dialect.openQuote() + identifier.replace(close, close + close) + close;
    }

    public Dialect dialect() {
        return dialect;
    }
}
