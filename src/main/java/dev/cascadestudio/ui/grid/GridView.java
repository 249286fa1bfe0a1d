package dev.cascadestudio.ui.grid;

import dev.cascadestudio.service.GridColumn;
import dev.cascadestudio.service.GridFilter;
import dev.cascadestudio.service.GridPage;
import dev.cascadestudio.service.GridService;
import dev.cascadestudio.service.RowRef;
import dev.cascadestudio.ui.FxmlViews;
import dev.cascadestudio.ui.StyleClasses;
import dev.cascadestudio.ui.tree.EntityKind;
import dev.cascadestudio.ui.tree.TreeTexts;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Loads {@code fxml/Grid.fxml} and binds it to a {@link GridViewModel}: the table chooser, the text
 * filter, "Filter by" with its chips, the column chooser, the rows (a click on a header sorts in the
 * database; scrolling to the end reads the next page), the selection (Shift/Ctrl, "Select all N
 * matching"). Double-click or Enter opens a row where {@link #setOnOpen} says.
 */
public final class GridView {

    /** Columns a table opens without: long text and JSON; the column chooser shows them. */
    private static final Set<String> HIDDEN_AT_FIRST = Set.of("description", "spec", "keywords", "updated");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @FXML private VBox root;
    @FXML private ComboBox<String> tableChoice;
    @FXML private TextField textField;
    @FXML private MenuButton columnsButton;
    @FXML private ComboBox<FilterInput.Kind> filterKind;
    @FXML private TextField filterValue;
    @FXML private Button addFilterButton;
    @FXML private Label filterError;
    @FXML private Label matchingLabel;
    @FXML private FlowPane chips;
    @FXML private HBox selectionBar;
    @FXML private Label selectionLabel;
    @FXML private Button selectAllButton;
    @FXML private Button clearSelectionButton;
    @FXML private TableView<GridPage.GridRow> table;
    @FXML private Label loadedLabel;
    @FXML private Button loadMoreButton;

    private final GridViewModel model;
    private Consumer<RowRef> onOpen = row -> { };
    /** True while the view sets the header's sort itself, so that the sort policy does not read it as a click. */
    private boolean syncingSort;
    private final Label placeholder = new Label();

    public GridView(GridViewModel model) {
        this.model = model;
        FxmlViews.load("/fxml/Grid.fxml", this);
    }

    public Parent root() {
        return root;
    }

    public GridViewModel viewModel() {
        return model;
    }

    public TableView<GridPage.GridRow> table() {
        return table;
    }

    /** Where a double-clicked row goes (the details pane). */
    public void setOnOpen(Consumer<RowRef> open) {
        this.onOpen = open == null ? row -> { } : open;
    }

    /** The selected rows (all loaded ones when "all matching" is chosen; the model then asks the database). */
    public List<RowRef> selectedRows() {
        return table.getSelectionModel().getSelectedItems().stream().map(GridPage.GridRow::ref).toList();
    }

    public void focus() {
        table.requestFocus();
    }

    @FXML
    private void initialize() {
        tableChoice.getItems().setAll(GridService.TABLES);
        tableChoice.setVisibleRowCount(GridService.TABLES.size());
        tableChoice.setButtonCell(new TableNameCell());
        tableChoice.setCellFactory(list -> new TableNameCell());
        tableChoice.getSelectionModel().select(model.tableProperty().get());
        tableChoice.valueProperty().addListener((o, old, now) -> model.showTable(now));
        model.tableProperty().addListener((o, old, now) -> tableChoice.getSelectionModel().select(now));

        textField.setOnAction(event -> model.setFilter(model.filter().withText(textField.getText())));
        filterKind.valueProperty().addListener((o, old, kind) -> filterValue.setPromptText(kind == null ? "" : kind.prompt()));
        filterValue.setOnAction(event -> addFilter());
        addFilterButton.disableProperty().bind(filterKind.valueProperty().isNull());
        filterError.managedProperty().bind(filterError.textProperty().isNotEmpty());
        filterError.visibleProperty().bind(filterError.managedProperty());

        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setItems(model.rows());
        table.setPlaceholder(placeholder);
        table.setSortPolicy(tv -> {
            sortClicked();
            return true; // the rows come sorted from the database
        });
        table.setRowFactory(tv -> {
            TableRow<GridPage.GridRow> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !row.isEmpty()) {
                    onOpen.accept(row.getItem().ref());
                }
            });
            return row;
        });
        table.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                onOpen.accept(table.getSelectionModel().getSelectedItem().ref());
                event.consume();
            }
        });
        table.skinProperty().addListener((o, old, skin) -> Platform.runLater(this::loadWhenScrolledToTheEnd));

        model.columns().addListener((ListChangeListener<GridColumn>) change -> buildColumns());
        model.filterProperty().addListener((o, old, now) -> showFilter(now));
        model.rows().addListener((ListChangeListener<GridPage.GridRow>) change -> {
            if (model.allMatchingProperty().get()) {
                Platform.runLater(() -> table.getSelectionModel().selectAll());
            }
            updateTexts();
        });
        model.matchingProperty().addListener((o, old, now) -> updateTexts());
        model.moreProperty().addListener((o, old, now) -> updateTexts());
        model.problemProperty().addListener((o, old, now) -> updateTexts());
        model.allMatchingProperty().addListener((o, old, now) -> updateTexts());
        model.loadingProperty().addListener((o, old, now) -> updateTexts());
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<GridPage.GridRow>) change -> {
            if (model.allMatchingProperty().get() && table.getSelectionModel().getSelectedItems().size() != model.rows().size()) {
                model.chooseAllMatching(false); // the user chose rows of their own
            }
            updateTexts();
        });
        loadMoreButton.managedProperty().bind(model.moreProperty());
        loadMoreButton.visibleProperty().bind(model.moreProperty());
        loadMoreButton.disableProperty().bind(model.loadingProperty());
        buildColumns();
        showFilter(model.filter());
        updateTexts();
    }

    /** The table's columns as the mapping has them; a column chooser entry for each. */
    private void buildColumns() {
        syncingSort = true;
        try {
            table.getSortOrder().clear();
            table.getColumns().clear();
            columnsButton.getItems().clear();
            List<GridColumn> columns = model.columns();
            for (int i = 0; i < columns.size(); i++) {
                GridColumn column = columns.get(i);
                int index = i;
                TableColumn<GridPage.GridRow, String> tc = new TableColumn<>(column.name());
                tc.setUserData(column.name());
                tc.setSortable(column.sortable());
                tc.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(index < cell.getValue().values().size()
                        ? shown(cell.getValue().values().get(index)) : ""));
                tc.setPrefWidth(width(column));
                tc.setVisible(!HIDDEN_AT_FIRST.contains(column.name()));
                table.getColumns().add(tc);
                CheckMenuItem item = new CheckMenuItem(column.name());
                item.selectedProperty().bindBidirectional(tc.visibleProperty());
                columnsButton.getItems().add(item);
            }
            filterKind.getItems().setAll(FilterInput.kinds(columns));
            filterKind.getSelectionModel().clearSelection();
        } finally {
            syncingSort = false;
        }
    }

    private static double width(GridColumn column) {
        return switch (column.name()) {
            case "name" -> 220;
            case "uid", "owner_id", "project_id", "workflow_id", "schedule_id", "model_id" -> 150;
            case "version" -> 84;
            default -> column.timestamp() ? 170 : 110;
        };
    }

    private static String shown(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof LocalDateTime time) {
            return time.format(TIME);
        }
        return value.toString();
    }

    /** A click on a header: the first sorted column decides, in the database; no sort is the key order. */
    private void sortClicked() {
        if (syncingSort) {
            return;
        }
        List<TableColumn<GridPage.GridRow, ?>> order = table.getSortOrder();
        if (order.isEmpty()) {
            model.sortBy(null, false);
            return;
        }
        TableColumn<GridPage.GridRow, ?> first = order.get(0);
        if (order.size() > 1) {
            syncingSort = true;
            try {
                table.getSortOrder().setAll(List.of(first));
            } finally {
                syncingSort = false;
            }
        }
        model.sortBy((String) first.getUserData(), first.getSortType() == TableColumn.SortType.DESCENDING);
    }

    private void showFilter(GridFilter filter) {
        chips.getChildren().clear();
        for (FilterInput.Chip chip : FilterInput.chips(filter)) {
            Label text = new Label(chip.text());
            Button remove = new Button(null, new FontIcon("mdoal-close"));
            remove.getStyleClass().addAll(atlantafx.base.theme.Styles.BUTTON_ICON, atlantafx.base.theme.Styles.FLAT);
            remove.setTooltip(new Tooltip("Remove this filter"));
            remove.setOnAction(event -> model.setFilter(chip.without()));
            HBox box = new HBox(text, remove);
            box.getStyleClass().add(StyleClasses.FILTER_CHIP);
            chips.getChildren().add(box);
        }
        chips.setManaged(!chips.getChildren().isEmpty());
        chips.setVisible(chips.isManaged());
        if (filter.text() == null) {
            textField.clear();
        }
    }

    @FXML
    private void addFilter() {
        FilterInput.Kind kind = filterKind.getValue();
        if (kind == null) {
            return;
        }
        try {
            model.setFilter(FilterInput.add(model.filter(), kind, filterValue.getText()));
            filterValue.clear();
            filterError.setText("");
        } catch (IllegalArgumentException e) {
            filterError.setText(e.getMessage());
        }
    }

    @FXML
    private void selectAllMatching() {
        table.getSelectionModel().selectAll();
        model.chooseAllMatching(true);
        table.requestFocus();
    }

    @FXML
    private void clearSelection() {
        model.chooseAllMatching(false);
        table.getSelectionModel().clearSelection();
    }

    @FXML
    private void loadMore() {
        model.loadMore();
    }

    /** Scrolling to the end of the loaded rows reads the next page. */
    private void loadWhenScrolledToTheEnd() {
        for (Node node : table.lookupAll(".scroll-bar")) {
            if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
                bar.valueProperty().addListener((o, old, value) -> {
                    if (value.doubleValue() >= bar.getMax() * 0.98 && model.moreProperty().get()) {
                        model.loadMore();
                    }
                });
            }
        }
    }

    private void updateTexts() {
        long matching = model.matchingProperty().get();
        String plural = EntityKind.of(model.tableProperty().get()).plural().toLowerCase(java.util.Locale.ROOT);
        matchingLabel.setText(model.matchingText());
        int loaded = model.rows().size();
        int selected = table.getSelectionModel().getSelectedItems().size();
        boolean all = model.allMatchingProperty().get();
        if (all) {
            selectionLabel.setText("All " + TreeTexts.number(matching) + " matching " + plural + " are chosen"
                    + (matching > loaded ? " (" + TreeTexts.number(loaded) + " of them loaded)" : "") + ".");
        } else if (selected > 0) {
            selectionLabel.setText(TreeTexts.number(selected) + " selected.");
        } else {
            selectionLabel.setText("Shift or Ctrl+click to choose several rows.");
        }
        selectAllButton.setText("Select all " + TreeTexts.number(Math.max(matching, 0)) + " matching");
        selectAllButton.setVisible(!all && matching > 0);
        selectAllButton.setManaged(selectAllButton.isVisible());
        clearSelectionButton.setVisible(all || selected > 0);
        clearSelectionButton.setManaged(clearSelectionButton.isVisible());
        if (!model.problemProperty().get().isEmpty()) {
            placeholder.setText(model.problemProperty().get());
        } else if (model.loadingProperty().get() && loaded == 0) {
            placeholder.setText("Reading…");
        } else {
            placeholder.setText(model.filter().isEmpty() ? "This table is empty." : "No row matches the filters.");
        }
        loadedLabel.setText(matching < 0 ? "" : TreeTexts.number(loaded) + " of " + TreeTexts.number(matching) + " loaded"
                + (model.moreProperty().get() ? " · scroll down for more" : ""));
    }

    /** "Runs" for run: the table chooser's names. */
    private static final class TableNameCell extends ListCell<String> {
        @Override
        protected void updateItem(String table, boolean empty) {
            super.updateItem(table, empty);
            if (empty || table == null) {
                setText(null);
                setGraphic(null);
            } else {
                EntityKind kind = EntityKind.of(table);
                setText(kind.plural());
                setGraphic(new FontIcon(kind.icon()));
            }
        }
    }
}
