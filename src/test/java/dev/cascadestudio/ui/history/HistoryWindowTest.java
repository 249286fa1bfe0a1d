package dev.cascadestudio.ui.history;

import static dev.cascadestudio.ui.AppDriver.fx;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascadestudio.cascade.ExecutionResult;
import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.persistence.demo.RowBuilder;
import dev.cascadestudio.service.DatabaseSession;
import dev.cascadestudio.testsupport.TreeFixtures;
import dev.cascadestudio.ui.AppDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The History window (Ctrl+H) in the real application: it lists the audit log newest first, shows a
 * past delete's snapshot in the delete preview's summary, restores it with the conflict check, and the
 * restore is recorded too.
 */
class HistoryWindowTest {

    private static final List<String> PROJECTS = List.of("customer-support-assistant", "marketing-copy", "fraud-detection");
    private static final List<String> TABLES = List.of("user", "project", "project_labels", "workflow", "workflow_labels",
            "run", "run_labels", "session", "schedule", "deployment", "dataset", "model", "prompt", "document", "data_source");

    @TempDir Path home;
    private AppDriver app;
    private String url;

    @AfterEach
    void closeApplication() throws Exception {
        if (app != null) app.closeEverything();
        System.clearProperty("cascade.home");
    }

    @Test
    void restoresADeleteMadeThreeOperationsEarlierAndRecordsTheRestore() throws Exception {
        url = TreeFixtures.windowDatabase(home.resolve("fixture"));
        Path appHome = home.resolve("app-home");
        System.setProperty("cascade.home", appHome.toString());
        List<Map<String, Long>> states = new ArrayList<>();
        List<ExecutionResult> deletes = new ArrayList<>();
        states.add(counts());
        try (DatabaseSession session = DatabaseSession.open(url, null, null, DatabaseSession.Mode.EDITING)) {
            for (int i = 0; i < PROJECTS.size(); i++) {
                deletes.add(session.cascade().execute(session.cascade().plan(List.of(project(PROJECTS.get(i)))),
                        "delete " + (i + 1), (done, total, message) -> { }));
                states.add(counts());
            }
        }
        Map<String, Long> expected = new LinkedHashMap<>();
        // after restoring the first delete: the state after all three, plus what the first one took
        TABLES.forEach(t -> expected.put(t, states.get(3).get(t) + states.get(0).get(t) - states.get(1).get(t)));

        app = new AppDriver(appHome);
        app.launch("--db=" + url, "--write");
        app.waitForUsers();
        app.robot.press(KeyCode.CONTROL).type(KeyCode.H).release(KeyCode.CONTROL);
        Window window = app.window("History");
        Node history = fx(() -> window.getScene().getRoot());
        TableView<HistoryRow> table = fx(() -> app.robot.from(history).lookup("#table").queryAs(TableView.class));
        app.waitFor(() -> fx(() -> table.getItems().size()) == 3);
        assertThat(fx(() -> table.getItems().stream().map(HistoryRow::reason).toList()))
                .as("newest first").containsExactly("delete 3", "delete 2", "delete 1");
        assertThat(fx(() -> table.getItems().get(2).roots())).isEqualTo("project “customer-support-assistant”");
        assertThat(fx(() -> table.getItems().get(2).changes())).isEqualTo("31 rows · 18 values");

        fx(() -> {
            table.scrollTo(2);
            return null;
        });
        Node oldest = fx(() -> app.robot.from(table).lookup(".table-row-cell").match((javafx.scene.control.TableRow<?> r) ->
                r.getIndex() == 2).query());
        app.robot.clickOn(oldest);
        // the snapshot in the delete preview's own summary: 31 rows deleted, 18 values in 12 rows set to NULL
        app.waitFor(() -> visibleText(history, ".summary-total").contains("31 rows"));
        assertThat(visibleText(history, ".summary-total")).containsExactly("31 rows", "12 rows · 18 values");
        assertThat(app.text(history, "#previewTitle")).startsWith("Delete of project “customer-support-assistant” · ");
        assertThat(app.text(history, "#previewDetail")).startsWith("Reason: delete 1 · " + url);

        app.robot.clickOn(fx(() -> app.robot.from(history).lookup("#restoreReason").<Node>query())).write("undo the first");
        app.robot.clickOn(fx(() -> app.robot.from(history).lookup("#restoreButton").<Node>query()));
        app.waitFor(() -> app.text(history, "#restoreMessage").startsWith("Restored"));
        assertThat(app.text(history, "#restoreMessage")).isEqualTo("Restored 31 rows and set 18 values back.");

        assertThat(counts()).isEqualTo(expected);
        List<String> log = Files.readAllLines(appHome.resolve("audit.jsonl"));
        assertThat(log).hasSize(4);
        JsonNode restore = new com.fasterxml.jackson.databind.ObjectMapper().readTree(log.get(3));
        assertThat(restore.get("action").asText()).isEqualTo("restore");
        assertThat(restore.get("snapshot").asText()).isEqualTo(deletes.get(0).snapshot().toString());
        assertThat(restore.get("reason").asText()).isEqualTo("undo the first");
        assertThat(restore.get("database").asText()).isEqualTo(url);

        app.waitFor(() -> fx(() -> table.getItems().size()) == 4);
        assertThat(fx(() -> table.getItems().get(0).action())).isEqualTo("Restore");
        assertThat(fx(() -> table.getItems().get(3).action())).isEqualTo("Delete · restored");
        app.expand("alice");
        app.expand("Projects");
        assertThat(app.shows("customer-support-assistant")).as("the main window read the data again").isTrue();

        assertThat(fx(() -> app.robot.from(history).lookup("#restoreButton").query().isDisabled()))
                .as("restoring it again would collide with the rows now back").isFalse();
        app.robot.clickOn(fx(() -> app.robot.from(history).lookup("#restoreButton").<Node>query()));
        app.waitFor(() -> app.text(history, "#restoreMessage").startsWith("Cannot restore"));
        assertThat(Files.readAllLines(appHome.resolve("audit.jsonl"))).as("a refused restore is not recorded").hasSize(4);
    }

    @Test
    void aDeleteWhoseSnapshotIsGoneSaysSoInsteadOfFailing() throws Exception {
        url = TreeFixtures.windowDatabase(home.resolve("fixture"));
        Path appHome = home.resolve("app-home");
        System.setProperty("cascade.home", appHome.toString());
        Path snapshot;
        try (DatabaseSession session = DatabaseSession.open(url, null, null, DatabaseSession.Mode.EDITING)) {
            snapshot = session.cascade().execute(session.cascade().plan(List.of(project("marketing-copy"))), null,
                    (done, total, message) -> { }).snapshot();
        }
        Files.delete(snapshot);

        app = new AppDriver(appHome);
        app.launch("--db=" + url, "--write");
        app.waitForUsers();
        app.robot.clickOn("#historyButton");
        Window window = app.window("History");
        Node history = fx(() -> window.getScene().getRoot());
        TableView<HistoryRow> table = fx(() -> app.robot.from(history).lookup("#table").queryAs(TableView.class));
        app.waitFor(() -> fx(() -> table.getItems().size()) == 1);
        fx(() -> {
            table.getSelectionModel().select(0);
            return null;
        });
        app.waitFor(() -> app.text(history, "#previewMessage").startsWith("The snapshot file"));
        assertThat(app.text(history, "#previewMessage")).isEqualTo("The snapshot file " + snapshot
                + " no longer exists, so this delete can neither be shown nor restored.");
        assertThat(fx(() -> app.robot.from(history).lookup("#restoreButton").query().isDisabled())).isTrue();
        assertThat(app.windowShows("Error")).isFalse();
    }

    private static Root project(String name) {
        return new Root("project", RowBuilder.uid("project", name));
    }

    private List<String> visibleText(Node under, String query) throws Exception {
        return fx(() -> app.robot.from(under).lookup(query).queryAllAs(javafx.scene.control.Labeled.class).stream()
                .filter(Node::isVisible).map(javafx.scene.control.Labeled::getText).toList());
    }

    private Map<String, Long> counts() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"" + table + "\"")) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }
}
