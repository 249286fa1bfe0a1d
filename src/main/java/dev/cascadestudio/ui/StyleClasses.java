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

    public static final String STARTING_VIEW = "starting-view";
    public static final String STARTING_MESSAGE = "starting-message";

    public static final String SIDEBAR = "sidebar";
    public static final String SECTION_HEADER = "section-header";
    public static final String SECTION_TITLE = "section-title";
    public static final String SECTION_COUNT = "section-count";
    public static final String BROWSER_TREE = "browser-tree";
    public static final String TREE_CELL = "browser-tree-cell";
    public static final String TREE_CELL_ICON = "browser-tree-cell-icon";
    public static final String TREE_CELL_NAME = "browser-tree-cell-name";
    public static final String COUNT_BADGE = "count-badge";

    public static final String SEARCH_BOX = "search-box";
    public static final String SEARCH_POPUP = "search-popup";
    public static final String SEARCH_RESULTS = "search-results";
    public static final String SEARCH_RESULT = "search-result";
    public static final String SEARCH_RESULT_ICON = "search-result-icon";
    public static final String SEARCH_RESULT_NAME = "search-result-name";
    public static final String SEARCH_RESULT_TABLE = "search-result-table";
    public static final String SEARCH_RESULT_WHERE = "search-result-where";
    public static final String SEARCH_SUMMARY = "search-summary";

    public static final String GRID_VIEW = "grid-view";
    public static final String GRID_BAR = "grid-bar";
    public static final String GRID_MATCHING = "grid-matching";
    public static final String GRID_FILTER_ERROR = "grid-filter-error";
    public static final String FILTER_CHIPS = "filter-chips";
    public static final String FILTER_CHIP = "filter-chip";
    public static final String GRID_SELECTION_BAR = "grid-selection-bar";
    public static final String GRID_TABLE = "grid-table";
    public static final String GRID_FOOTER = "grid-footer";

    public static final String DETAILS_AREA = "details-area";
    public static final String DETAILS = "details";
    public static final String DETAILS_HEADER = "details-header";
    public static final String DETAILS_HEADING = "details-heading";
    public static final String AVATAR = "avatar";
    public static final String AVATAR_ICON = "avatar-icon";
    public static final String DETAILS_KIND = "details-kind";
    public static final String DETAILS_NAME = "details-name";
    public static final String DETAILS_DESCRIPTION = "details-description";
    public static final String DETAILS_SECTIONS = "details-sections";
    public static final String DETAILS_SECTION = "details-section";
    public static final String FACTS = "facts";
    public static final String FACT_NAME = "fact-name";
    public static final String FACT_VALUE = "fact-value";
    public static final String FACT_CODE = "fact-code";
    public static final String SPEC_AREA = "spec-area";
    public static final String LABELS_TABLE = "labels-table";
    public static final String EDITOR_BAR = "editor-bar";
    public static final String EDITOR_HINT = "editor-hint";
    public static final String EDITOR_MESSAGE = "editor-message";
    public static final String SECTION_HEADER_ROW = "section-header-row";
    public static final String SPEC_STATUS = "spec-status";
    public static final String FIELD_EDITOR = "field-editor";
    public static final String FIELD_ERROR = "field-error";

    public static final String STATE_PANEL = "state-panel";
    public static final String STATE_ICON = "state-icon";
    public static final String STATE_TITLE = "state-title";
    public static final String STATE_TEXT = "state-text";
    public static final String STATE_ACTIONS = "state-actions";
    public static final String ERROR_STATE = "error-state";

    public static final String NOTICE_BAR = "notice-bar";
    /** The band under the toolbar that says whether the database is open read-only or for editing. */
    public static final String MODE_BAND = "mode-band";
    /** {@link #MODE_BAND}: open for editing (amber). */
    public static final PseudoClass EDITING = PseudoClass.getPseudoClass("editing");
    /** {@link #MODE_BAND}: a production database (red). */
    public static final PseudoClass PRODUCTION = PseudoClass.getPseudoClass("production");
    public static final String OPEN_DATABASE = "open-database";
    /** The "Open…" dialog's list of saved connections, and a production connection's mark in it. */
    public static final String RECENT_CONNECTIONS = "recent-connections";
    public static final String CONNECTION_NAME = "connection-name";
    public static final String CONNECTION_DETAIL = "connection-detail";
    public static final String PRODUCTION_MARK = "production-mark";
    public static final String DIALOG_TITLE = "dialog-title";

    public static final String STATUS_BAR = "status-bar";
    public static final String STATUS_ICON = "status-icon";
    public static final String STATUS_TEXT = "status-text";
    public static final String BUSY_INDICATOR = "busy-indicator";

    /** A tree node or details pane that stands for rows without a live owner or parent, not for a row. */
    public static final PseudoClass UNOWNED = PseudoClass.getPseudoClass("unowned");
    /** A tree node that groups the rows of one kind. */
    public static final PseudoClass GROUP = PseudoClass.getPseudoClass("group");
    /** The "Show 500 more" node at the end of a long group. */
    public static final PseudoClass MORE = PseudoClass.getPseudoClass("more");
    /** A node that stands in for children being read, or that could not be read. */
    public static final PseudoClass PLACEHOLDER = PseudoClass.getPseudoClass("placeholder");
    public static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    /** A details value that is not there: SQL NULL or an empty string. */
    public static final PseudoClass ABSENT_VALUE = PseudoClass.getPseudoClass("absent");
    /** A form field whose value differs from the row as loaded. */
    public static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");
    /** A form field, spec or editor message that reports a problem. */
    public static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    /** The editor message after a save refused because the row changed in the database. */
    public static final PseudoClass CONFLICT = PseudoClass.getPseudoClass("conflict");
    /** The editor message after a save went through. */
    public static final PseudoClass SAVED = PseudoClass.getPseudoClass("saved");
    /** A count badge showing zero. */
    public static final PseudoClass ZERO = PseudoClass.getPseudoClass("zero");

    // ---- delete preview dialog and undo banner (ui.delete; styles/delete-preview.css) ----

    public static final String DELETE_PREVIEW_STYLESHEET = "/styles/delete-preview.css";

    // ---- the History window (styles/history.css) ----
    public static final String HEALTH_STYLESHEET = "/styles/health.css";
    public static final String HEALTH = "health";
    public static final String HEALTH_TOOLBAR = "health-toolbar";
    public static final String HEALTH_TITLE = "health-title";
    public static final String HEALTH_SUMMARY = "health-summary";
    public static final String HEALTH_FINDINGS = "health-findings";
    public static final String HEALTH_FINDING = "health-finding";
    public static final String HEALTH_FINDING_CATEGORY = "health-finding-category";
    public static final String HEALTH_FINDING_NAME = "health-finding-name";
    public static final String HEALTH_FINDING_HEADER = "health-finding-header";
    public static final String HEALTH_FIX_ACTIONS = "health-fix-actions";
    public static final String HEALTH_FINDING_TITLE = "health-finding-title";
    public static final String HEALTH_FINDING_DETAIL = "health-finding-detail";
    public static final String HEALTH_ROWS = "health-rows";
    public static final String HEALTH_MESSAGE = "health-message";

    public static final String HISTORY_STYLESHEET = "/styles/history.css";
    public static final String HISTORY = "history";
    public static final String HISTORY_TOOLBAR = "history-toolbar";
    public static final String HISTORY_TITLE = "history-title";
    public static final String HISTORY_TABLE = "history-table";
    public static final String HISTORY_PREVIEW = "history-preview";
    public static final String HISTORY_PREVIEW_HEADER = "history-preview-header";
    public static final String HISTORY_PREVIEW_TITLE = "history-preview-title";
    public static final String HISTORY_PREVIEW_DETAIL = "history-preview-detail";
    public static final String HISTORY_MESSAGE = "history-message";
    public static final String HISTORY_RESTORE_BAR = "history-restore-bar";

    public static final String DELETE_PREVIEW = "delete-preview";
    public static final String DELETE_HEADER = "delete-header";
    public static final String DELETE_HEADER_ICON = "delete-header-icon";
    public static final String DELETE_TITLE = "delete-title";
    public static final String DELETE_SUBTITLE = "delete-subtitle";
    public static final String DELETE_NOTICE = "delete-notice";
    public static final String DELETE_TABS = "delete-tabs";
    public static final String DELETE_EXPLANATION = "delete-explanation";
    public static final String DELETE_PLACEHOLDER = "delete-placeholder";
    public static final String SUMMARY = "summary";
    public static final String SUMMARY_CARD = "summary-card";
    public static final String SUMMARY_CARD_HEADER = "summary-card-header";
    public static final String SUMMARY_CARD_ICON = "summary-card-icon";
    public static final String SUMMARY_CARD_TITLE = "summary-card-title";
    public static final String SUMMARY_TOTAL = "summary-total";
    public static final String SUMMARY_LINES = "summary-lines";
    public static final String SUMMARY_LINE = "summary-line";
    public static final String SUMMARY_LABEL = "summary-label";
    public static final String SUMMARY_COUNT = "summary-count";
    public static final String SUMMARY_VIA = "summary-via";
    public static final String SUMMARY_EMPTY = "summary-empty";
    public static final String AFFECTED_ROWS = "affected-rows";
    public static final String AFFECTED_ROW_CELL = "affected-row-cell";
    public static final String AFFECTED_ROW_ICON = "affected-row-icon";
    public static final String AFFECTED_ROW_NAME = "affected-row-name";
    public static final String AFFECTED_ROW_KEY = "affected-row-key";
    public static final String AFFECTED_ROW_ROUTE = "affected-row-route";
    public static final String SHOW_MORE = "show-more";
    public static final String SQL_TEXT = "sql-text";
    public static final String DELETE_FOOTER = "delete-footer";
    public static final String TYPE_TO_CONFIRM = "type-to-confirm";
    public static final String DELETE_REASON = "delete-reason";
    public static final String CONFIRM_PROMPT = "confirm-prompt";
    public static final String CONFIRM_FIELD = "confirm-field";
    public static final String CONFIRM_EXPECTED = "confirm-expected";
    public static final String COMMIT_PROGRESS = "commit-progress";
    public static final String COMMIT_MESSAGE = "commit-message";
    /** The one line under "Export report…": where the report went, or why it did not. */
    public static final String EXPORT_MESSAGE = "export-message";
    public static final String UNDO_BANNER = "undo-banner";

    /** An affected row (or group of rows) that the delete removes. */
    public static final PseudoClass WILL_DELETE = PseudoClass.getPseudoClass("will-delete");
    /** An affected row (or group) whose foreign key the delete sets to NULL. */
    public static final PseudoClass SET_NULL = PseudoClass.getPseudoClass("set-null");
    /** A row the administrator selected to delete, as opposed to one the cascade reaches. */
    public static final PseudoClass CASCADE_ROOT = PseudoClass.getPseudoClass("cascade-root");
    /** A line of the affected-rows tree that stands for a whole table or column. */
    public static final PseudoClass EFFECT_GROUP = PseudoClass.getPseudoClass("effect-group");
    /** The undo banner after a restore succeeded (refused: {@link #FAILED}, shared with the tree). */
    public static final PseudoClass SUCCEEDED = PseudoClass.getPseudoClass("succeeded");
}
