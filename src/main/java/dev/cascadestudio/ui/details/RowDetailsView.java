package dev.cascadestudio.ui.details;

import dev.cascadestudio.ui.FxmlViews;
import dev.cascadestudio.ui.Once;
import dev.cascadestudio.ui.StyleClasses;
import dev.cascadestudio.ui.details.RowDetailsViewModel.Mode;
import dev.cascadestudio.ui.tree.EntityKind;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/**
 * Loads {@code fxml/RowDetails.fxml} (and, once a row is shown, {@code fxml/RowDetailsForm.fxml}) and binds it to a
 * {@link RowDetailsViewModel}: the selected
 * row's header, its fields as a form, the spec JSON and the labels, all editable, with Save (Ctrl+S),
 * Revert and "New …" for a row under this one.
 */
public final class RowDetailsView {

    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);

    @FXML private StackPane root;
    @FXML private VBox emptyState;
    @FXML private ScrollPane detailsScroll;
    @FXML private StackPane avatar;
    @FXML private FontIcon kindIcon;
    @FXML private Label detailsKind;
    @FXML private Label detailsName;
    @FXML private Label detailsDescription;
    @FXML private HBox editorBar;
    @FXML private Button saveButton;
    @FXML private Button revertButton;
    @FXML private Label dirtyHint;
    @FXML private MenuButton newMenu;
    @FXML private Label editorMessage;
    @FXML private VBox rowSections;
    @FXML private GridPane fieldsGrid;
    @FXML private VBox specSection;
    @FXML private Label specStatus;
    @FXML private Button formatButton;
    @FXML private TextArea specArea;
    @FXML private TableView<LabelDraft> labelsTable;
    @FXML private TableColumn<LabelDraft, String> labelNameColumn;
    @FXML private TableColumn<LabelDraft, String> labelValueColumn;
    @FXML private Button removeLabelButton;
    @FXML private Label labelsError;

    private final RowDetailsViewModel model;
    private final RowEditor editor;
    private FieldEditor boundSpec;

    public RowDetailsView(RowDetailsViewModel model) {
        this.model = model;
        this.editor = model.editor();
        FxmlViews.load("/fxml/RowDetails.fxml", this);
        emptyState.visibleProperty().bind(model.modeProperty().isEqualTo(Mode.EMPTY));
        model.setDiscardPrompt(this::confirmDiscard);
        root.sceneProperty().addListener((o, old, scene) -> registerSaveKey(old, scene));
        Once.when(model.modeProperty(), mode -> mode != Mode.EMPTY, this::prepareForm);
    }

    public Parent root() {
        return root;
    }

    /**
     * Builds the form (header, editor bar, fields, spec, labels) if it is not built yet. A start shows no
     * row, so the form is left out of the window's first frames: its controls, their skins and their CSS
     * were a third of building the main view and much of its first layout (JFR). It is built when the
     * first row is shown, or before, once the window is idle ({@code MainWindowView}).
     */
    public void prepareForm() {
        if (detailsScroll != null) {
            return;
        }
        FxmlViews.load("/fxml/RowDetailsForm.fxml", this);
        detailsScroll.visibleProperty().bind(emptyState.visibleProperty().not());
        root.getChildren().add(detailsScroll);
        rowSections.visibleProperty().bind(model.modeProperty().isEqualTo(Mode.ROW));
        rowSections.managedProperty().bind(rowSections.visibleProperty());
        detailsKind.textProperty().bind(model.kindTextProperty());
        detailsName.textProperty().bind(model.titleProperty());
        detailsDescription.textProperty().bind(model.descriptionProperty());
        model.kindProperty().addListener((o, old, kind) -> showKind(kind));
        showKind(model.kindProperty().get());

        bindEditorBar();
        FieldsForm form = new FieldsForm(fieldsGrid);
        editor.fields().addListener((ListChangeListener<FieldEditor>) change -> form.fill(editor.fields(), editor.creatingProperty().get()));
        if (!editor.fields().isEmpty()) {
            form.fill(editor.fields(), editor.creatingProperty().get());
        }
        bindSpec();
        new LabelsTable(labelsTable, labelNameColumn, labelValueColumn, removeLabelButton, editor).bind();
        bindError(labelsError, editor.labelsErrorProperty());
    }

    /** Whether the form has been built (see {@link #prepareForm}). */
    public boolean formPrepared() {
        return detailsScroll != null;
    }

    private void showKind(EntityKind kind) {
        kindIcon.setIconCode(kind == null ? Material2OutlinedAL.LINK_OFF : kind.icon());
        avatar.pseudoClassStateChanged(StyleClasses.UNOWNED, kind == null);
    }

    private void bindEditorBar() {
        editorBar.visibleProperty().bind(rowSections.visibleProperty());
        editorBar.managedProperty().bind(editorBar.visibleProperty());
        saveButton.textProperty().bind(Bindings.when(editor.creatingProperty()).then("Create").otherwise("Save"));
        saveButton.disableProperty().bind(editor.canSaveProperty().not().or(model.writableProperty().not()));
        revertButton.textProperty().bind(Bindings.when(editor.creatingProperty()).then("Cancel").otherwise("Revert"));
        revertButton.disableProperty().bind(editor.dirtyProperty().not().and(editor.creatingProperty().not())
                .or(editor.savingProperty()));
        dirtyHint.textProperty().bind(Bindings.when(editor.savingProperty()).then("Saving…")
                .otherwise(Bindings.when(editor.dirtyProperty().and(model.writableProperty().not()))
                        .then("Read-only: turn on Edit to save")
                        .otherwise(Bindings.when(editor.dirtyProperty()).then("Unsaved changes").otherwise(""))));
        newMenu.disableProperty().bind(Bindings.isEmpty(model.childTables()).or(editor.savingProperty())
                .or(model.writableProperty().not()));
        model.childTables().addListener((ListChangeListener<String>) change -> fillNewMenu());
        fillNewMenu();
        editorMessage.textProperty().bind(editor.messageProperty());
        editorMessage.visibleProperty().bind(editor.messageProperty().isNotEmpty());
        editorMessage.managedProperty().bind(editorMessage.visibleProperty());
        editor.outcomeProperty().addListener((o, old, outcome) -> showOutcome(outcome));
        showOutcome(editor.outcomeProperty().get());
    }

    private void showOutcome(RowEditor.Outcome outcome) {
        editorMessage.pseudoClassStateChanged(StyleClasses.SAVED, outcome == RowEditor.Outcome.SAVED);
        editorMessage.pseudoClassStateChanged(StyleClasses.CONFLICT, outcome == RowEditor.Outcome.CONFLICT);
        editorMessage.pseudoClassStateChanged(StyleClasses.INVALID,
                outcome == RowEditor.Outcome.INVALID || outcome == RowEditor.Outcome.FAILED);
    }

    private void fillNewMenu() {
        newMenu.getItems().setAll(model.childTables().stream().map(table -> {
            EntityKind kind = EntityKind.of(table);
            MenuItem item = new MenuItem(kind.singular() + "…", new FontIcon(kind.icon()));
            item.setId("new-" + table);
            item.setOnAction(e -> model.newChild(table));
            return item;
        }).toList());
    }

    /**
     * The spec editor follows whichever row is edited; its text grows with the JSON up to a limit. Its
     * status line below it says whether the text is JSON, and carries Save's complaint about it too.
     */
    private void bindSpec() {
        specSection.visibleProperty().bind(editor.specProperty().isNotNull());
        specSection.managedProperty().bind(specSection.visibleProperty());
        specStatus.textProperty().bind(editor.specStatusProperty());
        editor.specValidProperty().addListener((o, was, valid) -> specStatus.pseudoClassStateChanged(StyleClasses.INVALID, !valid));
        formatButton.disableProperty().bind(editor.specValidProperty().not().or(specArea.textProperty().isEmpty()));
        specArea.prefRowCountProperty().bind(Bindings.createIntegerBinding(
                () -> Math.min(18, Math.max(4, specArea.getText().split("\n", -1).length)), specArea.textProperty()));
        editor.specProperty().addListener((o, old, spec) -> showSpec(spec));
        showSpec(editor.specProperty().get());
        specStatus.pseudoClassStateChanged(StyleClasses.INVALID, !editor.specValidProperty().get());
    }

    private void showSpec(FieldEditor spec) {
        if (boundSpec != null) {
            specArea.textProperty().unbindBidirectional(boundSpec.textProperty());
        }
        boundSpec = spec;
        if (spec != null) {
            specArea.setText(spec.textProperty().get());
            specArea.textProperty().bindBidirectional(spec.textProperty());
        }
    }

    private static void bindError(Label label, javafx.beans.value.ObservableStringValue error) {
        label.textProperty().bind(error);
        label.visibleProperty().bind(Bindings.isNotEmpty(error));
        label.managedProperty().bind(label.visibleProperty());
    }

    private void registerSaveKey(Scene old, Scene scene) {
        if (old != null) {
            old.getAccelerators().remove(SAVE);
        }
        if (scene != null) {
            scene.getAccelerators().put(SAVE, editor::save);
        }
    }

    /** "Discard changes to …?" with Discard and Keep editing (the default, so Enter loses nothing). */
    private boolean confirmDiscard(String what) {
        ButtonType discard = new ButtonType("Discard changes", ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType("Keep editing", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "Your changes have not been saved.", discard, keep);
        alert.setTitle("Unsaved changes");
        alert.setHeaderText("Discard your changes to " + what + "?");
        if (root.getScene() != null) {
            alert.initOwner(root.getScene().getWindow());
        }
        ((Button) alert.getDialogPane().lookupButton(discard)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        return alert.showAndWait().orElse(keep) == discard;
    }

    @FXML
    private void save() {
        editor.save();
    }

    @FXML
    private void revert() {
        model.revert();
    }

    @FXML
    private void formatSpec() {
        editor.formatSpec();
    }

    @FXML
    private void addLabel() {
        editor.addLabel();
        int last = editor.labels().size() - 1;
        labelsTable.getSelectionModel().select(last);
        labelsTable.layout();
        labelsTable.edit(last, labelNameColumn);
    }

    @FXML
    private void removeLabel() {
        LabelDraft selected = labelsTable.getSelectionModel().getSelectedItem();
        if (selected != null) {
            editor.removeLabel(selected);
        }
    }
}
