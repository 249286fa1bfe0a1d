package dev.cascadestudio.ui;

import static dev.cascadestudio.ui.AppDriver.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.service.HealthService.Finding;
import dev.cascadestudio.service.HealthService.Problem;
import dev.cascadestudio.testsupport.BrokenReferences;
import dev.cascadestudio.testsupport.EngineDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A controller's SQLite file with broken references, opened read-only as it is by default: the
 * Health window lists what is broken with counts, and a double-click shows a row in the tree. The
 * file is byte-identical afterwards.
 */
class HealthWindowTest {

    @TempDir Path home;
    private AppDriver app;

    @BeforeEach
    void registerStage() throws TimeoutException {
        app = new AppDriver(home.resolve("app"));
        app.stage();
    }

    @AfterEach
    void closeApplication() throws TimeoutException {
        app.closeEverything();
    }

    @Test
    void healthListsWhatIsBrokenAndADoubleClickShowsTheRowInTheTree() throws Exception {
        Path dir = Files.createDirectories(home.resolve("controller"));
        try (Database database = EngineDatabases.controllerSqlite(dir)) {
            DemoData.load(database);
            BrokenReferences.apply(database, EngineDatabases.Kind.SQLITE);
        }
        Path file = dir.resolve("sql.db");
        String before = sha256(file);
        app.launch("--db=jdbc:sqlite:" + file);
        app.waitFor(() -> app.visibleRows().containsKey("alice") && !app.text("#userCountLabel").isEmpty());

        app.robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.H).release(KeyCode.SHIFT, KeyCode.CONTROL);
        Window health = app.window("Health");
        Node root = fx(() -> health.getScene().getRoot());
        app.waitFor(() -> app.text(root, "#healthSummary").endsWith("findings"));

        List<String> findings = findingCells(root);
        assertThat(findings).first().asString().startsWith("Owner gone | ");
        assertThat(findings).contains("Dangling references | run.workflow_id → workflow.uid | 1",
                "Labels without a parent | prompt_labels.parent → prompt.name | 1");
        long total = fx(() -> listView(root).getItems().stream().mapToLong(Finding::count).sum());
        assertThat(app.text(root, "#healthSummary")).isEqualTo(total + " rows with a problem, in " + findings.size() + " findings");

        fx(() -> {
            ListView<Finding> list = listView(root);
            list.getSelectionModel().select(list.getItems().stream().filter(f -> f.title().startsWith("run.workflow_id")).findFirst().orElseThrow());
            return null;
        });
        app.waitFor(() -> app.text(root, "#healthFindingTitle").equals("Dangling references: run.workflow_id → workflow.uid"));
        assertThat(app.text(root, "#healthFindingDetail")).startsWith("In 1 row of run, workflow_id names no existing workflow.");
        app.waitFor(() -> fx(() -> problemRow(root) != null));
        Node row = fx(() -> problemRow(root));
        assertThat(fx(() -> ((Problem) ((TableRow<?>) row).getItem()).value())).isEqualTo(BrokenReferences.MISSING_WORKFLOW);
        app.robot.doubleClickOn(row, MouseButton.PRIMARY);

        app.waitFor(() -> "scoring-smoke-test".equals(app.selectedTitle()));
        assertThat(app.selectedPath()).containsExactly("Unowned", "Runs without workflow", "scoring-smoke-test");
        assertThat(sha256(file)).as("a read-only open and a check write nothing").isEqualTo(before);
    }

    /** The table row showing scoring-smoke-test, or null while it is not drawn. */
    private Node problemRow(Node root) {
        return app.robot.from(root).lookup(".table-row-cell").match(n -> n instanceof TableRow<?> r && r.getItem() instanceof Problem p
                && p.name().equals("scoring-smoke-test")).tryQuery().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static ListView<Finding> listView(Node root) {
        return (ListView<Finding>) root.lookup("#healthFindings");
    }

    /** "category | title | count" of each finding, top to bottom. */
    private List<String> findingCells(Node root) throws Exception {
        return fx(() -> app.robot.from(root).lookup(".health-finding").queryAllAs(ListCell.class).stream()
                .filter(cell -> !cell.isEmpty() && cell.getGraphic() != null)
                .sorted((a, b) -> Integer.compare(a.getIndex(), b.getIndex()))
                .map(cell -> text(cell, ".health-finding-category") + " | " + text(cell, ".health-finding-name") + " | "
                        + text(cell, ".count-badge"))
                .toList());
    }

    private static String text(Node under, String query) {
        return ((Label) under.lookup(query)).getText();
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
