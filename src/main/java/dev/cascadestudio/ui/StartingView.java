package dev.cascadestudio.ui;

import dev.cascadestudio.ui.main.DatabaseTarget;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;

/**
 * What the window shows in its first frame: which database is being opened, and a progress bar. A
 * few nodes, so that the frame comes as soon as JavaFX is up; the main view takes its place a moment
 * later, and from then on its own status line and tree say how the opening goes.
 */
final class StartingView {

    private StartingView() {}

    static Parent of(DatabaseTarget target) {
        Label title = new Label("Cascade Studio");
        title.getStyleClass().add(StyleClasses.APP_TITLE);
        Label message = new Label("Opening " + target.describe() + "…");
        message.getStyleClass().add(StyleClasses.STARTING_MESSAGE);
        message.setWrapText(true);
        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        progress.setPrefWidth(280);
        VBox box = new VBox(12, title, message, progress);
        box.setAlignment(Pos.CENTER);
        box.setId("startingView");
        box.getStyleClass().add(StyleClasses.STARTING_VIEW);
        return box;
    }
}
