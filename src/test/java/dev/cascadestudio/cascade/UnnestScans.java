package dev.cascadestudio.cascade;

import dev.cascadestudio.persistence.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.function.Supplier;

/**
 * Counts, through H2's own query statistics, how many statements executed while {@code work} ran
 * found rows from parent keys bound as an array ({@code UNNEST(?)}) rather than by joining the parent
 * in SQL: a test can then tell which of the planner's two ways a plan took.
 */
final class UnnestScans {

    record Counted<T>(T result, long unnestScans) {}

    private UnnestScans() {}

    /** Counts the UNNEST scans of any table. */
    static <T> Counted<T> count(Database database, Supplier<T> work) {
        return count(database, "", work);
    }

    /** Counts the UNNEST scans that find rows of {@code childTable} (any table if empty). */
    static <T> Counted<T> count(Database database, String childTable, Supplier<T> work) {
        database.fromConnection(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("SET QUERY_STATISTICS_MAX_ENTRIES 100000");
                s.execute("SET QUERY_STATISTICS TRUE");
            }
            return null;
        });
        String pattern = childTable.isEmpty() ? "%UNNEST(%" : "%UNNEST(% JOIN \"" + childTable + "\" %";
        long before = executed(database, pattern);
        T result = work.get();
        return new Counted<>(result, executed(database, pattern) - before);
    }

    private static long executed(Database database, String pattern) {
        return database.fromConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(EXECUTION_COUNT), 0)"
                    + " FROM INFORMATION_SCHEMA.QUERY_STATISTICS WHERE SQL_STATEMENT LIKE ? AND SQL_STATEMENT NOT LIKE '%QUERY_STATISTICS%'")) {
                ps.setString(1, pattern);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
