package dev.cascadestudio.ui.main;

import dev.cascadestudio.ui.FxmlViews;
import dev.cascadestudio.ui.StyleClasses;
import java.io.File;
import java.util.Objects;
import dev.cascadestudio.service.connections.ConnectionProfile;
import dev.cascadestudio.service.connections.ConnectionTier;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Loads {@code fxml/OpenDatabase.fxml} in a window of its own, bound to an {@link OpenDatabaseViewModel}. */
final class OpenDatabaseDialog {

    @FXML private VBox root;
    @FXML private GridPane form;
    @FXML private VBox recentBox;
    @FXML private ListView<ConnectionProfile> recentList;
    @FXML private TextField nameField;
    @FXML private ChoiceBox<ConnectionTier> tierChoice;
    @FXML private CheckBox rememberBox;
    @FXML private TextField urlField;
    @FXML private Button chooseFileButton;
    @FXML private TextField userField;
    @FXML private PasswordField passwordField;
    @FXML private Label errorLabel;
    @FXML private ProgressIndicator openingIndicator;
    @FXML private Label openingLabel;
    @FXML private Button openButton;
    @FXML private Button initialiseButton;

    private final OpenDatabaseViewModel viewModel;
    private Stage stage;
    private boolean fitToNewError;

    private OpenDatabaseDialog(OpenDatabaseViewModel viewModel) {
        this.viewModel = viewModel;
        FxmlViews.load("/fxml/OpenDatabase.fxml", this);
    }

    static OpenDatabaseDialog show(Window owner, MainWindowViewModel main) {
        OpenDatabaseDialog dialog = new OpenDatabaseDialog(new OpenDatabaseViewModel(main));
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Open database — Cascade Studio");
        if (owner instanceof Stage ownerStage) {
            stage.getIcons().setAll(ownerStage.getIcons());
        }
        dialog.root.setPrefWidth(640);
        Scene scene = new Scene(dialog.root);
        scene.getStylesheets().add(Objects.requireNonNull(
                OpenDatabaseDialog.class.getResource(StyleClasses.APP_STYLESHEET)).toExternalForm());
        stage.setScene(scene);
        stage.setResizable(true);
        stage.setMinWidth(520);
        dialog.stage = stage;
        scene.addPostLayoutPulseListener(dialog::fitHeightToContent);
        stage.show();
        dialog.urlField.requestFocus();
        dialog.urlField.end();
        return dialog;
    }

    @FXML
    private void initialize() {
        bindConnections();
        urlField.textProperty().bindBidirectional(viewModel.urlProperty());
        userField.textProperty().bindBidirectional(viewModel.userProperty());
        passwordField.textProperty().bindBidirectional(viewModel.passwordProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        errorLabel.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        form.disableProperty().bind(viewModel.openingProperty());
        openButton.disableProperty().bind(viewModel.openingProperty());
        initialiseButton.visibleProperty().bind(viewModel.canInitialiseProperty());
        initialiseButton.managedProperty().bind(initialiseButton.visibleProperty());
        initialiseButton.disableProperty().bind(viewModel.openingProperty());
        openingIndicator.visibleProperty().bind(viewModel.openingProperty());
        openingLabel.visibleProperty().bind(viewModel.openingProperty());
        viewModel.openedProperty().addListener((o, was, opened) -> {
            if (opened) {
                stage.hide();
            }
        });
        // a new reason: the next layout fits the window to it (while opening, with no reason shown, it keeps its height)
        viewModel.errorProperty().addListener((o, old, error) -> fitToNewError |= !error.isEmpty());
        // the form was disabled while opening, and the focus went to Cancel: give it back to the URL, so
        // that Enter tries again instead of closing the dialog
        viewModel.openingProperty().addListener((o, was, opening) -> {
            if (was && !opening && !viewModel.openedProperty().get()) {
                javafx.application.Platform.runLater(urlField::requestFocus);
            }
        });
    }

    /**
     * The saved connections above the form: choosing one fills it (its password from the keyring),
     * a double click or Enter opens it, and the context menu forgets it. Hidden while there are none.
     */
    private void bindConnections() {
        recentList.setItems(viewModel.recent());
        recentList.setCellFactory(list -> new ConnectionCell(viewModel));
        recentBox.visibleProperty().bind(Bindings.isNotEmpty(viewModel.recent()));
        recentBox.managedProperty().bind(recentBox.visibleProperty());
        recentList.getSelectionModel().selectedItemProperty().addListener((o, old, chosen) -> {
            if (chosen != null && !chosen.equals(viewModel.chosenProperty().get())) {
                viewModel.choose(chosen);
            }
        });
        viewModel.chosenProperty().addListener((o, old, chosen) -> {
            if (chosen == null) {
                recentList.getSelectionModel().clearSelection();
            }
        });
        recentList.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2 && recentList.getSelectionModel().getSelectedItem() != null) {
                viewModel.open();
            }
        });
        recentList.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER && recentList.getSelectionModel().getSelectedItem() != null) {
                event.consume();
                viewModel.open();
            }
        });
        ConnectionProfile current = viewModel.chosenProperty().get();
        if (current != null) {
            recentList.getSelectionModel().select(current);
        }
        nameField.textProperty().bindBidirectional(viewModel.nameProperty());
        tierChoice.getItems().setAll(ConnectionTier.values());
        tierChoice.valueProperty().bindBidirectional(viewModel.tierProperty());
        rememberBox.selectedProperty().bindBidirectional(viewModel.rememberPasswordProperty());
        if (!viewModel.canRememberPasswords()) {
            rememberBox.setSelected(false);
            rememberBox.setDisable(true);
            rememberBox.setText("Remember the password: " + lowerFirst(viewModel.keyringNote()));
            rememberBox.setWrapText(true);
        }
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    /** A saved connection: its name in bold, a red "Production" mark where it is one, and its URL and user below. */
    private static final class ConnectionCell extends ListCell<ConnectionProfile> {
        private final Label name = new Label();
        private final Label production = new Label("Production");
        private final Label detail = new Label();
        private final VBox box;

        ConnectionCell(OpenDatabaseViewModel viewModel) {
            name.getStyleClass().add(StyleClasses.CONNECTION_NAME);
            production.getStyleClass().add(StyleClasses.PRODUCTION_MARK);
            detail.getStyleClass().add(StyleClasses.CONNECTION_DETAIL);
            HBox top = new HBox(8, name, production);
            top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            box = new VBox(1, top, detail);
            MenuItem forget = new MenuItem("Forget this connection");
            forget.setOnAction(e -> {
                if (getItem() != null) {
                    viewModel.forget(getItem());
                }
            });
            setContextMenu(new ContextMenu(forget));
        }

        @Override
        protected void updateItem(ConnectionProfile connection, boolean empty) {
            super.updateItem(connection, empty);
            if (empty || connection == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            name.setText(connection.name());
            production.setVisible(connection.tier() == ConnectionTier.PRODUCTION);
            production.setManaged(production.isVisible());
            detail.setText(connection.url() + (connection.user() == null ? "" : " · " + connection.user())
                    + (connection.rememberPassword() ? " · password in keyring" : ""));
            setText(null);
            setGraphic(box);
        }
    }

    /**
     * After each layout: when the content needs more height than the window gives it (the window was
     * made narrower and the reason wraps further), the window grows by the difference; after a new
     * reason it takes the height the content needs, more or less. Within the screen; the width stays
     * as the user left it.
     */
    private void fitHeightToContent() {
        Scene scene = root.getScene();
        if (stage == null || !stage.isShowing() || scene == null) {
            return;
        }
        double needed = root.prefHeight(scene.getWidth());
        boolean fit = fitToNewError;
        fitToNewError = false;
        double missing = needed - scene.getHeight();
        if (Math.abs(missing) <= 0.5 || (missing < 0 && !fit)) {
            return;
        }
        // the title bar's share stays; the same target again (a resize still under way) changes nothing
        double height = stage.getHeight() - scene.getHeight() + needed;
        Rectangle2D screen = Screen.getScreensForRectangle(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight())
                .stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
        if (stage.getY() + height > screen.getMaxY()) {
            stage.setY(Math.max(screen.getMinY(), screen.getMaxY() - height));
        }
        // the width too, unchanged: JavaFX 21 on GTK drops a height-only resize of a window sized from its
        // scene ("gtk_window_resize: assertion 'width > 0' failed", JDK-8344372, fixed in later JavaFX)
        stage.setWidth(stage.getWidth());
        stage.setHeight(height);
    }

    @FXML
    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose a database file");
        chooser.getExtensionFilters().setAll(
                new FileChooser.ExtensionFilter("Controller and Cascade Studio databases (*.db, *.sqlite, *.mv.db)",
                        "*.db", "*.sqlite", "*.sqlite3", "*.mv.db"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(stage);
        if (file != null) {
            viewModel.useFile(file.toPath());
        }
    }

    @FXML
    private void open() {
        viewModel.open();
    }

    /** Asks first, naming the database; then gives it the controller's tables and opens it. */
    @FXML
    private void initialise() {
        javafx.scene.control.Alert ask = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION);
        ask.initOwner(stage);
        ask.setTitle("Create the schema — Cascade Studio");
        ask.setHeaderText("Create the GenAI Factory controller tables in " + viewModel.urlProperty().get() + "?");
        ask.setContentText("The database is empty. Cascade Studio creates the controller's 24 tables in it and nothing"
                + " else, then opens it. A database that holds any table is refused.");
        ButtonType create = new ButtonType("Create the schema", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        ask.getButtonTypes().setAll(ButtonType.CANCEL, create);
        if (ask.showAndWait().filter(create::equals).isPresent()) {
            viewModel.initialise();
        }
    }

    /** Cancel, Esc: the dialog closes; an open already under way still ends, and the window then shows that database. */
    @FXML
    private void cancel() {
        stage.hide();
    }
}
