package dev.cascadestudio.ui;

import static dev.cascadestudio.ui.AppDriver.fx;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.testsupport.EngineDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database saved as a production connection: the band says so (red), and a delete there waits
 * for a reason, which the audit log keeps. Headless.
 */
class ProductionConnectionWindowTest {

    private static final String SUPPORT = "customer-support-assistant";

    @TempDir Path home;
    private AppDriver app;

    @AfterEach
    void closeApplication() throws Exception {
        if (app != null) {
            app.closeEverything();
        }
    }

    @Test
    void aDeleteOnAProductionConnectionNeedsAReasonAndTheBandIsRed() throws Exception {
        Path dir = Files.createDirectories(home.resolve("controller"));
        try (Database db = EngineDatabases.controllerSqlite(dir)) {
            DemoData.load(db);
        }
        String url = "jdbc:sqlite:" + dir.resolve("sql.db");
        Path appHome = Files.createDirectories(home.resolve("app-home"));
        Files.writeString(appHome.resolve("connections.json"), """
                {"formatVersion": 1, "connections": [
                  {"name": "Factory production", "url": "%s", "tier": "PRODUCTION", "rememberPassword": false,
                   "lastUsed": "2026-12-01T10:00:00Z"}]}""".formatted(url));

        app = new AppDriver(appHome);
        app.launch("--db=" + url, "--write");
        app.waitForUsers();

        assertThat(app.text("#modeLabel")).startsWith("Editing (production) — ");
        assertThat(fx(() -> app.robot.lookup("#modeBand").query().getPseudoClassStates().toString())).contains("production");

        app.expand("alice");
        app.expand("Projects");
        app.robot.clickOn(app.cell(SUPPORT));
        app.waitFor(() -> app.text("#detailsName").equals(SUPPORT));
        app.robot.type(KeyCode.DELETE);
        Window dialog = app.window("Delete preview");
        Node preview = fx(() -> dialog.getScene().getRoot());
        app.waitFor(() -> app.text(preview, "#confirmButton").startsWith("Delete 31 rows"));
        Button confirm = fx(() -> app.robot.from(preview).lookup("#confirmButton").queryAs(Button.class));
        assertThat(fx(confirm::isDisabled)).as("no reason given yet").isTrue();

        fx(() -> {
            app.robot.from(preview).lookup("#reasonField").queryAs(TextField.class).setText("CHG-7731 customer left");
            return null;
        });
        app.waitFor(() -> fx(() -> !confirm.isDisabled()));
        app.robot.clickOn(confirm);
        app.waitFor(() -> !fx(dialog::isShowing));
        app.waitFor(() -> !app.shows(SUPPORT));

        List<String> lines = Files.readAllLines(appHome.resolve("audit.jsonl"));
        assertThat(lines).hasSize(1);
        JsonNode record = new ObjectMapper().readTree(lines.get(0));
        assertThat(record.get("reason").asText()).isEqualTo("CHG-7731 customer left");
        assertThat(record.get("action").asText()).isEqualTo("delete");
    }
}
