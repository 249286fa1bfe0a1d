package dev.cascadestudio.ui.main;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** The questions and answers of switching a database between read-only and editing. */
final class ModeDialogs {

    static final String CONFIRM_TITLE = "Switch to editing";

    private ModeDialogs() {}

    /**
     * Asks before the database named {@code database} is opened for editing; with {@code recover}, says
     * that a delete a crash cut off will be undone first. True if the administrator confirms.
     */
    static boolean confirmEditing(Window owner, String database, boolean recover) {
        ButtonType edit = new ButtonType(recover ? "Recover and edit" : "Switch to editing", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", edit, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle(CONFIRM_TITLE);
        alert.setHeaderText("Open " + database + " for editing?");
        alert.setContentText((recover
                ? "A delete on this database was cut off by a crash. Opening it for editing first puts the database"
                        + " back exactly as it was before that delete.\n\n"
                : "")
                + "Save, New, Delete and Restore will change this database. Turn Edit off to go back to read-only.");
        alert.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        alert.getDialogPane().setPrefWidth(520);
        return alert.showAndWait().filter(edit::equals).isPresent();
    }

    /** Says why the database could not be opened in the other mode (it stays open as it was). */
    static void cannotSwitch(Window owner, boolean toEditing, String reason) {
        Alert alert = new Alert(Alert.AlertType.ERROR, reason, ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle(toEditing ? CONFIRM_TITLE : "Switch to read-only");
        alert.setHeaderText(toEditing ? "The database could not be opened for editing" : "The database could not be opened read-only");
        alert.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        alert.getDialogPane().setPrefWidth(520);
        alert.showAndWait();
    }
}
