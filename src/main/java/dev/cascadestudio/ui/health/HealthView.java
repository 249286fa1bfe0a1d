package dev.cascadestudio.ui.health;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.cascadestudio.service.DisplayNames;
import dev.cascadestudio.service.HealthService.Finding;
import dev.cascadestudio.service.HealthService.Problem;
import dev.cascadestudio.ui.StyleClasses;
import dev.cascadestudio.ui.tree.TreeTexts;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Health window's content, bound to a {@link HealthViewModel}: the findings on the left (kind,
 * table and column, how many rows), the chosen finding's rows on the right. Double-click or Enter on
 * a row shows it in the main window's tree.
 */
public final class HealthView {

    private final HealthViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private final ListView<Finding> findings = new ListView<>();
    private final TableView<Problem> rows = new TableView<>();

    public HealthView(HealthViewModel viewModel) {
        this.viewModel = viewModel;
        root.getStyleClass().add(StyleClasses.HEALTH);
        root.setTop(toolbar());
        SplitPane split = new SplitPane(findingList(), findingDetail());
        split.setDividerPositions(0.38);
        SplitPane.setResizableWithParent(split.getItems().get(0), false);
        root.setCenter(split);
    }

    public Parent root() { return root; }

    /** Puts the keyboard in the list of findings (arrow keys choose one, Tab goes to its rows). */
    public void focusFindings() {
        findings.requestFocus();
    }
    public HealthViewModel viewModel() { return viewModel; }

    private Node toolbar() {
        FontIcon icon = new FontIcon("mdoal-healing");
        Label title = new Label("Health");
        title.getStyleClass().add(StyleClasses.HEALTH_TITLE);
        Label summary = new Label();
        summary.setId("healthSummary");
        summary.getStyleClass().add(StyleClasses.HEALTH_SUMMARY);
        summary.textProperty().bind(viewModel.summaryProperty());
        Button check = new Button("Check again", new FontIcon("mdomz-refresh"));
        check.setId("healthCheckButton");
        check.setTooltip(new Tooltip("Read every reference and label again (F5)"));
        check.disableProperty().bind(viewModel.checkingProperty());
        check.setOnAction(event -> viewModel.check());
        HBox bar = new HBox(10, icon, title, summary, new Spacer(), check);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(StyleClasses.HEALTH_TOOLBAR);
        return bar;
    }

    private Node findingList() {
        findings.setId("healthFindings");
        findings.getStyleClass().add(StyleClasses.HEALTH_FINDINGS);
        findings.setItems(viewModel.findings());
        findings.setCellFactory(list -> new FindingCell());
        findings.getSelectionModel().selectedItemProperty().addListener((o, old, f) -> viewModel.selectedProperty().set(f));
        viewModel.selectedProperty().addListener((o, old, f) -> {
            if (findings.getSelectionModel().getSelectedItem() != f) {
                findings.getSelectionModel().select(f);
            }
        });
        Label message = new Label();
        message.setId("healthListMessage");
        message.setWrapText(true);
        message.getStyleClass().add(StyleClasses.HEALTH_MESSAGE);
        message.textProperty().bind(viewModel.listMessageProperty());
        showWhen(message, viewModel.listMessageProperty().isNotEmpty());
        findings.visibleProperty().bind(viewModel.listMessageProperty().isEmpty());
        StackPane pane = new StackPane(findings, message);
        pane.setMinWidth(300);
        return pane;
    }

    private Node findingDetail() {
        Label title = new Label();
        title.setId("healthFindingTitle");
        title.getStyleClass().add(StyleClasses.HEALTH_FINDING_TITLE);
        title.textProperty().bind(viewModel.findingTitleProperty());
        Label detail = new Label();
        detail.setId("healthFindingDetail");
        detail.setWrapText(true);
        detail.getStyleClass().add(StyleClasses.HEALTH_FINDING_DETAIL);
        detail.textProperty().bind(viewModel.findingDetailProperty());
        Button fix = new Button();
        fix.setId("healthFixButton");
        fix.getStyleClass().add(Styles.DANGER);
        fix.textProperty().bind(viewModel.fixTextProperty());
        fix.setTooltip(new Tooltip("Shows exactly what changes first; nothing changes until you confirm"));
        fix.disableProperty().bind(viewModel.fixRefusedProperty().isNotEmpty());
        fix.setOnAction(event -> viewModel.fixSelected());
        showWhen(fix, viewModel.fixTextProperty().isNotEmpty());
        Button fixGroup = new Button();
        fixGroup.setId("healthFixGroupButton");
        fixGroup.textProperty().bind(viewModel.fixGroupTextProperty());
        fixGroup.setTooltip(new Tooltip("One preview for every finding of this group, then one confirm, one snapshot, one Undo"));
        fixGroup.setOnAction(event -> viewModel.fixGroup());
        fixGroup.disableProperty().bind(viewModel.fixRefusedProperty().isNotEmpty());
        Label refused = new Label();
        refused.setId("healthFixRefused");
        refused.getStyleClass().add(StyleClasses.HEALTH_FINDING_DETAIL);
        refused.textProperty().bind(viewModel.fixRefusedProperty());
        refused.setWrapText(true); // a line of its own under the buttons, which keep their whole text
        showWhen(refused, viewModel.fixRefusedProperty().isNotEmpty().and(viewModel.fixTextProperty().isNotEmpty()));
        showWhen(fixGroup, viewModel.fixGroupTextProperty().isNotEmpty());
        fix.setMinWidth(Button.USE_PREF_SIZE);
        fixGroup.setMinWidth(Button.USE_PREF_SIZE);
        HBox actions = new HBox(8, fix, fixGroup);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.getStyleClass().add(StyleClasses.HEALTH_FIX_ACTIONS);
        VBox header = new VBox(2, title, detail, actions, refused);
        header.getStyleClass().add(StyleClasses.HEALTH_FINDING_HEADER);

        rows.setId("healthRows");
        rows.getStyleClass().add(StyleClasses.HEALTH_ROWS);
        rows.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        rows.getColumns().add(column("Name", 220, p -> DisplayNames.of(p.name())));
        rows.getColumns().add(column("Key", 250, p -> p.uid() + (p.version() == null || p.version().isEmpty() ? "" : " @ " + p.version())));
        rows.getColumns().add(column("Points to", 240, p -> DisplayNames.of(p.value())));
        rows.setItems(viewModel.rows());
        rows.setPlaceholder(new Label(""));
        rows.setRowFactory(table -> problemRow());
        rows.setOnKeyPressed(event -> {
            if (event.getCode() == javafx.scene.input.KeyCode.ENTER) {
                viewModel.showInTree(rows.getSelectionModel().getSelectedItem());
                event.consume();
            }
        });
        BorderPane pane = new BorderPane(rows);
        pane.setTop(header);
        return pane;
    }

    private TableRow<Problem> problemRow() {
        TableRow<Problem> row = new TableRow<>();
        Tooltip tooltip = new Tooltip();
        row.itemProperty().addListener((o, old, item) -> {
            if (item == null) {
                row.setTooltip(null);
            } else {
                tooltip.setText(item.row() == null ? "A label has no place of its own in the tree."
                        : "Double-click to show this row in the tree.");
                row.setTooltip(tooltip);
            }
        });
        row.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !row.isEmpty()) {
                viewModel.showInTree(row.getItem());
            }
        });
        return row;
    }

    private static TableColumn<Problem, String> column(String title, double width, Function<Problem, String> text) {
        TableColumn<Problem, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setMinWidth(80);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        return column;
    }

    private static void showWhen(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    /** A finding: its kind above, then "table.column → parent" and a count badge. */
    private static final class FindingCell extends ListCell<Finding> {

        private final Label category = new Label();
        private final Label title = new Label();
        private final Label count = new Label();
        private final HBox content;

        FindingCell() {
            getStyleClass().add(StyleClasses.HEALTH_FINDING);
            category.getStyleClass().add(StyleClasses.HEALTH_FINDING_CATEGORY);
            title.getStyleClass().add(StyleClasses.HEALTH_FINDING_NAME);
            count.getStyleClass().addAll(StyleClasses.COUNT_BADGE, Styles.DANGER);
            count.setMinWidth(Label.USE_PREF_SIZE);
            title.setMinWidth(0);
            VBox lines = new VBox(1, category, title);
            lines.setMinWidth(0);
            HBox.setHgrow(lines, Priority.ALWAYS);
            content = new HBox(8, lines, count);
            content.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(Finding finding, boolean empty) {
            super.updateItem(finding, empty);
            if (empty || finding == null) {
                setGraphic(null);
                return;
            }
            category.setText(finding.category().title());
            title.setText(finding.title());
            count.setText(TreeTexts.number(finding.count()));
            setGraphic(content);
        }
    }
}
