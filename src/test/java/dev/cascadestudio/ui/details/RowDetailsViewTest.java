package dev.cascadestudio.ui.details;

import static dev.cascadestudio.ui.AppDriver.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.service.DatabaseSession;
import dev.cascadestudio.service.RowRef;
import dev.cascadestudio.testsupport.TreeFixtures;
import dev.cascadestudio.ui.main.MainWindowViewModel;
import dev.cascadestudio.ui.task.CurrentThreadTaskExecutor;
import dev.cascadestudio.ui.tree.TreeEntry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * The details pane's form is built only when it is first needed (a start shows no row). Whether it is built
 * before a row is chosen or because one is, it shows that row: its name, fields, spec and labels, as the
 * database holds them (read here with plain SQL). Headless through Monocle.
 */
class RowDetailsViewTest {

    @TempDir Path dir;
    private String url;
    private MainWindowViewModel viewModel;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() throws Exception {
        url = TreeFixtures.windowDatabase(dir);
        viewModel = fx(() -> {
            MainWindowViewModel model = new MainWindowViewModel(new CurrentThreadTaskExecutor(),
                    () -> DatabaseSession.open(url, null, null, DatabaseSession.Mode.READ_ONLY));
            model.open();
            return model;
        });
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> {
            viewModel.close();
            return null;
        });
    }

    @Test
    void aPaneMadeWhileNothingIsShownHasNoFormUntilARowIsChosenAndThenShowsThatRow() throws Exception {
        RowDetailsView view = fx(() -> new RowDetailsView(viewModel.details()));
        assertThat(fx(view::formPrepared)).as("nothing shown: no form yet").isFalse();
        assertThat(fx(() -> find(view, "#emptyState").isVisible())).isTrue();

        fx(() -> {
            viewModel.details().show(workflow("ticket-triage"));
            return null;
        });

        assertThat(fx(view::formPrepared)).isTrue();
        assertShows(view, "ticket-triage");
    }

    @Test
    void aPaneMadeWhileARowIsShownShowsThatRow() throws Exception {
        fx(() -> {
            viewModel.details().show(workflow("ticket-triage"));
            return null;
        });

        RowDetailsView view = fx(() -> new RowDetailsView(viewModel.details()));

        assertShows(view, "ticket-triage");
    }

    @Test
    void aFormPreparedAheadShowsTheRowsChosenAfterwards() throws Exception {
        RowDetailsView view = fx(() -> new RowDetailsView(viewModel.details()));
        fx(() -> {
            view.prepareForm();
            return null;
        });
        assertThat(fx(() -> find(view, "#emptyState").isVisible())).as("prepared, still nothing shown").isTrue();
        assertThat(fx(() -> find(view, "#detailsScroll").isVisible())).isFalse();

        fx(() -> {
            viewModel.details().show(workflow("ticket-triage"));
            return null;
        });

        assertShows(view, "ticket-triage");
    }

    private void assertShows(RowDetailsView view, String workflowName) throws Exception {
        String[] row = row("SELECT \"description\", \"spec\" FROM \"workflow\" WHERE \"name\" = ?", workflowName);
        List<String> labels = column("SELECT \"name\" FROM \"workflow_labels\" WHERE \"parent\" = ? ORDER BY \"name\"", workflowName);
        assertThat(labels).as("the fixture's labels").isNotEmpty();

        assertThat(fx(() -> find(view, "#emptyState").isVisible())).isFalse();
        assertThat(fx(() -> find(view, "#detailsScroll").isVisible())).isTrue();
        assertThat(fx(() -> ((Labeled) find(view, "#detailsName")).getText())).isEqualTo(workflowName);
        assertThat(fx(() -> ((Labeled) find(view, "#detailsKind")).getText())).isEqualToIgnoringCase("workflow");
        assertThat(fx(() -> ((TextInputControl) find(view, "#field-name")).getText())).isEqualTo(workflowName);
        assertThat(fx(() -> ((TextInputControl) find(view, "#field-description")).getText())).as("NULL shows as an empty field").isEqualTo(row[0] == null ? "" : row[0]);
        assertThat(fx(() -> ((TextInputControl) find(view, "#specArea")).getText()).replaceAll("\\s", ""))
                .isEqualTo(row[1].replaceAll("\\s", ""));
        assertThat(fx(() -> ((TableView<?>) find(view, "#labelsTable")).getItems().size())).isEqualTo(labels.size());
        assertThat(fx(() -> ((MenuButton) find(view, "#newMenu")).getItems().stream().map(i -> i.getText()).toList()))
                .as("a workflow's children: schedules, runs, sessions, deployments")
                .contains("Schedule…", "Run…");
    }

    /** {@code selector} in the pane as laid out (a scroll pane's content joins the scene graph with its skin). */
    private static Node find(RowDetailsView view, String selector) {
        Parent root = view.root();
        if (root.getScene() == null) {
            new Scene(root, 800, 700);
        }
        root.applyCss();
        root.layout();
        Node node = root.lookup(selector);
        assertThat(node).as(selector).isNotNull();
        return node;
    }

    private TreeEntry workflow(String name) throws Exception {
        String[] key = row("SELECT \"uid\", \"version\" FROM \"workflow\" WHERE \"name\" = ?", name);
        return new TreeEntry.RowEntry(new RowRef("workflow", key[0], key[1], name), false, -1);
    }

    private String[] row(String sql, String parameter) throws Exception {
        try (Connection c = DriverManager.getConnection(url); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as(sql).isTrue();
                String[] values = new String[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = rs.getString(i + 1);
                }
                return values;
            }
        }
    }

    private List<String> column(String sql, String parameter) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }
}
