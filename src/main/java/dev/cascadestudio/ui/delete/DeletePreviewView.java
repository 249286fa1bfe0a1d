package dev.cascadestudio.ui.delete;

import dev.cascadestudio.ui.Counts;
import atlantafx.base.controls.Message;
import dev.cascadestudio.ui.StyleClasses;
import dev.cascadestudio.ui.delete.DeletePreviewViewModel.Phase;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/** Loads {@code fxml/DeletePreview.fxml} and binds it to a {@link DeletePreviewViewModel}; holds no state of its own. */
final class DeletePreviewView {

    private static final String FXML_PATH = "/fxml/DeletePreview.fxml";

    @FXML private BorderPane root;
    @FXML private Label titleLabel;
    @FXML private Label subtitleLabel;
    @FXML private Message staleNotice;
    @FXML private Message errorNotice;
    @FXML private Tab rowsTab;
    @FXML private Tab sqlTab;
    @FXML private Tab reachedTab;
    @FXML private javafx.scene.layout.StackPane reachedHost;
    private dev.cascadestudio.ui.graph.RowsReachedView reachedView;
    @FXML private ScrollPane summaryScroll;
    @FXML private Label explanationLabel;
    @FXML private Label deletedTotalLabel;
    @FXML private Label nulledTotalLabel;
    @FXML private VBox deletedCard;
    @FXML private VBox nulledCard;
    @FXML private VBox deletedLines;
    @FXML private VBox nulledLines;
    @FXML private VBox planningState;
    @FXML private ProgressIndicator planningIndicator;
    @FXML private VBox planFailedState;
    @FXML private Label planErrorLabel;
    @FXML private TreeView<PreviewNode> rowsTree;
    @FXML private Label rowsPlaceholder;
    @FXML private TextArea sqlText;
    @FXML private Label sqlPlaceholder;
    @FXML private VBox typeToConfirm;
    @FXML private Label confirmPrompt;
    @FXML private TextField confirmField;
    @FXML private Label confirmExpected;
    @FXML private javafx.scene.layout.HBox reasonBox;
    @FXML private Label reasonLabel;
    @FXML private TextField reasonField;
    @FXML private VBox commitBox;
    @FXML private ProgressBar commitProgress;
    @FXML private Label commitMessage;
    @FXML private Button exportButton;
    @FXML private Label exportMessage;
    @FXML private Button cancelButton;
    @FXML private Button confirmButton;

    private final DeletePreviewViewModel viewModel;
    /** Asks where to save a report; null when the administrator cancels. Tests replace the native chooser. */
    private java.util.function.Function<javafx.stage.Window, java.nio.file.Path> reportChooser = ReportChooser::choose;

    DeletePreviewView(DeletePreviewViewModel viewModel) {
        this.viewModel = viewModel;
        FXMLLoader loader = new FXMLLoader(DeletePreviewView.class.getResource(FXML_PATH));
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + FXML_PATH, e);
        }
    }

    Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        bindHeader();
        bindSummary();
        bindRowsAndSql();
        bindRowsReached();
        bindFooter();
    }

    private void bindHeader() {
        titleLabel.textProperty().bind(viewModel.titleProperty());
        subtitleLabel.textProperty().bind(viewModel.subtitleProperty());
        staleNotice.descriptionProperty().bind(viewModel.staleNoticeProperty());
        showWhen(staleNotice, viewModel.staleNoticeProperty().isNotEmpty());
        errorNotice.descriptionProperty().bind(viewModel.errorProperty());
        showWhen(errorNotice, viewModel.errorProperty().isNotEmpty().and(phaseIs(Phase.PLAN_FAILED).not()));
    }

    private void bindSummary() {
        BooleanBinding planning = phaseIs(Phase.PLANNING);
        showWhen(planningState, planning);
        planningIndicator.progressProperty().bind(Bindings.when(planning).then(-1.0).otherwise(0.0));
        showWhen(planFailedState, phaseIs(Phase.PLAN_FAILED));
        planErrorLabel.textProperty().bind(viewModel.errorProperty());
        showWhen(summaryScroll, viewModel.previewProperty().isNotNull().and(planning.not()));
        explanationLabel.textProperty().bind(viewModel.explanationProperty());
        deletedTotalLabel.textProperty().bind(viewModel.deletedTotalProperty());
        nulledTotalLabel.textProperty().bind(viewModel.nulledTotalProperty());
        deletedCard.pseudoClassStateChanged(StyleClasses.WILL_DELETE, true);
        nulledCard.pseudoClassStateChanged(StyleClasses.SET_NULL, true);
        SummaryPanel.bind(deletedLines, viewModel.deletedLines(), "No rows are deleted.");
        SummaryPanel.bind(nulledLines, viewModel.nulledLines(), "No foreign key is set to NULL.");
    }

    private void bindRowsAndSql() {
        BooleanBinding ready = viewModel.previewProperty().isNotNull();
        AffectedRowsTree.bind(rowsTree, viewModel.groups());
        showWhen(rowsTree, ready);
        showWhen(rowsPlaceholder, ready.not());
        rowsTab.textProperty().bind(Bindings.createStringBinding(() -> viewModel.plan() == null ? "Affected rows"
                : "Affected rows · " + Counts.number(viewModel.plan().affectedRowCount()),
                viewModel.previewProperty()));
        sqlText.textProperty().bind(viewModel.sqlProperty());
        showWhen(sqlText, ready);
        showWhen(sqlPlaceholder, ready.not());
        sqlTab.textProperty().bind(Bindings.createStringBinding(() -> viewModel.plan() == null ? "SQL"
                : "SQL · " + Counts.of(viewModel.plan().statements().size(), "statement"), viewModel.previewProperty()));
    }

    /**
     * The "Rows reached" tab draws the plan's rows once it is first opened (nothing is read before),
     * and again for a new plan while it is open.
     */
    private void bindRowsReached() {
        reachedView = new dev.cascadestudio.ui.graph.RowsReachedView(viewModel.executor());
        if (viewModel.isRepair()) {
            // a repair starts from rows that are not there: no root to draw down from; Affected rows lists them all
            reachedTab.getTabPane().getTabs().remove(reachedTab);
            return;
        }
        reachedHost.getChildren().add(reachedView);
        Runnable draw = () -> {
            if (reachedTab.isSelected() && viewModel.plan() != reachedView.viewModel().plan()) {
                reachedView.show(viewModel.reachedRows());
            }
        };
        reachedTab.selectedProperty().addListener((o, was, selected) -> draw.run());
        viewModel.previewProperty().addListener((o, old, preview) -> draw.run());
    }

    /** The rows view of the "Rows reached" tab. */
    dev.cascadestudio.ui.graph.RowsReachedView reachedView() {
        return reachedView;
    }

    private void bindFooter() {
        ConfirmationGate gate = viewModel.gate();
        showWhen(typeToConfirm, gate.requiredProperty().and(viewModel.previewProperty().isNotNull()));
        confirmPrompt.textProperty().bind(gate.promptProperty());
        confirmField.textProperty().bindBidirectional(gate.typedProperty());
        confirmExpected.textProperty().bind(gate.expectedProperty());
        confirmField.disableProperty().bind(phaseIs(Phase.READY).not());
        reasonField.textProperty().bindBidirectional(viewModel.reasonProperty());
        reasonLabel.setLabelFor(reasonField);
        reasonField.disableProperty().bind(phaseIs(Phase.COMMITTING).or(phaseIs(Phase.COMMITTED)));
        reasonLabel.textProperty().bind(Bindings.when(viewModel.reasonRequiredProperty())
                .then("Reason (required)").otherwise("Reason"));
        BooleanBinding committing = phaseIs(Phase.COMMITTING);
        showWhen(commitBox, committing);
        commitProgress.progressProperty().bind(viewModel.progressProperty());
        commitMessage.textProperty().bind(viewModel.progressMessageProperty());
        commitMessage.setTooltip(new javafx.scene.control.Tooltip()); // the whole line where it is cut (a lock's holder)
        commitMessage.getTooltip().textProperty().bind(viewModel.progressMessageProperty());
        cancelButton.disableProperty().bind(committing);
        exportButton.disableProperty().bind(viewModel.previewProperty().isNull().or(viewModel.exportingProperty())
                .or(committing).or(phaseIs(Phase.COMMITTED)));
        exportMessage.textProperty().bind(viewModel.exportMessageProperty());
        showWhen(exportMessage, viewModel.exportMessageProperty().isNotEmpty());
        exportMessage.setTooltip(new javafx.scene.control.Tooltip());
        exportMessage.getTooltip().textProperty().bind(viewModel.exportMessageProperty());
        viewModel.exportFailedProperty().addListener((o, was, failed) ->
                exportMessage.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("failed"), failed));
        confirmButton.textProperty().bind(viewModel.confirmTextProperty());
        confirmButton.disableProperty().bind(viewModel.canConfirmBinding().not());
        gate.requiredProperty().addListener((o, was, required) -> {
            if (required) {
                confirmField.requestFocus();
            }
        });
    }

    private BooleanBinding phaseIs(Phase phase) {
        return viewModel.phaseProperty().isEqualTo(phase);
    }

    private static void showWhen(Node node, javafx.beans.value.ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    @FXML
    private void confirm() {
        viewModel.confirm();
    }

    @FXML
    private void exportReport() {
        java.nio.file.Path file = reportChooser.apply(root.getScene() == null ? null : root.getScene().getWindow());
        if (file != null) {
            viewModel.exportReport(file);
        }
    }

    void setReportChooser(java.util.function.Function<javafx.stage.Window, java.nio.file.Path> chooser) {
        reportChooser = java.util.Objects.requireNonNull(chooser);
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }

    @FXML
    private void retry() {
        viewModel.retry();
    }
}
