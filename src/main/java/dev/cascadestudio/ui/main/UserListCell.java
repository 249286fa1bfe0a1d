package dev.cascadestudio.ui.main;

import dev.cascadestudio.service.UserSummary;
import dev.cascadestudio.ui.StyleClasses;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** One entry of the user list: icon, name, muted description and a badge with the project count. */
final class UserListCell extends ListCell<UserSummary> {

    private final FontIcon icon = new FontIcon(Material2OutlinedMZ.PERSON);
    private final Label name = new Label();
    private final Label description = new Label();
    private final Label badge = new Label();
    private final Tooltip badgeTooltip = new Tooltip();
    private final Tooltip descriptionTooltip = new Tooltip();
    private final HBox content;

    UserListCell() {
        getStyleClass().add(StyleClasses.USER_CELL);
        icon.getStyleClass().add(StyleClasses.USER_CELL_ICON);
        name.getStyleClass().add(StyleClasses.USER_CELL_NAME);
        description.getStyleClass().add(StyleClasses.USER_CELL_DESCRIPTION);
        badge.getStyleClass().add(StyleClasses.COUNT_BADGE);
        badge.setTooltip(badgeTooltip);
        description.setTooltip(descriptionTooltip);
        badge.setMinWidth(Label.USE_PREF_SIZE);

        VBox text = new VBox(name, description);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        content = new HBox(icon, text, badge);
        content.setAlignment(Pos.CENTER_LEFT);
        content.setSpacing(10);
        content.setMinWidth(0);
        content.setPrefWidth(0);

        setText(null);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(UserSummary user, boolean empty) {
        super.updateItem(user, empty);
        boolean unowned = !empty && user != null && user.isUnowned();
        pseudoClassStateChanged(StyleClasses.UNOWNED, unowned);
        if (empty || user == null) {
            setGraphic(null);
            return;
        }
        icon.setIconCode(unowned ? Material2OutlinedAL.LINK_OFF : Material2OutlinedMZ.PERSON);
        name.setText(user.name());
        description.setText(user.description() == null || user.description().isBlank() ? "No description" : user.description());
        descriptionTooltip.setText(description.getText());
        badge.setText(String.format("%,d", user.projectCount()));
        badge.pseudoClassStateChanged(StyleClasses.ZERO, user.projectCount() == 0);
        badgeTooltip.setText(UserDetails.projectCount(user.projectCount()));
        setGraphic(content);
    }
}
