package dev.cascadestudio.ui.details;

import dev.cascadestudio.service.DisplayNames;
import dev.cascadestudio.service.ConcurrentChangeException;
import dev.cascadestudio.service.ControllerJson;
import dev.cascadestudio.service.EditableRow;
import dev.cascadestudio.service.FailureMessages;
import dev.cascadestudio.service.FieldError;
import dev.cascadestudio.service.InvalidRowException;
import dev.cascadestudio.service.RowDetails;
import dev.cascadestudio.service.RowDraft;
import dev.cascadestudio.service.RowEditService;
import dev.cascadestudio.service.RowRef;
import dev.cascadestudio.ui.task.Activity;
import dev.cascadestudio.ui.task.WorkProgress;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The edits to one row, as the details pane's form holds them: every column, the spec JSON and the
 * labels. Save writes them through the {@link RowEditService} in the background; the service's
 * answer puts each error next to its field, or says that the row changed in the database meanwhile.
 * Called on the FX thread only.
 */
public final class RowEditor {

    /** What the line above the form says after Save: how it went. */
    public enum Outcome { NONE, SAVED, INVALID, CONFLICT, FAILED }

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Activity activity;
    private RowEditService service;
    private EditableRow loaded;
    private List<RowDetails.Label> initialLabels = List.of();
    private Consumer<RowRef> onSaved = row -> {};

    private final ObservableList<FieldEditor> fields = FXCollections.observableArrayList();
    private final ObjectProperty<FieldEditor> spec = new SimpleObjectProperty<>();
    private final StringProperty specStatus = new SimpleStringProperty("");
    private final BooleanProperty specValid = new SimpleBooleanProperty(true);
    private final ObservableList<LabelDraft> labels = FXCollections.observableArrayList(
            label -> new Observable[] {label.nameProperty(), label.valueProperty()});
    private final StringProperty labelsError = new SimpleStringProperty("");
    private final BooleanProperty dirty = new SimpleBooleanProperty();
    private final BooleanProperty saving = new SimpleBooleanProperty();
    private final BooleanProperty creating = new SimpleBooleanProperty();
    private final javafx.beans.binding.BooleanBinding canSave = dirty.or(creating).and(saving.not());
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>(Outcome.NONE);

    RowEditor(Activity activity) {
        this.activity = activity;
        labels.addListener((javafx.collections.ListChangeListener<LabelDraft>) change -> {
            labelsError.set("");
            updateDirty();
        });
    }

    void attach(RowEditService service) {
        this.service = service;
    }

    /** Called with the saved or created row once it is in the database (the window refreshes its tree). */
    public void setOnSaved(Consumer<RowRef> onSaved) {
        this.onSaved = onSaved == null ? row -> {} : onSaved;
    }

    /** Starts editing {@code row} as loaded: no changes, no errors. */
    void edit(EditableRow row) {
        // the tree's refresh after a save reads the row again: "Saved at …" stays until something else happens
        boolean justSaved = outcome.get() == Outcome.SAVED && loaded != null && !row.isNew()
                && loaded.row().sameRow(row.row());
        loaded = row;
        creating.set(row.isNew());
        List<FieldEditor> editors = new ArrayList<>();
        FieldEditor specEditor = null;
        for (EditableRow.Field field : row.fields()) {
            FieldEditor editor = new FieldEditor(field);
            editor.textProperty().addListener((o, old, now) -> updateDirty());
            if (field.column().equals("spec")) {
                specEditor = editor;
                editor.textProperty().addListener((o, old, now) -> checkSpec());
            } else {
                editors.add(editor);
            }
        }
        fields.setAll(editors);
        spec.set(specEditor);
        initialLabels = row.labels();
        labels.setAll(initialLabels.stream().map(l -> new LabelDraft(l.name(), l.value())).toList());
        labelsError.set("");
        if (!justSaved) {
            report(Outcome.NONE, "");
        }
        checkSpec();
        updateDirty();
    }

    void clear() {
        loaded = null;
        fields.clear();
        spec.set(null);
        labels.clear();
        labelsError.set("");
        creating.set(false);
        report(Outcome.NONE, "");
        dirty.set(false);
    }

    /** Back to the values as loaded. */
    public void revert() {
        if (loaded == null) {
            return;
        }
        fields.forEach(FieldEditor::revert);
        if (spec.get() != null) {
            spec.get().revert();
        }
        labels.setAll(initialLabels.stream().map(l -> new LabelDraft(l.name(), l.value())).toList());
        labelsError.set("");
        report(Outcome.NONE, "");
        updateDirty();
    }

    /** Indents the spec, if it is JSON. */
    public void formatSpec() {
        FieldEditor editor = spec.get();
        if (editor != null && ControllerJson.isValid(editor.textProperty().get())) {
            editor.textProperty().set(ControllerJson.pretty(editor.textProperty().get()));
        }
    }

    public void addLabel() {
        labels.add(new LabelDraft("", ""));
    }

    public void removeLabel(LabelDraft label) {
        labels.remove(label);
    }

    /** Ctrl+S, Save / Create: writes the edits, or shows why not; does nothing without changes. */
    public void save() {
        RowEditService writer = service;
        if (writer == null || loaded == null || saving.get() || !(dirty.get() || loaded.isNew())) {
            return;
        }
        RowDraft draft = draft();
        boolean isNew = loaded.isNew();
        String name = isNew ? "the new " + loaded.table().replace('_', ' ') : "“" + DisplayNames.of(loaded.row().name()) + "”";
        saving.set(true);
        report(Outcome.NONE, "");
        activity.runReporting((isNew ? "Creating " : "Saving ") + name + "…", reporter -> {
            // while another connection's lock holds the save up: whom it waits for, above the form and in the status bar
            java.util.function.Consumer<List<String>> waiting = WorkProgress.of(reporter)::waitingForLock;
            RowRef saved = isNew ? writer.create(draft, waiting) : writer.save(draft, waiting);
            return writer.load(saved).orElseThrow(() -> new ConcurrentChangeException(
                    DisplayNames.of(saved.name()) + " was saved but has since been deleted."));
        }, waitingLine -> report(Outcome.NONE, waitingLine), row -> {
            saving.set(false);
            edit(row);
            report(Outcome.SAVED, (isNew ? "Created" : "Saved") + " at " + LocalTime.now().format(CLOCK));
            onSaved.accept(row.row());
        }, failure -> {
            saving.set(false);
            failed(failure);
        });
    }

    private void failed(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidRowException invalid) {
                showErrors(invalid.errors());
                report(Outcome.INVALID, invalid.errors().size() == 1 ? "Not saved: one value needs fixing (marked below)."
                        : "Not saved: " + invalid.errors().size() + " values need fixing (marked below).");
                return;
            }
            if (t instanceof ConcurrentChangeException conflict) {
                report(Outcome.CONFLICT, conflict.getMessage());
                return;
            }
        }
        report(Outcome.FAILED, "Not saved. " + FailureMessages.describe(failure));
    }

    private void showErrors(List<FieldError> errors) {
        List<String> labelMessages = new ArrayList<>();
        for (FieldError error : errors) {
            if (error.field().equals(FieldError.LABELS)) {
                labelMessages.add(error.message());
            } else if (spec.get() != null && spec.get().column().equals(error.field())) {
                // the spec's status line shows it, in place of the check made while typing (mostly the same words)
                spec.get().showError(error.message());
                specValid.set(false);
                specStatus.set(error.message());
            } else {
                fields.stream().filter(f -> f.column().equals(error.field())).findFirst()
                        .ifPresent(f -> f.showError(error.message()));
            }
        }
        labelsError.set(String.join("\n", labelMessages));
    }

    RowDraft draft() {
        Map<String, String> values = new LinkedHashMap<>();
        for (FieldEditor field : fields) {
            if (field.field().editable()) {
                values.put(field.column(), field.textProperty().get());
            }
        }
        if (spec.get() != null) {
            values.put(spec.get().column(), spec.get().textProperty().get());
        }
        return new RowDraft(loaded, values, labels.stream().map(l -> new RowDetails.Label(l.name(), l.value())).toList());
    }

    private void checkSpec() {
        FieldEditor editor = spec.get();
        String text = editor == null ? "" : editor.textProperty().get();
        if (text == null || text.isBlank()) {
            specValid.set(true);
            specStatus.set("Empty: saved as NULL");
            return;
        }
        var problem = ControllerJson.problem(text);
        specValid.set(problem.isEmpty());
        specStatus.set(problem.orElse("Valid JSON"));
    }

    private void updateDirty() {
        if (loaded == null) {
            dirty.set(false);
            return;
        }
        boolean changed = fields.stream().anyMatch(f -> f.changedProperty().get())
                || (spec.get() != null && spec.get().changedProperty().get())
                || !labels.stream().map(l -> new RowDetails.Label(l.name(), l.value())).toList().equals(initialLabels);
        dirty.set(changed);
    }

    private void report(Outcome kind, String text) {
        outcome.set(kind);
        message.set(text);
    }

    /** The row being edited as loaded; null when none. */
    EditableRow loaded() { return loaded; }

    public ObservableList<FieldEditor> fields() { return fields; }
    public ReadOnlyObjectProperty<FieldEditor> specProperty() { return spec; }
    public ReadOnlyStringProperty specStatusProperty() { return specStatus; }
    public ReadOnlyBooleanProperty specValidProperty() { return specValid; }
    public ObservableList<LabelDraft> labels() { return labels; }
    public ReadOnlyStringProperty labelsErrorProperty() { return labelsError; }
    /** Whether the form differs from the row as loaded. */
    public ReadOnlyBooleanProperty dirtyProperty() { return dirty; }
    /** Whether Save has something to do: a change, or a new row not created yet. */
    public javafx.beans.binding.BooleanBinding canSaveProperty() { return canSave; }
    public ReadOnlyBooleanProperty savingProperty() { return saving; }
    /** Whether the form holds a new row (Save creates it, Revert cancels it). */
    public ReadOnlyBooleanProperty creatingProperty() { return creating; }
    public ReadOnlyStringProperty messageProperty() { return message; }
    public ReadOnlyObjectProperty<Outcome> outcomeProperty() { return outcome; }
}
