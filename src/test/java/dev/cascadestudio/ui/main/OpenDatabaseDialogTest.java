package dev.cascadestudio.ui.main;

import static dev.cascadestudio.ui.AppDriver.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.ui.AppDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Open database…" (Ctrl+O) in the real application, when what the administrator gives cannot be
 * opened: the reason shows in full and Cancel and Open stay inside the dialog. Headless through Monocle.
 */
class OpenDatabaseDialogTest {

    @TempDir Path home;
    private AppDriver app;
    private Window dialog;

    @BeforeEach
    void launch() throws Exception {
        app = new AppDriver(home);
        app.stage();
        app.launch();
        app.waitForUsers();
        fx(() -> { // the window as the application opens it
            app.stage().setWidth(1200);
            app.stage().setHeight(760);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws TimeoutException {
        app.closeEverything();
    }

    @Test
    void aFileThatIsNotADatabaseIsExplainedAndTheButtonsStayInTheDialog() throws Exception {
        Path notes = Files.writeString(home.resolve("meeting-notes-about-the-controller-migration.db"),
                "These are notes, not a database.\n".repeat(200));
        openDialog();

        tryToOpen("jdbc:sqlite:" + notes);

        assertThat(error()).as("the reason names the file").contains("meeting-notes-about-the-controller-migration.db");
        assertEverythingInside();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> dialog.getScene().getFocusOwner().getId())).as("Enter now tries again, not Cancel")
                .isEqualTo("urlField");
    }

    @Test
    void anUnsupportedUrlAndThenALongerReasonKeepTheButtonsInTheDialog() throws Exception {
        openDialog();

        tryToOpen("jdbc:oracle:thin:@//database-server.example.com:1521/controller");
        assertThat(error()).as("the reason").startsWith("Unsupported database URL");
        assertEverythingInside();
        double shortReasonHeight = fx(dialog::getHeight);

        // a reason that runs over several lines: a long path to a file that does not exist
        Path deep = home.resolve("a".repeat(40)).resolve("b".repeat(40)).resolve("c".repeat(40)).resolve("sql.db");
        tryToOpen("jdbc:sqlite:" + deep);
        assertThat(error()).as("the reason names the missing file").contains("c".repeat(40));
        assertThat(fx(() -> errorLabel().getHeight())).as("several lines").isGreaterThan(2.5 * fx(() -> errorLabel().getFont().getSize()));
        assertEverythingInside();

        // the short reason again: the dialog is as it was then, without the room the long one needed
        tryToOpen("jdbc:oracle:thin:@//database-server.example.com:1521/controller");
        assertEverythingInside();
        assertThat(fx(dialog::getHeight)).as("the dialog's height with the short reason").isEqualTo(shortReasonHeight);
    }

    // ---- the dialog as a user sees it ----

    private Window openDialog() throws Exception {
        app.robot.press(KeyCode.CONTROL).type(KeyCode.O).release(KeyCode.CONTROL);
        dialog = app.window("Open database");
        WaitForAsyncUtils.waitForFxEvents();
        return dialog;
    }

    /** Types the URL (pasted, as a long URL usually is), clicks Open and waits for the reason it failed. */
    private void tryToOpen(String url) throws Exception {
        String before = error();
        fx(() -> {
            app.robot.from(dialog.getScene().getRoot()).lookup("#urlField").queryAs(TextField.class).setText(url);
            return null;
        });
        app.robot.clickOn(button("Open"));
        app.waitFor(() -> fx(() -> errorLabel().isVisible() && !errorLabel().getText().equals(before)
                && !button("Open").isDisabled()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void assertEverythingInside() throws Exception {
        Rectangle2D inside = fx(() -> {
            Scene scene = dialog.getScene();
            return new Rectangle2D(dialog.getX() + scene.getX(), dialog.getY() + scene.getY(), scene.getWidth(), scene.getHeight());
        });
        assertThat(fx(() -> dialog.getHeight() >= dialog.getScene().getHeight())).as("the window holds its content").isTrue();
        for (String name : new String[] {"Cancel", "Open"}) {
            Bounds bounds = fx(() -> button(name).localToScreen(button(name).getBoundsInLocal()));
            assertThat(contains(inside, bounds)).as("%s (%s) lies inside the dialog (%s)", name, bounds, inside).isTrue();
        }
        Bounds errorBounds = fx(() -> errorLabel().localToScreen(errorLabel().getBoundsInLocal()));
        assertThat(contains(inside, errorBounds)).as("the reason (%s) lies inside the dialog (%s)", errorBounds, inside).isTrue();
        assertThat(fx(() -> ((Text) errorLabel().lookup(".text")).getText())).as("the reason, not cut to …").isEqualTo(error());
        assertThat(fx(() -> errorLabel().getHeight() >= errorLabel().prefHeight(errorLabel().getWidth()) - 0.5))
                .as("the reason, as tall as its lines need").isTrue();
    }

    private static boolean contains(Rectangle2D area, Bounds bounds) {
        double slack = 0.5; // rounding of fractional positions
        return bounds.getMinX() >= area.getMinX() - slack && bounds.getMinY() >= area.getMinY() - slack
                && bounds.getMaxX() <= area.getMaxX() + slack && bounds.getMaxY() <= area.getMaxY() + slack;
    }

    private Button button(String text) {
        return app.robot.from(dialog.getScene().getRoot()).lookup((Button b) -> text.equals(b.getText())).queryAs(Button.class);
    }

    private Label errorLabel() {
        return app.robot.from(dialog.getScene().getRoot()).lookup("#errorLabel").queryAs(Label.class);
    }

    private String error() throws Exception {
        return fx(() -> errorLabel().isVisible() ? errorLabel().getText() : "");
    }
}
