package dev.cascadestudio.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.cascade.CascadeGraph;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.testsupport.EngineDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows exactly as a controller stores them can be edited and saved: every NOT NULL column of the
 * controller's own DDL ({@code controller_sqlite.sql}, read here, not the mapping) holds the value a
 * controller puts there — {@code ''} for its strings, {@code 0} for its booleans, {@code '[]'} for its
 * JSON lists — and saving a change to the description alone must succeed and keep every one of them.
 */
class ControllerValuesEditTest {

    private static final Pattern TABLE = Pattern.compile("CREATE TABLE (\\w+) \\((.*?)\\n\\);", Pattern.DOTALL);
    private static final Pattern COLUMN = Pattern.compile("^\\s*(\\w+) (\\w+)(?:\\(\\d+\\))?(.*?),?\\s*$");
    private static final String CREATED = "2026-03-04 05:06:07.123456";

    @TempDir Path dir;
    Database database;
    RowEditService edit;

    /** A NOT NULL column of the controller's DDL: its name, SQL type and DEFAULT literal (or null). */
    record NotNullColumn(String table, String name, String type, String defaultLiteral) {}

    @BeforeEach
    void open() {
        database = EngineDatabases.controllerSqlite(dir);
        CascadeGraph graph = CascadeGraph.fromMapping();
        edit = new RowEditService(database, graph, new TreeService(database, graph), new RowDetailsService(database),
                new AuditLog(dir.resolve(AuditLog.FILE_NAME)));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void everyNotNullColumnKeepsTheValueAControllerStoresWhenOnlyTheDescriptionIsEdited() throws Exception {
        Map<String, List<NotNullColumn>> tables = controllerTables();
        assertThat(tables).as("the 12 tables of the controller's DDL").hasSize(12);
        Map<String, Map<String, Object>> inserted = new LinkedHashMap<>();
        for (String table : List.of("user", "project", "workflow", "schedule", "data_source", "dataset", "model",
                "prompt", "document", "deployment", "run", "session")) {
            inserted.put(table, insertAsController(table, tables.get(table)));
        }

        for (Map.Entry<String, Map<String, Object>> row : inserted.entrySet()) {
            String table = row.getKey();
            String uid = (String) row.getValue().get("uid");
            RowRef ref = new RowRef(table, uid, table.equals("user") ? null : "", table + "-row");
            EditableRow loaded = edit.load(ref).orElseThrow();
            RowDraft draft = new RowDraft(loaded, Map.of("description", "edited by an administrator"), loaded.labels());

            assertThat(edit.validate(draft)).as("errors when saving a controller's %s", table).isEmpty();
            edit.save(draft);

            Map<String, Object> now = read(table, uid);
            assertThat(now.get("description")).isEqualTo("edited by an administrator");
            for (NotNullColumn column : tables.get(table)) {
                if (!column.name().equals("updated")) {
                    assertThat(String.valueOf(now.get(column.name())))
                            .as("%s.%s after the save", table, column.name())
                            .isEqualTo(String.valueOf(row.getValue().get(column.name())));
                }
            }
        }
    }

    @Test
    void aNotNullReferenceOrJsonListLeftEmptyIsStillRequired() throws Exception {
        Map<String, List<NotNullColumn>> tables = controllerTables();
        insertAsController("user", tables.get("user"));
        insertAsController("project", tables.get("project"));
        Map<String, Object> document = insertAsController("document", tables.get("document"));
        EditableRow loaded = edit.load(new RowRef("document", (String) document.get("uid"), "", "document-row")).orElseThrow();

        List<FieldError> errors = edit.validate(new RowDraft(loaded, Map.of("keywords", "", "project_id", ""), loaded.labels()));

        assertThat(errors).extracting(FieldError::field, FieldError::message).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("keywords", "Required: a JSON value, such as [] or {}."),
                org.assertj.core.groups.Tuple.tuple("project_id", "Required."));
    }

    @Test
    void aNewProjectStartsWithTheSchemasDefaultSourceAndCanBeCreatedWithIt() throws Exception {
        Map<String, List<NotNullColumn>> tables = controllerTables();
        Map<String, Object> user = insertAsController("user", tables.get("user"));
        String sourceDefault = tables.get("project").stream().filter(c -> c.name().equals("source")).findFirst()
                .orElseThrow().defaultLiteral();
        assertThat(sourceDefault).isEqualTo("''");
        EditableRow project = edit.newRow(new RowRef("user", (String) user.get("uid"), null, "user-row"), "project");

        RowRef created = edit.create(new RowDraft(project, Map.of("name", "fresh-project"), project.labels()));

        assertThat(read("project", created.uid()).get("source")).isEqualTo("");
    }

    /** The NOT NULL columns of each table of the controller's DDL, label tables left out. */
    static Map<String, List<NotNullColumn>> controllerTables() throws IOException {
        String ddl;
        try (InputStream in = ControllerValuesEditTest.class.getResourceAsStream("/controller_sqlite.sql")) {
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, List<NotNullColumn>> tables = new LinkedHashMap<>();
        Matcher table = TABLE.matcher(ddl);
        while (table.find()) {
            if (table.group(1).endsWith("_labels")) {
                continue;
            }
            List<NotNullColumn> columns = new ArrayList<>();
            for (String line : table.group(2).split("\\n")) {
                Matcher column = COLUMN.matcher(line);
                if (column.matches() && column.group(3).contains("NOT NULL")) {
                    Matcher def = Pattern.compile("DEFAULT ('[^']*')").matcher(column.group(3));
                    columns.add(new NotNullColumn(table.group(1), column.group(1), column.group(2),
                            def.find() ? def.group(1) : null));
                }
            }
            tables.put(table.group(1), columns);
        }
        return tables;
    }

    /**
     * Inserts one row of {@code table} the way a controller would: every NOT NULL column gets its
     * DEFAULT, or else what the controller stores for an unset value of its type; references point at
     * the rows inserted before.
     */
    private Map<String, Object> insertAsController(String table, List<NotNullColumn> columns) throws SQLException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (NotNullColumn column : columns) {
            Object value = switch (column.name()) {
                case "uid" -> table + "0123456789abcdef";
                case "name" -> table + "-row";
                case "created" -> CREATED;
                case "project_id" -> "project0123456789abcdef";
                case "workflow_id" -> "workflow0123456789abcdef";
                default -> column.defaultLiteral() != null
                        ? column.defaultLiteral().substring(1, column.defaultLiteral().length() - 1)
                        : switch (column.type()) {
                            case "BOOLEAN" -> 0;
                            case "JSON" -> "[]";
                            default -> "";
                        };
            };
            values.put(column.name(), value);
        }
        String sql = "INSERT INTO \"" + table + "\" (" + String.join(", ", values.keySet().stream().map(c -> "\"" + c + "\"").toList())
                + ") VALUES (" + String.join(", ", values.keySet().stream().map(c -> "?").toList()) + ")";
        try (Connection c = java.sql.DriverManager.getConnection(database.url()); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (Object value : values.values()) {
                ps.setObject(i++, value);
            }
            ps.executeUpdate();
        }
        return values;
    }

    private Map<String, Object> read(String table, String uid) throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection(database.url());
             PreparedStatement ps = c.prepareStatement("SELECT * FROM \"" + table + "\" WHERE uid = ?")) {
            ps.setString(1, uid);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("%s %s exists", table, uid).isTrue();
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                }
                return row;
            }
        }
    }
}
