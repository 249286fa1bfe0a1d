package dev.cascadestudio.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;

/**
 * The window icon: the PNGs {@code installer/icon/DrawIcon.java} drew, the same drawing the installers
 * carry (the menu entry's, the Windows and the macOS icon), so the window and the menu always agree.
 * Each size is drawn for its size, so the window manager picks one instead of scaling one down.
 */
final class AppIcon {

    private static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256};

    private AppIcon() {}

    static List<Image> images() {
        List<Image> images = new ArrayList<>();
        for (int size : SIZES) {
            images.add(new Image(AppIcon.class.getResource("icon/cascade-studio-" + size + ".png").toExternalForm()));
        }
        return images;
    }
}
