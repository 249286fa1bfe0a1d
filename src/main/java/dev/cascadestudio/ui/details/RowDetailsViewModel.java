package dev.cascadestudio.ui.details;

import dev.cascadestudio.service.DisplayNames;
import dev.cascadestudio.service.EditableRow;
import dev.cascadestudio.service.FailureMessages;
import dev.cascadestudio.service.RowEditService;
import dev.cascadestudio.service.RowRef;
import dev.cascadestudio.ui.task.Activity;
import dev.cascadestudio.ui.tree.EntityKind;
import dev.cascadestudio.ui.tree.TreeEntry;
import dev.cascadestudio.ui.tree.TreeEntry.GroupEntry;
import dev.cascadestudio.ui.tree.TreeEntry.RowEntry;
import dev.cascadestudio.ui.tree.TreeEntry.UnownedEntry;
import dev.cascadestudio.ui.tree.TreeTexts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The details pane: what the tree's selection is. A row is read on a background task with all its
 * columns and labels and edited in the {@link RowEditor}; a group or "Unowned" is described in words.
 * Unsaved edits are never dropped silently: moving to another row asks first ({@link DiscardPrompt}).
 */
public final class RowDetailsViewModel {

    public enum Mode { EMPTY, LOADING, ROW, SUMMARY, GONE }

    /**
     * One line of the column grid. {@code code} asks for a fixed-width font (keys, JSON);
     * {@code absent} marks a value that is not there (NULL, or an empty string) to be shown muted.
     */
    public record FieldLine(String name, String value, boolean code, boolean absent) {}

    public record LabelLine(String name, String value) {}

    /** Asks whether unsaved edits may be thrown away; a test or the window supplies it. */
    @FunctionalInterface
    public interface DiscardPrompt {
        /** @param what the row whose edits would be lost, in words ("“ticket-triage”") */
        boolean discard(String what);
    }

    static final String NULL = "NULL";
    static final String EMPTY = "(empty)";

    private final Activity activity;
    private final RowEditor editor;
    private DiscardPrompt discardPrompt = what -> false;
    private RowEditService service;
    private TreeEntry shown;
    /** Only the latest read (or new row) may fill the pane; an older one that finishes later is dropped. */
    private int latest;

    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.EMPTY);
    private final ObjectProperty<EntityKind> kind = new SimpleObjectProperty<>();
    private final StringProperty kindText = new SimpleStringProperty("");
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final StringProperty spec = new SimpleStringProperty("");
    private final ObservableList<FieldLine> fields = FXCollections.observableArrayList();
    private final ObservableList<LabelLine> labels = FXCollections.observableArrayList();
    private final ObservableList<FieldLine> readOnlyFields = FXCollections.unmodifiableObservableList(fields);
    private final ObservableList<LabelLine> readOnlyLabels = FXCollections.unmodifiableObservableList(labels);
    private final ObservableList<String> childTables = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyChildTables = FXCollections.unmodifiableObservableList(childTables);

    private final javafx.beans.property.BooleanProperty writable = new javafx.beans.property.SimpleBooleanProperty();

    public RowDetailsViewModel(Activity activity) {
        this.activity = activity;
        this.editor = new RowEditor(activity);
    }

    public void attach(RowEditService service) {
        this.service = service;
        editor.attach(service);
        writable.set(service != null && service.writable());
    }

    /** Whether rows can be saved and created: the database is open for editing. */
    public javafx.beans.property.ReadOnlyBooleanProperty writableProperty() { return writable; }

    public void setDiscardPrompt(DiscardPrompt prompt) {
        this.discardPrompt = prompt;
    }

    /**
     * Whether the selection should stay where it is because the user keeps unsaved edits: asked
     * only when there are edits and {@code next} is another row (or no row).
     */
    public boolean keepsEditing(TreeEntry next) {
        if (!editor.dirtyProperty().get() || editor.loaded() == null) {
            return false;
        }
        if (!editor.loaded().isNew() && next instanceof RowEntry row && row.row().sameRow(editor.loaded().row())) {
            return false;
        }
        return !discardPrompt.discard(editedName());
    }

    private String editedName() {
        EditableRow row = editor.loaded();
        return row.isNew() ? "the new " + EntityKind.of(row.table()).singular().toLowerCase(Locale.ROOT)
                : "“" + DisplayNames.of(row.row().name()) + "”";
    }

    /** "New …": a new row of {@code table} under the row shown, to fill in and create. */
    public void newChild(String table) {
        if (!(shown instanceof RowEntry parent) || service == null) {
            return;
        }
        if (editor.dirtyProperty().get() && !discardPrompt.discard(editedName())) {
            return;
        }
        RowEditService creator = service;
        int request = ++latest;
        EntityKind k = EntityKind.of(table);
        activity.run("Preparing a new " + k.singular().toLowerCase(Locale.ROOT) + "…",
                () -> creator.newRow(parent.row(), table), row -> {
                    if (request != latest) {
                        return;
                    }
                    kind.set(k);
                    kindText.set(("New " + k.singular()).toUpperCase(Locale.ROOT));
                    title.set("New " + k.singular().toLowerCase(Locale.ROOT));
                    description.set("Under the " + EntityKind.of(parent.row().table()).singular().toLowerCase(Locale.ROOT)
                            + " “" + DisplayNames.of(row.parent().name()) + "”. Fill in the fields, then Create (Ctrl+S).");
                    fields.setAll(row.fields().stream().filter(f -> !f.column().equals("spec")).map(RowDetailsViewModel::line).toList());
                    labels.setAll(row.labels().stream().map(l -> new LabelLine(l.name(), l.value())).toList());
                    spec.set("");
                    childTables.clear();
                    editor.edit(row);
                    mode.set(Mode.ROW);
                }, failure -> {
                    if (request == latest) {
                        description.set("Cannot create a row here: " + FailureMessages.describe(failure));
                    }
                });
    }

    /**
     * Revert: back to the values as loaded, and after a save refused because the row changed in the
     * database, the row is read again so the current values show. For a new row not yet created,
     * Cancel: the parent is shown again.
     */
    public void revert() {
        boolean stale = editor.outcomeProperty().get() == RowEditor.Outcome.CONFLICT;
        if (editor.loaded() != null && (editor.loaded().isNew() || stale)) {
            editor.clear();
            show(shown);
        } else {
            editor.revert();
        }
    }

    public void detach() {
        service = null;
        editor.attach(null);
        editor.clear();
        show(null);
    }

    /** Shows what {@code entry} stands for; a row is read in the background. */
    public void show(TreeEntry entry) {
        if (editor.dirtyProperty().get() && editor.loaded() != null && !editor.loaded().isNew()
                && entry instanceof RowEntry row && row.row().sameRow(editor.loaded().row())) {
            shown = entry; // back on the row being edited (the user chose to keep editing): keep the edits
            return;
        }
        editor.clear();
        shown = entry;
        latest++;
        if (entry instanceof RowEntry row) {
            read(row.row(), () -> {});
        } else if (entry instanceof GroupEntry group) {
            summary(group.kind(), TreeTexts.title(group), TreeTexts.rows(group.count()) + (group.group().orphans()
                    ? " whose " + EntityKind.of(group.group().rule().parentTable()).asParent() + " is not set or no longer exists."
                    : ". Expand the group in the tree to see them."));
        } else if (entry instanceof UnownedEntry unowned) {
            summary(null, TreeTexts.UNOWNED, TreeTexts.rows(unowned.count()) + " whose owner or parent is not set or points to"
                    + " a row that no longer exists: projects and sessions without an owner, runs without a workflow,"
                    + " and any row whose project or workflow is gone.");
        } else {
            clear(Mode.EMPTY);
        }
    }

    /**
     * Shows {@code entry} again after a refresh (a row is read again, a group's count may have
     * changed); {@code after} runs once the pane is up to date.
     */
    public void refresh(TreeEntry entry, Runnable after) {
        if (editor.dirtyProperty().get() && editor.loaded() != null) {
            after.run(); // unsaved edits stay; Save tells if the row changed meanwhile
            return;
        }
        if (entry instanceof RowEntry row) {
            shown = entry;
            latest++;
            read(row.row(), after);
        } else {
            show(entry);
            after.run();
        }
    }

    private void read(RowRef row, Runnable after) {
        RowEditService reader = service;
        if (reader == null) {
            clear(Mode.EMPTY);
            after.run();
            return;
        }
        int request = latest;
        if (mode.get() != Mode.ROW || !title.get().equals(DisplayNames.of(row.name()))) {
            mode.set(Mode.LOADING);
            kind.set(EntityKind.of(row.table()));
            kindText.set(kind.get().singular().toUpperCase(Locale.ROOT));
            title.set(DisplayNames.of(row.name()));
        }
        activity.run("Reading " + DisplayNames.of(row.name()) + "…", () -> reader.load(row), details -> {
            if (request == latest) {
                fill(row, details);
            }
            after.run();
        }, failure -> {
            if (request == latest) {
                clear(Mode.GONE);
                title.set(DisplayNames.of(row.name()));
                description.set("Cannot read this row: " + FailureMessages.describe(failure));
            }
            after.run();
        });
    }

    private void fill(RowRef row, Optional<EditableRow> read) {
        if (read.isEmpty()) {
            clear(Mode.GONE);
            kind.set(EntityKind.of(row.table()));
            title.set(DisplayNames.of(row.name()));
            description.set("This row no longer exists. Refresh (F5) to update the tree.");
            return;
        }
        EditableRow details = read.get();
        EntityKind k = EntityKind.of(row.table());
        kind.set(k);
        kindText.set(k.singular().toUpperCase(Locale.ROOT));
        title.set(DisplayNames.of(details.row().name()));
        String text = details.value("description");
        description.set(text == null || text.isBlank() ? "No description" : text);
        List<FieldLine> lines = new ArrayList<>();
        for (EditableRow.Field field : details.fields()) {
            if (!field.column().equals("spec")) {
                lines.add(line(field));
            }
        }
        fields.setAll(lines);
        String specText = details.value("spec");
        spec.set(specText == null ? "" : JsonText.pretty(specText));
        labels.setAll(details.labels().stream().map(l -> new LabelLine(l.name(), l.value())).toList());
        childTables.setAll(service == null ? List.of() : service.childTables(row.table()));
        editor.edit(details);
        mode.set(Mode.ROW);
    }

    static FieldLine line(EditableRow.Field field) {
        String column = field.column();
        boolean code = column.equals("uid") || column.equals("version") || column.endsWith("_id")
                || field.type() == EditableRow.Type.JSON;
        if (field.value() == null) {
            return new FieldLine(column, NULL, code, true);
        }
        if (field.value().isEmpty()) {
            return new FieldLine(column, EMPTY, false, true);
        }
        return new FieldLine(column, field.value(), code, false);
    }

    private void summary(EntityKind k, String heading, String text) {
        clear(Mode.SUMMARY);
        kind.set(k);
        kindText.set(k == null ? "ROWS WITHOUT A LIVE OWNER OR PARENT" : "GROUP");
        title.set(heading);
        description.set(text);
    }

    private void clear(Mode next) {
        kind.set(null);
        kindText.set("");
        title.set("");
        description.set("");
        spec.set("");
        fields.clear();
        labels.clear();
        childTables.clear();
        mode.set(next);
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() { return mode; }
    public ReadOnlyObjectProperty<EntityKind> kindProperty() { return kind; }
    public ReadOnlyStringProperty kindTextProperty() { return kindText; }
    public ReadOnlyStringProperty titleProperty() { return title; }
    public ReadOnlyStringProperty descriptionProperty() { return description; }
    public ReadOnlyStringProperty specProperty() { return spec; }
    /** The row's columns (all but spec) as loaded; the form's values are in {@link #editor()}. */
    public ObservableList<FieldLine> fields() { return readOnlyFields; }
    /** The row's labels as loaded. */
    public ObservableList<LabelLine> labels() { return readOnlyLabels; }
    public RowEditor editor() { return editor; }
    /** The kinds of rows "New …" can create under the row shown (tables), in the tree's order. */
    public ObservableList<String> childTables() { return readOnlyChildTables; }
}
