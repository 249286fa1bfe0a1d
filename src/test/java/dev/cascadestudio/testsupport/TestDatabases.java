package dev.cascadestudio.testsupport;

import dev.cascadestudio.domain.BaseEntity;
import dev.cascadestudio.domain.DataSource;
import dev.cascadestudio.domain.Dataset;
import dev.cascadestudio.domain.Deployment;
import dev.cascadestudio.domain.Document;
import dev.cascadestudio.domain.DomainModel;
import dev.cascadestudio.domain.LabelEntity;
import dev.cascadestudio.domain.Model;
import dev.cascadestudio.domain.Project;
import dev.cascadestudio.domain.Prompt;
import dev.cascadestudio.domain.Run;
import dev.cascadestudio.domain.Schedule;
import dev.cascadestudio.domain.Session;
import dev.cascadestudio.domain.User;
import dev.cascadestudio.domain.VersionedEntity;
import dev.cascadestudio.domain.VersionedKey;
import dev.cascadestudio.domain.Workflow;
import dev.cascadestudio.persistence.AppDirectories;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.MappingRules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A fresh controller database (H2 file in the caller's temporary directory, schema created) with
 * builders for rows of every table and a few plain-JDBC queries to check what a test did. Rows are
 * written through the Hibernate entities with the minimum required columns; each builder returns the uid.
 * Versioned rows get version {@code ""}. Parent arguments (owner, project, workflow, ...) are uids
 * and may be null where the column is nullable.
 */
public final class TestDatabases implements AutoCloseable {

    public static final LocalDateTime CREATED = LocalDateTime.of(2026, 1, 1, 12, 0);

    private final Database database;

    private TestDatabases(Database database) {
        this.database = database;
    }

    /** A fresh database with the controller schema in {@code directory} (e.g. a JUnit {@code @TempDir}). */
    public static TestDatabases fresh(Path directory) {
        return new TestDatabases(Database.open(url(directory.resolve("db")), null, null,
                Database.EmptyDatabase.CREATE_SCHEMA));
    }

    /** The H2 file URL of {@code fileWithoutSuffix} ({@code .mv.db} is added by H2). */
    public static String url(Path fileWithoutSuffix) {
        return AppDirectories.h2Url(fileWithoutSuffix);
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        database.close();
    }

    // ---- rows -----------------------------------------------------------------------------

    public String user(String name) {
        User user = new User();
        user.setUid(uidOf("user", name));
        return persist(user, name);
    }

    public String project(String name, String owner) {
        return persist(versioned(new Project(), "project", name, owner), name);
    }

    public String dataSource(String name, String project, String owner) {
        DataSource row = versioned(new DataSource(), "data_source", name, owner);
        row.setProjectId(project);
        row.setDataSourceType("s3");
        return persist(row, name);
    }

    public String dataset(String name, String project, String owner) {
        Dataset row = versioned(new Dataset(), "dataset", name, owner);
        row.setProjectId(project);
        row.setTask("question-answering");
        return persist(row, name);
    }

    public String model(String name, String project, String owner) {
        Model row = versioned(new Model(), "model", name, owner);
        row.setProjectId(project);
        row.setTask("text-generation");
        return persist(row, name);
    }

    public String prompt(String name, String project, String owner) {
        Prompt row = versioned(new Prompt(), "prompt", name, owner);
        row.setProjectId(project);
        row.setFormat("chat");
        return persist(row, name);
    }

    public String document(String name, String project, String owner) {
        Document row = versioned(new Document(), "document", name, owner);
        row.setProjectId(project);
        row.setPath("docs/" + name);
        return persist(row, name);
    }

    public String workflow(String name, String project, String owner) {
        Workflow row = versioned(new Workflow(), "workflow", name, owner);
        row.setProjectId(project);
        row.setWorkflowType("application");
        row.setState("ready");
        return persist(row, name);
    }

    public String session(String name, String workflow, String owner) {
        Session row = versioned(new Session(), "session", name, owner);
        row.setWorkflowId(workflow);
        return persist(row, name);
    }

    public String deployment(String name, String project, String workflow, String model, String owner) {
        Deployment row = versioned(new Deployment(), "deployment", name, owner);
        row.setProjectId(project);
        row.setWorkflowId(workflow);
        row.setModelId(model);
        row.setType("local");
        return persist(row, name);
    }

    public String schedule(String name, String workflow, String owner) {
        Schedule row = versioned(new Schedule(), "schedule", name, owner);
        row.setWorkflowId(workflow);
        row.setStatus("active");
        return persist(row, name);
    }

    public String run(String name, String workflow, String schedule, String owner) {
        Run row = versioned(new Run(), "run", name, owner);
        row.setWorkflowId(workflow);
        row.setScheduleId(schedule);
        row.setStatus("completed");
        return persist(row, name);
    }

    /** Adds label {@code key=value} to {@code table}'s labels with {@code parent} as given, byte for byte. */
    public void label(String table, String parent, String key, String value) {
        LabelEntity label = newLabel(table);
        label.setParent(parent);
        label.setName(key);
        label.setValue(value);
        database.inTransaction(session -> session.persist(label));
    }

    /** Deletes one row through Hibernate ({@code find}, then {@code remove}), as the controller's ORM would. */
    public void delete(Class<? extends BaseEntity> entity, String uid) {
        Object key = entity == User.class ? uid : new VersionedKey(uid, "");
        database.inTransaction(session -> {
            BaseEntity row = session.find(entity, key);
            if (row == null) {
                throw new IllegalArgumentException("No " + entity.getSimpleName() + " with uid " + uid);
            }
            session.remove(row);
        });
    }

    /** The uid a builder gives the row {@code name} of {@code table}: readable in failure messages. */
    public static String uidOf(String table, String name) {
        return table + ":" + name;
    }

    private static <E extends VersionedEntity> E versioned(E row, String table, String name, String owner) {
        row.setUid(uidOf(table, name));
        row.setOwnerId(owner);
        return row;
    }

    private String persist(BaseEntity row, String name) {
        row.setName(name);
        row.setCreated(CREATED);
        database.inTransaction(session -> session.persist(row));
        return row.getUid();
    }

    private static LabelEntity newLabel(String table) {
        for (Class<? extends LabelEntity> type : DomainModel.LABEL_TABLES) {
            if (MappingRules.tableOf(type).equals(table + "_labels")) {
                try {
                    return type.getDeclaredConstructor().newInstance();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalArgumentException("No labels table for " + table);
    }

    // ---- queries (plain JDBC, so they check the database, not Hibernate's view of it) ----

    public long count(String table) {
        return count(table, "1 = 1");
    }

    /** Rows of {@code table} matching {@code where} (plain SQL, identifiers quoted, {@code ?} for args). */
    public long count(String table, String where, Object... args) {
        return ((Number) queryOne("SELECT COUNT(*) FROM " + quote(table) + " WHERE " + where, args)).longValue();
    }

    public boolean exists(String table, String uid) {
        return count(table, "\"uid\" = ?", uid) > 0;
    }

    /** One column of the row with this uid; fails if there is no such row. */
    public Object value(String table, String uid, String column) {
        if (!exists(table, uid)) {
            throw new AssertionError("No row " + uid + " in " + table);
        }
        return queryOne("SELECT " + quote(column) + " FROM " + quote(table) + " WHERE \"uid\" = ?", uid);
    }

    /** The {@code parent} of every label of {@code table}, sorted; compared in Java, so exactly. */
    public List<String> labelParents(String table) {
        return database.fromConnection(c -> {
            List<String> parents = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT \"parent\" FROM " + quote(table + "_labels"));
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    parents.add(rs.getString(1));
                }
            }
            parents.sort(null);
            return parents;
        });
    }

    public Set<String> tableNames() {
        return database.fromConnection(TestDatabases::tableNames);
    }

    /** Lower-case names of the tables outside H2's own schemas. */
    public static Set<String> tableNames(Connection connection) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (ResultSet rs = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                if (!"INFORMATION_SCHEMA".equalsIgnoreCase(rs.getString("TABLE_SCHEM"))) {
                    names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    /**
     * Every row of every table as one line ({@code table|col=value|...}, columns by name), sorted:
     * two databases with equal dumps hold the same data.
     */
    public List<String> dump() {
        return database.fromConnection(c -> {
            List<String> lines = new ArrayList<>();
            for (String table : tableNames(c)) {
                try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + quote(table));
                     ResultSet rs = ps.executeQuery()) {
                    ResultSetMetaData meta = rs.getMetaData();
                    List<String> columns = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        columns.add(meta.getColumnName(i));
                    }
                    List<String> order = columns.stream().sorted().toList();
                    while (rs.next()) {
                        StringBuilder line = new StringBuilder(table);
                        for (String column : order) {
                            Object v = rs.getObject(columns.indexOf(column) + 1);
                            line.append('|').append(column).append('=')
                                    .append(v instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : v);
                        }
                        lines.add(line.toString());
                    }
                }
            }
            lines.sort(null);
            return lines;
        });
    }

    private Object queryOne(String sql, Object... args) {
        return database.fromConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getObject(1);
                }
            }
        });
    }

    /** An identifier quoted for hand-written SQL, as every identifier of the schema is. */
    public static String quote(String identifier) {
        return "\"" + identifier + "\"";
    }
}
