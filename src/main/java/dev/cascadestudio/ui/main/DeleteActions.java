package dev.cascadestudio.ui.main;

import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.service.CascadeService;
import dev.cascadestudio.service.DatabaseSession;
import dev.cascadestudio.ui.delete.DeletePreviewDialog;
import dev.cascadestudio.ui.delete.UndoBanner;
import dev.cascadestudio.ui.graph.CascadeGraphView;
import dev.cascadestudio.ui.graph.CascadeGraphWindow;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The main window's delete preview, undo banner and cascade graph, for the selected row. */
final class DeleteActions {

    private final MainWindowViewModel viewModel;
    private UndoBanner banner;
    private CascadeService bannerService;

    DeleteActions(MainWindowViewModel viewModel) {
        this.viewModel = viewModel;
    }

    void previewDelete(Window owner, VBox undoHost) {
        DatabaseSession session = viewModel.openSession();
        Optional<Root> root = viewModel.selectedRoot();
        if (session == null || root.isEmpty()) {
            return;
        }
        CascadeService service = session.cascade();
        if (banner == null || bannerService != service) {
            // one banner per open database: its Undo restores into the database the delete ran on
            banner = new UndoBanner(service, viewModel.executor(), viewModel::refresh);
            bannerService = service;
            undoHost.getChildren().setAll(banner.node());
        }
        DeletePreviewDialog.show(owner, service, List.of(root.get()), viewModel.executor(), viewModel::refresh, banner::offer);
    }

    void showGraph(Window owner) {
        DatabaseSession session = viewModel.openSession();
        if (session == null) {
            return;
        }
        CascadeService service = session.cascade();
        CascadeGraphView view = CascadeGraphWindow.show(owner, viewModel.executor(), service.graph(), Map.of(), null);
        view.loadRowCounts(viewModel.executor(), () -> session.browse().rowCounts());
        viewModel.selectedRoot().ifPresent(root -> viewModel.executor().execute(
                dev.cascadestudio.ui.task.BackgroundTask.of(() -> service.plan(List.of(root))).onSuccess(view::highlight)));
    }
}
