package dev.cascadestudio.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The undo of {@link HandWrittenDelete} as a DBA would write it with the deleted data at hand on the server: before the
 * delete, what each of its statements deletes or sets to NULL is copied into a table of the same database (in the order
 * of the rows' keys); the undo then inserts the deleted rows back from those tables, parents first, and sets the nulled
 * columns back from theirs ({@link #setValues}). It reads no file and checks
 * nothing, so it is the least an undo of that delete can take on that server: {@link UndoBenchmark}'s floor.
 */
final class HandWrittenUndo {

    private static final Pattern DELETE = Pattern.compile("DELETE FROM \"(\\w+)\" WHERE (.*)", Pattern.DOTALL);
    private static final Pattern NULLING = Pattern.compile("UPDATE \"(\\w+)\" SET \"(\\w+)\" = NULL WHERE (.*)", Pattern.DOTALL);

    /** What one statement of the delete changed, kept in {@code copy}: its table's deleted rows, or its column's values. */
    record Saved(String table, String column, String copy) {
        boolean rows() {
            return column == null;
        }
    }

    private HandWrittenUndo() {}

    /** Copies, before the delete, what each of its statements will delete or set to NULL for {@code project}. */
    static List<Saved> save(Connection connection, String project, boolean backquotes) throws SQLException {
        List<Saved> saved = new ArrayList<>();
        for (String statement : HandWrittenDelete.STATEMENTS) {
            String copy = "cs_saved_" + saved.size();
            Matcher delete = DELETE.matcher(statement);
            Matcher nulling = NULLING.matcher(statement);
            String select;
            Saved what;
            if (delete.matches()) {
                what = new Saved(delete.group(1), null, copy);
                select = "SELECT * FROM \"" + what.table() + "\" WHERE " + delete.group(2) + " ORDER BY \"uid\"";
            } else if (nulling.matches()) {
                what = new Saved(nulling.group(1), nulling.group(2), copy);
                select = "SELECT \"uid\", \"version\", \"" + what.column() + "\" FROM \"" + what.table() + "\" WHERE "
                        + nulling.group(3) + " ORDER BY \"uid\", \"version\"";
            } else {
                throw new IllegalStateException("not a DELETE or an UPDATE to NULL: " + statement);
            }
            HandWrittenDelete.executeForProject(connection, HandWrittenDelete.quoted("CREATE TABLE \"" + copy + "\" AS " + select, backquotes), project);
            saved.add(what);
        }
        return saved;
    }

    /** The deleted rows back, parents first, in the caller's transaction. */
    static void insertRows(Connection connection, List<Saved> saved, boolean backquotes) throws SQLException {
        for (int i = saved.size() - 1; i >= 0; i--) {
            Saved s = saved.get(i);
            if (s.rows()) {
                execute(connection, HandWrittenDelete.quoted("INSERT INTO \"" + s.table() + "\" SELECT * FROM \"" + s.copy() + "\"", backquotes));
            }
        }
    }

    /**
     * The nulled values back, in the caller's transaction: one statement per table and column, or where {@code together}
     * one per table for all its nulled columns (the shape the engine's undo takes on PostgreSQL and MariaDB, which writes
     * each row once).
     */
    static void setValues(Connection connection, List<Saved> saved, boolean mariaDb, boolean together) throws SQLException {
        Map<String, List<Saved>> byTable = new LinkedHashMap<>();
        for (Saved s : saved) {
            if (!s.rows()) {
                byTable.computeIfAbsent(together ? s.table() : s.copy(), k -> new ArrayList<>()).add(s);
            }
        }
        for (List<Saved> columns : byTable.values()) {
            String table = columns.get(0).table();
            String source = columns.size() == 1 ? "\"" + columns.get(0).copy() + "\"" : "(" + merged(columns) + ")";
            List<String> set = new ArrayList<>();
            for (Saved s : columns) {
                String target = (mariaDb ? "t" : "\"" + table + "\"") + ".\"" + s.column() + "\"";
                set.add((mariaDb ? target : "\"" + s.column() + "\"") + " = COALESCE(s.\"" + s.column() + "\", " + target + ")");
            }
            String sql = mariaDb
                    ? "UPDATE \"" + table + "\" t JOIN " + source + " s ON t.\"uid\" = s.\"uid\" AND t.\"version\" = s.\"version\" SET "
                            + String.join(", ", set)
                    : "UPDATE \"" + table + "\" SET " + String.join(", ", set) + " FROM " + source + " s WHERE \"" + table
                            + "\".\"uid\" = s.\"uid\" AND \"" + table + "\".\"version\" = s.\"version\"";
            execute(connection, HandWrittenDelete.quoted(sql, mariaDb));
        }
    }

    /** One row per key with every column's saved value (NULL where that column's copy has none). */
    private static String merged(List<Saved> columns) {
        List<String> branches = new ArrayList<>();
        for (Saved branch : columns) {
            List<String> values = new ArrayList<>();
            for (Saved s : columns) {
                values.add(s == branch ? "\"" + s.column() + "\"" : "NULL AS \"" + s.column() + "\"");
            }
            branches.add("SELECT \"uid\", \"version\", " + String.join(", ", values) + " FROM \"" + branch.copy() + "\"");
        }
        List<String> max = columns.stream().map(s -> "MAX(\"" + s.column() + "\") AS \"" + s.column() + "\"").toList();
        return "SELECT \"uid\", \"version\", " + String.join(", ", max) + " FROM (" + String.join(" UNION ALL ", branches)
                + ") u GROUP BY \"uid\", \"version\"";
    }

    /** The copies go (outside the timed work). */
    static void drop(Connection connection, List<Saved> saved, boolean backquotes) throws SQLException {
        for (Saved s : saved) {
            execute(connection, HandWrittenDelete.quoted("DROP TABLE \"" + s.copy() + "\"", backquotes));
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
