package dev.cascadestudio.cascade;

import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.domain.ForeignKeyRule;
import dev.cascadestudio.persistence.SqlNames;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds dangling references: a foreign-key value that points to no row, and labels whose parent
 * is gone. A controller's own SQLite file can hold them (its ORM, deleting a user, nulls only
 * {@code session.owner_id}). One statement per edge of the cascade graph.
 */
public final class Auditor {

    public static final int SAMPLE = 20;

    private final Database database;
    private final CascadeGraph graph;

    public Auditor(Database database, CascadeGraph graph) {
        this.database = database;
        this.graph = graph;
    }

    /** The dangling references along one edge: how many, and up to {@link #SAMPLE} of them. */
    public record Finding(ForeignKeyRule edge, long count, List<Dangling> sample) {}

    /** A row (named {@code name}) whose {@code column} holds {@code value}, which no parent row has. */
    public record Dangling(RowKey row, String name, String value) {}

    public List<Finding> audit() {
        return audit(SAMPLE);
    }

    /** As {@link #audit()}, with up to {@code sampleSize} rows of each finding. */
    public List<Finding> audit(int sampleSize) {
        return database.fromConnection(connection -> {
            SqlNames n = database.sqlNames();
            List<Finding> findings = new ArrayList<>();
            for (ForeignKeyRule edge : graph.edges()) {
                boolean versioned = graph.table(edge.childTable()).versioned();
                String sql = "SELECT " + n.quote("uid") + ", " + (versioned ? n.quote("version") : "NULL") + ", "
                        + n.quote(edge.column()) + ", " + n.quote("name") + " FROM " + n.quote(edge.childTable())
                        + " WHERE " + PlanQueries.dangling(n, edge) + " ORDER BY " + n.quote("uid");
                long count = 0;
                List<Dangling> sample = new ArrayList<>();
                try (PreparedStatement ps = connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (sample.size() < sampleSize) {
                            sample.add(new Dangling(new RowKey(edge.childTable(), rs.getString(1), rs.getString(2)), rs.getString(4),
                                    rs.getString(3)));
                        }
                        count++;
                    }
                }
                if (count > 0) {
                    findings.add(new Finding(edge, count, sample));
                }
            }
            return findings;
        });
    }
}
