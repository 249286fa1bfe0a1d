package dev.cascadestudio.ui.main;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** The main window's keyboard shortcuts, in one place: the scene, the menus and the tooltips use these. */
final class Shortcuts {

    private Shortcuts() {}

    static final KeyCombination REFRESH = new KeyCodeCombination(KeyCode.F5);
    static final KeyCombination DELETE = new KeyCodeCombination(KeyCode.DELETE);
    static final KeyCombination GRAPH = new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination HEALTH = new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    static final KeyCombination HISTORY = new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination TABLES = new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination SEARCH = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination OPEN = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination QUIT = new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN);
}
