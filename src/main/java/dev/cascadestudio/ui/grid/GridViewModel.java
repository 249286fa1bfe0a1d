package dev.cascadestudio.ui.grid;

import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.service.FailureMessages;
import dev.cascadestudio.service.GridColumn;
import dev.cascadestudio.service.GridFilter;
import dev.cascadestudio.service.GridPage;
import dev.cascadestudio.service.GridService;
import dev.cascadestudio.service.RowRef;
import dev.cascadestudio.ui.task.Activity;
import dev.cascadestudio.ui.tree.EntityKind;
import dev.cascadestudio.ui.tree.TreeTexts;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The grid of one table: which table, its filters and order, the rows loaded so far (a page at a
 * time, as the view scrolls), how many rows match, and what a delete of the chosen rows takes. Every
 * read runs through the window's {@link Activity}; an answer to an older question is dropped.
 */
public final class GridViewModel {

    /** Rows read per page. */
    public static final int PAGE = 200;
    /** The order a table opens in: the key, which every table has an index on (the first page of any table is at once). */
    public static final String KEY_ORDER = "uid";

    private final Activity activity;
    private GridService service;
    /** Only the latest question may fill the grid. */
    private int latest;

    private final StringProperty table = new SimpleStringProperty(GridService.TABLES.get(0));
    private final ObservableList<GridColumn> columns = FXCollections.observableArrayList();
    private final ObjectProperty<GridFilter> filter = new SimpleObjectProperty<>(GridFilter.NONE);
    private final StringProperty sortColumn = new SimpleStringProperty(KEY_ORDER);
    private final BooleanProperty descending = new SimpleBooleanProperty();
    private final ObservableList<GridPage.GridRow> rows = FXCollections.observableArrayList();
    private final LongProperty matching = new SimpleLongProperty(-1);
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanProperty more = new SimpleBooleanProperty();
    private final BooleanProperty allMatching = new SimpleBooleanProperty();
    private final BooleanProperty attached = new SimpleBooleanProperty();
    private final StringProperty problem = new SimpleStringProperty("");
    private GridPage.Cursor next;
    /** Whether the grid is on screen: a hidden grid reads nothing, and reads when it is shown if anything changed. */
    private boolean active;
    private boolean stale = true;

    public GridViewModel(Activity activity) {
        this.activity = Objects.requireNonNull(activity);
    }

    public void attach(GridService grid) {
        this.service = grid;
        attached.set(true);
        columns.setAll(grid.columns(table.get()));
        reload();
    }

    public void detach() {
        service = null;
        latest++;
        attached.set(false);
        stale = true;
        rows.clear();
        matching.set(-1);
        more.set(false);
        allMatching.set(false);
        loading.set(false);
    }

    /** Shows another table, in its key order and without filters. */
    public void showTable(String newTable) {
        if (newTable == null || newTable.equals(table.get())) {
            return;
        }
        rows.clear(); // before the columns change: a row of the last table has other columns
        matching.set(-1);
        table.set(newTable);
        filter.set(GridFilter.NONE);
        sortColumn.set(KEY_ORDER);
        descending.set(false);
        if (service != null) {
            columns.setAll(service.columns(newTable));
        }
        reload();
    }

    /** Orders by {@code column} (null: the key order), sorted by the database. */
    public void sortBy(String column, boolean down) {
        String wanted = column == null ? KEY_ORDER : column;
        if (wanted.equals(sortColumn.get()) && down == descending.get()) {
            return;
        }
        sortColumn.set(wanted);
        descending.set(down);
        reload();
    }

    public void setFilter(GridFilter newFilter) {
        GridFilter f = newFilter == null ? GridFilter.NONE : newFilter;
        if (f.equals(filter.get())) {
            return;
        }
        filter.set(f);
        reload();
    }

    /** The grid is shown (it reads its rows if they may have changed since) or hidden. */
    public void setActive(boolean shown) {
        active = shown;
        if (shown && stale) {
            reload();
        }
    }

    /** Reads the count and the first page again: after a change of table, order or filters, a delete, F5. */
    public void reload() {
        GridService grid = service;
        int request = ++latest;
        allMatching.set(false);
        next = null;
        if (grid == null) {
            return;
        }
        if (!active) {
            stale = true;
            return;
        }
        stale = false;
        String t = table.get();
        GridFilter f = filter.get();
        String column = sortColumn.get();
        boolean down = descending.get();
        loading.set(true);
        problem.set("");
        activity.run("Reading " + EntityKind.of(t).plural().toLowerCase(java.util.Locale.ROOT) + "…", () -> {
            GridPage.First first = grid.first(t, f, column, down, PAGE);
            return new Loaded(first.page(), first.matching());
        }, loaded -> {
            if (request == latest) {
                loading.set(false);
                rows.setAll(loaded.page().rows());
                matching.set(loaded.count());
                next = loaded.page().next();
                more.set(next != null);
            }
        }, failure -> {
            if (request == latest) {
                loading.set(false);
                rows.clear();
                matching.set(-1);
                more.set(false);
                problem.set(problem(failure));
            }
        });
    }

    private record Loaded(GridPage page, long count) {}

    /** Reads the next page, if there is one and none is being read. */
    public void loadMore() {
        GridService grid = service;
        GridPage.Cursor after = next;
        if (grid == null || after == null || loading.get()) {
            return;
        }
        int request = latest;
        loading.set(true);
        String t = table.get();
        GridFilter f = filter.get();
        activity.run("Reading more " + EntityKind.of(t).plural().toLowerCase(java.util.Locale.ROOT) + "…",
                () -> grid.page(t, f, after.column(), after.descending(), after, PAGE), page -> {
                    if (request == latest) {
                        loading.set(false);
                        rows.addAll(page.rows());
                        next = page.next();
                        more.set(next != null);
                    }
                }, failure -> {
                    if (request == latest) {
                        loading.set(false);
                        problem.set(problem(failure));
                    }
                });
    }

    /** "Select all N matching": the delete takes every row the filters let through, loaded or not. */
    public void chooseAllMatching(boolean all) {
        allMatching.set(all);
    }

    /**
     * The delete roots of what is chosen: {@code selected} (each uid once, every version of it), or
     * every matching row, collected by the database in one query. {@code ready} gets them, or
     * {@code refused} one sentence, on the FX thread.
     */
    public void chosenRoots(List<RowRef> selected, Consumer<List<Root>> ready, Consumer<String> refused) {
        GridService grid = service;
        if (grid == null) {
            return;
        }
        if (!allMatching.get()) {
            Set<Root> roots = new LinkedHashSet<>();
            selected.forEach(row -> roots.add(new Root(row.table(), row.uid())));
            if (!roots.isEmpty()) {
                ready.accept(List.copyOf(roots));
            }
            return;
        }
        String t = table.get();
        GridFilter f = filter.get();
        activity.run("Collecting the matching " + EntityKind.of(t).plural().toLowerCase(java.util.Locale.ROOT) + "…",
                () -> grid.matchingRoots(t, f), roots -> {
                    if (roots.isEmpty()) {
                        refused.accept("No row matches the filters any more.");
                    } else {
                        ready.accept(roots);
                    }
                }, failure -> refused.accept(problem(failure)));
    }

    /**
     * One sentence: the service's own refusal (a filter value that is not one, more rows than one delete
     * takes) as it is, anything else as the database's error.
     */
    private static String problem(Throwable failure) {
        if (failure instanceof IllegalArgumentException && failure.getMessage() != null) {
            return failure.getMessage();
        }
        return FailureMessages.describe(failure);
    }

    /** "12,345 matching" (or "1 matching"); "" while not known. */
    public String matchingText() {
        long n = matching.get();
        return n < 0 ? "" : TreeTexts.number(n) + " matching";
    }

    public ReadOnlyStringProperty tableProperty() { return table; }
    public ObservableList<GridColumn> columns() { return columns; }
    public ReadOnlyObjectProperty<GridFilter> filterProperty() { return filter; }
    public GridFilter filter() { return filter.get(); }
    public ReadOnlyStringProperty sortColumnProperty() { return sortColumn; }
    public ReadOnlyBooleanProperty descendingProperty() { return descending; }
    public ObservableList<GridPage.GridRow> rows() { return rows; }
    /** Rows passing the filters; -1 while not known. */
    public ReadOnlyLongProperty matchingProperty() { return matching; }
    public ReadOnlyBooleanProperty loadingProperty() { return loading; }
    /** Whether rows after the loaded ones match too. */
    public ReadOnlyBooleanProperty moreProperty() { return more; }
    public ReadOnlyBooleanProperty allMatchingProperty() { return allMatching; }
    public ReadOnlyBooleanProperty attachedProperty() { return attached; }
    /** Why the rows could not be read; "" when they could. */
    public ReadOnlyStringProperty problemProperty() { return problem; }
}
