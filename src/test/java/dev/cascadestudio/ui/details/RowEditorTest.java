package dev.cascadestudio.ui.details;

import static dev.cascadestudio.ui.AppDriver.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.testsupport.EngineDatabases;
import dev.cascadestudio.testsupport.OtherClient;
import dev.cascadestudio.ui.AppDriver;
import dev.cascadestudio.ui.StyleClasses;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Editing a row in the real window, as an administrator does it: select, type, Save (Ctrl+S) or
 * Revert; errors beside the fields; a row changed behind the editor's back; a new row under a parent.
 * Each check reads the database itself. Headless through Monocle.
 */
class RowEditorTest {

    @TempDir Path home;
    private AppDriver app;
    private String url;

    @BeforeEach
    void launch() throws Exception {
        app = new AppDriver(home);
        assertThat(app.stage()).isNotNull();
        try (Database database = EngineDatabases.h2(home.resolve("db"))) {
            DemoData.load(database);
            url = database.url();
        }
        app.launch("--db=" + url, "--write");
        app.waitFor(() -> fx(() -> !app.robot.lookup("#searchField").query().isDisabled()));
    }

    @AfterEach
    void close() throws TimeoutException {
        app.closeEverything();
    }

    @Test
    void editingAndSavingWritesTheRowAndTheTreeShowsTheNewName() throws Exception {
        select("ticket-triage");
        replace("#field-name", "ticket-routing");
        replace("#field-description", "Routes every incoming ticket");
        assertThat(text("#dirtyHint")).isEqualTo("Unsaved changes");

        app.robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        app.waitFor(() -> text("#editorMessage").startsWith("Saved at"));

        assertThat(query("SELECT \"name\", \"description\" FROM \"workflow\" WHERE \"name\" = 'ticket-routing'"))
                .containsExactly("ticket-routing|Routes every incoming ticket");
        assertThat(query("SELECT \"parent\" FROM \"workflow_labels\" ORDER BY \"name\""))
                .as("the labels follow the new name").containsExactly("ticket-routing", "ticket-routing");
        app.waitFor(() -> "ticket-routing".equals(app.selectedTitle()));
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
        assertThat(fx(() -> app.robot.lookup("#labelsTable").queryAs(TableView.class).getItems().size())).isEqualTo(2);
        assertThat(disabled("#saveButton")).isTrue();
        assertThat(text("#dirtyHint")).isEmpty();
        assertThat(dump()).isEqualTo(before);
    }

    @Test
    void eachInvalidValueIsShownBesideItsFieldAndNothingIsWritten() throws Exception {
        select("ticket-triage");
        List<String> before = dump();

        replace("#field-name", "n".repeat(256));
        save();
        assertError("#error-name", "At most 255 characters; this has 256.");

        replace("#field-name", "reply-drafter");
        save();
        assertError("#error-name", "Another workflow is already named “reply-drafter”; names are unique.");

        replace("#field-name", "ticket-triage");
        replace("#specArea", "{\n  \"steps\": [\"retrieve\",]\n}");
        assertThat(text("#specStatus")).as("checked while typing").startsWith("Not valid JSON — line 2, column 24: Unexpected character");
        String typing = text("#specStatus");
        save();
        app.waitFor(() -> text("#editorMessage").equals("Not saved: one value needs fixing (marked below)."));
        assertError("#specStatus", typing);

        assertThat(dump()).isEqualTo(before);
    }

    @Test
    void invalidJsonIsExplainedOnceAndTheSpecTitleAndFormatKeepTheirText() throws Exception {
        fx(() -> { // the window as the application opens it
            app.stage().setWidth(1200);
            app.stage().setHeight(760);
            return null;
        });
        select("ticket-triage");

        replace("#specArea", "{\"steps\": [\"retrieve\",]}");
        app.waitFor(() -> !visibleTextsContaining("line 1, column").isEmpty());

        assertThat(displayedText("#specTitle")).as("the section title, not squeezed by the error").isEqualTo("spec (JSON)");
        assertThat(displayedText("#formatButton")).as("the Format button, not squeezed by the error").isEqualTo("Format");
        assertThat(visibleTextsContaining("line 1, column")).as("the error, shown once")
                .singleElement().asString().startsWith("Not valid JSON — line 1, column 23: Unexpected character");
        assertThat(fullyShown(visibleLabelContaining("line 1, column"))).as("the error, not clipped").isTrue();

        save();
        app.waitFor(() -> text("#editorMessage").equals("Not saved: one value needs fixing (marked below)."));
        assertThat(visibleTextsContaining("line 1, column")).as("the error after Save, still shown once").hasSize(1);
        assertThat(displayedText("#specTitle")).isEqualTo("spec (JSON)");
        assertThat(displayedText("#formatButton")).isEqualTo("Format");
    }

    @Test
    void aRowChangedBehindTheEditorsBackIsNotOverwritten() throws Exception {
        select("ticket-triage");
        replace("#field-description", "mine");
        execute("UPDATE \"workflow\" SET \"state\" = 'archived' WHERE \"name\" = 'ticket-triage'");
        List<String> changedElsewhere = dump();

        save();

        app.waitFor(() -> !text("#editorMessage").isEmpty());
        assertThat(text("#editorMessage")).isEqualTo("“ticket-triage” was changed in the database after you opened it"
                + " (state). Nothing was saved: Revert to see the current values, then make your change again.");
        assertThat(dump()).isEqualTo(changedElsewhere);

        click("#revertButton");
        app.waitFor(() -> "archived".equals(text("#field-state")));
    }

    @Test
    void aNewScheduleCreatedUnderAWorkflowAppearsUnderIt() throws Exception {
        select("kb-ingestion");
        click("#newMenu").clickOn("#new-schedule");
        app.waitFor(() -> "New schedule".equals(text("#detailsName")));
        assertThat(text("#saveButton")).isEqualTo("Create");
        assertThat(text("#field-created")).isEqualTo("set when created");
        assertThat(fx(() -> app.robot.lookup("#field-workflow_id").queryAs(ComboBox.class).getValue().toString()))
                .as("the parent is filled in").contains("kb-ingestion");

        save();
        assertError("#error-name", "Required.");
        assertError("#error-status", "Required.");
        replace("#field-name", "kb-ingestion-weekly");
        replace("#field-status", "active");
        save();

        app.waitFor(() -> "kb-ingestion-weekly".equals(app.selectedTitle()));
        assertThat(app.selectedPath()).endsWith("kb-ingestion", "Schedules", "kb-ingestion-weekly");
        assertThat(query("SELECT s.\"name\", s.\"status\" FROM \"schedule\" s JOIN \"workflow\" w ON w.\"uid\" = s.\"workflow_id\""
                + " WHERE w.\"name\" = 'kb-ingestion' ORDER BY s.\"name\""))
                .containsExactly("kb-ingestion-nightly|active", "kb-ingestion-weekly|active");
    }

    @Test
    void anEditedLabelIsSaved() throws Exception {
        select("ticket-triage");
        Node slaValue = fx(() -> app.robot.lookup(".table-cell").match((Labeled cell) -> "99.9".equals(cell.getText())).query());
        click(slaValue);
        app.robot.doubleClickOn(slaValue).eraseText(4).write("99.95").type(KeyCode.ENTER);

        save();
        app.waitFor(() -> text("#editorMessage").startsWith("Saved at"));

        assertThat(query("SELECT \"name\", \"value\" FROM \"workflow_labels\" WHERE \"parent\" = 'ticket-triage' ORDER BY \"name\""))
                .containsExactly("owner-team|platform", "sla|99.95");
    }

    @Test
    void leavingUnsavedEditsAsksFirst() throws Exception {
        select("ticket-triage");
        replace("#field-description", "not yet saved");

        app.robot.clickOn(treeCell("reply-drafter"));
        Button keep = fx(() -> app.robot.lookup((Button b) -> "Keep editing".equals(b.getText())).query());
        app.robot.clickOn(keep);
        app.waitFor(() -> "ticket-triage".equals(app.selectedTitle()));
        assertThat(text("#field-description")).isEqualTo("not yet saved");

        app.robot.clickOn(treeCell("reply-drafter"));
        Button discard = fx(() -> app.robot.lookup((Button b) -> "Discard changes".equals(b.getText())).query());
        app.robot.clickOn(discard);
        app.waitFor(() -> "reply-drafter".equals(text("#detailsName")));
        assertThat(query("SELECT \"description\" FROM \"workflow\" WHERE \"name\" = 'ticket-triage'")).doesNotContain("not yet saved");
    }

    @Test
    void quittingWithUnsavedEditsAsksFirstAndKeepEditingKeepsTheWindow() throws Exception {
        select("ticket-triage");
        replace("#field-description", "still typing");

        app.robot.press(KeyCode.CONTROL).type(KeyCode.Q).release(KeyCode.CONTROL);
        Button keep = fx(() -> app.robot.lookup((Button b) -> "Keep editing".equals(b.getText())).query());
        app.robot.clickOn(keep);

        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> app.robot.lookup("#searchField").query().getScene().getWindow().isShowing())).isTrue();
        assertThat(text("#field-description")).isEqualTo("still typing");
    }

    /**
     * On a controller's PostgreSQL, another client (the controller itself, say) holds the row in a transaction it does
     * not end: the line above the form says whom the save waits for and for how long it will, then, after those ten
     * seconds, that nothing was saved and who held the row; the row is as it was.
     */
    @Test
    void aSaveHeldUpByAnotherClientsLockSaysWhomItWaitsForThenThatNothingWasSaved() throws Exception {
        Database pg = EngineDatabases.open(EngineDatabases.Kind.POSTGRESQL_CONTROLLER, home.resolve("pg"));
        try {
            DemoData.load(pg);
            String user = EngineDatabases.serverDatabase(pg).server().user();
            app.closeEverything();
            app = new AppDriver(home.resolve("pg-home"));
            app.launch("--db=" + EngineDatabases.serverDatabase(pg).url() + "?user=" + user, "--write");
            app.waitFor(() -> fx(() -> !app.robot.lookup("#searchField").query().isDisabled()));
            select("ticket-triage");
            replace("#field-description", "Routes tickets");
            long session;
            try (OtherClient controller = OtherClient.of(pg)) {
                session = controller.session();
                controller.update("UPDATE workflow SET state = state WHERE name = 'ticket-triage'");

                save();
                app.waitFor(() -> text("#editorMessage").startsWith(
                        "Waiting up to 10 s for a lock held by connection " + session + " (user " + user + " from 127.0.0.1"));
                app.waitFor(() -> text("#editorMessage").startsWith("Not saved."));
            }
            assertThat(text("#editorMessage"))
                    .startsWith("Not saved. Another connection to the database held a lock this needs for longer than 10 s"
                            + " (PostgreSQL: lock not available); nothing was changed. Held by connection " + session + " (user " + user)
                    .contains("its latest statement: UPDATE workflow SET state = state WHERE name = 'ticket-triage')")
                    .endsWith(". Try again once its work is done, or end its transaction.");
            assertThat(text("#field-description")).as("the edit is still there to save again").isEqualTo("Routes tickets");
            assertThat(EngineDatabases.count(pg, "SELECT COUNT(*) FROM workflow WHERE description = 'Routes tickets'"))
                    .as("nothing was saved").isZero();
        } finally {
            EngineDatabases.close(pg);
        }
    }

    // ---- the window as a user sees it ----

    /** Finds the row by name with the search box and waits until the editor shows it. */
    private void select(String name) throws Exception {
        app.robot.clickOn("#searchField").write(name).type(KeyCode.ENTER);
        try {
            app.waitFor(() -> fx(() -> app.robot.lookup("." + StyleClasses.SEARCH_RESULT_NAME)
                    .match((Labeled label) -> name.equals(label.getText()) && label.isVisible()).tryQuery().isPresent()));
        } catch (TimeoutException e) {
            throw new AssertionError("No search result " + name + " among " + fx(() -> app.robot.lookup("." + StyleClasses.SEARCH_RESULT_NAME)
                    .queryAllAs(Labeled.class).stream().map(l -> l.getText() + (l.isVisible() ? "" : " (hidden)")).toList())
                    + "; summary: " + text("#searchSummary"), e);
        }
        Node result = fx(() -> app.robot.lookup("." + StyleClasses.SEARCH_RESULT_NAME)
                .match((Labeled label) -> name.equals(label.getText())).query());
        app.robot.clickOn(result);
        app.waitFor(() -> name.equals(text("#detailsName"))
                && name.equals(text("#field-name")));
    }

    private void replace(String field, String text) throws Exception {
        Node node = fx(() -> app.robot.lookup(field).query());
        click(node).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        if (text.isEmpty()) {
            app.robot.type(KeyCode.BACK_SPACE);
        } else if (text.length() > 40) {
            fx(() -> { // typing 256 keys one by one adds nothing but time
                ((TextInputControl) node).setText(text);
                return null;
            });
        } else {
            app.robot.write(text);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Scrolls the details pane until {@code node} is in view, then clicks it. */
    private org.testfx.api.FxRobotInterface click(Node node) throws Exception {
        fx(() -> {
            ScrollPane scroll = app.robot.lookup("#detailsScroll").queryAs(ScrollPane.class);
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
        return app.robot.clickOn(node);
    }

    private org.testfx.api.FxRobotInterface click(String query) throws Exception {
        return click(fx(() -> app.robot.lookup(query).query()));
    }

    private void save() throws Exception {
        click("#saveButton");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void assertError(String query, String message) throws Exception {
        app.waitFor(() -> message.equals(text(query)));
        assertThat(fx(() -> app.robot.lookup(query).query().isVisible())).isTrue();
    }

    /** The text a label or button shows on screen: its text node's, which ends in "…" when it is cut short. */
    private String displayedText(String query) throws Exception {
        return fx(() -> ((Text) app.robot.lookup(query).query().lookup(".text")).getText());
    }

    /** The texts of every label or button in the main window that is on screen and contains {@code part}. */
    private List<String> visibleTextsContaining(String part) throws Exception {
        return fx(() -> app.robot.lookup((Labeled l) -> l.getText() != null && l.getText().contains(part) && showing(l))
                .queryAllAs(Labeled.class).stream().map(Labeled::getText).toList());
    }

    private Labeled visibleLabelContaining(String part) throws Exception {
        return fx(() -> app.robot.lookup((Labeled l) -> l.getText() != null && l.getText().contains(part) && showing(l))
                .queryAs(Labeled.class));
    }

    /** Whether the label shows its whole text: nothing cut to "…", and as tall as its wrapped lines need. */
    private boolean fullyShown(Labeled label) throws Exception {
        return fx(() -> {
            Text shown = (Text) label.lookup(".text");
            return shown.getText().equals(label.getText()) && label.getHeight() >= label.prefHeight(label.getWidth()) - 0.5;
        });
    }

    private static boolean showing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null && node.getScene().getWindow() != null && node.getScene().getWindow().isShowing();
    }

    private Node treeCell(String title) throws Exception {
        return fx(() -> app.robot.lookup("." + StyleClasses.TREE_CELL_NAME)
                .match((Labeled label) -> title.equals(label.getText())).query());
    }

    private boolean disabled(String query) throws Exception {
        return fx(() -> app.robot.lookup(query).query().isDisabled());
    }

    private String text(String query) throws Exception {
        return fx(() -> app.robot.lookup(query).tryQuery().map(node -> node instanceof TextInputControl field ? field.getText()
                : node instanceof ComboBox<?> box && box.isEditable() ? box.getEditor().getText()
                : node instanceof Labeled labeled ? labeled.getText() : "").orElse(""));
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
