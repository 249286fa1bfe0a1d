package dev.cascadestudio.persistence;

import java.util.Locale;

/** The database products Cascade Studio opens, recognised from the JDBC URL. */
public enum DatabaseKind {
    H2("jdbc:h2:", "org.hibernate.dialect.H2Dialect", "H2"),
    SQLITE("jdbc:sqlite:", "org.hibernate.community.dialect.SQLiteDialect", "SQLite"),
    POSTGRESQL("jdbc:postgresql:", "org.hibernate.dialect.PostgreSQLDialect", "PostgreSQL"),
    MARIADB("jdbc:mariadb:", "org.hibernate.dialect.MariaDBDialect", "MariaDB"),
    MYSQL("jdbc:mysql:", "org.hibernate.dialect.MySQLDialect", "MySQL");

    private final String urlPrefix;
    private final String dialect;
    private final String displayName;

    DatabaseKind(String urlPrefix, String dialect, String displayName) {
        this.urlPrefix = urlPrefix;
        this.dialect = dialect;
        this.displayName = displayName;
    }

    public String dialect() { return dialect; }

    /** How its URLs start, in lower case: {@code jdbc:h2:}, {@code jdbc:sqlite:}, … */
    public String urlPrefix() { return urlPrefix; }

    /**
     * The URL to connect with for the {@code url} a user gave: an embedded H2 file with the settings
     * that make its commits safe ({@link H2FileSettings}); a {@code jdbc:mysql:} URL with
     * {@code permitMysqlScheme}, without which the MariaDB driver (the one shipped, and the one that
     * speaks to MySQL too) answers "No suitable driver"; a MariaDB or MySQL URL with
     * {@code nullDatabaseMeansCurrent=true}, without which the driver's table list covers every
     * database on the server, so that an empty database looked like a controller's whenever another
     * database on the same server held the tables; others as given.
     */
    public String connectionUrl(String url) {
        return switch (this) {
            case H2 -> H2FileSettings.apply(url);
            case MYSQL -> withParameter(withParameter(url, "permitMysqlScheme"), "nullDatabaseMeansCurrent=true");
            case MARIADB -> withParameter(url, "nullDatabaseMeansCurrent=true");
            default -> url;
        };
    }
    public String displayName() { return displayName; }

    /**
     * Whether a column takes only values of its declared type. SQLite's columns take any value (a
     * declared type is only an affinity), so there only missing tables and columns count.
     */
    public boolean enforcesColumnTypes() {
        return this != SQLITE;
    }

    /** {@code url} with {@code parameter} appended unless it names it already. */
    private static String withParameter(String url, String parameter) {
        String name = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;
        return url.contains(name) ? url : url + (url.contains("?") ? "&" : "?") + parameter;
    }

    public static DatabaseKind fromUrl(String jdbcUrl) {
        String url = jdbcUrl == null ? "" : jdbcUrl.trim().toLowerCase(Locale.ROOT);
        for (DatabaseKind kind : values()) {
            if (url.startsWith(kind.urlPrefix)) {
                return kind;
            }
        }
        throw new DatabaseOpenException("Unsupported database URL '" + jdbcUrl
                + "'. Use jdbc:h2:, jdbc:sqlite:, jdbc:postgresql:, jdbc:mariadb: or jdbc:mysql:.");
    }
}
