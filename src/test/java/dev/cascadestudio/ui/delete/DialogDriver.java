package dev.cascadestudio.ui.delete;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.cascadestudio.ui.StyleClasses;
import dev.cascadestudio.ui.delete.DeletePreviewViewModel.Phase;
import dev.cascadestudio.ui.task.UiTaskExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the delete preview the way an administrator does, over a stand-in main window, with the
 * real background executor. Reads the screen only on the FX thread.
 */
final class DialogDriver {

    static final long TIMEOUT_SECONDS = 120;

    final FxRobot robot = new FxRobot();
    final UiTaskExecutor executor = new UiTaskExecutor("test-database", 1);
    Stage owner;
    DeletePreviewDialog dialog;

    /** Shows the stand-in main window (a VBox, so a test can add the undo banner to it). */
    DialogDriver start() throws Exception {
        FxToolkit.registerPrimaryStage();
        owner = FxToolkit.setupStage(stage -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            stage.setScene(new Scene(new VBox(new Label("main window")), 640, 400));
            stage.show();
        });
        return this;
    }

    void stop() throws Exception {
        FxToolkit.cleanupStages();
        executor.shutdown();
        assertThat(executor.awaitTermination(Duration.ofSeconds(60))).as("background work ended").isTrue();
    }

    DeletePreviewDialog open(Callable<DeletePreviewDialog> opening) throws Exception {
        dialog = fx(opening);
        return dialog;
    }

    void awaitPhase(Phase phase) throws Exception {
        waitFor(() -> dialog.viewModel().phaseProperty().get() == phase);
    }

    Node lookup(String query) {
        return robot.from(dialog.stage().getScene().getRoot()).lookup(query).query();
    }

    /** A label of the dialog by its text, such as a tab's title. */
    Node label(String text) throws Exception {
        return fx(() -> robot.from(dialog.stage().getScene().getRoot()).lookup((Label l) -> text.equals(l.getText())).query());
    }

    String text(String query) throws Exception {
        return fx(() -> {
            Node node = lookup(query);
            return node instanceof TextInputControl field ? field.getText() : ((Labeled) node).getText();
        });
    }

    boolean visible(String query) throws Exception {
        return fx(() -> lookup(query).isVisible());
    }

    boolean disabled(String query) throws Exception {
        return fx(() -> lookup(query).isDisabled());
    }

    EffectGroup group(String label) throws Exception {
        return fx(() -> dialog.viewModel().groups().stream()
                .filter(g -> g.line().label().equals(label)).findFirst().orElseThrow());
    }

    /** Scrolls to a group's line, selects it, opens it with the keyboard and waits for its first rows. */
    void openGroup(String label, int rows) throws Exception {
        scrollToGroup(label, false);
        robot.clickOn(fx(() -> robot.from(lookup("#rowsTree")).lookup("." + StyleClasses.AFFECTED_ROW_NAME)
                .match((Label l) -> l.getText().equals(label) && l.isVisible()).queryAs(Label.class)));
        robot.type(KeyCode.RIGHT);
        EffectGroup group = group(label);
        waitFor(() -> group.rows().size() == rows && !group.loadingProperty().get());
        scrollToGroup(label, false);
    }

    /** Scrolls the tree like an administrator would: to a group's line, or to its last line. */
    void scrollToGroup(String label, boolean toItsEnd) throws Exception {
        fx(() -> {
            @SuppressWarnings("unchecked")
            TreeView<PreviewNode> tree = (TreeView<PreviewNode>) lookup("#rowsTree");
            tree.getRoot().getChildren().stream().filter(item -> item.getValue().group().line().label().equals(label))
                    .findFirst().map(item -> toItsEnd ? item.getChildren().get(item.getChildren().size() - 1) : item)
                    .ifPresent(item -> tree.scrollTo(tree.getRow(item)));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** "name | key | route" of the rows on screen under a group, each checked for a pseudo-class. */
    List<String> shownRows(String groupLabel, String pseudoClass) throws Exception {
        return fx(() -> {
            List<String> rows = new ArrayList<>();
            robot.from(lookup("#rowsTree")).lookup("." + StyleClasses.AFFECTED_ROW_CELL).queryAllAs(TreeCell.class).stream()
                    .filter(cell -> cell.getItem() instanceof PreviewNode.Row row && row.group().line().label().equals(groupLabel))
                    .sorted((a, b) -> Integer.compare(a.getIndex(), b.getIndex()))
                    .forEach(cell -> {
                        assertThat(cell.getPseudoClassStates()).extracting(Object::toString).contains(pseudoClass);
                        rows.add(((Label) cell.lookup("." + StyleClasses.AFFECTED_ROW_NAME)).getText() + " | "
                                + ((Label) cell.lookup("." + StyleClasses.AFFECTED_ROW_KEY)).getText() + " | "
                                + ((Label) cell.lookup("." + StyleClasses.AFFECTED_ROW_ROUTE)).getText());
                    });
            return rows;
        });
    }

    /** "label count" of a summary card's lines, top to bottom. */
    List<String> summary(String card) throws Exception {
        return fx(() -> robot.from(lookup(card)).lookup("." + StyleClasses.SUMMARY_LINE).queryAll().stream()
                .map(line -> ((Label) line.lookup("." + StyleClasses.SUMMARY_LABEL)).getText() + " "
                        + ((Label) line.lookup("." + StyleClasses.SUMMARY_COUNT)).getText())
                .toList());
    }

    static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> fx(condition));
    }

    static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
