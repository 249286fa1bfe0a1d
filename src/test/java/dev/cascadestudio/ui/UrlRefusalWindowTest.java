package dev.cascadestudio.ui;

import static dev.cascadestudio.ui.AppDriver.fx;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
 * The window's two ways to a URL — Open… and the last database remembered in window.properties —
 * refuse a URL whose settings would run code, say which setting, and run nothing. Headless through Monocle.
 */
class UrlRefusalWindowTest {

    private static final String REFUSAL = "The URL setting INIT is not allowed: it runs SQL before the database is checked.";

    @TempDir Path dir;
    private Path home;
    private Path marker;
    private String evilUrl;
    private AppDriver app;

    @BeforeEach
    void probe() throws Exception {
        home = dir.resolve("home");
        marker = dir.resolve("pwned.csv");
        Path evil = Files.writeString(dir.resolve("evil.sql"), "CALL CSVWRITE('" + marker + "', 'SELECT 1');\n");
        evilUrl = "jdbc:h2:mem:probe;INIT=RUNSCRIPT FROM '" + evil + "'";
        app = new AppDriver(home);
    }

    @AfterEach
    void closeApplication() throws Exception {
        app.closeEverything();
    }

    @Test
    void openRefusesAnInitUrlNamingTheSettingAndKeepsTheCurrentDatabase() throws Exception {
        app.launch();
        app.waitForUsers();
        String current = app.text("#databaseLabel");

        app.robot.press(KeyCode.CONTROL).type(KeyCode.O).release(KeyCode.CONTROL);
        Window dialog = app.window("Open database");
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            app.robot.from(dialog.getScene().getRoot()).lookup("#urlField").queryAs(TextField.class).setText(evilUrl);
            return null;
        });
        Button open = app.robot.from(dialog.getScene().getRoot()).lookup((Button b) -> "Open".equals(b.getText())).queryAs(Button.class);
        app.robot.clickOn(open);
        Label error = app.robot.from(dialog.getScene().getRoot()).lookup("#errorLabel").queryAs(Label.class);
        app.waitFor(() -> fx(() -> error.isVisible() && !open.isDisabled()));

        assertThat(fx(error::getText)).isEqualTo(REFUSAL);
        assertThat(fx(dialog::isShowing)).as("the dialog stays open with the reason").isTrue();
        assertThat(app.text("#databaseLabel")).as("the current database stays open").isEqualTo(current);
        assertThat(marker).as("the script did not run").doesNotExist();
    }

    @Test
    void aTamperedLastDatabaseOpensTheEmbeddedOneAndSaysWhy() throws Exception {
        Files.createDirectories(home);
        // as java.util.Properties writes it: ':' and '=' escaped
        Files.writeString(home.resolve("window.properties"),
                "database.url=" + evilUrl.replace(":", "\\:").replace("=", "\\=") + "\n");

        app.launch();
        app.waitForUsers();

        assertThat(app.text("#databaseLabel")).isEqualTo("H2 · " + home.toAbsolutePath().resolve("cascade-studio"));
        assertThat(app.visible("#noticeBar")).isTrue();
        assertThat(app.text("#noticeLabel")).isEqualTo("The last database could not be opened (" + evilUrl + "): "
                + REFUSAL + " The embedded database is open instead.");
        assertThat(marker).as("the script did not run").doesNotExist();
    }
}
