package dev.cascadestudio.ui.search;

import dev.cascadestudio.service.Placement;
import dev.cascadestudio.ui.FxmlViews;
import dev.cascadestudio.ui.StyleClasses;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.geometry.Point2D;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.util.Duration;

/**
 * Loads {@code fxml/SearchBox.fxml}: the toolbar's search field, and below it a popup list of the
 * results. The field keeps the keyboard: Down/Up move through the results, Enter chooses one (or
 * searches at once), Escape closes the list. Typing searches after a short pause.
 */
public final class SearchView {

    private static final Duration TYPING_PAUSE = Duration.millis(300);
    private static final double RESULT_HEIGHT = 46;
    private static final int VISIBLE_RESULTS = 10;

    @FXML private HBox root;
    @FXML private TextField searchField;

    private final SearchViewModel model;
    private final ListView<Placement> results = new ListView<>();
    private final Label summary = new Label();
    private final Popup popup = new Popup();
    private final PauseTransition typing = new PauseTransition(TYPING_PAUSE);

    public SearchView(SearchViewModel model) {
        this.model = model;
        FxmlViews.load("/fxml/SearchBox.fxml", this);
    }

    public Parent root() {
        return root;
    }

    /** Ctrl+F: puts the cursor in the field, its text selected so typing replaces it. */
    public void focus() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    @FXML
    private void initialize() {
        searchField.textProperty().bindBidirectional(model.queryProperty());
        searchField.disableProperty().bind(model.enabledProperty().not());
        typing.setOnFinished(event -> model.search());
        searchField.textProperty().addListener((o, old, text) -> typing.playFromStart());
        searchField.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        buildPopup();
        model.showingResultsProperty().addListener((o, was, showing) -> {
            if (showing) {
                open();
            } else {
                popup.hide();
            }
        });
    }

    private void buildPopup() {
        results.setId("searchResults");
        results.setItems(model.results());
        results.setCellFactory(list -> new SearchResultCell());
        results.setFocusTraversable(false);
        results.setFixedCellSize(RESULT_HEIGHT);
        results.getStyleClass().add(StyleClasses.SEARCH_RESULTS);
        results.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> Math.min(VISIBLE_RESULTS, model.results().size()) * RESULT_HEIGHT + 2, model.results()));
        results.visibleProperty().bind(Bindings.isNotEmpty(model.results()));
        results.managedProperty().bind(results.visibleProperty());
        results.setOnMouseClicked(event -> model.choose(results.getSelectionModel().getSelectedItem()));
        summary.setId("searchSummary");
        summary.textProperty().bind(model.summaryProperty());
        summary.getStyleClass().add(StyleClasses.SEARCH_SUMMARY);
        summary.setMaxWidth(Double.MAX_VALUE);
        VBox box = new VBox(results, summary);
        box.getStyleClass().add(StyleClasses.SEARCH_POPUP);
        box.getStylesheets().add(SearchView.class.getResource(StyleClasses.APP_STYLESHEET).toExternalForm());
        box.prefWidthProperty().bind(Bindings.max(460, searchField.widthProperty()));
        popup.getContent().add(box);
        popup.setAutoHide(true);
        popup.setHideOnEscape(true);
        popup.setOnHidden(event -> model.dismiss());
    }

    private void open() {
        results.getSelectionModel().clearSelection();
        results.scrollTo(0);
        if (!popup.isShowing() && searchField.getScene() != null && searchField.getScene().getWindow() != null) {
            Point2D below = searchField.localToScreen(0, searchField.getHeight() + 4);
            popup.show(searchField.getScene().getWindow(), below.getX(), below.getY());
        }
    }

    private void key(KeyEvent event) {
        switch (event.getCode()) {
            case DOWN, UP -> {
                if (popup.isShowing() && !model.results().isEmpty()) {
                    int at = results.getSelectionModel().getSelectedIndex();
                    int next = event.getCode() == javafx.scene.input.KeyCode.DOWN
                            ? Math.min(model.results().size() - 1, at + 1) : Math.max(0, at - 1);
                    results.getSelectionModel().select(next);
                    results.scrollTo(Math.max(0, next - VISIBLE_RESULTS / 2));
                    event.consume();
                }
            }
            case ENTER -> {
                Placement chosen = results.getSelectionModel().getSelectedItem();
                if (popup.isShowing() && chosen != null) {
                    model.choose(chosen);
                } else {
                    typing.stop();
                    model.search();
                }
                event.consume();
            }
            case ESCAPE -> {
                if (popup.isShowing()) {
                    model.dismiss();
                    event.consume();
                }
            }
            default -> { }
        }
    }
}
