package dev.cascadestudio.ui;

import static dev.cascadestudio.ui.AppDriver.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.service.connections.OsKeyring;
import dev.cascadestudio.testsupport.EngineDatabases;
import dev.cascadestudio.testsupport.MemoryVault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Open…" saves the databases it opens as connections, with a name and a tier, and offers them
 * again; a password the user asks to remember goes to the keyring and into no file. Headless.
 */
class SavedConnectionsTest {

    private static final String PASSWORD = "tr0ub4dor-and-3";

    @TempDir Path dir;
    private Path home;
    private AppDriver app;
    private final MemoryVault vault = new MemoryVault();
    private String url;

    @BeforeEach
    void launch() throws Exception {
        try (Database controller = EngineDatabases.controllerSqlite(Files.createDirectories(dir.resolve("site-archive")))) {
            DemoData.load(controller);
            url = controller.url();
        }
        home = dir.resolve("home");
        CascadeStudioApp.vaultFactory = () -> vault;
        app = new AppDriver(home);
        app.launch();
        app.waitForUsers();
    }

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            app.closeEverything();
        }
        CascadeStudioApp.vaultFactory = OsKeyring::ofThisMachine;
    }

    @Test
    void anOpenedDatabaseIsOfferedAgainWithItsNameTierAndRememberedPassword() throws Exception {
        Window dialog = openDialog();
        assertThat(fx(() -> node(dialog, "#recentBox").isVisible())).as("nothing saved yet: no list").isFalse();
        fx(() -> {
            text(dialog, "#nameField").setText("Site archive");
            text(dialog, "#urlField").setText(url);
            text(dialog, "#passwordField").setText(PASSWORD);
            tier(dialog).setValue(dev.cascadestudio.service.connections.ConnectionTier.PRODUCTION);
            ((CheckBox) node(dialog, "#rememberBox")).setSelected(true);
            return null;
        });
        app.robot.clickOn(button(dialog, "Open"));
        app.waitFor(() -> fx(() -> !dialog.isShowing()));
        Path list = home.resolve("connections.json");
        app.waitFor(() -> Files.exists(list) && !vault.entries.isEmpty());

        assertThat(vault.entries).as("the keyring holds the password").containsValue(PASSWORD);
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".mv.db")).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain(PASSWORD);
            }
        }

        // the embedded database again, then the saved one from the list
        Window again = openDialog();
        fx(() -> {
            text(again, "#urlField").setText("");
            return null;
        });
        app.robot.clickOn(button(again, "Open"));
        app.waitFor(() -> fx(() -> !again.isShowing()));
        Window third = openDialog();
        ListView<?> recent = fx(() -> (ListView<?>) node(third, "#recentList"));
        assertThat(fx(() -> recent.getItems().size())).isEqualTo(1);
        assertThat(fx(() -> visibleTexts(recent))).contains("Site archive", "Production");

        fx(() -> {
            recent.getSelectionModel().select(0);
            return null;
        });
        app.waitFor(() -> fx(() -> PASSWORD.equals(text(third, "#passwordField").getText())));
        assertThat(fx(() -> text(third, "#urlField").getText())).isEqualTo(url);
        assertThat(fx(() -> text(third, "#nameField").getText())).isEqualTo("Site archive");
        assertThat(fx(() -> tier(third).getValue().displayName())).isEqualTo("Production");
        assertThat(fx(() -> ((CheckBox) node(third, "#rememberBox")).isSelected())).isTrue();
    }

    private Window openDialog() throws Exception {
        app.robot.press(KeyCode.CONTROL).type(KeyCode.O).release(KeyCode.CONTROL);
        Window dialog = app.window("Open database");
        WaitForAsyncUtils.waitForFxEvents();
        return dialog;
    }

    private javafx.scene.Node node(Window dialog, String id) {
        return dialog.getScene().getRoot().lookup(id);
    }

    private TextField text(Window dialog, String id) {
        return (TextField) node(dialog, id);
    }

    @SuppressWarnings("unchecked")
    private ChoiceBox<dev.cascadestudio.service.connections.ConnectionTier> tier(Window dialog) {
        return (ChoiceBox<dev.cascadestudio.service.connections.ConnectionTier>) node(dialog, "#tierChoice");
    }

    private Button button(Window dialog, String text) {
        return app.robot.from(dialog.getScene().getRoot()).lookup((Button b) -> text.equals(b.getText())).queryAs(Button.class);
    }

    private static java.util.List<String> visibleTexts(ListView<?> list) {
        return list.lookupAll(".label").stream().filter(javafx.scene.Node::isVisible)
                .map(n -> ((Label) n).getText()).filter(t -> t != null && !t.isEmpty()).toList();
    }
}
