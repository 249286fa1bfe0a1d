package dev.cascadestudio.ui.main;

import dev.cascadestudio.ui.FxmlViews;
import dev.cascadestudio.ui.details.RowDetailsView;
import dev.cascadestudio.ui.main.MainWindowViewModel.Phase;
import dev.cascadestudio.ui.search.SearchView;
import dev.cascadestudio.ui.tree.BrowserTreeView;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Loads {@code fxml/MainWindow.fxml} (toolbar, split pane, error state, status bar) and puts the
 * tree, details and search views into it; binds everything to a {@link MainWindowViewModel}.
 */
public final class MainWindowView {

    @FXML private BorderPane root;
    @FXML private HBox searchHost;
    @FXML private Button refreshButton;
    @FXML private Button deleteButton;
    @FXML private Button graphButton;
    @FXML private VBox undoHost;
    @FXML private SplitPane browser;
    @FXML private VBox errorState;
    @FXML private Label errorTitle;
    @FXML private Label errorMessage;
    @FXML private Button retryButton;
    @FXML private Label databaseLabel;
    @FXML private Separator statusSeparator;
    @FXML private Label contentSummaryLabel;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label statusLabel;

    private final MainWindowViewModel viewModel;
    private SearchView search;
    private final DeleteActions deletes;

    public MainWindowView(MainWindowViewModel viewModel) {
        this.viewModel = viewModel;
        this.deletes = new DeleteActions(viewModel);
        FxmlViews.load("/fxml/MainWindow.fxml", this);
    }

    public Parent root() {
        return root;
    }

    /** Ctrl+F. */
    public void focusSearch() {
        search.focus();
    }

    @FXML
    private void initialize() {
        Parent tree = new BrowserTreeView(viewModel.tree(), viewModel.userCountProperty()).root();
        SplitPane.setResizableWithParent(tree, false);
        browser.getItems().setAll(tree, new RowDetailsView(viewModel.details()).root());
        browser.setDividerPositions(0.36);
        search = new SearchView(viewModel.search());
        searchHost.getChildren().add(search.root());
        bindErrorState();
        bindStatusBar();
        refreshButton.disableProperty().bind(viewModel.canRefreshProperty().not());
        deleteButton.disableProperty().bind(viewModel.canRefreshProperty().not()
                .or(javafx.beans.binding.Bindings.createBooleanBinding(() -> viewModel.selectedRoot().isEmpty(),
                        viewModel.tree().selectedItemProperty())));
        graphButton.disableProperty().bind(viewModel.canRefreshProperty().not());
    }

    /** Delete key, toolbar: the delete preview of the selected row. */
    @FXML
    public void deleteSelected() {
        deletes.previewDelete(root.getScene().getWindow(), undoHost);
    }

    /** Ctrl+G, toolbar: the cascade graph, with the selected row's delete lit up. */
    @FXML
    public void showGraph() {
        deletes.showGraph(root.getScene().getWindow());
    }

    private void bindErrorState() {
        errorState.visibleProperty().bind(viewModel.phaseProperty().isEqualTo(Phase.FAILED));
        browser.visibleProperty().bind(errorState.visibleProperty().not());
        errorTitle.textProperty().bind(viewModel.errorTitleProperty());
        errorMessage.textProperty().bind(viewModel.errorMessageProperty());
        retryButton.disableProperty().bind(viewModel.busyProperty());
    }

    private void bindStatusBar() {
        databaseLabel.textProperty().bind(viewModel.databaseDescriptionProperty());
        databaseLabel.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
        Tooltip databaseTooltip = new Tooltip();
        databaseTooltip.textProperty().bind(viewModel.databaseDescriptionProperty());
        databaseLabel.setTooltip(databaseTooltip);
        contentSummaryLabel.textProperty().bind(viewModel.contentSummaryProperty());
        statusSeparator.visibleProperty().bind(viewModel.contentSummaryProperty().isNotEmpty());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        busyIndicator.managedProperty().bind(busyIndicator.visibleProperty());
        statusLabel.textProperty().bind(viewModel.statusMessageProperty());
    }

    @FXML
    private void refresh() {
        viewModel.refresh();
    }

    @FXML
    private void retry() {
        viewModel.retry();
    }

    /** Closing the only window ends the application, which closes the database in the background. */
    @FXML
    private void quit() {
        root.getScene().getWindow().hide();
    }
}
