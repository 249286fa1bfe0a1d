package dev.cascadestudio.ui;

import static dev.cascadestudio.ui.AppDriver.fx;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascadestudio.persistence.demo.RowBuilder;
import dev.cascadestudio.testsupport.TreeFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the window writes to the audit log: a delete with the reason typed in its preview, its Undo
 * (a restore), and a saved edit, each one line of {@code audit.jsonl} in the window's data directory.
 */
class AuditFromWindowTest {

    private static final String SUPPORT = "customer-support-assistant";

    @TempDir Path home;
    private AppDriver app;

    @AfterEach
    void closeApplication() throws Exception {
        app.closeEverything();
    }

    @Test
    void aDeleteWithItsReasonItsUndoAndAnEditAreEachRecorded() throws Exception {
        String url = TreeFixtures.windowDatabase(home.resolve("fixture"));
        Path appHome = home.resolve("app-home");
        app = new AppDriver(appHome);
        app.launch("--db=" + url, "--write");
        app.waitForUsers();
        app.expand("alice");
        app.expand("Projects");

        app.robot.clickOn(app.cell(SUPPORT));
        app.robot.type(KeyCode.DELETE);
        Window dialog = app.window("Delete preview");
        Node preview = fx(() -> dialog.getScene().getRoot());
        app.waitFor(() -> app.text(preview, "#confirmButton").startsWith("Delete 31 rows"));
        assertThat(app.text(preview, "#reasonLabel")).isEqualTo("Reason");
        app.robot.clickOn(fx(() -> app.robot.from(preview).lookup("#reasonField").<Node>query())).write("OPS-1234 duplicate");
        app.robot.clickOn(fx(() -> app.robot.from(preview).lookup("#confirmButton").<Node>query()));
        app.waitFor(() -> !fx(dialog::isShowing));

        List<JsonNode> log = audit(appHome);
        assertThat(log).hasSize(1);
        JsonNode delete = log.get(0);
        assertThat(delete.get("action").asText()).isEqualTo("delete");
        assertThat(delete.get("reason").asText()).isEqualTo("OPS-1234 duplicate");
        assertThat(delete.get("database").asText()).isEqualTo(url);
        assertThat(delete.get("user").asText()).isEqualTo(System.getProperty("user.name"));
        assertThat(delete.at("/roots/0/uid").asText()).isEqualTo(RowBuilder.uid("project", SUPPORT));
        assertThat(delete.at("/roots/0/name").asText()).isEqualTo(SUPPORT);
        assertThat(delete.at("/counts/project/deleted").asLong()).isEqualTo(1);
        assertThat(delete.at("/counts/workflow/deleted").asLong()).isEqualTo(3);
        assertThat(Path.of(delete.get("snapshot").asText())).exists();

        app.robot.clickOn("#undoButton");
        app.waitFor(() -> app.text("#messageLabel").startsWith("Undone"));
        log = audit(appHome);
        assertThat(log).hasSize(2);
        assertThat(log.get(1).get("action").asText()).isEqualTo("restore");
        assertThat(log.get(1).get("snapshot")).isEqualTo(delete.get("snapshot"));
        assertThat(log.get(1).at("/counts/project/inserted").asLong()).isEqualTo(1);
        assertThat(log.get(1).get("reason").isNull()).isTrue();

        app.waitFor(() -> app.shows(SUPPORT));
        app.settle(); // the undo's refresh reloads the open groups: rows move until it ends
        app.robot.clickOn(app.cell("marketing-copy"));
        app.waitFor(() -> "marketing-copy".equals(app.text("#detailsName")));
        Node description = fx(() -> app.robot.lookup("#field-description").query());
        app.robot.clickOn(description).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("Spring campaign");
        app.robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        app.waitFor(() -> app.text("#editorMessage").startsWith("Saved at"));

        log = audit(appHome);
        assertThat(log).hasSize(3);
        JsonNode edit = log.get(2);
        assertThat(edit.get("action").asText()).isEqualTo("edit");
        assertThat(edit.get("columns").toString()).isEqualTo("[\"description\"]");
        assertThat(edit.at("/roots/0/name").asText()).isEqualTo("marketing-copy");
        assertThat(edit.at("/counts/project/updated").asLong()).isEqualTo(1);
        assertThat(edit.get("snapshot").isNull()).isTrue();
        assertThat(Files.readString(appHome.resolve("audit.jsonl"))).doesNotContain("Spring campaign");
    }

    static List<JsonNode> audit(Path home) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(home.resolve("audit.jsonl"))) {
            lines.add(new ObjectMapper().readTree(line));
        }
        return lines;
    }
}
