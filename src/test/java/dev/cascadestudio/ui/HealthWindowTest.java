package dev.cascadestudio.ui;

import static dev.cascadestudio.ui.AppDriver.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.service.HealthService.Finding;
import dev.cascadestudio.service.HealthService.Problem;
import dev.cascadestudio.testsupport.BrokenReferences;
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
        Path file = BrokenReferences.controllerSqliteFile(home.resolve("controller"));
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
        assertThat(app.text(root, "#healthFixButton")).isEqualTo("Set this value to NULL…");
        assertThat(fx(() -> root.lookup("#healthFixButton").isDisabled())).as("open read-only, nothing can be fixed").isTrue();
        assertThat(app.text(root, "#healthFixRefused")).isEqualTo(dev.cascadestudio.service.WriteGate.READ_ONLY);
        app.waitFor(() -> fx(() -> problemRow(root) != null));
        Node row = fx(() -> problemRow(root));
        assertThat(fx(() -> ((Problem) ((TableRow<?>) row).getItem()).value())).isEqualTo(BrokenReferences.MISSING_WORKFLOW);
        app.robot.doubleClickOn(row, MouseButton.PRIMARY);

        app.waitFor(() -> "scoring-smoke-test".equals(app.selectedTitle()));
        assertThat(app.selectedPath()).containsExactly("Unowned", "Runs without workflow", "scoring-smoke-test");
        assertThat(sha256(file)).as("a read-only open and a check write nothing").isEqualTo(before);
    }

    @Test
    void aFixShowsItsPreviewThenCommitsAndUndoPutsItBack() throws Exception {
        Path file = BrokenReferences.controllerSqliteFile(home.resolve("controller"));
        app.launch("--db=jdbc:sqlite:" + file, "--write");
        app.waitFor(() -> app.visibleRows().containsKey("alice") && !app.text("#userCountLabel").isEmpty());
        app.robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.H).release(KeyCode.SHIFT, KeyCode.CONTROL);
        Window health = app.window("Health");
        Node root = fx(() -> health.getScene().getRoot());
        app.waitFor(() -> app.text(root, "#healthSummary").endsWith("findings"));
        int findingsBefore = findingCells(root).size();

        select(root, "run.workflow_id");
        app.waitFor(() -> app.text(root, "#healthFixButton").equals("Set this value to NULL…"));
        assertThat(fx(() -> root.lookup("#healthFixGroupButton").isVisible())).as("the only dangling reference of its group").isFalse();
        app.robot.clickOn(fx(() -> root.lookup("#healthFixButton")));
        Window dialog = app.window("Delete preview");
        Node preview = fx(() -> dialog.getScene().getRoot());
        app.waitFor(() -> app.text(preview, "#confirmButton").equals("Set 1 value in 1 row to NULL"));
        assertThat(app.text(preview, "#titleLabel")).isEqualTo("Set 1 dangling value to NULL?");
        assertThat(app.text(preview, "#subtitleLabel")).isEqualTo("Values that name no row, in run.workflow_id");
        assertThat(workflowOf(file, "scoring-smoke-test")).as("nothing changes before the confirm").isEqualTo(BrokenReferences.MISSING_WORKFLOW);
        app.robot.clickOn(fx(() -> app.robot.from(preview).lookup("#confirmButton").<Node>query()));
        app.waitFor(() -> !fx(dialog::isShowing));

        assertThat(workflowOf(file, "scoring-smoke-test")).isNull();
        app.waitFor(() -> !app.text(root, "#healthSummary").startsWith("Checking") && findingCells(root).size() == findingsBefore - 1);
        assertThat(findingCells(root)).noneMatch(f -> f.contains("run.workflow_id"));

        // the Undo offer is in the main window, which the Health window may cover
        fx(() -> {
            ((javafx.scene.control.ButtonBase) app.robot.lookup("#undoButton").query()).fire();
            return null;
        });
        app.waitFor(() -> app.text("#messageLabel").startsWith("Undone") || app.text("#messageLabel").startsWith("Could"));
        assertThat(app.text("#messageLabel")).startsWith("Undone");
        assertThat(workflowOf(file, "scoring-smoke-test")).isEqualTo(BrokenReferences.MISSING_WORKFLOW);
        app.waitFor(() -> findingCells(root).size() == findingsBefore);

        select(root, "project.owner_id");
        long ownersGone = fx(() -> listView(root).getItems().stream()
                .filter(f -> f.category() == dev.cascadestudio.service.HealthService.Category.OWNER_GONE).mapToLong(Finding::count).sum());
        long ownerFindings = fx(() -> listView(root).getItems().stream()
                .filter(f -> f.category() == dev.cascadestudio.service.HealthService.Category.OWNER_GONE).count());
        app.waitFor(() -> app.text(root, "#healthFixGroupButton").equals("Fix all " + ownerFindings + " “Owner gone” findings…"));
        app.robot.clickOn(fx(() -> root.lookup("#healthFixGroupButton")));
        Window groupDialog = app.window("Delete preview");
        Node groupPreview = fx(() -> groupDialog.getScene().getRoot());
        app.waitFor(() -> app.text(groupPreview, "#titleLabel").equals("Set " + ownersGone + " dangling values to NULL?"));
        app.robot.clickOn(fx(() -> app.robot.from(groupPreview).lookup("#confirmButton").<Node>query()));
        app.waitFor(() -> !fx(groupDialog::isShowing));
        app.waitFor(() -> !app.text(root, "#healthSummary").startsWith("Checking")
                && findingCells(root).size() == findingsBefore - ownerFindings);
        assertThat(findingCells(root)).noneMatch(f -> f.startsWith("Owner gone"));
    }

    @Test
    void onADatabaseThatEnforcesTheKeyTheFixSaysUndoIsNotOfferedAndALabelFixDeletesTheLabel() throws Exception {
        Path dir = home.resolve("h2");
        String url;
        try (dev.cascadestudio.persistence.Database database = dev.cascadestudio.testsupport.EngineDatabases.h2(dir)) {
            dev.cascadestudio.persistence.demo.DemoData.load(database);
            BrokenReferences.apply(database, dev.cascadestudio.testsupport.EngineDatabases.Kind.H2);
            url = database.url();
        }
        app.launch("--db=" + url, "--write");
        app.waitFor(() -> app.visibleRows().containsKey("alice") && !app.text("#userCountLabel").isEmpty());
        app.robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.H).release(KeyCode.SHIFT, KeyCode.CONTROL);
        Window health = app.window("Health");
        Node root = fx(() -> health.getScene().getRoot());
        app.waitFor(() -> app.text(root, "#healthSummary").endsWith("findings"));

        select(root, "run.workflow_id");
        app.waitFor(() -> app.text(root, "#healthFixButton").equals("Set this value to NULL…"));
        app.robot.clickOn(fx(() -> root.lookup("#healthFixButton")));
        Window dialog = app.window("Delete preview");
        Node preview = fx(() -> dialog.getScene().getRoot());
        app.waitFor(() -> app.text(preview, "#confirmButton").equals("Set 1 value in 1 row to NULL"));
        assertThat(app.text(preview, "#explanationLabel")).contains("but Undo will not be offered: this database enforces"
                + " the foreign key of run.workflow_id, so it would refuse to take back a value that names no row.");
        app.robot.clickOn(fx(() -> app.robot.from(preview).lookup("#confirmButton").<Node>query()));
        app.waitFor(() -> !fx(dialog::isShowing));
        app.waitFor(() -> findingCells(root).stream().noneMatch(f -> f.contains("run.workflow_id")));
        assertThat(app.visible("#undoButton")).as("no Undo the database would refuse").isFalse();

        select(root, "prompt_labels.parent");
        app.waitFor(() -> app.text(root, "#healthFixButton").equals("Delete this label…"));
        app.robot.clickOn(fx(() -> root.lookup("#healthFixButton")));
        Window labels = app.window("Delete preview");
        Node labelPreview = fx(() -> labels.getScene().getRoot());
        app.waitFor(() -> app.text(labelPreview, "#titleLabel").equals("Delete 1 label without a parent?"));
        assertThat(app.text(labelPreview, "#explanationLabel")).endsWith("so the delete can be undone.");
        app.robot.clickOn(fx(() -> app.robot.from(labelPreview).lookup("#confirmButton").<Node>query()));
        app.waitFor(() -> !fx(labels::isShowing));
        app.waitFor(() -> findingCells(root).stream().noneMatch(f -> f.contains("prompt_labels.parent")));
        app.waitFor(() -> app.visible("#undoButton"));
    }

    private void select(Node root, String titleStart) throws Exception {
        fx(() -> {
            ListView<Finding> list = listView(root);
            list.getSelectionModel().select(list.getItems().stream().filter(f -> f.title().startsWith(titleStart)).findFirst().orElseThrow());
            return null;
        });
    }

    /** The run's workflow_id in the file, read with plain JDBC. */
    private static String workflowOf(Path file, String run) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT workflow_id FROM run WHERE name = ?")) {
            ps.setString(1, run);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
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
