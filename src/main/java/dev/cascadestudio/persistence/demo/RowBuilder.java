package dev.cascadestudio.persistence.demo;

import dev.cascadestudio.persistence.BatchInserter;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * Writes controller rows with realistic values through a {@link BatchInserter}. Uids are
 * deterministic 32-hex strings derived from the row's table and name, like the controller's uuids.
 */
public final class RowBuilder {

    private final BatchInserter inserter;
    private final LocalDateTime epoch;
    private long tick;

    public RowBuilder(BatchInserter inserter, LocalDateTime epoch) {
        this.inserter = inserter;
        this.epoch = epoch;
    }

    public static String uid(String table, String name) {
        return UUID.nameUUIDFromBytes((table + "/" + name).getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }

    private LocalDateTime nextTime() {
        return epoch.plusMinutes(37 * tick++);
    }

    private Map<String, Object> base(String table, String name, String description, String spec) throws SQLException {
        Map<String, Object> row = BatchInserter.row("uid", uid(table, name), "name", name,
                "description", description, "created", nextTime(), "updated", null, "spec", spec);
        if (!table.equals("user")) {
            row.put("version", "");
        }
        return row;
    }

    private String put(String table, Map<String, Object> row) throws SQLException {
        inserter.insert(table, row);
        return (String) row.get("uid");
    }

    public String user(String name, String description) throws SQLException {
        return put("user", base("user", name, description, "{\"email\": \"" + name + "@example.com\"}"));
    }

    public String project(String name, String owner, String description) throws SQLException {
        Map<String, Object> row = base("project", name, description, "{\"source\": \"git\"}");
        row.put("owner_id", owner);
        row.put("source", "git://genai/" + name);
        String uid = put("project", row);
        label("project", "_GENAI_FACTORY", "true", name);
        return uid;
    }

    private Map<String, Object> projectChild(String table, String name, String project, String owner, String spec) throws SQLException {
        Map<String, Object> row = base(table, name, null, spec);
        row.put("project_id", project);
        row.put("owner_id", owner);
        return row;
    }

    public String dataSource(String name, String project, String owner, String type) throws SQLException {
        Map<String, Object> row = projectChild("data_source", name, project, owner, "{\"connection\": \"" + type + "://" + name + "\"}");
        row.put("data_source_type", type);
        return put("data_source", row);
    }

    public String dataset(String name, String project, String owner, String task) throws SQLException {
        Map<String, Object> row = projectChild("dataset", name, project, owner, "{\"rows\": " + (1000 + tick * 7) + "}");
        row.put("task", task);
        row.put("path", "s3://datasets/" + name + ".parquet");
        return put("dataset", row);
    }

    public String model(String name, String project, String owner, String task, boolean adapter) throws SQLException {
        Map<String, Object> row = projectChild("model", name, project, owner, "{\"base_model\": \"llama-3.1-8b\"}");
        row.put("task", task);
        row.put("is_adapter", adapter);
        return put("model", row);
    }

    public String prompt(String name, String project, String owner, String format) throws SQLException {
        Map<String, Object> row = projectChild("prompt", name, project, owner, "{\"template\": \"You are a helpful assistant. {question}\"}");
        row.put("format", format);
        return put("prompt", row);
    }

    public String document(String name, String project, String owner, String keywordsJson) throws SQLException {
        Map<String, Object> row = projectChild("document", name, project, owner, null);
        row.put("path", "docs/" + name);
        row.put("keywords", keywordsJson);
        return put("document", row);
    }

    public String workflow(String name, String project, String owner, String type) throws SQLException {
        Map<String, Object> row = projectChild("workflow", name, project, owner,
                "{\"steps\": [{\"name\": \"retrieve\"}, {\"name\": \"generate\"}]}");
        row.put("workflow_type", type);
        row.put("state", "ready");
        return put("workflow", row);
    }

    public String deployment(String name, String project, String owner, String workflow, String model, boolean remote) throws SQLException {
        Map<String, Object> row = projectChild("deployment", name, project, owner, "{\"replicas\": 2}");
        row.put("workflow_id", workflow);
        row.put("model_id", model);
        row.put("is_remote", remote);
        row.put("type", remote ? "remote" : "local");
        return put("deployment", row);
    }

    public String schedule(String name, String workflow, String owner, String cron) throws SQLException {
        Map<String, Object> row = base("schedule", name, null, "{\"cron\": \"" + cron + "\"}");
        row.put("workflow_id", workflow);
        row.put("owner_id", owner);
        row.put("status", "active");
        return put("schedule", row);
    }

    public String run(String name, String workflow, String schedule, String owner, String status) throws SQLException {
        Map<String, Object> row = base("run", name, null, null);
        row.put("workflow_id", workflow);
        row.put("schedule_id", schedule);
        row.put("owner_id", owner);
        row.put("status", status);
        return put("run", row);
    }

    public String session(String name, String workflow, String owner) throws SQLException {
        Map<String, Object> row = base("session", name, null, "{\"history\": []}");
        row.put("workflow_id", workflow);
        row.put("owner_id", owner);
        return put("session", row);
    }

    public void label(String table, String key, String value, String parentName) throws SQLException {
        inserter.insert(table + "_labels", BatchInserter.row("name", key, "value", value, "parent", parentName));
    }

    public long inserted() {
        return inserter.inserted();
    }
}
