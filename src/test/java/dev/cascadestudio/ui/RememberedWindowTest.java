package dev.cascadestudio.ui;

import static dev.cascadestudio.ui.AppDriver.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascadestudio.testsupport.TreeFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window comes back as it was closed: size, position, divider and database; and it copes with
 * a remembered database or position that is no longer there. Headless through Monocle.
 */
class RememberedWindowTest {

    @TempDir
    Path dir;

    private Path home;
    private AppDriver app;

    @BeforeEach
    void dataDirectory() {
        home = dir.resolve("home");
        app = new AppDriver(home);
    }

    @AfterEach
    void closeApplication() throws Exception {
        app.closeEverything();
    }

    @Test
    void closingAndReopeningFindsTheSameSizePositionDividerAndDatabase() throws Exception {
        String url = TreeFixtures.windowDatabase(dir.resolve("fixture"));
        app.launch("--db=" + url);
        app.waitForUsers();
        String database = app.text("#databaseLabel");
        Stage stage = app.stage();
        fx(() -> { // the administrator moves and resizes the window and drags the divider
            stage.setX(31);
            stage.setY(22);
            stage.setWidth(1010);
            stage.setHeight(650);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            browser().setDividerPositions(0.5);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> browser().getDividerPositions()[0])).isCloseTo(0.5, within(0.01));

        app.close();
        fx(() -> { // somewhere else, so that coming back is the memory's doing
            stage.hide();
            stage.setX(200);
            stage.setY(100);
            stage.setWidth(900);
            stage.setHeight(600);
            return null;
        });
        app.launch(); // no --db: the last database
        app.waitForUsers();

        assertThat(fx(() -> new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight())))
                .isEqualTo(new Rectangle2D(31, 22, 1010, 650));
        assertThat(fx(() -> browser().getDividerPositions()[0])).isCloseTo(0.5, within(0.01));
        assertThat(app.text("#databaseLabel")).isEqualTo(database).contains("fixture");
        assertThat(Files.readString(home.resolve("window.properties"))).contains("database.url=" + url.replace(":", "\\:"));
    }

    @Test
    void aLastDatabaseThatIsGoneOpensTheEmbeddedOneAndSaysWhy() throws Exception {
        String gone = "jdbc:sqlite:" + dir.resolve("deleted-since/sql.db");
        Files.createDirectories(home);
        Files.writeString(home.resolve("window.properties"), "database.url=" + gone.replace(":", "\\:") + "\n");

        app.launch();
        app.waitForUsers();

        assertThat(app.text("#databaseLabel")).isEqualTo("H2 · " + home.toAbsolutePath().resolve("cascade-studio"));
        assertThat(app.visible("#noticeBar")).isTrue();
        assertThat(app.text("#noticeLabel"))
                .startsWith("The last database could not be opened (" + gone + "): ")
                .endsWith("The embedded database is open instead.")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aPositionOffEveryScreenIsNotUsed() throws Exception {
        Files.createDirectories(home);
        Files.writeString(home.resolve("window.properties"),
                "window.x=5000\nwindow.y=4000\nwindow.width=1000\nwindow.height=650\n");

        app.launch();
        app.waitForUsers();

        Rectangle2D screen = fx(() -> Screen.getPrimary().getVisualBounds());
        Stage stage = app.stage();
        assertThat(fx(() -> screen.intersects(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight())))
                .as("the window is on the screen").isTrue();
        assertThat(fx(stage::getX)).isLessThan(screen.getMaxX());
    }

    private SplitPane browser() {
        return app.robot.lookup("#browser").queryAs(SplitPane.class);
    }
}
