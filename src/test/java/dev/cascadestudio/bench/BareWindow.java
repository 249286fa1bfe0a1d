package dev.cascadestudio.bench;

import dev.cascadestudio.service.StartupTimeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The machine's floor for {@link StartupBenchmark}'s window figures: the least a JavaFX window can take here, a label and
 * a progress bar in a window of Cascade Studio's size, from the same jar's JavaFX and the same JVM options, its first
 * frame marked as Cascade Studio marks its own (two pulses after it is shown), then the process ends. What Cascade
 * Studio takes above it is its own; what the floor takes is the machine's and JavaFX's.
 */
public final class BareWindow {

    private BareWindow() {}

    /** Not an {@link Application} itself: from the class path, JavaFX starts only through a main class of another kind. */
    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            VBox root = new VBox(12, new Label("Opening…"), new ProgressBar());
            root.setAlignment(Pos.CENTER);
            Scene scene = new Scene(root, 1200, 760);
            stage.setTitle("Bare window");
            stage.setScene(scene);
            stage.show();
            int[] pulses = {0};
            // as CascadeStudioApp marks its window's: on the FX thread after the second pulse (its render handed over)
            scene.addPostLayoutPulseListener(() -> {
                if (++pulses[0] == 2) {
                    Platform.runLater(() -> {
                        StartupTimeline.mark("window-frame");
                        Platform.exit();
                    });
                }
            });
        }
    }
}
