package dev.cascadestudio.ui.main;

import dev.cascadestudio.service.UserSummary;
import dev.cascadestudio.ui.StyleClasses;
import dev.cascadestudio.ui.main.MainWindowViewModel.Phase;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Loads {@code fxml/MainWindow.fxml} and binds it to a {@link MainWindowViewModel}; holds no state of its own. */
public final class MainWindowView {

    private static final String FXML_PATH = "/fxml/MainWindow.fxml";

    @FXML private BorderPane root;
    @FXML private Button refreshButton;
    @FXML private SplitPane browser;
    @FXML private Label userCountLabel;
    @FXML private ListView<UserSummary> userList;
    @FXML private VBox emptyState;
    @FXML private ScrollPane detailsScroll;
    @FXML private StackPane avatar;
    @FXML private Label avatarInitial;
    @FXML private Label detailsKind;
    @FXML private Label detailsName;
    @FXML private Label detailsDescription;
    @FXML private Label detailsProjects;
    @FXML private Label detailsCreated;
    @FXML private TextField detailsUid;
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

    public MainWindowView(MainWindowViewModel viewModel) {
        this.viewModel = viewModel;
        FXMLLoader loader = new FXMLLoader(MainWindowView.class.getResource(FXML_PATH));
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + FXML_PATH, e);
        }
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        bindUserList();
        bindDetails();
        bindErrorState();
        bindStatusBar();
        refreshButton.disableProperty().bind(viewModel.canRefreshProperty().not());
    }

    private void bindUserList() {
        userList.setCellFactory(list -> new UserListCell());
        userList.setItems(viewModel.users());
        Label placeholder = new Label();
        placeholder.textProperty().bind(viewModel.listPlaceholderProperty());
        userList.setPlaceholder(placeholder);
        userCountLabel.textProperty().bind(viewModel.userCountProperty());
        userList.getSelectionModel().selectedItemProperty().addListener((o, old, user) -> viewModel.select(user));
        viewModel.selectedUserProperty().addListener((o, old, user) -> {
            if (userList.getSelectionModel().getSelectedItem() != user) {
                userList.getSelectionModel().select(user);
            }
        });
    }

    private void bindDetails() {
        emptyState.visibleProperty().bind(viewModel.selectedUserProperty().isNull());
        detailsScroll.visibleProperty().bind(emptyState.visibleProperty().not());
        viewModel.detailsProperty().addListener((o, old, details) -> show(details));
        show(viewModel.detailsProperty().getValue());
    }

    private void show(UserDetails details) {
        if (details == null) {
            return;
        }
        avatar.pseudoClassStateChanged(StyleClasses.UNOWNED, details.unowned());
        avatarInitial.setText(details.initial());
        detailsKind.setText(details.kind());
        detailsName.setText(details.name());
        detailsDescription.setText(details.description());
        detailsProjects.setText(details.projects());
        detailsCreated.setText(details.created());
        detailsUid.setText(details.uid());
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
