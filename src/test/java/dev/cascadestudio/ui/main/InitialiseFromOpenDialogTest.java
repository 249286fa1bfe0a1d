package dev.cascadestudio.ui.main;

import static dev.cascadestudio.ui.AppDriver.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.testsupport.ServerDatabases;
import dev.cascadestudio.testsupport.ServerDatabases.Server;
import dev.cascadestudio.ui.AppDriver;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An empty PostgreSQL database typed in Open…: the dialog says it is empty and offers "Create the
 * schema…", which asks first, creates the controller's tables, and opens the database (read-only, as
 * every database but the embedded one). Nothing is created before the user asks. Headless.
 */
class InitialiseFromOpenDialogTest {

    private static final String ADMIN = Server.POSTGRESQL.url("test");

    @TempDir Path home;
    private AppDriver app;
    private final String name = "cs_initui_" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void emptyDatabase() throws Exception {
        ServerDatabases.assumeReachable(Server.POSTGRESQL); // skipped with the reason, or failed under CI=true
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        app = new AppDriver(home);
        app.launch();
        app.waitForUsers();
    }

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            app.closeEverything();
        }
        if (ServerDatabases.unreachable(Server.POSTGRESQL).isPresent()) {
            return; // nothing was made
        }
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    @Test
    void anEmptyDatabaseIsGivenTheSchemaOnlyAfterTheUserAsks() throws Exception {
        String url = Server.POSTGRESQL.url(name);
        app.robot.press(KeyCode.CONTROL).type(KeyCode.O).release(KeyCode.CONTROL);
        Window dialog = app.window("Open database");
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            ((TextField) dialog.getScene().getRoot().lookup("#urlField")).setText(url);
            ((TextField) dialog.getScene().getRoot().lookup("#userField")).setText("postgres");
            return null;
        });
        app.robot.clickOn(button(dialog, "Open"));
        app.waitFor(() -> fx(() -> ((Label) dialog.getScene().getRoot().lookup("#errorLabel")).getText())
                .endsWith("`cascade-studio init` gives it Cascade Studio's schema."));
        assertThat(tables()).as("opening created nothing").isZero();
        Button create = button(dialog, "Create the schema…");
        assertThat(fx(create::isVisible)).isTrue();

        app.robot.clickOn(create);
        Window ask = app.window("Create the schema");
        app.robot.clickOn(fx(() -> app.robot.from(ask.getScene().getRoot())
                .lookup((Node n) -> n instanceof Button b && "Cancel".equals(b.getText())).<Node>query()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tables()).as("cancelled: still nothing").isZero();

        app.robot.clickOn(create);
        Window confirm = app.window("Create the schema");
        app.robot.clickOn(fx(() -> app.robot.from(confirm.getScene().getRoot())
                .lookup((Node n) -> n instanceof Button b && "Create the schema".equals(b.getText())).<Node>query()));
        app.waitFor(() -> fx(() -> !dialog.isShowing()));
        app.waitFor(() -> app.text("#modeLabel").startsWith("Read-only — PostgreSQL"));
        assertThat(tables()).as("the controller's tables").isEqualTo(24);
    }

    private Button button(Window dialog, String text) throws Exception {
        return fx(() -> app.robot.from(dialog.getScene().getRoot()).lookup((Button b) -> text.equals(b.getText())).queryAs(Button.class));
    }

    private int tables() throws SQLException {
        try (Connection c = DriverManager.getConnection(Server.POSTGRESQL.url(name), Server.POSTGRESQL.user(), "");
             Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(ADMIN, Server.POSTGRESQL.user(), "");
    }
}
