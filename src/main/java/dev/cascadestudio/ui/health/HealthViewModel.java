package dev.cascadestudio.ui.health;

import dev.cascadestudio.service.FailureMessages;
import dev.cascadestudio.service.HealthService;
import dev.cascadestudio.service.HealthService.Finding;
import dev.cascadestudio.service.HealthService.Problem;
import dev.cascadestudio.service.RowRef;
import dev.cascadestudio.ui.task.BackgroundTask;
import dev.cascadestudio.ui.task.TaskExecutor;
import dev.cascadestudio.ui.tree.TreeTexts;
import dev.cascadestudio.cascade.Repair;
import dev.cascadestudio.domain.ForeignKeyRule;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Health window's state: the findings of one check of the open database (background work),
 * the selected finding's rows, and a sentence about each. Choosing a row shows it in the main
 * window's tree; a label has no place there. A finding, or every finding of its group, can be
 * fixed: its column's rule applied to the rows that point nowhere ({@link Repair}), through the
 * same delete preview, snapshot and Undo as any delete.
 */
public final class HealthViewModel {

    private final HealthService health;
    private final TaskExecutor executor;
    private final Consumer<RowRef> reveal;
    private final Consumer<List<Repair>> fix;
    private final ReadOnlyStringWrapper fixText = new ReadOnlyStringWrapper(this, "fixText", "");
    private final ReadOnlyStringWrapper fixGroupText = new ReadOnlyStringWrapper(this, "fixGroupText", "");
    private final ReadOnlyStringWrapper fixRefused = new ReadOnlyStringWrapper(this, "fixRefused", "");

    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObjectProperty<Finding> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<Problem> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper listMessage = new ReadOnlyStringWrapper(this, "listMessage", "");
    private final ReadOnlyStringWrapper findingTitle = new ReadOnlyStringWrapper(this, "findingTitle", "");
    private final ReadOnlyStringWrapper findingDetail = new ReadOnlyStringWrapper(this, "findingDetail", "");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(this, "checking");

    /** @param reveal shows a row in the main window's tree (on the FX thread) */
    public HealthViewModel(HealthService health, TaskExecutor executor, Consumer<RowRef> reveal) {
        this(health, executor, reveal, repairs -> { });
    }

    /**
     * @param reveal shows a row in the main window's tree (on the FX thread)
     * @param fix    opens the preview of repairing these columns' dangling values (on the FX thread)
     */
    public HealthViewModel(HealthService health, TaskExecutor executor, Consumer<RowRef> reveal, Consumer<List<Repair>> fix) {
        this(health, executor, reveal, fix, "");
    }

    /** @param fixRefused why nothing can be fixed here (the database is open read-only), or empty where it can */
    public HealthViewModel(HealthService health, TaskExecutor executor, Consumer<RowRef> reveal, Consumer<List<Repair>> fix,
                           String fixRefused) {
        this.fixRefused.set(Objects.requireNonNull(fixRefused));
        this.health = Objects.requireNonNull(health);
        this.executor = Objects.requireNonNull(executor);
        this.reveal = Objects.requireNonNull(reveal);
        this.fix = Objects.requireNonNull(fix);
        selected.addListener((o, old, finding) -> show(finding));
        show(null);
    }

    /** Checks the database again (background work); keeps the same finding selected if it is still there. */
    public void check() {
        if (checking.get()) {
            return;
        }
        checking.set(true);
        listMessage.set("Checking every reference and every label…");
        summary.set("Checking…");
        String keep = selected.get() == null ? null : selected.get().title();
        executor.execute(BackgroundTask.of(health::check)
                .onSuccess(report -> {
                    checking.set(false);
                    findings.setAll(report.findings());
                    summary.set(report.healthy() ? "No problems found"
                            : TreeTexts.rows(report.problemCount()) + " with a problem, in " + findingCount(report.findings().size()));
                    listMessage.set(report.healthy()
                            ? "Every foreign-key value points to a row, and every label's parent exists." : "");
                    Finding again = findings.stream().filter(f -> f.title().equals(keep)).findFirst()
                            .orElse(findings.isEmpty() ? null : findings.get(0));
                    selected.set(again);
                    show(again);
                })
                .onFailure(failure -> {
                    checking.set(false);
                    findings.clear();
                    selected.set(null);
                    summary.set("Check failed");
                    listMessage.set("Cannot check the database. " + FailureMessages.describe(failure));
                }));
    }

    /** Shows {@code problem}'s row in the main window's tree; false for a label, which has no place there. */
    public boolean showInTree(Problem problem) {
        if (problem == null || problem.row() == null) {
            return false;
        }
        reveal.accept(problem.row());
        return true;
    }

    /** Opens the preview of fixing the selected finding: its rows that point nowhere, by its column's rule. */
    public void fixSelected() {
        Finding finding = selected.get();
        if (finding != null && fixRefused.get().isEmpty()) {
            fix.accept(List.of(Repair.of(finding.edge())));
        }
    }

    /** Opens one preview fixing every finding of the selected finding's group ("Owner gone", …). */
    public void fixGroup() {
        Finding finding = selected.get();
        if (finding != null && fixRefused.get().isEmpty()) {
            fix.accept(group(finding).stream().map(f -> Repair.of(f.edge())).toList());
        }
    }

    private List<Finding> group(Finding finding) {
        return findings.stream().filter(f -> f.category() == finding.category()).toList();
    }

    /** "Set these 3 values to NULL…", "Delete these 2 labels…": what fixing a finding does, by its column's rule. */
    static String fixText(Finding finding) {
        String n = TreeTexts.number(finding.count());
        if (finding.edge().action() == ForeignKeyRule.Action.SET_NULL) {
            return "Set " + (finding.count() == 1 ? "this value" : "these " + n + " values") + " to NULL…";
        }
        if (finding.edge().isLabelRule()) {
            return "Delete " + (finding.count() == 1 ? "this label" : "these " + n + " labels") + "…";
        }
        return "Delete " + (finding.count() == 1 ? "this row" : "these " + n + " rows") + " and what they take…";
    }

    private void show(Finding finding) {
        fixText.set(finding == null ? "" : fixText(finding));
        List<Finding> group = finding == null ? List.of() : group(finding);
        fixGroupText.set(group.size() < 2 ? "" : "Fix all " + group.size() + " “" + finding.category().title() + "” findings…");
        if (finding == null) {
            rows.clear();
            findingTitle.set(findings.isEmpty() ? "" : "No finding selected");
            findingDetail.set("");
            return;
        }
        rows.setAll(finding.rows());
        findingTitle.set(finding.category().title() + ": " + finding.title());
        String listed = finding.partial() ? " The first " + TreeTexts.number(finding.rows().size()) + " are listed." : "";
        String where = "In " + TreeTexts.rows(finding.count()) + " of " + finding.edge().childTable() + ", "
                + finding.edge().column() + " names no existing " + finding.edge().parentTable() + "."
                + (finding.category() == HealthService.Category.ORPHAN_LABELS ? "" : " Double-click a row to show it in the tree.");
        findingDetail.set(where + listed);
    }

    private static String findingCount(int n) {
        return n == 1 ? "1 finding" : n + " findings";
    }

    public ObservableList<Finding> findings() { return findings; }
    public ObjectProperty<Finding> selectedProperty() { return selected; }
    public ObservableList<Problem> rows() { return rows; }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty listMessageProperty() { return listMessage.getReadOnlyProperty(); }
    public ReadOnlyStringProperty findingTitleProperty() { return findingTitle.getReadOnlyProperty(); }
    public ReadOnlyStringProperty findingDetailProperty() { return findingDetail.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty checkingProperty() { return checking.getReadOnlyProperty(); }
    /** What fixing the selected finding does; empty with none selected. */
    public ReadOnlyStringProperty fixTextProperty() { return fixText.getReadOnlyProperty(); }
    /** Why no finding can be fixed here (the database is open read-only); empty where they can. */
    public ReadOnlyStringProperty fixRefusedProperty() { return fixRefused.getReadOnlyProperty(); }
    /** What fixing the selected finding's whole group does; empty where the group has one finding. */
    public ReadOnlyStringProperty fixGroupTextProperty() { return fixGroupText.getReadOnlyProperty(); }
}
