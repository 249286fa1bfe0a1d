package dev.cascadestudio.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXMLLoader;

/** Loads a view's FXML with the view itself as its controller (the view owns its FXML). */
public final class FxmlViews {

    private FxmlViews() {}

    public static void load(String path, Object controller) {
        FXMLLoader loader = new FXMLLoader(FxmlViews.class.getResource(path));
        loader.setController(controller);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + path, e);
        }
    }
}
