package dev.cascadestudio.ui;

import static dev.cascadestudio.ui.AppDriver.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.persistence.MappedTables;
import dev.cascadestudio.persistence.demo.RowBuilder;
import dev.cascadestudio.service.DatabaseSession;
import dev.cascadestudio.testsupport.TreeFixtures;
import dev.cascadestudio.ui.graph.CascadeGraphView;
import dev.cascadestudio.diagram.PlanHighlight;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deleting from the real main window: the Delete key on one or several selected rows, the preview
 * with the engine's counts, confirm, what the tree and status bar show afterwards, Undo, and the
 * cascade graph window following the selection. Headless through Monocle; {@code -Dheadless=false}
 * shows it.
 */
class DeleteInMainWindowTest {

    private static final String SUPPORT = "customer-support-assistant";
    private static final String MARKETING = "marketing-copy";

    @TempDir
    Path home;

    private AppDriver app;
    private String url;

    @AfterEach
    void closeApplication() throws Exception {
        app.closeEverything();
    }

    @Test
    void deletingAProjectRemovesItFromTheTreeLowersTheCountsAndUndoBringsItBack() throws Exception {
        DeletePlan engine = planBeforeLaunch(project(SUPPORT));
        launchWithAlicesProjectsOpen();
        assertThat(app.visibleRows()).containsEntry("alice", "2");
        String summaryBefore = app.text("#contentSummaryLabel");
        long rowsBefore = rowsIn(summaryBefore);

        app.robot.clickOn(app.cell(SUPPORT));
        app.robot.type(KeyCode.DELETE);

        Window dialog = app.window("Delete preview");
        Node preview = fx(() -> dialog.getScene().getRoot());
        // The demo's support project: 31 rows deleted; 18 keys set to NULL in 12 rows, for 6 of its runs lose
        // both workflow_id and schedule_id (DeleteScenarioTest counts them in the database itself).
        app.waitFor(() -> app.text(preview, "#confirmButton").equals("Delete 31 rows, set 18 values in 12 rows to NULL"));
        assertThat(engine.summary()).isEqualTo("Delete 31 rows, set 18 values in 12 rows to NULL");
        assertThat(app.text(preview, "#titleLabel")).isEqualTo("Delete project “" + SUPPORT + "”?");
        assertThat(app.text(preview, "#deletedTotalLabel")).isEqualTo("31 rows");
        assertThat(app.text(preview, "#nulledTotalLabel")).isEqualTo("12 rows · 18 values");
        assertThat(fx(() -> app.robot.from(preview).lookup(".tab-pane").queryAs(javafx.scene.control.TabPane.class).getTabs()
                .stream().map(javafx.scene.control.Tab::getText).toList())).as("31 deleted + 12 with keys set to NULL")
                .contains("Affected rows · 43");

        app.robot.clickOn(fx(() -> app.robot.from(preview).lookup("#confirmButton").<Node>query()));
        app.waitFor(() -> !fx(dialog::isShowing));
        // the refresh puts the tree and the badges right in one step; the cells show it from the next pulse on
        app.waitFor(() -> !app.shows(SUPPORT) && !app.visibleRows().containsKey(SUPPORT));

        assertThat(app.visibleRows()).as("alice's project badge follows the delete").containsEntry("alice", "1");
        assertThat(rowsIn(app.text("#contentSummaryLabel"))).isEqualTo(rowsBefore - controllerRows(engine));
        assertThat(sqlCount("SELECT COUNT(*) FROM \"project\" WHERE \"name\" = '" + SUPPORT + "'")).isZero();
        assertThat(app.visible("#undoButton")).isTrue();
        assertThat(app.text("#messageLabel")).isEqualTo("Deleted 31 rows and set 18 values in 12 rows to NULL."
                + " A snapshot was saved first.");

        // what the banner's progress bar and text show while the undo runs, as the FX thread sees them
        List<String> shown = new java.util.concurrent.CopyOnWriteArrayList<>();
        fx(() -> {
            javafx.scene.control.ProgressBar bar = app.robot.lookup("#restoreProgress").queryAs(javafx.scene.control.ProgressBar.class);
            javafx.scene.control.Label text = app.robot.lookup("#messageLabel").queryAs(javafx.scene.control.Label.class);
            bar.progressProperty().addListener((o, old, now) -> {
                if (bar.isVisible()) shown.add(now.doubleValue() + " " + text.getText());
            });
            text.textProperty().addListener((o, old, now) -> {
                if (bar.isVisible()) shown.add(bar.getProgress() + " " + now);
            });
            return null;
        });
        app.robot.clickOn("#undoButton");
        app.waitFor(() -> app.shows(SUPPORT) && "2".equals(app.visibleRows().get("alice"))
                && app.text("#contentSummaryLabel").equals(summaryBefore));

        assertThat(sqlCount("SELECT COUNT(*) FROM \"project\" WHERE \"name\" = '" + SUPPORT + "'")).isOne();
        // 31 rows and 18 values: the bar filled up, counting them, before the banner said it was done
        assertThat(shown).as("the progress bar during the undo").contains("1.0 Committing: 49 of 49 rows and values put back");
        assertThat(app.visible("#restoreProgress")).as("no bar once it is done").isFalse();
        assertThat(app.text("#messageLabel")).isEqualTo("Undone: 31 rows restored and 18 values set back.");
    }

    @Test
    void twoSelectedProjectsArePreviewedAndDeletedTogether() throws Exception {
        DeletePlan engine = planBeforeLaunch(project(SUPPORT), project(MARKETING));
        launchWithAlicesProjectsOpen();

        app.robot.clickOn(app.cell("Projects"));
        assertThat(fx(() -> app.robot.lookup("#deleteButton").query().isDisabled()))
                .as("a group alone is nothing to delete").isTrue();
        app.robot.clickOn(app.cell(SUPPORT));
        app.robot.press(KeyCode.CONTROL).clickOn(app.cell(MARKETING)).release(KeyCode.CONTROL);
        assertThat(app.selectedTitles()).containsExactly(SUPPORT, MARKETING);
        app.robot.type(KeyCode.DELETE);

        Window dialog = app.window("Delete preview");
        Node preview = fx(() -> dialog.getScene().getRoot());
        app.waitFor(() -> app.text(preview, "#confirmButton").equals(engine.summary()));
        assertThat(app.text(preview, "#deletedTotalLabel")).isEqualTo(Counts.of(engine.deletedCount(), "row"));
        assertThat(app.text(preview, "#nulledTotalLabel")).isEqualTo(Counts.of(engine.nulledRowCount(), "row") + " · "
                + Counts.of(engine.nulledValueCount(), "value"));
        assertThat(engine.deletedFrom("project").count()).as("both roots in the engine's plan").isEqualTo(2);

        app.robot.clickOn(fx(() -> app.robot.from(preview).lookup("#confirmButton").<Node>query()));
        app.waitFor(() -> !fx(dialog::isShowing));
        app.waitFor(() -> !app.shows(SUPPORT) && !app.shows(MARKETING)
                && !app.visibleRows().containsKey(SUPPORT) && !app.visibleRows().containsKey(MARKETING));
        assertThat(app.visibleRows()).containsEntry("alice", "0");

        assertThat(sqlCount("SELECT COUNT(*) FROM \"project\" WHERE \"name\" IN ('" + SUPPORT + "', '" + MARKETING + "')")).isZero();
        assertThat(sqlCount("SELECT COUNT(*) FROM \"project\"")).as("the other projects stay").isEqualTo(
                projectsBefore - 2);
        assertThat(app.visibleRows()).containsEntry("bob", "1").containsEntry("carol", "1");
    }

    @Test
    void theOpenGraphWindowLightsUpThePlanOfWhateverRowIsSelected() throws Exception {
        DeletePlan support = planBeforeLaunch(project(SUPPORT));
        DeletePlan marketing = planBeforeLaunch(project(MARKETING));
        launchWithAlicesProjectsOpen();
        app.robot.clickOn(app.cell(SUPPORT));
        app.robot.press(KeyCode.CONTROL).type(KeyCode.G).release(KeyCode.CONTROL);

        Stage graphWindow = (Stage) app.window("Cascade graph");
        CascadeGraphView graph = fx(() -> (CascadeGraphView) graphWindow.getScene().getRoot());
        app.waitFor(() -> lit(graph) != null && lit(graph).summary().equals(support.summary()));
        assertThat(fx(graphWindow::getTitle)).isEqualTo("Cascade graph — " + support.summary());

        fx(() -> { // beside the main window's tree, as an administrator would put it
            graphWindow.setX(720);
            graphWindow.setY(0);
            graphWindow.setWidth(560);
            return null;
        });
        app.robot.clickOn(app.cell(MARKETING));
        app.waitFor(() -> lit(graph) != null && lit(graph).summary().equals(marketing.summary()));

        PlanHighlight expected = PlanHighlight.of(marketing);
        assertThat(lit(graph).deleted()).isEqualTo(expected.deleted());
        assertThat(lit(graph).nulled()).isEqualTo(expected.nulled());
        assertThat(lit(graph).edges()).isEqualTo(expected.edges());
        assertThat(fx(graphWindow::getTitle)).isEqualTo("Cascade graph — " + marketing.summary());

        app.robot.clickOn(app.cell("Projects"));
        app.waitFor(() -> lit(graph) == null);
        assertThat(fx(graphWindow::getTitle)).as("a group is nothing to delete: nothing lit").isEqualTo("Cascade graph");
    }

    // ---- helpers ----

    private long projectsBefore;

    /** The engine's plan for these roots, worked out on the test's database before the window opens it. */
    private DeletePlan planBeforeLaunch(Root... roots) throws Exception {
        if (url == null) {
            url = TreeFixtures.windowDatabase(home.resolve("fixture"));
            projectsBefore = sqlCount("SELECT COUNT(*) FROM \"project\"");
        }
        try (DatabaseSession session = DatabaseSession.open(url, null, null)) {
            return session.cascade().plan(List.of(roots));
        }
    }

    private void launchWithAlicesProjectsOpen() throws Exception {
        app = new AppDriver(home.resolve("app-home"));
        app.launch("--db=" + url, "--write");
        app.waitForUsers();
        app.expand("alice");
        app.expand("Projects");
    }

    private static Root project(String name) {
        return new Root("project", RowBuilder.uid("project", name));
    }

    private static PlanHighlight lit(CascadeGraphView graph) throws Exception {
        return fx(() -> graph.viewModel().highlightProperty().get());
    }

    /** The status bar counts the controller's twelve tables, not the label tables. */
    private static long controllerRows(DeletePlan plan) {
        return plan.deleted().stream().filter(e -> !MappedTables.get(e.table()).label()).mapToLong(DeletePlan.Effect::count).sum();
    }

    private static long rowsIn(String summary) {
        // "5 users · 1,234 rows"
        String rows = summary.substring(summary.indexOf('·') + 1).replace("rows", "").replace("row", "").replace(",", "").strip();
        return Long.parseLong(rows);
    }

    private long sqlCount(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
