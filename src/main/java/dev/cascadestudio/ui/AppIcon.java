package dev.cascadestudio.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/**
 * The window icon, drawn from the same glyph as the toolbar's so the two always agree. Drawn with
 * the theme's colours through the stylesheet; the snapshot itself needs no scene.
 */
final class AppIcon {

    private AppIcon() {}

    static List<Image> images() {
        List<Image> images = new ArrayList<>();
        for (int size : new int[] {16, 32, 48, 64, 128}) {
            images.add(render(size));
        }
        return images;
    }

    private static Image render(int size) {
        FontIcon glyph = new FontIcon(Material2OutlinedAL.ACCOUNT_TREE);
        glyph.setIconSize((int) Math.round(size * 0.7));
        StackPane tile = new StackPane(glyph);
        tile.getStyleClass().add(StyleClasses.APP_WINDOW_ICON);
        tile.getStylesheets().add(AppIcon.class.getResource(StyleClasses.APP_STYLESHEET).toExternalForm());
        tile.setMinSize(size, size);
        tile.setPrefSize(size, size);
        tile.setMaxSize(size, size);
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(Color.TRANSPARENT);
        return tile.snapshot(parameters, null);
    }
}
