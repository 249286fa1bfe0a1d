package dev.cascadestudio.ui.graph;

import javafx.css.PseudoClass;

/**
 * Every style-class and pseudo-class name of the cascade graph view, in one place; defined by
 * {@code styles/cascade-graph.css}. Kept beside the view so that the view stays one self-contained
 * component; the preview pseudo-classes carry the same names as the delete dialog's.
 */
public final class GraphStyleClasses {

    private GraphStyleClasses() {}

    public static final String STYLESHEET = "/styles/cascade-graph.css";

    public static final String GRAPH_VIEW = "cascade-graph";
    public static final String GRAPH_TOOLBAR = "graph-toolbar";
    public static final String GRAPH_SUMMARY = "graph-summary";
    public static final String GRAPH_CANVAS = "graph-canvas";
    public static final String GRAPH_PLACEHOLDER = "graph-placeholder";

    public static final String TABLE_NODE = "table-node";
    public static final String TABLE_NAME = "table-name";
    public static final String ROW_COUNT = "row-count";
    public static final String NODE_LINE = "node-line";
    public static final String DELETE_BADGE = "delete-badge";
    public static final String NULL_BADGE = "null-badge";
    public static final String LABELS_CHIP = "labels-chip";
    /** A {@code T_labels} table drawn as a node of its own ("Label tables" on). */
    public static final String LABEL_TABLE = "label-table";

    public static final String GRAPH_EDGE = "graph-edge";
    public static final String EDGE_LINE = "edge-line";
    public static final String EDGE_ARROW = "edge-arrow";
    public static final String EDGE_TEXT = "edge-text";
    public static final String EDGE_COLUMN = "edge-column";
    public static final String EDGE_COUNT = "edge-count";
    public static final String EDGE_DELETE = "edge-delete";
    public static final String EDGE_SET_NULL = "edge-set-null";
    public static final String EDGE_ORM = "edge-orm";
    public static final String EDGE_DB = "edge-db";
    public static final String EDGE_OWNER = "edge-owner";
    public static final String EDGE_LABELS = "edge-labels";

    /** The rows a delete reaches (RowsReachedView). */
    public static final String ROWS_VIEW = "rows-reached";
    public static final String ROWS_CANVAS = "rows-canvas";
    public static final String ROWS_TOOLBAR = "rows-toolbar";
    public static final String ROW_NODE = "row-node";
    public static final String ROW_DETAIL = "row-detail";
    public static final String FOLD_NODE = "fold-node";
    public static final String FOLD_TEXT = "fold-text";
    public static final String ROW_PANEL = "row-panel";
    public static final String ROW_PANEL_TITLE = "row-panel-title";
    public static final String ROW_PANEL_KEY = "row-panel-key";
    public static final String ROW_PANEL_VALUE = "row-panel-value";

    public static final String LEGEND = "graph-legend";
    public static final String LEGEND_TITLE = "legend-title";
    public static final String LEGEND_ROW = "legend-row";
    public static final String LEGEND_SWATCH = "legend-swatch";

    /** A table that loses rows in the previewed delete. */
    public static final PseudoClass WILL_DELETE = PseudoClass.getPseudoClass("will-delete");
    /** A table where the previewed delete sets a foreign key to NULL. */
    public static final PseudoClass SET_NULL = PseudoClass.getPseudoClass("set-null");
    /** The table of the rows the administrator chose to delete. */
    public static final PseudoClass CASCADE_ROOT = PseudoClass.getPseudoClass("cascade-root");
    /** An edge along which the previewed delete travels. */
    public static final PseudoClass ON_PATH = PseudoClass.getPseudoClass("on-path");
    /** The row node whose row the side panel shows. */
    public static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    /** A node or edge the previewed delete does not touch. */
    public static final PseudoClass DIMMED = PseudoClass.getPseudoClass("dimmed");
}
