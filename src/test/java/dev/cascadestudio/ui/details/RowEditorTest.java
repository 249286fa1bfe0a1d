package dev.cascadestudio.ui.details;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.testsupport.EngineDatabases;
import dev.cascadestudio.ui.CascadeStudioApp;
import dev.cascadestudio.ui.StyleClasses;
import dev.cascadestudio.ui.tree.TreeEntry;
import dev.cascadestudio.ui.tree.TreeTexts;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Editing a row in the real window, as an administrator does it: select, type, Save (Ctrl+S) or
 * Revert; errors beside the fields; a row changed behind the editor's back; a new row under a parent.
 * Each check reads the database itself. Headless through Monocle.
 */
class RowEditorTest {

    private static final long TIMEOUT = 60;

    @TempDir Path home;
    private final FxRobot robot = new FxRobot();
    private CascadeStudioApp app;
    private String url;

    @BeforeEach
    void launch() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        assertThat(stage).isNotNull();
        try (Database database = EngineDatabases.h2(home.resolve("db"))) {
            DemoData.load(database);
            url = database.url();
        }
        System.setProperty("cascade.home", home.toString());
        app = (CascadeStudioApp) FxToolkit.setupApplication(CascadeStudioApp.class, "--db=" + url);
        WaitForAsyncUtils.waitFor(TIMEOUT, TimeUnit.SECONDS, () -> fx(() -> !robot.lookup("#searchField").query().isDisabled()));
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.cleanupApplication(app);
        assertThat(app.awaitBackgroundWork(Duration.ofSeconds(20))).isTrue();
        FxToolkit.cleanupStages();
        System.clearProperty("cascade.home");
    }

    @Test
    void editingAndSavingWritesTheRowAndTheTreeShowsTheNewName() throws Exception {
        select("ticket-triage");
        replace("#field-name", "ticket-routing");
        replace("#field-description", "Routes every incoming ticket");
        assertThat(text("#dirtyHint")).isEqualTo("Unsaved changes");

        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(TIMEOUT, TimeUnit.SECONDS, () -> text("#editorMessage").startsWith("Saved at"));

        assertThat(query("SELECT \"name\", \"description\" FROM \"workflow\" WHERE \"name\" = 'ticket-routing'"))
                .containsExactly("ticket-routing|Routes every incoming ticket");
        assertThat(query("SELECT \"parent\" FROM \"workflow_labels\" ORDER BY \"name\""))
                .as("the labels follow the new name").containsExactly("ticket-routing", "ticket-routing");
        WaitForAsyncUtils.waitFor(TIMEOUT, TimeUnit.SECONDS, () -> "ticket-routing".equals(selectedTitle()));
        assertThat(text("#detailsName")).isEqualTo("ticket-routing");
        assertThat(disabled("#saveButton")).isTrue();
    }

    @Test
    void revertPutsBackTheValuesAsLoadedAndWritesNothing() throws Exception {
        select("ticket-triage");
        List<String> before = dump();
        String spec = text("#specArea");
        replace("#field-name", "something-else");
        replace("#specArea", "{\"steps\": []}");
        click("#addLabelButton").write("tier").type(KeyCode.ENTER);
        assertThat(disabled("#revertButton")).isFalse();

        click("#revertButton");

        assertThat(text("#field-name")).isEqualTo("ticket-triage");
        assertThat(text("#specArea")).isEqualTo(spec);
        assertThat(fx(() -> robot.lookup("#labelsTable").queryAs(TableView.class).getItems().size())).isEqualTo(2);
        assertThat(disabled("#saveButton")).isTrue();
        assertThat(text("#dirtyHint")).isEmpty();
        assertThat(dump()).isEqualTo(before);
    }

    @Test
    void eachInvalidValueIsShownBesideItsFieldAndNothingIsWritten() throws Exception {
        select("ticket-triage");
        List<String> before = dump();

        replace("#field-name", "");
        save();
        assertError("#error-name", "Required.");

        replace("#field-name", "n".repeat(256));
        save();
        assertError("#error-name", "At most 255 characters; this has 256.");

        replace("#field-name", "reply-drafter");
        save();
        assertError("#error-name", "Another workflow is already named “reply-drafter”; names are unique.");

        replace("#field-name", "ticket-triage");
        replace("#specArea", "{\n  \"steps\": [\"retrieve\",]\n}");
        assertThat(text("#specStatus")).as("checked while typing").startsWith("Not valid JSON — line 2, column 24: Unexpected character");
        save();
        assertError("#specError", text("#specStatus"));

        assertThat(dump()).isEqualTo(before);
    }

    @Test
    void aRowChangedBehindTheEditorsBackIsNotOverwritten() throws Exception {
        select("ticket-triage");
        replace("#field-description", "mine");
        execute("UPDATE \"workflow\" SET \"state\" = 'archived' WHERE \"name\" = 'ticket-triage'");
        List<String> changedElsewhere = dump();

        save();

        WaitForAsyncUtils.waitFor(TIMEOUT, TimeUnit.SECONDS, () -> !text("#editorMessage").isEmpty());
        assertThat(text("#editorMessage")).isEqualTo("“ticket-triage” was changed in the database after you opened it"
                + " (state). Nothing was saved: Revert to see the current values, then make your change again.");
        assertThat(dump()).isEqualTo(changedElsewhere);

        click("#revertButton");
        WaitForAsyncUtils.waitFor(TIMEOUT, TimeUnit.SECONDS, () -> "archived".equals(text("#field-state")));
    }

    @Test
    void aNewScheduleCreatedUnderAWorkflowAppearsUnderIt() throws Exception {
        select("kb-ingestion");
        click("#newMenu").clickOn("#new-schedule");
        WaitForAsyncUtils.waitFor(TIMEOUT, TimeUnit.SECONDS, () -> "New schedule".equals(text("#detailsName")));
        assertThat(text("#saveButton")).isEqualTo("Create");
        assertThat(text("#field-created")).isEqualTo("set when created");
        assertThat(fx(() -> robot.lookup("#field-workflow_id").queryAs(ComboBox.class).getValue().toString()))
                .as("the parent is filled in").contains("kb-ingestion");

        save();
        assertError("#error-name", "Required.");
        assertError("#error-status", "Required.");
        replace("#field-name", "kb-ingestion-weekly");
        replace("#field-status", "active");
        save();

        WaitForAsyncUtils.waitFor(TIMEOUT, TimeUnit.SECONDS, () -> "kb-ingestion-weekly".equals(selectedTitle()));
        assertThat(selectedPath()).endsWith("kb-ingestion", "Schedules", "kb-ingestion-weekly");
        assertThat(query("SELECT s.\"name\", s.\"status\" FROM \"schedule\" s JOIN \"workflow\" w ON w.\"uid\" = s.\"workflow_id\""
                + " WHERE w.\"name\" = 'kb-ingestion' ORDER BY s.\"name\""))
                .containsExactly("kb-ingestion-nightly|active", "kb-ingestion-weekly|active");
    }

    @Test
    void anEditedLabelIsSaved() throws Exception {
        select("ticket-triage");
        Node slaValue = fx(() -> robot.lookup(".table-cell").match((Labeled cell) -> "99.9".equals(cell.getText())).query());
        click(slaValue);
        robot.doubleClickOn(slaValue).eraseText(4).write("99.95").type(KeyCode.ENTER);

        save();
        WaitForAsyncUtils.waitFor(TIMEOUT, TimeUnit.SECONDS, () -> text("#editorMessage").startsWith("Saved at"));

        assertThat(query("SELECT \"name\", \"value\" FROM \"workflow_labels\" WHERE \"parent\" = 'ticket-triage' ORDER BY \"name\""))
                .containsExactly("owner-team|platform", "sla|99.95");
    }

    @Test
    void leavingUnsavedEditsAsksFirst() throws Exception {
        select("ticket-triage");
        replace("#field-description", "not yet saved");

        robot.clickOn(treeCell("reply-drafter"));
        Button keep = fx(() -> robot.lookup((Button b) -> "Keep editing".equals(b.getText())).query());
        robot.clickOn(keep);
        WaitForAsyncUtils.waitFor(TIMEOUT, TimeUnit.SECONDS, () -> "ticket-triage".equals(selectedTitle()));
        assertThat(text("#field-description")).isEqualTo("not yet saved");

        robot.clickOn(treeCell("reply-drafter"));
        Button discard = fx(() -> robot.lookup((Button b) -> "Discard changes".equals(b.getText())).query());
        robot.clickOn(discard);
        WaitForAsyncUtils.waitFor(TIMEOUT, TimeUnit.SECONDS, () -> "reply-drafter".equals(text("#detailsName")));
        assertThat(query("SELECT \"description\" FROM \"workflow\" WHERE \"name\" = 'ticket-triage'")).doesNotContain("not yet saved");
    }

    @Test
    void quittingWithUnsavedEditsAsksFirstAndKeepEditingKeepsTheWindow() throws Exception {
        select("ticket-triage");
        replace("#field-description", "still typing");

        robot.press(KeyCode.CONTROL).type(KeyCode.Q).release(KeyCode.CONTROL);
        Button keep = fx(() -> robot.lookup((Button b) -> "Keep editing".equals(b.getText())).query());
        robot.clickOn(keep);

        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> robot.lookup("#searchField").query().getScene().getWindow().isShowing())).isTrue();
        assertThat(text("#field-description")).isEqualTo("still typing");
    }

    // ---- the window as a user sees it ----

    /** Finds the row by name with the search box and waits until the editor shows it. */
    private void select(String name) throws Exception {
        robot.clickOn("#searchField").write(name).type(KeyCode.ENTER);
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("." + StyleClasses.SEARCH_RESULT_NAME)
                    .match((Labeled label) -> name.equals(label.getText()) && label.isVisible()).tryQuery().isPresent()));
        } catch (TimeoutException e) {
            throw new AssertionError("No search result " + name + " among " + fx(() -> robot.lookup("." + StyleClasses.SEARCH_RESULT_NAME)
                    .queryAllAs(Labeled.class).stream().map(l -> l.getText() + (l.isVisible() ? "" : " (hidden)")).toList())
                    + "; summary: " + text("#searchSummary"), e);
        }
        Node result = fx(() -> robot.lookup("." + StyleClasses.SEARCH_RESULT_NAME)
                .match((Labeled label) -> name.equals(label.getText())).query());
        robot.clickOn(result);
        WaitForAsyncUtils.waitFor(TIMEOUT, TimeUnit.SECONDS, () -> name.equals(text("#detailsName"))
                && name.equals(text("#field-name")));
    }

    private void replace(String field, String text) throws Exception {
        Node node = fx(() -> robot.lookup(field).query());
        click(node).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        if (text.isEmpty()) {
            robot.type(KeyCode.BACK_SPACE);
        } else if (text.length() > 40) {
            fx(() -> { // typing 256 keys one by one adds nothing but time
                ((TextInputControl) node).setText(text);
                return null;
            });
        } else {
            robot.write(text);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Scrolls the details pane until {@code node} is in view, then clicks it. */
    private org.testfx.api.FxRobotInterface click(Node node) throws Exception {
        fx(() -> {
            ScrollPane scroll = robot.lookup("#detailsScroll").queryAs(ScrollPane.class);
            scroll.layout();
            double content = scroll.getContent().getLayoutBounds().getHeight();
            double viewport = scroll.getViewportBounds().getHeight();
            double y = scroll.getContent().sceneToLocal(node.localToScene(node.getLayoutBounds())).getMinY();
            if (content > viewport) {
                scroll.setVvalue(Math.max(0, Math.min(1, (y - 40) / (content - viewport))));
            }
            scroll.layout();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return robot.clickOn(node);
    }

    private org.testfx.api.FxRobotInterface click(String query) throws Exception {
        return click(fx(() -> robot.lookup(query).query()));
    }

    private void save() throws Exception {
        click("#saveButton");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void assertError(String query, String message) throws Exception {
        WaitForAsyncUtils.waitFor(TIMEOUT, TimeUnit.SECONDS, () -> message.equals(text(query)));
        assertThat(fx(() -> robot.lookup(query).query().isVisible())).isTrue();
    }

    private Node treeCell(String title) throws Exception {
        return fx(() -> robot.lookup("." + StyleClasses.TREE_CELL_NAME)
                .match((Labeled label) -> title.equals(label.getText())).query());
    }

    private TreeView<TreeEntry> tree() {
        @SuppressWarnings("unchecked")
        TreeView<TreeEntry> tree = robot.lookup("." + StyleClasses.BROWSER_TREE).queryAs(TreeView.class);
        return tree;
    }

    private String selectedTitle() throws Exception {
        return fx(() -> {
            TreeItem<TreeEntry> selected = tree().getSelectionModel().getSelectedItem();
            return selected == null ? null : TreeTexts.title(selected.getValue());
        });
    }

    private List<String> selectedPath() throws Exception {
        return fx(() -> {
            List<String> path = new ArrayList<>();
            for (TreeItem<TreeEntry> i = tree().getSelectionModel().getSelectedItem(); i.getParent() != null; i = i.getParent()) {
                path.add(0, TreeTexts.title(i.getValue()));
            }
            return path;
        });
    }

    private boolean disabled(String query) throws Exception {
        return fx(() -> robot.lookup(query).query().isDisabled());
    }

    private String text(String query) throws Exception {
        return fx(() -> robot.lookup(query).tryQuery().map(node -> node instanceof TextInputControl field ? field.getText()
                : node instanceof ComboBox<?> box && box.isEditable() ? box.getEditor().getText()
                : node instanceof Labeled labeled ? labeled.getText() : "").orElse(""));
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(TIMEOUT, TimeUnit.SECONDS);
    }

    // ---- the database, read directly ----

    /** Every row of the tables an edit of a workflow could touch, one line each. */
    private List<String> dump() throws Exception {
        List<String> lines = new ArrayList<>();
        for (String table : List.of("workflow", "workflow_labels", "schedule")) {
            lines.addAll(query("SELECT * FROM \"" + table + "\" ORDER BY \"uid\""));
        }
        return lines;
    }

    private List<String> query(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    row.append(i == 1 ? "" : "|").append(v instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : v);
                }
                rows.add(row.toString());
            }
            return rows;
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        }
    }
}
