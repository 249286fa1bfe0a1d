package dev.cascadestudio.ui.history;

import dev.cascadestudio.cascade.RestoreConflictException;
import dev.cascadestudio.cascade.Restorer;
import dev.cascadestudio.service.AuditLog;
import dev.cascadestudio.service.AuditRecord;
import dev.cascadestudio.service.CascadeService;
import dev.cascadestudio.service.FailureMessages;
import dev.cascadestudio.service.HistoryService;
import dev.cascadestudio.ui.Counts;
import dev.cascadestudio.ui.task.BackgroundTask;
import dev.cascadestudio.ui.task.TaskExecutor;
import dev.cascadestudio.ui.task.WorkProgress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The History window without controls: the audit log's records newest first for the chosen database,
 * the selected delete's snapshot read back as a preview, and Restore, all on background work.
 */
public final class HistoryViewModel {

    /** The database choice that shows every record. */
    public static final String ALL_DATABASES = "All databases";

    private final HistoryService history;
    private final CascadeService cascade;
    private final String currentDatabase;
    private final TaskExecutor executor;
    private final Runnable onRestored;

    private final ObservableList<String> databases = FXCollections.observableArrayList();
    private final ObjectProperty<String> database = new SimpleObjectProperty<>(this, "database");
    private final ObservableList<HistoryRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper listMessage = new ReadOnlyStringWrapper(this, "listMessage", "");
    private final ObjectProperty<HistoryRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<HistoryService.SnapshotPreview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ReadOnlyStringWrapper previewTitle = new ReadOnlyStringWrapper(this, "previewTitle", "");
    private final ReadOnlyStringWrapper previewDetail = new ReadOnlyStringWrapper(this, "previewDetail", "");
    private final ReadOnlyStringWrapper previewMessage = new ReadOnlyStringWrapper(this, "previewMessage", "");
    private final ReadOnlyBooleanWrapper previewLoading = new ReadOnlyBooleanWrapper(this, "previewLoading");
    private final ReadOnlyBooleanWrapper restoring = new ReadOnlyBooleanWrapper(this, "restoring");
    /** How far a restore got, 0 to 1, or -1 before it has said. */
    private final ReadOnlyDoubleWrapper restoreProgress = new ReadOnlyDoubleWrapper(this, "restoreProgress", -1);
    private final ReadOnlyStringWrapper restoreMessage = new ReadOnlyStringWrapper(this, "restoreMessage", "");
    private final StringProperty restoreReason = new SimpleStringProperty(this, "restoreReason", "");
    private final BooleanBinding canRestore;

    /**
     * @param cascade         the open database's service, which restores and records the restore; null when none is open
     * @param currentDatabase the open database's URL (shown first, and the only one a delete is restored into)
     * @param onRestored      called on the FX thread after a restore, so the main window reads the data again
     */
    public HistoryViewModel(HistoryService history, CascadeService cascade, String currentDatabase, TaskExecutor executor,
                            Runnable onRestored) {
        this.history = Objects.requireNonNull(history);
        this.cascade = cascade;
        this.currentDatabase = currentDatabase == null ? null : HistoryService.databaseName(currentDatabase);
        this.executor = Objects.requireNonNull(executor);
        this.onRestored = Objects.requireNonNull(onRestored);
        database.set(this.currentDatabase != null ? this.currentDatabase : ALL_DATABASES);
        database.addListener((o, old, now) -> reload());
        selected.addListener((o, old, now) -> showPreview(now));
        canRestore = Bindings.createBooleanBinding(() -> cascade != null && !restoring.get() && preview.get() != null
                && preview.get().readable() && selected.get() != null && selected.get().isDelete()
                && Objects.equals(selected.get().record().database(), this.currentDatabase),
                restoring, preview, selected);
        showPreview(null);
    }

    /** Reads the log again (background work); keeps the selected record selected if it is still listed. */
    public void reload() {
        reload(() -> { });
    }

    /** {@link #reload()}, then {@code after} (on the FX thread), once the list and the selection are back. */
    private void reload(Runnable after) {
        String filter = ALL_DATABASES.equals(database.get()) ? null : database.get();
        listMessage.set("Reading the audit log…");
        executor.execute(BackgroundTask.of(() -> new Read(history.read(filter), history.read(null)))
                .onSuccess(read -> {
                    HistoryService.History found = read.filtered();
                    List<String> choices = new ArrayList<>();
                    choices.add(ALL_DATABASES);
                    if (currentDatabase != null) choices.add(currentDatabase);
                    found.databases().stream().filter(d -> !choices.contains(d)).forEach(choices::add);
                    if (!databases.equals(choices)) databases.setAll(choices);
                    int keep = selected.get() == null ? -1 : selected.get().entry().line();
                    rows.setAll(rowsOf(found.entries(), read.all().entries()));
                    notice.set(found.skippedNotice().orElse(""));
                    listMessage.set(rows.isEmpty() ? (filter == null ? "The audit log holds no records yet."
                            : "No deletes, restores or edits recorded for this database yet.") : "");
                    rows.stream().filter(r -> r.entry().line() == keep).findFirst().ifPresent(selected::set);
                    after.run();
                })
                .onFailure(failure -> {
                    rows.clear();
                    listMessage.set("Cannot read the audit log. " + FailureMessages.describe(failure));
                }));
    }

    private record Read(HistoryService.History filtered, HistoryService.History all) {}

    /** Each delete marked with its latest restore, found among all records by its snapshot file. */
    private static List<HistoryRow> rowsOf(List<AuditLog.Entry> entries, List<AuditLog.Entry> all) {
        Map<String, String> restored = new HashMap<>();
        for (AuditLog.Entry e : all) { // newest first: the first restore met is the latest
            if (AuditRecord.RESTORE.equals(e.record().action()) && e.record().snapshot() != null) {
                restored.putIfAbsent(e.record().snapshot(), HistoryRow.localTime(e.record()));
            }
        }
        return entries.stream().map(e -> new HistoryRow(e,
                AuditRecord.DELETE.equals(e.record().action()) ? restored.get(e.record().snapshot()) : null)).toList();
    }

    private void showPreview(HistoryRow row) {
        preview.set(null);
        restoreMessage.set("");
        if (row == null) {
            previewTitle.set("No record selected");
            previewDetail.set("");
            previewMessage.set("Select a delete to see every row it removed and every value it set to NULL, and to restore it.");
            return;
        }
        AuditRecord r = row.record();
        previewTitle.set(row.action() + (row.roots().isEmpty() ? "" : " of " + row.roots()) + " · " + row.time()
                + (r.user() == null || r.user().isEmpty() ? "" : " by " + r.user()));
        previewDetail.set((r.reason() == null ? "No reason given" : "Reason: " + r.reason()) + " · " + r.database()
                + (row.restoredAt() == null ? "" : " · restored " + row.restoredAt()));
        if (!row.isDelete() || row.snapshot() == null) {
            previewMessage.set(switch (r.action()) {
                case AuditRecord.RESTORE -> "This restore put back " + row.changes() + " from " + r.snapshot() + ".";
                case AuditRecord.EDIT -> "This save changed " + (row.changes().isEmpty() ? "the row" : row.changes())
                        + ". The audit log keeps which columns changed, not their values.";
                default -> "This record adds " + row.changes() + ".";
            });
            return;
        }
        previewMessage.set("Reading the snapshot…");
        previewLoading.set(true);
        Path snapshot = row.snapshot();
        executor.execute(BackgroundTask.of(() -> history.preview(snapshot, cascade.graph()))
                .onSuccess(read -> {
                    if (selected.get() != row) {
                        return;
                    }
                    preview.set(read);
                    previewMessage.set(read.readable() ? "" : read.problem());
                })
                .onFailure(failure -> {
                    if (selected.get() == row) previewMessage.set("Cannot read the snapshot. " + FailureMessages.describe(failure));
                })
                .onFinished(() -> previewLoading.set(false)));
    }

    /** Restores the selected delete into the open database, with the conflict check; records the restore. */
    public void restore() {
        if (!canRestore.get()) {
            return;
        }
        HistoryRow row = selected.get();
        Path snapshot = row.snapshot();
        String reason = restoreReason.get() == null || restoreReason.get().isBlank() ? null : restoreReason.get().strip();
        restoring.set(true);
        restoreProgress.set(-1);
        restoreMessage.set("Restoring " + Counts.of(row.record().rowTotal(), "row") + "…");
        executor.execute(BackgroundTask.reporting(reporter -> cascade.restore(snapshot, false, reason, WorkProgress.of(reporter)))
                .onProgress(p -> {
                    restoreProgress.set(p.fraction());
                    restoreMessage.set(p.message());
                })
                .onSuccess((Restorer.RestoreResult result) -> {
                    String done = "Restored " + Counts.of(result.rowsInserted(), "row") + " and set "
                            + Counts.of(result.valuesRestored(), "value") + " back.";
                    restoreMessage.set(done);
                    restoreReason.set("");
                    onRestored.run();
                    // the list is read again (the restore is a record of its own); the row stays selected, and
                    // the message stays with it instead of being cleared by showing the row again
                    reload(() -> restoreMessage.set(done));
                })
                .onFailure(failure -> restoreMessage.set(failure instanceof RestoreConflictException ? failure.getMessage()
                        : "Nothing was restored. " + FailureMessages.describe(failure)))
                .onFinished(() -> restoring.set(false)));
    }

    /** Why a selected delete cannot be restored here, or empty. */
    String restoreHint() {
        HistoryRow row = selected.get();
        if (row == null || !row.isDelete()) return "";
        if (cascade == null) return "Open a database to restore into.";
        if (!Objects.equals(row.record().database(), currentDatabase)) {
            return "This delete was made on another database; open that database to restore it.";
        }
        return "";
    }

    public ObservableList<String> databases() { return databases; }
    public ObjectProperty<String> databaseProperty() { return database; }
    public ObservableList<HistoryRow> rows() { return rows; }
    public ObjectProperty<HistoryRow> selectedProperty() { return selected; }
    public ReadOnlyStringProperty noticeProperty() { return notice.getReadOnlyProperty(); }
    public ReadOnlyStringProperty listMessageProperty() { return listMessage.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<HistoryService.SnapshotPreview> previewProperty() { return preview.getReadOnlyProperty(); }
    public ReadOnlyStringProperty previewTitleProperty() { return previewTitle.getReadOnlyProperty(); }
    public ReadOnlyStringProperty previewDetailProperty() { return previewDetail.getReadOnlyProperty(); }
    public ReadOnlyStringProperty previewMessageProperty() { return previewMessage.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty previewLoadingProperty() { return previewLoading.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty restoringProperty() { return restoring.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty restoreProgressProperty() { return restoreProgress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty restoreMessageProperty() { return restoreMessage.getReadOnlyProperty(); }
    public StringProperty restoreReasonProperty() { return restoreReason; }
    public BooleanBinding canRestoreBinding() { return canRestore; }
    HistoryService history() { return history; }
    TaskExecutor executor() { return executor; }
}
