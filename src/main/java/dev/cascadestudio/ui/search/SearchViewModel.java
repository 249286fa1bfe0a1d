package dev.cascadestudio.ui.search;

import dev.cascadestudio.service.FailureMessages;
import dev.cascadestudio.service.Placement;
import dev.cascadestudio.service.RowRef;
import dev.cascadestudio.service.SearchResults;
import dev.cascadestudio.service.SearchService;
import dev.cascadestudio.ui.task.Activity;
import dev.cascadestudio.ui.tree.TreeTexts;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The toolbar's search: a query, the rows it found (at most {@value #LIMIT}) and a sentence about
 * them. The search runs on a background task; choosing a result hands it to the tree.
 */
public final class SearchViewModel {

    public static final int LIMIT = 200;

    private final Activity activity;
    private final Consumer<RowRef> reveal;
    private SearchService service;
    /** Only the latest search may fill the results; an older one that finishes later is dropped. */
    private int latest;

    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<Placement> results = FXCollections.observableArrayList();
    private final ObservableList<Placement> readOnlyResults = FXCollections.unmodifiableObservableList(results);
    private final StringProperty summary = new SimpleStringProperty("");
    private final BooleanProperty showingResults = new SimpleBooleanProperty();
    private final BooleanProperty enabled = new SimpleBooleanProperty();

    /** @param reveal shows a chosen row in the tree */
    public SearchViewModel(Activity activity, Consumer<RowRef> reveal) {
        this.activity = Objects.requireNonNull(activity);
        this.reveal = Objects.requireNonNull(reveal);
    }

    public void attach(SearchService service) {
        this.service = service;
        enabled.set(true);
    }

    public void detach() {
        service = null;
        enabled.set(false);
        dismiss();
    }

    /** Searches for the current query; a blank query hides the results. */
    public void search() {
        String text = query.get() == null ? "" : query.get().strip();
        int request = ++latest;
        SearchService searcher = service;
        if (text.isEmpty() || searcher == null) {
            dismiss();
            return;
        }
        activity.run("Searching for “" + text + "”…", () -> searcher.search(text, LIMIT), found -> {
            if (request == latest) {
                show(found);
            }
        }, failure -> {
            if (request == latest) {
                results.clear();
                summary.set("Search failed: " + FailureMessages.describe(failure));
                showingResults.set(true);
            }
        });
    }

    /** Reveals and selects the row of {@code hit} in the tree; the results close. */
    public void choose(Placement hit) {
        if (hit != null) {
            dismiss();
            reveal.accept(hit.row());
        }
    }

    public void dismiss() {
        latest++;
        showingResults.set(false);
    }

    private void show(SearchResults found) {
        results.setAll(found.hits());
        if (found.rows().isEmpty()) {
            summary.set(found.query().contains("=")
                    ? "No row carries the label " + found.query()
                    : "No row’s name contains “" + found.query() + "”");
        } else if (found.more()) {
            summary.set("First " + TreeTexts.number(found.rows().size()) + " matches shown; more exist — refine the search");
        } else {
            summary.set(found.rows().size() == 1 ? "1 match" : TreeTexts.number(found.rows().size()) + " matches");
        }
        showingResults.set(true);
    }

    public StringProperty queryProperty() { return query; }
    public ObservableList<Placement> results() { return readOnlyResults; }
    public ReadOnlyStringProperty summaryProperty() { return summary; }
    public ReadOnlyBooleanProperty showingResultsProperty() { return showingResults; }
    public ReadOnlyBooleanProperty enabledProperty() { return enabled; }
}
