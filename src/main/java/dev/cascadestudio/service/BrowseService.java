package dev.cascadestudio.service;

import dev.cascadestudio.persistence.ColumnKind;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.DatabaseKind;
import dev.cascadestudio.persistence.MappedTables;
import dev.cascadestudio.persistence.SqlNames;
import dev.cascadestudio.persistence.SqlValues;
import dev.cascadestudio.persistence.TableInfo;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read-only queries behind the browser. Returns plain records, never managed entities. */
public final class BrowseService {

    private final Database database;

    public BrowseService(Database database) {
        this.database = database;
    }

    /**
     * Every user with the number of projects it owns, by name; then "Unowned" if any project has no live owner.
     * Plain SQL, as all of the engine's reads: it is the tree's first level, read as a window starts (compiling
     * a session factory's first Hibernate query cost more than the query itself).
     */
    public List<UserSummary> userSummaries() {
        SqlNames n = database.sqlNames();
        return database.fromConnection(c -> {
            List<UserSummary> users = users(c, n, database.kind());
            String uid = n.quote("uid");
            String owner = n.quote("owner_id");
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(DISTINCT p." + uid + ") FROM " + n.quote("project") + " p WHERE p."
                            + owner + " IS NULL OR NOT EXISTS (SELECT 1 FROM " + n.quote("user") + " u WHERE u." + uid + " = p." + owner + ")")) {
                rs.next();
                long unowned = rs.getLong(1);
                if (unowned > 0) {
                    users.add(new UserSummary(null, "Unowned", "Projects whose owner is not set or no longer exists", unowned, null));
                }
            }
            return users;
        });
    }

    /**
     * Every user with the number of projects it owns, by name, read on {@code connection}: what
     * {@link #userSummaries()} starts with, and what an open reads as its {@linkplain Database.FirstLook first
     * look}, before there is a session.
     */
    public static List<UserSummary> users(Connection connection, SqlNames n, DatabaseKind kind) throws SQLException {
        SqlValues values = new SqlValues(kind);
        String uid = n.quote("uid");
        List<UserSummary> users = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT u." + uid + ", u." + n.quote("name") + ", u." + n.quote("description")
                        + ", u." + n.quote("created") + ", (SELECT COUNT(DISTINCT p." + uid + ") FROM " + n.quote("project")
                        + " p WHERE p." + n.quote("owner_id") + " = u." + uid + ") FROM " + n.quote("user") + " u ORDER BY u."
                        + n.quote("name"))) {
            while (rs.next()) {
                Object created = values.read(rs, 4, ColumnKind.TIMESTAMP);
                users.add(new UserSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(5),
                        created instanceof String text ? SqlValues.parseTimestamp(text) : (LocalDateTime) created));
            }
        }
        return users;
    }

    /** Rows of the twelve controller tables (labels not counted), for the status bar. */
    public long totalRows() {
        return rowCounts().entrySet().stream().filter(e -> !MappedTables.get(e.getKey()).label())
                .mapToLong(Map.Entry::getValue).sum();
    }

    /**
     * The number of rows of every mapped table, label tables included, in the mapping's order: one
     * {@code COUNT(*)} per table, for the cascade graph's nodes.
     */
    public Map<String, Long> rowCounts() {
        SqlNames n = database.sqlNames();
        return database.fromConnection(c -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            try (Statement s = c.createStatement()) {
                for (TableInfo table : MappedTables.all()) {
                    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + n.quote(table.name()))) {
                        rs.next();
                        counts.put(table.name(), rs.getLong(1));
                    }
                }
            }
            return counts;
        });
    }

    public String databaseDescription() {
        return database.describe();
    }
}
