package dev.cascadestudio.ui;

import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.geometry.Rectangle2D;
import javafx.stage.Stage;

/**
 * Follows a stage's bounds while it is neither maximised nor minimised, so that a maximised window
 * remembers the size it goes back to. Reads the stage a moment after it moved: a window manager
 * reports "maximised" and the new size in either order.
 */
final class StagePlacement {

    private final Stage stage;
    private Rectangle2D normal;
    private boolean pending;

    StagePlacement(Stage stage) {
        this.stage = stage;
        InvalidationListener moved = o -> later();
        stage.xProperty().addListener(moved);
        stage.yProperty().addListener(moved);
        stage.widthProperty().addListener(moved);
        stage.heightProperty().addListener(moved);
    }

    /** The bounds the window has, or goes back to when it is no longer maximised; null if never shown. */
    Rectangle2D normalBounds() {
        record();
        return normal;
    }

    private void later() {
        if (!pending) {
            pending = true;
            Platform.runLater(() -> {
                pending = false;
                record();
            });
        }
    }

    private void record() {
        if (!stage.isMaximized() && !stage.isIconified() && !stage.isFullScreen()
                && stage.getWidth() > 0 && stage.getHeight() > 0 && !Double.isNaN(stage.getX())) {
            normal = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        }
    }
}
