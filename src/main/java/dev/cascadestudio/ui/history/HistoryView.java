package dev.cascadestudio.ui.history;

import atlantafx.base.controls.Message;
import dev.cascadestudio.cascade.SnapshotContents;
import dev.cascadestudio.service.HistoryService;
import dev.cascadestudio.ui.FxmlViews;
import dev.cascadestudio.ui.delete.PlanSummaryPane;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Loads {@code fxml/History.fxml} and binds it to a {@link HistoryViewModel}: the records in a table,
 * and below it the selected delete in the delete preview's own summary and rows view, with Restore.
 */
public final class HistoryView {

    @FXML private Parent root;
    @FXML private ComboBox<String> databaseChoice;
    @FXML private Message notice;
    @FXML private SplitPane split;
    @FXML private TableView<HistoryRow> table;
    @FXML private TableColumn<HistoryRow, String> timeColumn;
    @FXML private TableColumn<HistoryRow, String> userColumn;
    @FXML private TableColumn<HistoryRow, String> actionColumn;
    @FXML private TableColumn<HistoryRow, String> rootsColumn;
    @FXML private TableColumn<HistoryRow, String> changesColumn;
    @FXML private TableColumn<HistoryRow, String> reasonColumn;
    @FXML private Label listMessage;
    @FXML private Label previewTitle;
    @FXML private Label previewDetail;
    @FXML private StackPane previewHost;
    @FXML private Label previewMessage;
    @FXML private VBox restoreStatus;
    @FXML private ProgressBar restoreProgress;
    @FXML private Label restoreMessage;
    @FXML private Label reasonLabel;
    @FXML private TextField restoreReason;
    @FXML private Button restoreButton;

    private final HistoryViewModel viewModel;
    private PlanSummaryPane summary;

    public HistoryView(HistoryViewModel viewModel) {
        this.viewModel = viewModel;
        FxmlViews.load("/fxml/History.fxml", this);
    }

    public Parent root() {
        return root;
    }

    public HistoryViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        databaseChoice.setItems(viewModel.databases());
        databaseChoice.valueProperty().bindBidirectional(viewModel.databaseProperty());
        notice.descriptionProperty().bind(viewModel.noticeProperty());
        showWhen(notice, viewModel.noticeProperty().isNotEmpty());

        column(timeColumn, HistoryRow::time);
        column(userColumn, HistoryRow::user);
        column(actionColumn, HistoryRow::action);
        column(rootsColumn, HistoryRow::roots);
        column(changesColumn, HistoryRow::changes);
        column(reasonColumn, HistoryRow::reason);
        table.setItems(viewModel.rows());
        table.setRowFactory(view -> tooltipRow());
        table.getSelectionModel().selectedItemProperty().addListener((o, old, row) -> viewModel.selectedProperty().set(row));
        viewModel.selectedProperty().addListener((o, old, row) -> {
            if (table.getSelectionModel().getSelectedItem() != row) table.getSelectionModel().select(row);
        });
        listMessage.textProperty().bind(viewModel.listMessageProperty());
        showWhen(listMessage, viewModel.listMessageProperty().isNotEmpty());
        table.visibleProperty().bind(viewModel.listMessageProperty().isEmpty());
        split.setDividerPositions(0.36);

        summary = new PlanSummaryPane(viewModel.executor(), "Deleted", "Set to NULL");
        Node summaryNode = summary.root();
        previewHost.getChildren().add(0, summaryNode);
        viewModel.previewProperty().addListener((o, old, preview) -> showPreview(preview));
        showWhen(summaryNode, Bindings.createBooleanBinding(() -> viewModel.previewProperty().get() != null
                && viewModel.previewProperty().get().readable(), viewModel.previewProperty()));
        previewTitle.textProperty().bind(viewModel.previewTitleProperty());
        previewDetail.textProperty().bind(viewModel.previewDetailProperty());
        previewMessage.textProperty().bind(viewModel.previewMessageProperty());
        showWhen(previewMessage, viewModel.previewMessageProperty().isNotEmpty());

        restoreButton.disableProperty().bind(viewModel.canRestoreBinding().not());
        restoreReason.textProperty().bindBidirectional(viewModel.restoreReasonProperty());
        restoreReason.disableProperty().bind(viewModel.canRestoreBinding().not());
        reasonLabel.setLabelFor(restoreReason);
        restoreProgress.progressProperty().bind(viewModel.restoreProgressProperty());
        showWhen(restoreProgress, viewModel.restoringProperty());
        restoreMessage.textProperty().bind(Bindings.createStringBinding(() -> viewModel.restoreMessageProperty().get().isEmpty()
                        ? viewModel.restoreHint() : viewModel.restoreMessageProperty().get(),
                viewModel.restoreMessageProperty(), viewModel.selectedProperty()));
        viewModel.reload();
    }

    private void showPreview(HistoryService.SnapshotPreview preview) {
        if (preview == null || !preview.readable()) {
            summary.clear();
            return;
        }
        SnapshotContents contents = preview.contents();
        summary.show(contents.plan(), (plan, effect, offset, limit) ->
                viewModel.history().page(contents, effect.table(), effect.column(), offset, limit));
    }

    private static void column(TableColumn<HistoryRow, String> column, Function<HistoryRow, String> text) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
    }

    /** A row's tooltip: the counts per table, and the database. */
    private static TableRow<HistoryRow> tooltipRow() {
        TableRow<HistoryRow> row = new TableRow<>();
        Tooltip tooltip = new Tooltip();
        row.itemProperty().addListener((o, old, item) -> {
            if (item == null) {
                row.setTooltip(null);
            } else {
                tooltip.setText((item.reason().isEmpty() ? "" : item.reason() + "\n\n") + item.record().database()
                        + (item.countsDetail().isEmpty() ? "" : "\n\n" + item.countsDetail()));
                row.setTooltip(tooltip);
            }
        });
        return row;
    }

    private static void showWhen(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    @FXML
    private void reload() {
        viewModel.reload();
    }

    @FXML
    private void restore() {
        viewModel.restore();
    }
}
