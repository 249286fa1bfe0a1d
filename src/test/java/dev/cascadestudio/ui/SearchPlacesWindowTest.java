package dev.cascadestudio.ui;

import static dev.cascadestudio.ui.AppDriver.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.testsupport.EngineDatabases;
import dev.cascadestudio.testsupport.TreeFixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two prompts named {@code padded} and {@code padded } in two projects: the search results say where
 * each sits, and the window shows the trailing space, in the results, the tree and the details.
 */
class SearchPlacesWindowTest {

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
    void searchResultsSayWhereEachRowSitsAndShowATrailingSpace() throws Exception {
        String url;
        try (Database database = EngineDatabases.h2(home.resolve("db"))) {
            DemoData.load(database);
            TreeFixtures.paddedPrompts(database);
            url = database.url();
        }
        app.launch("--db=" + url);
        app.waitForUsers();

        app.robot.clickOn("#searchField").write("padded").type(KeyCode.ENTER);
        app.waitFor(() -> app.visible("#searchSummary") && app.text("#searchSummary").equals("2 matches"));

        assertThat(results()).containsExactly(
                "padded | prompt | in alice / customer-support-assistant",
                "padded␣ | prompt | in bob / fraud-detection");

        app.robot.type(KeyCode.DOWN).type(KeyCode.DOWN).type(KeyCode.ENTER);
        app.waitFor(() -> "padded␣".equals(app.selectedTitle()));
        assertThat(app.selectedPath()).containsExactly("bob", "Projects", "fraud-detection", "Prompts", "padded␣");
        app.waitFor(() -> "padded␣".equals(app.text("#detailsName")));
    }

    /** Each result cell as "name | table | where", top to bottom. */
    private List<String> results() throws Exception {
        return fx(() -> app.robot.lookup("." + StyleClasses.SEARCH_RESULT).queryAllAs(ListCell.class).stream()
                .filter(cell -> !cell.isEmpty() && cell.getGraphic() != null)
                .sorted((a, b) -> Integer.compare(a.getIndex(), b.getIndex()))
                .map(cell -> label(cell, StyleClasses.SEARCH_RESULT_NAME) + " | " + label(cell, StyleClasses.SEARCH_RESULT_TABLE)
                        + " | " + label(cell, StyleClasses.SEARCH_RESULT_WHERE))
                .toList());
    }

    private static String label(ListCell<?> cell, String styleClass) {
        return ((Label) cell.lookup("." + styleClass)).getText();
    }
}
