package dev.cascadestudio.ui;

import javafx.css.PseudoClass;

/**
 * Every style-class and pseudo-class name the application's own stylesheet knows, in one place.
 * FXML refers to them with {@code fx:constant}; {@code styles/cascade-studio.css} defines them.
 */
public final class StyleClasses {

    private StyleClasses() {}

    public static final String APP_STYLESHEET = "/styles/cascade-studio.css";

    public static final String APP_WINDOW_ICON = "app-window-icon";
    public static final String APP_TOOLBAR = "app-toolbar";
    public static final String APP_ICON = "app-icon";
    public static final String APP_TITLE = "app-title";
    public static final String APP_SUBTITLE = "app-subtitle";

    public static final String SIDEBAR = "sidebar";
    public static final String SECTION_HEADER = "section-header";
    public static final String SECTION_TITLE = "section-title";
    public static final String SECTION_COUNT = "section-count";
    public static final String USER_LIST = "user-list";
    public static final String USER_CELL = "user-cell";
    public static final String USER_CELL_ICON = "user-cell-icon";
    public static final String USER_CELL_NAME = "user-cell-name";
    public static final String USER_CELL_DESCRIPTION = "user-cell-description";
    public static final String COUNT_BADGE = "count-badge";

    public static final String DETAILS_AREA = "details-area";
    public static final String DETAILS = "details";
    public static final String DETAILS_HEADER = "details-header";
    public static final String DETAILS_HEADING = "details-heading";
    public static final String AVATAR = "avatar";
    public static final String AVATAR_INITIAL = "avatar-initial";
    public static final String DETAILS_KIND = "details-kind";
    public static final String DETAILS_NAME = "details-name";
    public static final String DETAILS_DESCRIPTION = "details-description";
    public static final String FACTS = "facts";
    public static final String FACT_ROW = "fact-row";
    public static final String FACT_NAME = "fact-name";
    public static final String FACT_VALUE = "fact-value";
    public static final String FACT_CODE = "fact-code";

    public static final String STATE_PANEL = "state-panel";
    public static final String STATE_ICON = "state-icon";
    public static final String STATE_TITLE = "state-title";
    public static final String STATE_TEXT = "state-text";
    public static final String STATE_ACTIONS = "state-actions";
    public static final String ERROR_STATE = "error-state";

    public static final String STATUS_BAR = "status-bar";
    public static final String STATUS_ICON = "status-icon";
    public static final String STATUS_TEXT = "status-text";
    public static final String BUSY_INDICATOR = "busy-indicator";

    /** A list entry or details pane that stands for projects without a live owner, not for a user. */
    public static final PseudoClass UNOWNED = PseudoClass.getPseudoClass("unowned");
    /** A count badge showing zero. */
    public static final PseudoClass ZERO = PseudoClass.getPseudoClass("zero");
}
