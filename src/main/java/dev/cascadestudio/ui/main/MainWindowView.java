package dev.cascadestudio.ui.main;

import dev.cascadestudio.service.DatabaseSession;
import dev.cascadestudio.ui.FxmlViews;
import dev.cascadestudio.ui.Once;
import dev.cascadestudio.ui.StyleClasses;
import dev.cascadestudio.ui.SideWindowPlacement;
import dev.cascadestudio.ui.details.RowDetailsView;
import dev.cascadestudio.ui.main.MainWindowViewModel.Phase;
import dev.cascadestudio.ui.search.SearchView;
import dev.cascadestudio.ui.tree.BrowserTreeView;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * Loads {@code fxml/MainWindow.fxml} (toolbar, split pane, error state, status bar) and puts the
 * tree, details and search views into it; binds everything to a {@link MainWindowViewModel}.
 */
public final class MainWindowView {

    @FXML private BorderPane root;
    @FXML private HBox searchHost;
    @FXML private Button openButton;
    @FXML private Button refreshButton;
    @FXML private Button deleteButton;
    @FXML private Button graphButton;
    @FXML private Button historyButton;
    @FXML private Button healthButton;
    @FXML private ToggleButton editToggle;
    @FXML private ToggleButton tablesToggle;
    @FXML private HBox modeBand;
    @FXML private FontIcon modeIcon;
    @FXML private Label modeLabel;
    @FXML private VBox undoHost;
    @FXML private HBox noticeBar;
    @FXML private Label noticeLabel;
    @FXML private Button noticeOpenButton;
    @FXML private Button noticeEditButton;
    @FXML private SplitPane browser;
    @FXML private VBox errorState;
    @FXML private Label errorTitle;
    @FXML private Label errorMessage;
    @FXML private Button retryButton;
    @FXML private Label databaseLabel;
    @FXML private Separator statusSeparator;
    private BrowserTreeView treeView;
    @FXML private Label contentSummaryLabel;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label statusLabel;

    private final MainWindowViewModel viewModel;
    private final SideWindowPlacement graphPlacement;
    private SearchView search;
    private DeleteActions deletes;
    private GridSwitch grids;

    /** A main window whose cascade graph opens beside it, nothing remembered of where it was left. */
    public MainWindowView(MainWindowViewModel viewModel) {
        this(viewModel, new SideWindowPlacement(null));
    }

    /** A main window whose cascade graph window opens where {@code graphPlacement} says. */
    public MainWindowView(MainWindowViewModel viewModel, SideWindowPlacement graphPlacement) {
        this.viewModel = viewModel;
        this.graphPlacement = graphPlacement;
        FxmlViews.load("/fxml/MainWindow.fxml", this);
    }

    public Parent root() {
        return root;
    }

    /**
     * The keyboard focus where a start leaves it: on the tree, so that the arrow keys move through the
     * users at once and the window's shortcuts reach the scene (the search field would take Ctrl+H as a
     * backspace). Ctrl+F goes to the search.
     */
    public void focusTree() {
        treeView.focus();
        // until the database is open the tree is empty and JavaFX may give the focus elsewhere when the
        // controls come alive: the first time the tree is ready, it takes the focus again
        Once.when(viewModel.phaseProperty(), phase -> phase != Phase.OPENING,
                () -> javafx.application.Platform.runLater(treeView::focus));
    }

    /** Ctrl+F. */
    public void focusSearch() {
        search.focus();
    }

    /** The window's keyboard shortcuts (listed in {@link Shortcuts}; the tooltips and menus name them). */
    public void installShortcuts(Scene scene) {
        scene.getAccelerators().put(Shortcuts.REFRESH, viewModel::refresh);
        scene.getAccelerators().put(Shortcuts.DELETE, this::deleteSelected);
        scene.getAccelerators().put(Shortcuts.GRAPH, this::showGraph);
        scene.getAccelerators().put(Shortcuts.HISTORY, this::showHistory);
        scene.getAccelerators().put(Shortcuts.HEALTH, this::showHealth);
        scene.getAccelerators().put(Shortcuts.SEARCH, this::focusSearch);
        scene.getAccelerators().put(Shortcuts.TABLES, this::toggleTablesByKey);
        scene.getAccelerators().put(Shortcuts.OPEN, this::openDatabase);
        scene.getAccelerators().put(Shortcuts.QUIT, this::quit);
    }

    /**
     * Where the divider between tree and details sits, as the tree's width in pixels: the tree keeps
     * its width when the window is resized, so that is what stays the same from one run to the next.
     */
    public double dividerPosition() {
        if (grids.showingGrid()) {
            return grids.treeWidth(browser.getWidth());
        }
        return browser.getDividerPositions()[0] * browser.getWidth();
    }

    /** Puts the divider back; before the window is laid out, as soon as it has a width. */
    public void setDividerPosition(double treeWidth) {
        Once.when(browser.widthProperty(), width -> width.doubleValue() > 0,
                () -> browser.setDividerPositions(treeWidth / browser.getWidth()));
    }

    @FXML
    private void initialize() {
        treeView = new BrowserTreeView(viewModel.tree(), viewModel.userCountProperty());
        Parent tree = treeView.root();
        SplitPane.setResizableWithParent(tree, false);
        RowDetailsView details = new RowDetailsView(viewModel.details());
        browser.getItems().setAll(tree, details.root());
        prepareWhenOpen(details);
        browser.setDividerPositions(0.36);
        search = new SearchView(viewModel.search());
        searchHost.getChildren().add(search.root());
        compactBelow(COMPACT_TOOLBAR_BELOW, tablesToggle, graphButton, healthButton, historyButton, refreshButton);
        bindErrorState();
        bindStatusBar();
        bindNotice();
        deletes = new DeleteActions(viewModel, undoHost, graphPlacement);
        grids = new GridSwitch(viewModel, browser, tree, this::installShortcuts);
        tablesToggle.disableProperty().bind(viewModel.canRefreshProperty().not().and(grids.showingGridProperty().not()));
        BooleanBinding cannotDelete = viewModel.canRefreshProperty().not().or(Bindings.createBooleanBinding(
                () -> grids.showingGrid() ? grids.gridSelectionEmptyProperty().get() : viewModel.selectedRoots().isEmpty(),
                viewModel.tree().selection(), grids.showingGridProperty(), grids.gridSelectionEmptyProperty()));
        refreshButton.disableProperty().bind(viewModel.canRefreshProperty().not());
        // read-only: the toolbar's Delete is off; the Delete key and the menu item say why (DeleteActions)
        deleteButton.disableProperty().bind(cannotDelete.or(viewModel.writableProperty().not()));
        graphButton.disableProperty().bind(viewModel.canRefreshProperty().not());
        healthButton.disableProperty().bind(viewModel.canRefreshProperty().not());
        openButton.disableProperty().bind(viewModel.switchingProperty().or(viewModel.phaseProperty().isEqualTo(Phase.OPENING)));
        // History restores into the open database: it waits until the opening has ended (or failed)
        historyButton.disableProperty().bind(openButton.disableProperty());
        treeView.setContextMenu(treeMenu(cannotDelete));
        bindMode();
    }

    /**
     * The details pane's form is left out of the first frames (a start shows no row); it is built once the
     * database is open and the window idle, so that the first row chosen shows without that wait.
     */
    private void prepareWhenOpen(RowDetailsView details) {
        Once.when(viewModel.phaseProperty(), phase -> phase == Phase.READY,
                () -> javafx.application.Platform.runLater(details::prepareForm));
    }

    /** The Edit toggle, the band under the toolbar and the Delete tooltip follow the session's mode. */
    private void bindMode() {
        // not bound: a click toggles the button itself, and the mode only changes once the database is reopened
        viewModel.writableProperty().addListener((o, was, writable) -> editToggle.setSelected(writable));
        editToggle.disableProperty().bind(viewModel.canRefreshProperty().not().or(viewModel.switchingProperty()));
        modeLabel.textProperty().bind(viewModel.bandProperty());
        modeBand.visibleProperty().bind(viewModel.bandProperty().isNotEmpty());
        modeBand.managedProperty().bind(modeBand.visibleProperty());
        Tooltip bandTip = new Tooltip();
        bandTip.textProperty().bind(Bindings.when(viewModel.writableProperty())
                .then("Changes are written to this database. Turn Edit off to open it read-only again.")
                .otherwise("Nothing can change this database while it is open read-only: Save, New, Delete and Restore"
                        + " are off. Edit in the toolbar opens it for editing."));
        modeLabel.setTooltip(bandTip);
        javafx.beans.InvalidationListener paint = o -> {
            boolean editing = viewModel.writableProperty().get();
            boolean production = viewModel.tierProperty().get() == dev.cascadestudio.service.connections.ConnectionTier.PRODUCTION;
            modeBand.pseudoClassStateChanged(StyleClasses.EDITING, editing && !production);
            modeBand.pseudoClassStateChanged(StyleClasses.PRODUCTION, production);
            modeIcon.setIconLiteral(editing ? "mdal-edit" : "mdal-lock");
        };
        viewModel.writableProperty().addListener(paint);
        viewModel.tierProperty().addListener(paint);
        paint.invalidated(null);
    }

    /**
     * The toolbar's Edit: to editing after a confirmation that names the database (and offers the
     * recovery of a delete a crash cut off, which the editing open runs); back to read-only at once.
     */
    @FXML
    public void toggleEditing() {
        boolean toEditing = !viewModel.writableProperty().get();
        editToggle.setSelected(!toEditing); // stays as the mode is until the switch is done
        if (viewModel.details().keepsEditing(null)) {
            return;
        }
        if (toEditing && !ModeDialogs.confirmEditing(root.getScene().getWindow(), viewModel.databaseDescriptionProperty().get(),
                viewModel.interruptedDeletePendingProperty().get())) {
            return;
        }
        viewModel.switchMode(toEditing ? DatabaseSession.Mode.EDITING : DatabaseSession.Mode.READ_ONLY, () -> { },
                reason -> ModeDialogs.cannotSwitch(root.getScene().getWindow(), toEditing, reason));
    }

    /** The tree's right-click menu; its items show their shortcuts. */
    private ContextMenu treeMenu(BooleanBinding cannotDelete) {
        MenuItem delete = new MenuItem("Delete…", new FontIcon(Material2OutlinedAL.DELETE_OUTLINE));
        delete.setAccelerator(Shortcuts.DELETE);
        delete.setOnAction(event -> deleteSelected());
        delete.disableProperty().bind(cannotDelete);
        MenuItem graph = new MenuItem("Show in the cascade graph", new FontIcon(Material2OutlinedAL.ACCOUNT_TREE));
        graph.setAccelerator(Shortcuts.GRAPH);
        graph.setOnAction(event -> showGraph());
        graph.disableProperty().bind(viewModel.canRefreshProperty().not());
        MenuItem refresh = new MenuItem("Refresh", new FontIcon(Material2OutlinedMZ.REFRESH));
        refresh.setAccelerator(Shortcuts.REFRESH);
        refresh.setOnAction(event -> viewModel.refresh());
        refresh.disableProperty().bind(viewModel.canRefreshProperty().not());
        return new ContextMenu(delete, graph, new SeparatorMenuItem(), refresh);
    }

    /**
     * Delete key, toolbar, context menu: the delete preview of the selected rows; with the grid shown,
     * of its selection, or of every row matching its filters when "Select all N matching" was chosen.
     */
    @FXML
    public void deleteSelected() {
        javafx.stage.Window window = root.getScene().getWindow();
        if (!grids.showingGrid()) {
            deletes.previewDelete(window);
            return;
        }
        if (!deletes.canDelete()) {
            return; // before collecting "all matching": a read-only database is told at once
        }
        viewModel.grid().chosenRoots(grids.grid().selectedRows(), roots -> deletes.previewDelete(window, roots),
                viewModel::showNotice);
    }

    /** Toolbar: Tables. The grid of one table instead of the tree, or the tree again. */
    @FXML
    public void toggleTables() {
        grids.show(tablesToggle.isSelected());
    }

    /** Ctrl+T. */
    private void toggleTablesByKey() {
        if (tablesToggle.isDisabled()) {
            return;
        }
        tablesToggle.setSelected(!tablesToggle.isSelected());
        toggleTables();
    }

    /** Ctrl+G, toolbar: the cascade graph, lit up with the selected rows' delete while it is open. */
    @FXML
    public void showGraph() {
        deletes.showGraph(root.getScene().getWindow());
    }

    /**
     * Under this window width the toolbar's view buttons show only their icons (their tooltips keep
     * the words and the shortcut), so that at 1200 px nothing falls into the toolbar's overflow menu.
     */
    static final double COMPACT_TOOLBAR_BELOW = 1400;

    private void compactBelow(double width, ButtonBase... buttons) {
        root.widthProperty().addListener((o, old, now) -> {
            ContentDisplay display = now.doubleValue() < width ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT;
            for (ButtonBase button : buttons) {
                button.setContentDisplay(display);
            }
        });
    }

    /** Ctrl+Shift+H, toolbar: what is broken in the open database, each row one double-click from the tree. */
    @FXML
    public void showHealth() {
        if (healthButton.isDisabled()) {
            return;
        }
        deletes.showHealth(root.getScene().getWindow());
    }

    /** Ctrl+H, toolbar: the audit log's deletes, restores and edits, and restoring a past delete. */
    @FXML
    public void showHistory() {
        if (historyButton.isDisabled()) {
            return;
        }
        deletes.showHistory(root.getScene().getWindow());
    }

    /** Ctrl+O, toolbar: another database, chosen as a file or a JDBC URL. */
    @FXML
    public void openDatabase() {
        // another database replaces this one's details pane: unsaved edits are asked about first
        if (viewModel.details().keepsEditing(null)) {
            return;
        }
        OpenDatabaseDialog.show(root.getScene().getWindow(), viewModel);
    }

    private void bindNotice() {
        noticeLabel.textProperty().bind(viewModel.noticeProperty());
        noticeBar.visibleProperty().bind(viewModel.noticeProperty().isNotEmpty());
        noticeBar.managedProperty().bind(noticeBar.visibleProperty());
        // a notice about the read-only mode offers Edit; any other (the last database not opened) Open…
        BooleanBinding aboutReadOnly = viewModel.writableProperty().not().and(
                viewModel.noticeProperty().isEqualTo(dev.cascadestudio.service.WriteGate.READ_ONLY)
                        .or(viewModel.noticeProperty().isEqualTo(MainWindowViewModel.INTERRUPTED_DELETE_PENDING)));
        noticeEditButton.visibleProperty().bind(aboutReadOnly);
        noticeEditButton.managedProperty().bind(noticeEditButton.visibleProperty());
        noticeOpenButton.visibleProperty().bind(aboutReadOnly.not());
        noticeOpenButton.managedProperty().bind(noticeOpenButton.visibleProperty());
    }

    @FXML
    private void dismissNotice() {
        viewModel.dismissNotice();
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

    /**
     * Ctrl+Q. Closing the only window ends the application, which closes the database in the
     * background; unsaved edits are asked about first, as when the window's close button is used.
     */
    @FXML
    public void quit() {
        if (viewModel.details().keepsEditing(null)) {
            return;
        }
        root.getScene().getWindow().hide();
    }
}
