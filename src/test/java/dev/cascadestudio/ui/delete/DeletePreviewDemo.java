package dev.cascadestudio.ui.delete;

import atlantafx.base.theme.PrimerLight;
import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.ui.StyleClasses;
import dev.cascadestudio.ui.task.UiTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * Opens the delete preview on a fresh demo database in a stand-in main window, to look at it (and
 * take the screenshot in docs/screenshots). Not a test. Arguments: {@code summary} (default),
 * {@code rows}, {@code sql}, {@code confirm} (type-to-confirm, threshold lowered to 40),
 * {@code several} (a project and a user), {@code stale} (a run added behind the dialog's back, then
 * confirm), {@code stale-same} (a run replaced by another behind its back, then confirm: the same numbers), {@code undo} (confirm at once: the main window shows the undo banner), {@code committing}
 * (confirm at once; the commit stops half-way to show the progress bar), {@code locked} (confirm at once; the commit
 * ends half-way as at another client's lock, to show the message), {@code waiting} (the same, held half-way while it
 * says whom it waits for), {@code big} (a
 * generated database whose big project's delete affects about 200,000 rows), {@code reached} (the Rows reached tab), {@code big-reached} (that tab on the
 * 200,000-row delete), {@code export} (Export report… pressed:
 * the report is written to {@code impact-report.html} in the demo's temporary folder).
 */
public final class DeletePreviewDemo {

    private DeletePreviewDemo() {}

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "summary";
        Path dir = Files.createTempDirectory("delete-preview-demo");
        DeleteFixture fixture = mode.startsWith("big") ? DeleteFixture.generated(dir, 200_000) : DeleteFixture.demo(dir);
        Platform.startup(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            UiTaskExecutor executor = new UiTaskExecutor("demo-database", 1);
            UndoBanner banner = new UndoBanner(fixture.service, executor, () -> { });
            Label content = new Label("Cascade Studio main window (stand-in)");
            BorderPane main = new BorderPane(new StackPane(content));
            main.setTop(banner.node());
            Scene scene = new Scene(main, 1280, 820);
            scene.getStylesheets().add(Objects.requireNonNull(
                    DeletePreviewDemo.class.getResource(StyleClasses.APP_STYLESHEET)).toExternalForm());
            Stage stage = new Stage();
            stage.setTitle("Cascade Studio");
            stage.setScene(scene);
            stage.setX(0);
            stage.setY(0);
            stage.show();
            List<Root> roots = mode.equals("several") ? List.of(DeleteFixture.SUPPORT, DeleteFixture.BOB)
                    : mode.startsWith("big") ? List.of(DeleteFixture.bigProject()) : List.of(DeleteFixture.SUPPORT);
            long threshold = mode.equals("confirm") || mode.equals("several") ? 40 : DeletePreviewViewModel.TYPE_TO_CONFIRM_THRESHOLD;
            DeleteOperations operations = mode.equals("committing") || mode.equals("locked") || mode.equals("waiting")
                    ? slowCommit(fixture.operations, mode) : fixture.operations;
            DeletePreviewDialog dialog = DeletePreviewDialog.open(stage, operations, roots, executor, threshold,
                    banner::offer);
            boolean[] acted = {false};
            dialog.viewModel().phaseProperty().addListener((o, old, phase) -> {
                if (phase == DeletePreviewViewModel.Phase.READY && !acted[0]) {
                    acted[0] = true;
                    select(dialog, mode);
                    if (mode.equals("stale")) {
                        fixture.addRunToTheSupportProject("late-run");
                    }
                    if (mode.equals("stale-same")) {
                        fixture.replaceARunOfTheSupportProject();
                    }
                    if (mode.equals("export")) {
                        dialog.viewModel().exportReport(dir.resolve("impact-report.html"));
                    }
                    if (mode.startsWith("stale") || mode.equals("undo") || mode.equals("committing") || mode.equals("locked")
                            || mode.equals("waiting")) {
                        dialog.viewModel().confirm();
                    }
                }
            });
        });
    }

    private static void select(DeletePreviewDialog dialog, String mode) {
        javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) dialog.stage().getScene().lookup("#tabs");
        if (mode.equals("rows")) {
            tabs.getSelectionModel().select(1);
            @SuppressWarnings("unchecked")
            javafx.scene.control.TreeView<PreviewNode> tree =
                    (javafx.scene.control.TreeView<PreviewNode>) dialog.stage().getScene().lookup("#rowsTree");
            tree.getRoot().getChildren().get(0).setExpanded(true);
            tree.getRoot().getChildren().stream().filter(i -> i.getValue().group().line().label().equals("workflow"))
                    .findFirst().ifPresent(i -> i.setExpanded(true));
            tree.getRoot().getChildren().stream().filter(i -> i.getValue().group().line().label().equals("run.schedule_id"))
                    .findFirst().ifPresent(i -> i.setExpanded(true));
        } else if (mode.equals("reached") || mode.equals("big-reached")) {
            tabs.getTabs().stream().filter(t -> t.getText().equals("Rows reached")).findFirst()
                    .ifPresent(tab -> tabs.getSelectionModel().select(tab));
            // the root shown in the side panel once drawn, as after a click on it
            var rows = dialog.reachedView().viewModel();
            rows.revisionProperty().addListener((o, old, now) -> {
                if (rows.selectedProperty().get() == null && !rows.roots().isEmpty()) {
                    rows.select(rows.roots().get(0));
                }
            });
        } else if (mode.equals("sql")) {
            tabs.getSelectionModel().select(tabs.getTabs().size() - 1);
        }
    }

    /** A controller's session as the lock watch describes one. */
    private static final String HOLDER = "connection 4242 (user controller from 10.0.0.5, mlrun-api; in a transaction for"
            + " 3 min 10 s, idle in transaction; its latest statement: UPDATE run SET state = 'completed', updated = now()"
            + " WHERE uid = '0f3c9a7e5b2d4c81a6e0…')";

    private static final java.util.concurrent.CountDownLatch NEVER = new java.util.concurrent.CountDownLatch(1);

    /**
     * The real operations, with the commit held half-way (on the background thread), or where {@code locked}, ended
     * there as a PostgreSQL server ends a statement that waited its lock timeout for another client's transaction.
     */
    private static DeleteOperations slowCommit(DeleteOperations real, String mode) {
        boolean locked = mode.equals("locked");
        return new DeleteOperations() {
            @Override
            public dev.cascadestudio.cascade.DeletePlan plan(List<Root> roots) {
                return real.plan(roots);
            }

            @Override
            public List<dev.cascadestudio.cascade.AffectedRow> page(dev.cascadestudio.cascade.DeletePlan plan,
                    dev.cascadestudio.cascade.DeletePlan.Effect effect, int offset, int limit) {
                return real.page(plan, effect, offset, limit);
            }

            @Override
            public dev.cascadestudio.cascade.ExecutionResult execute(dev.cascadestudio.cascade.DeletePlan plan,
                    dev.cascadestudio.cascade.ProgressListener progress) {
                return real.execute(plan, (done, total, message) -> {
                    progress.update(done, total, message);
                    if (done > total / 2 && locked) {
                        java.sql.SQLException timeout = new java.sql.SQLException(
                                "ERROR: canceling statement due to lock timeout", "55P03");
                        timeout.addSuppressed(new dev.cascadestudio.persistence.LockHeldBy(List.of(HOLDER)));
                        throw new IllegalStateException("JDBC work failed", timeout);
                    }
                    if (done > total / 2 && mode.equals("waiting")) {
                        progress.waitingForLock(List.of(HOLDER));
                    }
                    if (done > total / 2) {
                        // stays half done until the demo is ended, so the progress bar can be looked at
                        try {
                            NEVER.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                });
            }

            @Override
            public dev.cascadestudio.ui.graph.ReachedRowsSource reachedRows(dev.cascadestudio.cascade.DeletePlan plan) {
                return real.reachedRows(plan);
            }

            @Override
            public dev.cascadestudio.cascade.Restorer.RestoreResult restore(Path snapshot) {
                return real.restore(snapshot);
            }

            @Override
            public void exportReport(dev.cascadestudio.cascade.DeletePlan plan, Path file, int rowsPerTable) throws java.io.IOException {
                real.exportReport(plan, file, rowsPerTable);
            }
        };
    }
}
