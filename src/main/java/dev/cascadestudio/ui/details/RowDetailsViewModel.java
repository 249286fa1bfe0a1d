package dev.cascadestudio.ui.details;

import dev.cascadestudio.service.FailureMessages;
import dev.cascadestudio.service.RowDetails;
import dev.cascadestudio.service.RowDetailsService;
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
 * columns and labels (read-only); a group or "Unowned" is described in words.
 */
public final class RowDetailsViewModel {

    public enum Mode { EMPTY, LOADING, ROW, SUMMARY, GONE }

    /**
     * One line of the column grid. {@code code} asks for a fixed-width font (keys, JSON);
     * {@code absent} marks a value that is not there (NULL, or an empty string) to be shown muted.
     */
    public record FieldLine(String name, String value, boolean code, boolean absent) {}

    public record LabelLine(String name, String value) {}

    static final String NULL = "NULL";
    static final String EMPTY = "(empty)";

    private final Activity activity;
    private RowDetailsService service;
    private TreeEntry shown;
    /** Only the latest read may fill the pane; an older one that finishes later is dropped. */
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

    public RowDetailsViewModel(Activity activity) {
        this.activity = activity;
    }

    public void attach(RowDetailsService service) {
        this.service = service;
    }

    public void detach() {
        service = null;
        show(null);
    }

    /** Shows what {@code entry} stands for; a row is read in the background. */
    public void show(TreeEntry entry) {
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
        RowDetailsService reader = service;
        if (reader == null) {
            clear(Mode.EMPTY);
            after.run();
            return;
        }
        int request = latest;
        if (mode.get() != Mode.ROW || !title.get().equals(row.name())) {
            mode.set(Mode.LOADING);
            kind.set(EntityKind.of(row.table()));
            kindText.set(kind.get().singular().toUpperCase(Locale.ROOT));
            title.set(row.name());
        }
        activity.run("Reading " + row.name() + "…", () -> reader.details(row), details -> {
            if (request == latest) {
                fill(row, details);
            }
            after.run();
        }, failure -> {
            if (request == latest) {
                clear(Mode.GONE);
                title.set(row.name());
                description.set("Cannot read this row: " + FailureMessages.describe(failure));
            }
            after.run();
        });
    }

    private void fill(RowRef row, Optional<RowDetails> read) {
        if (read.isEmpty()) {
            clear(Mode.GONE);
            kind.set(EntityKind.of(row.table()));
            title.set(row.name());
            description.set("This row no longer exists. Refresh (F5) to update the tree.");
            return;
        }
        RowDetails details = read.get();
        EntityKind k = EntityKind.of(row.table());
        kind.set(k);
        kindText.set(k.singular().toUpperCase(Locale.ROOT));
        title.set(details.row().name());
        String text = details.text("description");
        description.set(text == null || text.isBlank() ? "No description" : text);
        List<FieldLine> lines = new ArrayList<>();
        for (RowDetails.Field field : details.fields()) {
            if (!field.column().equals("spec")) {
                lines.add(line(field));
            }
        }
        fields.setAll(lines);
        String specText = details.text("spec");
        spec.set(specText == null ? "" : JsonText.pretty(specText));
        labels.setAll(details.labels().stream().map(l -> new LabelLine(l.name(), l.value())).toList());
        mode.set(Mode.ROW);
    }

    private static FieldLine line(RowDetails.Field field) {
        String column = field.column();
        boolean code = column.equals("uid") || column.equals("version") || column.endsWith("_id")
                || field.kind() == RowDetails.Kind.JSON;
        if (field.text() == null) {
            return new FieldLine(column, NULL, code, true);
        }
        if (field.text().isEmpty()) {
            return new FieldLine(column, EMPTY, false, true);
        }
        return new FieldLine(column, field.text(), code, false);
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
        mode.set(next);
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() { return mode; }
    public ReadOnlyObjectProperty<EntityKind> kindProperty() { return kind; }
    public ReadOnlyStringProperty kindTextProperty() { return kindText; }
    public ReadOnlyStringProperty titleProperty() { return title; }
    public ReadOnlyStringProperty descriptionProperty() { return description; }
    public ReadOnlyStringProperty specProperty() { return spec; }
    public ObservableList<FieldLine> fields() { return readOnlyFields; }
    public ObservableList<LabelLine> labels() { return readOnlyLabels; }
}
