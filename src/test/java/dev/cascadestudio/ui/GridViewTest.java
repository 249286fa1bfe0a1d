package dev.cascadestudio.ui;

import static dev.cascadestudio.ui.AppDriver.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.persistence.BatchInserter;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.RowBuilder;
import dev.cascadestudio.service.DatabaseSession;
import dev.cascadestudio.service.GridPage;
import dev.cascadestudio.testsupport.TreeFixtures;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grid of one table in the real main window, used as an administrator uses it: Tables, choose
 * the documents, sort by name, filter, Shift-select three rows, Delete, confirm; "Select all N
 * matching"; double-click into the details. Expected values come from SQL on the file and from a
 * natural order written here, never from the grid. Headless through Monocle; {@code -Dheadless=false} shows it.
 */
class GridViewTest {

    /** Documents whose numbers differ in length, so that natural and plain order differ. */
    private static final List<String> NUMBERED = List.of("document-1004", "document-10039", "document-999");

    @TempDir
    Path home;

    private AppDriver app;
    private String url;

    @AfterEach
    void closeApplication() throws Exception {
        if (app != null) app.closeEverything();
    }

    @Test
    void sortFilterShiftSelectThreeDeleteThemAndOpenARow() throws Exception {
        url = TreeFixtures.windowDatabase(home.resolve("fixture"));
        addNumberedDocuments();
        List<Root> three = NUMBERED.stream().map(n -> new Root("document", RowBuilder.uid("document", n))).toList();
        DeletePlan engine;
        try (DatabaseSession session = DatabaseSession.open(url, null, null)) {
            engine = session.cascade().plan(three);
        }
        List<String> names = names("SELECT \"name\" FROM \"document\"");
        names.sort(NATURAL);
        launch();

        app.robot.clickOn("#tablesToggle");
        chooseTable("Documents");
        app.waitFor(() -> app.text(".grid-matching").equals(String.format("%,d matching", names.size())));

        // a click on the header sorts by name in the database, naturally
        app.robot.clickOn(header("name"));
        app.waitFor(() -> shownNames(5).equals(names.subList(0, 5)));
        assertThat(names.indexOf("document-999")).isLessThan(names.indexOf("document-1004"));

        // the text filter; its chip shows in the filter bar
        app.robot.clickOn("#textField").write("document-").type(KeyCode.ENTER);
        long matching = sqlCount("SELECT COUNT(*) FROM \"document\" WHERE LOWER(\"name\") LIKE '%document-%'"
                + " OR LOWER(\"description\") LIKE '%document-%'");
        assertThat(matching).isEqualTo(3);
        app.waitFor(() -> app.text(".grid-matching").equals("3 matching") && shownNames(3).size() == 3);
        assertThat(shownNames(3)).containsExactly("document-999", "document-1004", "document-10039");
        assertThat(chipTexts()).containsExactly("contains “document-”");

        // Shift-select the three and delete them: one preview of the three roots
        app.robot.clickOn(row(0));
        app.robot.press(KeyCode.SHIFT).clickOn(row(2)).release(KeyCode.SHIFT);
        app.waitFor(() -> app.text("#selectionLabel").equals("3 selected."));
        app.robot.type(KeyCode.DELETE);
        Window dialog = app.window("Delete preview");
        Node preview = fx(() -> dialog.getScene().getRoot());
        app.waitFor(() -> app.text(preview, "#confirmButton").startsWith("Delete "));
        assertThat(app.text(preview, "#titleLabel")).isEqualTo("Delete 3 documents?");
        assertThat(app.text(preview, "#confirmButton")).isEqualTo(engine.summary());
        app.robot.clickOn(fx(() -> app.robot.from(preview).lookup("#confirmButton").<Node>query()));
        app.waitFor(() -> !fx(dialog::isShowing));
        app.waitFor(() -> app.text(".grid-matching").equals("0 matching"));
        assertThat(sqlCount("SELECT COUNT(*) FROM \"document\" WHERE \"name\" LIKE 'document-%'")).isZero();

        // the chip's × takes the filter away; a label filter through "Filter by"
        app.robot.clickOn(fx(() -> app.robot.lookup(".filter-chip .button").<Node>query()));
        app.waitFor(() -> app.text(".grid-matching").equals(String.format("%,d matching", names.size() - 3)));
        chooseFilter("label");
        app.robot.clickOn("#filterValue").write("shelf=last").type(KeyCode.ENTER);
        app.waitFor(() -> app.text(".grid-matching").equals("1 matching"));
        assertThat(shownNames(1)).containsExactly(TreeFixtures.documentName(1_200));
        assertThat(chipTexts()).containsExactly("label shelf=last");

        // a double-click opens the row in the details pane
        app.robot.doubleClickOn(row(0), MouseButton.PRIMARY);
        app.waitFor(() -> app.text("#detailsName").equals(TreeFixtures.documentName(1_200)));
    }

    @Test
    void selectAllMatchingChoosesRowsNotLoadedYetForOnePreview() throws Exception {
        url = TreeFixtures.windowDatabase(home.resolve("fixture"));
        long expected = sqlCount("SELECT COUNT(*) FROM \"document\" WHERE LOWER(\"name\") LIKE '%doc-00%'");
        assertThat(expected).isEqualTo(999).isGreaterThan(dev.cascadestudio.ui.grid.GridViewModel.PAGE);
        launch();

        app.robot.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
        chooseTable("Documents");
        app.robot.clickOn("#textField").write("doc-00").type(KeyCode.ENTER);
        app.waitFor(() -> app.text(".grid-matching").equals("999 matching"));
        assertThat(fx(() -> table().getItems().size())).isEqualTo(dev.cascadestudio.ui.grid.GridViewModel.PAGE);

        app.robot.clickOn("#selectAllButton");
        app.waitFor(() -> app.text("#selectionLabel").startsWith("All 999 matching documents are chosen"));
        app.robot.clickOn("#deleteButton");
        Window dialog = app.window("Delete preview");
        Node preview = fx(() -> dialog.getScene().getRoot());
        app.waitFor(() -> app.text(preview, "#titleLabel").equals("Delete 999 documents?"));
        app.waitFor(() -> app.text(preview, "#confirmButton").startsWith("Delete 999 rows"));
        app.robot.clickOn(fx(() -> app.robot.from(preview).lookup("#cancelButton").<Node>query()));
        app.waitFor(() -> !fx(dialog::isShowing));
        assertThat(sqlCount("SELECT COUNT(*) FROM \"document\" WHERE LOWER(\"name\") LIKE '%doc-00%'")).isEqualTo(999);

        // a row chosen by hand ends "all matching"
        app.robot.clickOn(row(1));
        app.waitFor(() -> app.text("#selectionLabel").equals("1 selected."));
    }

    // ---- the fixture ----

    private void addNumberedDocuments() {
        try (Database database = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
            database.fromConnection(c -> {
                try (BatchInserter inserter = new BatchInserter(c, database.kind(), database.sqlNames(), 10)) {
                    RowBuilder b = new RowBuilder(inserter, LocalDateTime.of(2026, 5, 1, 8, 0));
                    for (String name : NUMBERED) {
                        b.document(name, RowBuilder.uid("project", TreeFixtures.DOCUMENTS_PROJECT), null, "[]");
                    }
                    inserter.flush();
                }
                return null;
            });
        }
    }

    /** Natural order as defined here: the name without its trailing digits, their number, the name. */
    private static final Comparator<String> NATURAL = Comparator.<String, String>comparing(GridViewTest::prefix)
            .thenComparingInt(s -> s.length() - prefix(s).length()).thenComparing(Comparator.naturalOrder());

    private static String prefix(String s) {
        int end = s.length();
        while (end > 0 && Character.isDigit(s.charAt(end - 1)) && s.charAt(end - 1) < 128) {
            end--;
        }
        return s.substring(0, end);
    }

    // ---- the window ----

    private void launch() throws Exception {
        app = new AppDriver(home.resolve("app-home"));
        app.launch("--db=" + url, "--write");
        app.waitForUsers();
    }

    private void chooseTable(String plural) throws Exception {
        app.robot.clickOn("#tableChoice");
        app.robot.clickOn(fx(() -> app.robot.lookup(".list-cell").match((ListCell<?> cell) -> plural.equals(cell.getText()))
                .<Node>query()));
        app.waitFor(() -> fx(() -> table().getColumns().stream().anyMatch(c -> c.getText().equals("path"))));
    }

    private void chooseFilter(String kind) throws Exception {
        app.robot.clickOn("#filterKind");
        app.robot.clickOn(fx(() -> app.robot.lookup(".list-cell").match((ListCell<?> cell) -> kind.equals(cell.getText()))
                .<Node>query()));
    }

    @SuppressWarnings("unchecked")
    private TableView<GridPage.GridRow> table() {
        return app.robot.lookup(".grid-table").queryAs(TableView.class);
    }

    private Node header(String column) throws Exception {
        return fx(() -> app.robot.lookup(".column-header").match((TableColumnHeader h) -> h.getTableColumn() != null
                && column.equals(h.getTableColumn().getText())).<Node>query());
    }

    private Node row(int index) throws Exception {
        return fx(() -> app.robot.from(table()).lookup(".table-row-cell")
                .match((TableRow<?> r) -> r.getIndex() == index && !r.isEmpty()).<Node>query());
    }

    private List<String> shownNames(int first) throws Exception {
        return fx(() -> table().getItems().stream().limit(first).map(r -> r.ref().name()).toList());
    }

    private List<String> chipTexts() throws Exception {
        return fx(() -> app.robot.lookup(".filter-chip .label").queryAllAs(javafx.scene.control.Label.class).stream()
                .map(javafx.scene.control.Label::getText).toList());
    }

    private List<String> names(String sql) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) names.add(rs.getString(1));
        }
        return names;
    }

    private long sqlCount(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
