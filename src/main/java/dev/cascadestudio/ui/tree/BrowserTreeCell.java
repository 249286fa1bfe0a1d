package dev.cascadestudio.ui.tree;

import dev.cascadestudio.ui.StyleClasses;
import dev.cascadestudio.ui.tree.TreeEntry.FailedEntry;
import dev.cascadestudio.ui.tree.TreeEntry.GroupEntry;
import dev.cascadestudio.ui.tree.TreeEntry.LoadingEntry;
import dev.cascadestudio.ui.tree.TreeEntry.MoreEntry;
import dev.cascadestudio.ui.tree.TreeEntry.RowEntry;
import dev.cascadestudio.ui.tree.TreeEntry.UnownedEntry;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Skin;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.skin.TreeCellSkin;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/**
 * One node of the browse tree: kind icon, name, and for groups and rows that have groups under them
 * a count badge. Nodes are
 * built once; {@code updateItem} only sets texts, icons and pseudo-classes.
 */
final class BrowserTreeCell extends TreeCell<TreeEntry> {

    private static final double INDENT = 16;

    private final FontIcon icon = new FontIcon(Material2OutlinedAL.FOLDER);
    private final Label name = new Label();
    private final Label badge = new Label();
    /** Made for the first entry that has a hint: most cells of a start are empty, and a tooltip costs a popup's setup. */
    private Tooltip tooltip;
    private final HBox content;

    /** @param showMore what choosing a "Show 500 more" item does */
    BrowserTreeCell(Consumer<TreeItem<TreeEntry>> showMore) {
        getStyleClass().add(StyleClasses.TREE_CELL);
        icon.getStyleClass().add(StyleClasses.TREE_CELL_ICON);
        name.getStyleClass().add(StyleClasses.TREE_CELL_NAME);
        badge.getStyleClass().add(StyleClasses.COUNT_BADGE);
        badge.setMinWidth(Label.USE_PREF_SIZE);
        name.setMinWidth(0);
        HBox.setHgrow(name, Priority.ALWAYS);
        name.setMaxWidth(Double.MAX_VALUE);
        content = new HBox(icon, name, badge);
        content.setAlignment(Pos.CENTER_LEFT);
        content.setSpacing(7);
        setText(null);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && !isEmpty() && getItem() instanceof MoreEntry) {
                showMore.accept(getTreeItem());
            }
        });
    }

    @Override
    protected void updateItem(TreeEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        pseudoClassStateChanged(StyleClasses.GROUP, !empty && entry instanceof GroupEntry);
        pseudoClassStateChanged(StyleClasses.UNOWNED, !empty && (entry instanceof UnownedEntry
                || entry instanceof GroupEntry group && group.group().orphans()));
        pseudoClassStateChanged(StyleClasses.MORE, !empty && entry instanceof MoreEntry);
        pseudoClassStateChanged(StyleClasses.PLACEHOLDER, !empty && (entry instanceof LoadingEntry || entry instanceof FailedEntry));
        pseudoClassStateChanged(StyleClasses.FAILED, !empty && entry instanceof FailedEntry);
        if (empty || entry == null) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        name.setText(TreeTexts.title(entry));
        icon.setIconCode(iconOf(entry));
        long count = count(entry);
        badge.setVisible(count >= 0);
        badge.setManaged(count >= 0);
        badge.setText(count >= 0 ? TreeTexts.number(count) : "");
        badge.pseudoClassStateChanged(StyleClasses.ZERO, count == 0);
        String hint = hint(entry);
        if (hint != null && tooltip == null) {
            tooltip = new Tooltip();
        }
        if (tooltip != null) {
            tooltip.setText(hint);
        }
        setTooltip(hint == null ? null : tooltip);
        setGraphic(content);
    }

    /**
     * The indent is set here rather than by the theme: JavaFX's style cache can skip the skin's
     * {@code -fx-indent} for cells styled before their skin existed, and those cells then sit at
     * the default indent, out of line with their siblings.
     */
    @Override
    protected Skin<?> createDefaultSkin() {
        TreeCellSkin<TreeEntry> skin = new TreeCellSkin<>(this);
        skin.setIndent(INDENT);
        return skin;
    }

    private static org.kordamp.ikonli.Ikon iconOf(TreeEntry entry) {
        if (entry instanceof RowEntry row) {
            return row.kind().icon();
        }
        if (entry instanceof GroupEntry group) {
            return group.kind().icon();
        }
        if (entry instanceof UnownedEntry) {
            return Material2OutlinedAL.LINK_OFF;
        }
        if (entry instanceof MoreEntry) {
            return Material2OutlinedAL.EXPAND_MORE;
        }
        if (entry instanceof FailedEntry) {
            return Material2OutlinedAL.ERROR_OUTLINE;
        }
        return Material2OutlinedAL.HOURGLASS_EMPTY;
    }

    private static long count(TreeEntry entry) {
        if (entry instanceof GroupEntry group) {
            return group.count();
        }
        if (entry instanceof UnownedEntry unowned) {
            return unowned.count();
        }
        if (entry instanceof RowEntry row) {
            return row.count();
        }
        return -1;
    }

    private static String hint(TreeEntry entry) {
        if (entry instanceof RowEntry row && row.count() >= 0) {
            return row.kind() == EntityKind.USER ? TreeTexts.projects(row.count())
                    : TreeTexts.rows(row.count()) + " under this " + row.kind().singular().toLowerCase(Locale.ROOT);
        }
        if (entry instanceof GroupEntry group) {
            return TreeTexts.rows(group.count());
        }
        if (entry instanceof UnownedEntry unowned) {
            return TreeTexts.rows(unowned.count()) + " whose owner or parent is not set or no longer exists";
        }
        if (entry instanceof MoreEntry more) {
            return TreeTexts.number(more.shown()) + " of " + TreeTexts.rows(more.total()) + " shown";
        }
        if (entry instanceof FailedEntry) {
            return "Collapse and expand to try again";
        }
        return null;
    }
}
