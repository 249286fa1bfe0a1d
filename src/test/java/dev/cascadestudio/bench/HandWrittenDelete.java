package dev.cascadestudio.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

/**
 * The delete of one project as a DBA would write it in set-based SQL, knowing the schema: what the
 * engine's commit is measured against (CascadeBenchmark on H2, BigDeleteBenchmark on the controller's
 * SQLite, PostgreSQL and MariaDB layouts). Standard double-quoted identifiers.
 */
final class HandWrittenDelete {

    /** Labels of the project's children: table, and the subquery of the names they hang on. */
    private static final List<String[]> CHILD_LABELS = List.of(
            new String[] {"schedule_labels", "SELECT s.\"name\" FROM \"schedule\" s JOIN \"workflow\" w ON s.\"workflow_id\" = w.\"uid\" WHERE w.\"project_id\" = ?"},
            new String[] {"workflow_labels", "SELECT \"name\" FROM \"workflow\" WHERE \"project_id\" = ?"},
            new String[] {"deployment_labels", "SELECT \"name\" FROM \"deployment\" WHERE \"project_id\" = ?"},
            new String[] {"model_labels", "SELECT \"name\" FROM \"model\" WHERE \"project_id\" = ?"},
            new String[] {"dataset_labels", "SELECT \"name\" FROM \"dataset\" WHERE \"project_id\" = ?"},
            new String[] {"data_source_labels", "SELECT \"name\" FROM \"data_source\" WHERE \"project_id\" = ?"},
            new String[] {"prompt_labels", "SELECT \"name\" FROM \"prompt\" WHERE \"project_id\" = ?"},
            new String[] {"document_labels", "SELECT \"name\" FROM \"document\" WHERE \"project_id\" = ?"},
            new String[] {"project_labels", "SELECT \"name\" FROM \"project\" WHERE \"uid\" = ?"});

    /**
     * What a person would write knowing the schema: null the references into the project's workflows,
     * schedules and models from rows that survive, delete the labels, then the children before their
     * parents (the order MariaDB's enforced foreign keys need). One transaction; every parameter is the
     * project's uid. The project's own deployments are left out of the UPDATEs: nulling them first
     * (harmless for the result, they are deleted anyway) made the later DELETE of deployment_labels take
     * about a minute in H2 instead of about 0.1 s.
     */
    static final List<String> STATEMENTS = Stream.of(
            Stream.of(
                    "UPDATE \"run\" SET \"schedule_id\" = NULL WHERE \"schedule_id\" IN (SELECT s.\"uid\" FROM \"schedule\" s "
                            + "JOIN \"workflow\" w ON s.\"workflow_id\" = w.\"uid\" WHERE w.\"project_id\" = ?)",
                    "UPDATE \"run\" SET \"workflow_id\" = NULL WHERE \"workflow_id\" IN (SELECT \"uid\" FROM \"workflow\" WHERE \"project_id\" = ?)",
                    "UPDATE \"session\" SET \"workflow_id\" = NULL WHERE \"workflow_id\" IN (SELECT \"uid\" FROM \"workflow\" WHERE \"project_id\" = ?)",
                    "UPDATE \"deployment\" SET \"workflow_id\" = NULL WHERE \"workflow_id\" IN (SELECT \"uid\" FROM \"workflow\" WHERE \"project_id\" = ?)"
                            + " AND \"project_id\" <> ?",
                    "UPDATE \"deployment\" SET \"model_id\" = NULL WHERE \"model_id\" IN (SELECT \"uid\" FROM \"model\" WHERE \"project_id\" = ?)"
                            + " AND \"project_id\" <> ?"),
            CHILD_LABELS.stream().map(l -> "DELETE FROM \"" + l[0] + "\" WHERE \"parent\" IN (" + l[1] + ")"),
            Stream.of(
                    "DELETE FROM \"schedule\" WHERE \"workflow_id\" IN (SELECT \"uid\" FROM \"workflow\" WHERE \"project_id\" = ?)",
                    "DELETE FROM \"deployment\" WHERE \"project_id\" = ?",
                    "DELETE FROM \"workflow\" WHERE \"project_id\" = ?",
                    "DELETE FROM \"model\" WHERE \"project_id\" = ?",
                    "DELETE FROM \"dataset\" WHERE \"project_id\" = ?",
                    "DELETE FROM \"data_source\" WHERE \"project_id\" = ?",
                    "DELETE FROM \"prompt\" WHERE \"project_id\" = ?",
                    "DELETE FROM \"document\" WHERE \"project_id\" = ?",
                    "DELETE FROM \"project\" WHERE \"uid\" = ?")
    ).flatMap(s -> s).toList();

    private HandWrittenDelete() {}

    /**
     * {@link #STATEMENTS} for {@code project} on {@code connection}, in its transaction (not committed here), with
     * MariaDB's backquotes where {@code backquotes}.
     */
    static void run(Connection connection, String project, boolean backquotes) throws SQLException {
        for (String sql : STATEMENTS) {
            executeForProject(connection, quoted(sql, backquotes), project);
        }
    }

    /** {@code sql}, written with double quotes, in MariaDB's backquotes where {@code backquotes}. */
    static String quoted(String sql, boolean backquotes) {
        return backquotes ? sql.replace("\"", "`") : sql;
    }

    /** {@code sql} with {@code project} bound to each of its parameters, as every statement here takes it. */
    static void executeForProject(Connection connection, String sql, String project) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int p = 1; p <= sql.chars().filter(c -> c == '?').count(); p++) {
                ps.setString(p, project);
            }
            ps.executeUpdate();
        }
    }
}
