package dev.cascadestudio.ui.details;

import dev.cascadestudio.ui.FxmlViews;
import dev.cascadestudio.ui.StyleClasses;
import dev.cascadestudio.ui.details.RowDetailsViewModel.FieldLine;
import dev.cascadestudio.ui.details.RowDetailsViewModel.LabelLine;
import dev.cascadestudio.ui.details.RowDetailsViewModel.Mode;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/** Loads {@code fxml/RowDetails.fxml} and binds it to a {@link RowDetailsViewModel}; read-only for now. */
public final class RowDetailsView {

    private static final double LABEL_ROW_HEIGHT = 30;
    /** The theme's column header and the table's border: the table shows all its rows without a scroll bar. */
    private static final double LABEL_HEADER_HEIGHT = 42;

    @FXML private StackPane root;
    @FXML private VBox emptyState;
    @FXML private ScrollPane detailsScroll;
    @FXML private StackPane avatar;
    @FXML private FontIcon kindIcon;
    @FXML private Label detailsKind;
    @FXML private Label detailsName;
    @FXML private Label detailsDescription;
    @FXML private VBox rowSections;
    @FXML private GridPane fieldsGrid;
    @FXML private VBox specSection;
    @FXML private TextArea specArea;
    @FXML private TableView<LabelLine> labelsTable;
    @FXML private TableColumn<LabelLine, String> labelNameColumn;
    @FXML private TableColumn<LabelLine, String> labelValueColumn;

    private final RowDetailsViewModel model;

    public RowDetailsView(RowDetailsViewModel model) {
        this.model = model;
        FxmlViews.load("/fxml/RowDetails.fxml", this);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        emptyState.visibleProperty().bind(model.modeProperty().isEqualTo(Mode.EMPTY));
        detailsScroll.visibleProperty().bind(emptyState.visibleProperty().not());
        rowSections.visibleProperty().bind(model.modeProperty().isEqualTo(Mode.ROW));
        rowSections.managedProperty().bind(rowSections.visibleProperty());
        detailsKind.textProperty().bind(model.kindTextProperty());
        detailsName.textProperty().bind(model.titleProperty());
        detailsDescription.textProperty().bind(model.descriptionProperty());
        model.kindProperty().addListener((o, old, kind) -> {
            kindIcon.setIconCode(kind == null ? Material2OutlinedAL.LINK_OFF : kind.icon());
            avatar.pseudoClassStateChanged(StyleClasses.UNOWNED, kind == null);
        });
        avatar.pseudoClassStateChanged(StyleClasses.UNOWNED, true);

        specArea.textProperty().bind(model.specProperty());
        specSection.visibleProperty().bind(model.specProperty().isNotEmpty());
        specSection.managedProperty().bind(specSection.visibleProperty());
        specArea.prefRowCountProperty().bind(Bindings.createIntegerBinding(
                () -> Math.min(18, Math.max(2, model.specProperty().get().split("\n", -1).length)), model.specProperty()));

        labelNameColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().name()));
        labelValueColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().value()));
        labelsTable.setItems(model.labels());
        labelsTable.setFixedCellSize(LABEL_ROW_HEIGHT);
        labelsTable.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(1, model.labels().size()) * LABEL_ROW_HEIGHT + LABEL_HEADER_HEIGHT, model.labels()));
        labelsTable.minHeightProperty().bind(labelsTable.prefHeightProperty());
        labelsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        model.fields().addListener((javafx.collections.ListChangeListener<FieldLine>) change -> fillGrid());
        fillGrid();
    }

    /** The grid is rebuilt per row shown (a dozen controls); values are read-only fields so they can be copied. */
    private void fillGrid() {
        fieldsGrid.getChildren().clear();
        int row = 0;
        for (FieldLine line : model.fields()) {
            Label name = new Label(line.name());
            name.getStyleClass().add(StyleClasses.FACT_NAME);
            TextField value = new TextField(line.value());
            value.setEditable(false);
            value.getStyleClass().add(StyleClasses.FACT_VALUE);
            if (line.code()) {
                value.getStyleClass().add(StyleClasses.FACT_CODE);
            }
            value.pseudoClassStateChanged(StyleClasses.ABSENT_VALUE, line.absent());
            value.setId("field-" + line.name());
            GridPane.setHgrow(value, Priority.ALWAYS);
            fieldsGrid.addRow(row++, name, value);
        }
    }
}
