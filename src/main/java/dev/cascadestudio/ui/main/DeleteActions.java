package dev.cascadestudio.ui.main;

import dev.cascadestudio.cascade.Repair;
import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.service.CascadeService;
import dev.cascadestudio.service.DatabaseSession;
import dev.cascadestudio.service.WriteGate;
import dev.cascadestudio.ui.SideWindowPlacement;
import dev.cascadestudio.ui.delete.DeletePreviewDialog;
import dev.cascadestudio.ui.delete.UndoBanner;
import dev.cascadestudio.ui.graph.CascadeGraphView;
import dev.cascadestudio.ui.graph.CascadeGraphWindow;
import dev.cascadestudio.ui.health.HealthViewModel;
import dev.cascadestudio.ui.health.HealthWindow;
import dev.cascadestudio.ui.history.HistoryWindow;
import dev.cascadestudio.service.AuditLog;
import dev.cascadestudio.service.HistoryService;
import java.util.List;
import java.util.Map;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The main window's delete preview, undo banner and cascade graph, for the selected rows. The graph
 * window, once open, follows the selection (see {@link GraphFollower}). Opening another database
 * closes the graph and the undo offer of the previous one.
 */
final class DeleteActions {

    private final MainWindowViewModel viewModel;
    private final VBox undoHost;
    private final GraphFollower graphs;
    private final SideWindowPlacement graphPlacement;
    private UndoBanner banner;
    private CascadeService bannerService;
    private Window graphWindow;
    private javafx.stage.Stage historyWindow;
    private javafx.stage.Stage healthWindow;

    DeleteActions(MainWindowViewModel viewModel, VBox undoHost, SideWindowPlacement graphPlacement) {
        this.viewModel = viewModel;
        this.undoHost = undoHost;
        this.graphPlacement = graphPlacement;
        this.graphs = new GraphFollower(viewModel);
        viewModel.openTargetProperty().addListener((o, old, now) -> databaseChanged());
    }

    void previewDelete(Window owner) {
        previewDelete(owner, viewModel.selectedRoots());
    }

    /**
     * Whether a delete can be previewed now: a database is open for editing. Read-only, it says why
     * instead of doing nothing (the Delete key while the toolbar's Delete is off).
     */
    boolean canDelete() {
        DatabaseSession session = viewModel.openSession();
        if (session != null && !session.writable()) {
            viewModel.showNotice(WriteGate.READ_ONLY);
            return false;
        }
        return session != null;
    }

    /** One delete preview for all of {@code roots} (the tree's selection, or the grid's), planned as one. */
    void previewDelete(Window owner, List<Root> roots) {
        if (roots.isEmpty() || !canDelete()) {
            return;
        }
        DatabaseSession session = viewModel.openSession();
        CascadeService service = session.cascade();
        // one banner per open database: its Undo restores into the database the delete ran on
        DeletePreviewDialog dialog = DeletePreviewDialog.show(owner, service, roots, viewModel.executor(),
                this::dataChanged, undoBanner(service)::offer);
        if (session.tier() == dev.cascadestudio.service.connections.ConnectionTier.PRODUCTION) {
            dialog.requireReason();
        }
        graphs.showPreview(dialog);
    }

    /**
     * Opens the graph window (where it was left, or beside the main window), or brings it to the
     * front if it is open. In the graph window, Ctrl+G closes it again, as Escape and Ctrl+W do.
     */
    void showGraph(Window owner) {
        DatabaseSession session = viewModel.openSession();
        if (session == null) {
            return;
        }
        if (graphWindow != null && graphWindow.isShowing()) {
            if (graphWindow instanceof javafx.stage.Stage stage) {
                stage.toFront();
            }
            return;
        }
        CascadeGraphView view = CascadeGraphWindow.show(owner, viewModel.executor(), session.cascade().graph(), Map.of(), null,
                stage -> {
                    stage.getScene().getAccelerators().put(Shortcuts.GRAPH, stage::hide);
                    graphPlacement.place(stage, owner);
                });
        view.loadRowCounts(viewModel.executor(), () -> session.browse().rowCounts());
        view.enableRows(viewModel.executor(),
                plan -> dev.cascadestudio.ui.graph.ReachedRowsSource.of(session.cascade(), plan));
        graphWindow = view.getScene().getWindow();
        Window shown = graphWindow;
        graphWindow.setOnHidden(event -> {
            if (graphWindow == shown) {
                graphs.stop();
                graphWindow = null;
            }
        });
        graphs.follow(view, session);
    }

    /** Opens the Health window for the open database (it checks at once), or brings it to the front. */
    void showHealth(Window owner) {
        if (healthWindow != null && healthWindow.isShowing()) {
            healthWindow.toFront();
            return;
        }
        DatabaseSession session = viewModel.openSession();
        if (session == null) {
            return;
        }
        healthWindow = HealthWindow.show(owner, session.health(), viewModel.executor(), session.describeDatabase(),
                row -> viewModel.tree().reveal(row), repairs -> previewRepair(healthWindow, repairs),
                session.writeGate().refusal());
    }

    /**
     * The preview of a Health fix: the dangling values of {@code repairs} set to NULL or their rows deleted by
     * their columns' rules, committed as a delete is (the write gate, the reason on production, snapshot, Undo).
     */
    void previewRepair(Window owner, List<Repair> repairs) {
        if (repairs.isEmpty() || !canDelete()) {
            return;
        }
        DatabaseSession session = viewModel.openSession();
        DeletePreviewDialog dialog = DeletePreviewDialog.showRepair(owner, session.cascade(), repairs, viewModel.executor(),
                this::dataChanged, undoBanner(session.cascade())::offer);
        if (session.tier() == dev.cascadestudio.service.connections.ConnectionTier.PRODUCTION) {
            dialog.requireReason();
        }
    }

    /** The banner whose Undo restores into {@code service}'s database: one per open database. */
    private UndoBanner undoBanner(CascadeService service) {
        if (banner == null || bannerService != service) {
            banner = new UndoBanner(service, viewModel.executor(), this::dataChanged);
            bannerService = service;
            undoHost.getChildren().setAll(banner.node());
        }
        return banner;
    }

    /** Opens the History window for the open database, or brings it to the front. */
    void showHistory(Window owner) {
        if (historyWindow != null && historyWindow.isShowing()) {
            historyWindow.toFront();
            return;
        }
        DatabaseSession session = viewModel.openSession();
        CascadeService service = session == null ? null : session.cascade();
        AuditLog log = service == null ? AuditLog.inDataDirectory() : service.auditLog();
        historyWindow = HistoryWindow.show(owner, new HistoryService(log), service,
                service == null ? null : service.databaseUrl(), viewModel.executor(), this::dataChanged);
    }

    private void dataChanged() {
        viewModel.refresh();
        graphs.dataChanged();
        if (healthWindow != null && healthWindow.isShowing() && healthWindow.getUserData() instanceof HealthViewModel health) {
            health.check(); // a delete, a fix or an Undo can add or remove findings
        }
    }

    private void databaseChanged() {
        if (graphWindow != null) {
            graphWindow.hide();
        }
        if (healthWindow != null) {
            healthWindow.hide(); // it showed the database that was open
            healthWindow = null;
        }
        if (historyWindow != null) {
            historyWindow.hide(); // its Restore went into the database that was open
            historyWindow = null;
        }
        if (banner != null) {
            banner.viewModel().dismiss();
            undoHost.getChildren().clear();
            banner = null;
            bannerService = null;
        }
    }
}
