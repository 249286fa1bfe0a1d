package dev.cascadestudio.service;

import dev.cascadestudio.cascade.CascadeGraph;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.SqlNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds rows anywhere in the database: in all twelve tables by a part of the name (case does not
 * matter), or by a label written {@code key=value} (exact, as the controller matches labels: a
 * label of that table whose {@code parent} is the row's name); {@code key=} finds any value. Each
 * row found comes with where it sits in the tree (user / project / workflow …), so that rows of the
 * same name can be told apart.
 */
public final class SearchService {

    private static final char ESCAPE = '!';

    private final Database database;
    private final CascadeGraph graph;
    private final GroupSql order;
    private final TreeService tree;

    public SearchService(Database database, CascadeGraph graph) {
        this(database, graph, new TreeService(database, graph));
    }

    SearchService(Database database, CascadeGraph graph, TreeService tree) {
        this.database = database;
        this.graph = graph;
        this.order = new GroupSql(database.sqlNames(), graph);
        this.tree = tree;
    }

    /** At most {@code limit} rows, and whether there were more. A blank query finds nothing. */
    public SearchResults search(String query, int limit) {
        String text = query == null ? "" : query.strip();
        if (text.isEmpty()) {
            return new SearchResults(text, List.of(), false);
        }
        int equals = text.indexOf('=');
        Matcher matcher = equals > 0
                ? labelMatcher(text.substring(0, equals).strip(), text.substring(equals + 1).strip())
                : nameMatcher(text);
        return database.fromConnection(c -> {
            List<RowRef> rows = new ArrayList<>();
            for (String table : TreeService.KIND_ORDER) {
                int room = limit + 1 - rows.size();
                if (room <= 0) {
                    break;
                }
                rows.addAll(find(c, table, matcher, room));
            }
            boolean more = rows.size() > limit;
            TreeLocator locator = new TreeLocator(c, database.sqlNames(), graph, order, tree);
            List<Placement> hits = new ArrayList<>();
            for (RowRef row : more ? rows.subList(0, limit) : rows) {
                hits.add(locator.placement(row));
            }
            return new SearchResults(text, hits, more);
        });
    }

    /** A condition on the table aliased {@code c}, and its parameters. */
    private interface Matcher {
        String condition(String table);
        List<String> parameters();
    }

    private Matcher nameMatcher(String part) {
        SqlNames n = database.sqlNames();
        String pattern = "%" + escapeLike(part.toLowerCase(Locale.ROOT)) + "%";
        return new Matcher() {
            public String condition(String table) {
                return "LOWER(c." + n.quote("name") + ") LIKE ? ESCAPE '" + ESCAPE + "'";
            }
            public List<String> parameters() {
                return List.of(pattern);
            }
        };
    }

    private Matcher labelMatcher(String key, String value) {
        SqlNames n = database.sqlNames();
        return new Matcher() {
            public String condition(String table) {
                return "c." + n.quote("name") + " IN (SELECT l." + n.quote("parent") + " FROM " + n.quote(table + "_labels")
                        + " l WHERE l." + n.quote("name") + " = ?" + (value.isEmpty() ? "" : " AND l." + n.quote("value") + " = ?") + ")";
            }
            public List<String> parameters() {
                return value.isEmpty() ? List.of(key) : List.of(key, value);
            }
        };
    }

    private List<RowRef> find(Connection c, String table, Matcher matcher, int limit) throws SQLException {
        SqlNames n = database.sqlNames();
        String sql = "SELECT c." + n.quote("uid") + ", " + order.version("c", table) + ", c." + n.quote("name")
                + " FROM " + n.quote(table) + " c WHERE " + matcher.condition(table)
                + " ORDER BY " + order.order("c", table) + " LIMIT " + limit;
        List<RowRef> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            List<String> parameters = matcher.parameters();
            for (int i = 0; i < parameters.size(); i++) {
                ps.setString(i + 1, parameters.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new RowRef(table, rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return rows;
    }

    static String escapeLike(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char ch : text.toCharArray()) {
            if (ch == '%' || ch == '_' || ch == ESCAPE) {
                escaped.append(ESCAPE);
            }
            escaped.append(ch);
        }
        return escaped.toString();
    }
}
