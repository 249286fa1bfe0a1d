package dev.cascadestudio.ui;

import static dev.cascadestudio.ui.AppDriver.fx;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ToolBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every toolbar button is on the toolbar at 1200×760, none in its overflow menu; at 1920 they show their words. */
class ToolbarFitsTest {

    @TempDir Path home;
    private AppDriver app;

    @BeforeEach
    void registerStage() throws TimeoutException {
        app = new AppDriver(home);
        app.stage();
    }

    @AfterEach
    void closeApplication() throws TimeoutException {
        app.closeEverything();
    }

    @Test
    void atTwelveHundredPixelsNothingFallsIntoTheOverflowMenu() throws Exception {
        app.launch();
        app.waitForUsers();

        resize(1200, 760);
        app.waitFor(() -> fx(() -> !overflowShown()));
        assertThat(fx(this::buttons)).allSatisfy(button -> assertThat(fx(() -> inside(button))).as(button.getText()).isTrue());
        assertThat(fx(() -> app.robot.lookup("#historyButton").queryAs(ButtonBase.class).getContentDisplay()))
                .isEqualTo(ContentDisplay.GRAPHIC_ONLY);

        resize(1920, 1080);
        app.waitFor(() -> fx(() -> app.robot.lookup("#historyButton").queryAs(ButtonBase.class).getContentDisplay() == ContentDisplay.LEFT));
        assertThat(fx(this::overflowShown)).isFalse();
    }

    private void resize(double width, double height) throws Exception {
        fx(() -> {
            app.stage().setWidth(width);
            app.stage().setHeight(height);
            return null;
        });
        app.waitFor(() -> fx(() -> app.stage().getScene().getWidth() == width));
    }

    private boolean overflowShown() {
        return app.robot.lookup(".tool-bar-overflow-button").tryQuery().map(Node::isVisible).orElse(false);
    }

    private List<ButtonBase> buttons() {
        ToolBar bar = app.robot.lookup(".tool-bar").queryAs(ToolBar.class);
        return bar.getItems().stream().filter(ButtonBase.class::isInstance).map(ButtonBase.class::cast).toList();
    }

    /** Whether the button lies wholly inside the window. */
    private static boolean inside(ButtonBase button) {
        var bounds = button.localToScene(button.getBoundsInLocal());
        return button.getScene() != null && button.isVisible() && bounds.getMaxX() <= button.getScene().getWidth();
    }
}
