package dev.cascadestudio.service;

import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.MappedTables;
import dev.cascadestudio.persistence.SqlNames;
import dev.cascadestudio.persistence.TableInfo;
import java.sql.ResultSet;
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

    /** Every user with the number of projects it owns, by name; then "Unowned" if any project has no live owner. */
    public List<UserSummary> userSummaries() {
        return database.fromTransaction(session -> {
            List<Object[]> rows = session.createSelectionQuery(
                    "select u.uid, u.name, u.description, u.created,"
                            + " (select count(distinct p.uid) from Project p where p.ownerId = u.uid)"
                            + " from User u order by u.name", Object[].class).getResultList();
            List<UserSummary> users = new ArrayList<>();
            for (Object[] r : rows) {
                users.add(new UserSummary((String) r[0], (String) r[1], (String) r[2], (Long) r[4], (LocalDateTime) r[3]));
            }
            long unowned = session.createSelectionQuery(
                    "select count(distinct p.uid) from Project p where p.ownerId is null"
                            + " or not exists (select 1 from User u where u.uid = p.ownerId)", Long.class).getSingleResult();
            if (unowned > 0) {
                users.add(new UserSummary(null, "Unowned", "Projects whose owner is not set or no longer exists", unowned, null));
            }
            return users;
        });
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
