package dev.cascadestudio.ui;

import static dev.cascadestudio.ui.AppDriver.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.testsupport.EngineDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A controller's SQLite file opened in the real window: read-only, and saying so in the title and the
 * band under the toolbar; Delete, Save and New off (the Delete key says why); the file untouched. The
 * toolbar's Edit asks, naming the database, and then a delete goes through.
 */
class ReadOnlyWindowTest {

    private static final String SUPPORT = "customer-support-assistant";
    private static final String READ_ONLY = "This database is open read-only. Switch to editing first (toolbar: Edit, or --write).";

    @TempDir Path home;
    private AppDriver app;

    @AfterEach
    void closeApplication() throws Exception {
        if (app != null) {
            app.closeEverything();
        }
    }

    @Test
    void aSqliteFileOpensReadOnlyAndEditingMustBeAskedForBeforeADelete() throws Exception {
        Path dir = Files.createDirectories(home.resolve("controller"));
        try (Database db = EngineDatabases.controllerSqlite(dir)) {
            DemoData.load(db);
        }
        Path file = dir.resolve("sql.db");
        String before = sha256(file);
        String description = "SQLite · " + file;

        app = new AppDriver(home.resolve("app-home"));
        app.launch("--db=jdbc:sqlite:" + file);
        app.waitForUsers();

        assertThat(app.text("#modeLabel")).isEqualTo("Read-only — " + description);
        assertThat(fx(() -> ((Stage) app.stage()).getTitle())).isEqualTo("Cascade Studio — Read-only — " + description);
        assertThat(fx(() -> app.robot.lookup("#modeBand").query().getPseudoClassStates().toString())).doesNotContain("editing");
        assertThat(fx(() -> app.robot.lookup("#editToggle").queryAs(ToggleButton.class).isSelected())).isFalse();

        app.expand("alice");
        app.expand("Projects");
        app.robot.clickOn(app.cell(SUPPORT));
        app.waitFor(() -> app.text("#detailsName").equals(SUPPORT));
        assertThat(disabled("#deleteButton")).isTrue();
        assertThat(disabled("#saveButton")).isTrue();
        assertThat(disabled("#newMenu")).isTrue();
        app.robot.type(KeyCode.DELETE);
        app.waitFor(() -> app.visible("#noticeBar") && app.text("#noticeLabel").equals(READ_ONLY));
        assertThat(app.windowShows("Delete preview")).isFalse();
        assertThat(app.visible("#noticeEditButton")).as("the notice offers Edit").isTrue();
        assertThat(sha256(file)).as("the file while the window has it open read-only").isEqualTo(before);

        // Edit asks first; Cancel leaves it read-only
        app.robot.clickOn("#editToggle");
        Window asked = app.window("Switch to editing");
        assertThat(fx(() -> ((javafx.scene.control.DialogPane) asked.getScene().getRoot()).getHeaderText()))
                .isEqualTo("Open " + description + " for editing?");
        app.robot.clickOn(button(asked, "Cancel"));
        app.waitFor(() -> !app.windowShows("Switch to editing"));
        assertThat(fx(() -> app.robot.lookup("#editToggle").queryAs(ToggleButton.class).isSelected())).isFalse();
        assertThat(app.text("#modeLabel")).startsWith("Read-only — ");

        app.robot.clickOn("#editToggle");
        Window confirm = app.window("Switch to editing");
        app.robot.clickOn(button(confirm, "Switch to editing"));
        app.waitFor(() -> app.text("#modeLabel").equals("Editing — " + description));
        assertThat(fx(() -> ((Stage) app.stage()).getTitle())).isEqualTo("Cascade Studio — Editing — " + description);
        assertThat(fx(() -> app.robot.lookup("#modeBand").query().getPseudoClassStates().toString())).contains("editing");
        assertThat(fx(() -> app.robot.lookup("#editToggle").queryAs(ToggleButton.class).isSelected())).isTrue();

        app.waitForUsers();
        app.expand("alice");
        app.expand("Projects");
        app.robot.clickOn(app.cell(SUPPORT));
        app.waitFor(() -> !disabled("#deleteButton"));
        app.robot.type(KeyCode.DELETE);
        Window dialog = app.window("Delete preview");
        Node preview = fx(() -> dialog.getScene().getRoot());
        app.waitFor(() -> app.text(preview, "#confirmButton").startsWith("Delete 31 rows"));
        app.robot.clickOn(fx(() -> app.robot.from(preview).lookup("#confirmButton").<Node>query()));
        app.waitFor(() -> !fx(dialog::isShowing));
        app.waitFor(() -> !app.shows(SUPPORT));

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM project WHERE name = '" + SUPPORT + "'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    private boolean disabled(String query) throws Exception {
        return fx(() -> app.robot.lookup(query).query().isDisabled());
    }

    private Node button(Window dialog, String text) throws Exception {
        return fx(() -> app.robot.from(dialog.getScene().getRoot())
                .lookup((Node n) -> n instanceof Button b && text.equals(b.getText())).query());
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
