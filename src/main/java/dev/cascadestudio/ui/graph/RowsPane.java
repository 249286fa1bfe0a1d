package dev.cascadestudio.ui.graph;

import dev.cascadestudio.cascade.ReachedRows;
import dev.cascadestudio.service.DisplayNames;
import dev.cascadestudio.ui.graph.RowsReachedViewModel.FoldItem;
import dev.cascadestudio.ui.graph.RowsReachedViewModel.Item;
import dev.cascadestudio.ui.graph.RowsReachedViewModel.Link;
import dev.cascadestudio.ui.graph.RowsReachedViewModel.RowItem;
import dev.cascadestudio.ui.task.BackgroundTask;
import dev.cascadestudio.ui.task.TaskExecutor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Dimension2D;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The rows of a {@link RowsReachedViewModel} drawn: one node per row (red: deleted, amber: set to
 * NULL, the colours and classes of the cascade graph's table nodes), one per fold ("+ 9,997 more
 * documents"), arrows labelled with their foreign-key column ({@link EdgeView}), laid out left to right
 * by ELK's layered layout ({@link LayeredLayout}) on the executor. Nodes are kept across changes; a
 * new node stays hidden until the layout that places it arrives.
 */
final class RowsPane extends Pane {

    private final RowsReachedViewModel viewModel;
    private final TaskExecutor layoutExecutor;
    private final Map<String, Region> nodes = new LinkedHashMap<>();
    private final Map<String, EdgeView> edges = new HashMap<>();
    private List<Link> links = List.of();
    private int generation;
    private double drawingWidth;
    private double drawingHeight;
    private boolean measured = true;
    private Runnable onPlaced = () -> {};

    RowsPane(RowsReachedViewModel viewModel, TaskExecutor layoutExecutor) {
        this.viewModel = viewModel;
        this.layoutExecutor = layoutExecutor;
        getStyleClass().addAll(GraphStyleClasses.GRAPH_CANVAS, GraphStyleClasses.ROWS_CANVAS);
        viewModel.revisionProperty().addListener((o, old, now) -> rebuild());
        viewModel.selectedProperty().addListener((o, old, row) -> nodes.forEach((id, node) ->
                node.pseudoClassStateChanged(GraphStyleClasses.SELECTED, row != null && row.id().equals(id))));
        rebuild();
    }

    private void rebuild() {
        List<Item> items = viewModel.items();
        Map<String, Region> kept = new LinkedHashMap<>();
        for (Item item : items) {
            Region node = nodes.get(item.id());
            if (node == null || item instanceof FoldItem) {
                node = item instanceof RowItem row ? rowNode(row) : foldNode((FoldItem) item);
                node.setVisible(false);
            } else if (item instanceof RowItem row) {
                ((RowNode) node).refresh(row);
            }
            kept.put(item.id(), node);
        }
        links = viewModel.links();
        Map<String, EdgeView> keptEdges = new HashMap<>();
        for (Link link : links) {
            String id = link.source() + "→" + link.target();
            EdgeView edge = edges.get(id);
            if (edge == null) {
                edge = new EdgeView(link.edge());
                edge.setVisible(false);
            }
            keptEdges.put(id, edge);
        }
        nodes.clear();
        nodes.putAll(kept);
        edges.clear();
        edges.putAll(keptEdges);
        List<Node> children = new ArrayList<>(links.stream().map(l -> (Node) edges.get(l.source() + "→" + l.target())).toList());
        children.addAll(nodes.values());
        getChildren().setAll(children);
        generation++;
        measured = false;
        requestLayout();
    }

    @Override
    protected double computePrefWidth(double height) {
        return drawingWidth;
    }

    @Override
    protected double computePrefHeight(double width) {
        return drawingHeight;
    }

    @Override
    protected void layoutChildren() {
        nodes.values().forEach(node -> node.resize(node.prefWidth(-1), node.prefHeight(-1)));
        if (!measured && getScene() != null) {
            measured = true;
            place();
        }
    }

    /** Measures every node and label under CSS, then has ELK place them on the executor. */
    private void place() {
        if (nodes.isEmpty()) {
            drawingWidth = 0;
            drawingHeight = 0;
            return;
        }
        List<LayeredLayout.Box> boxes = new ArrayList<>();
        nodes.forEach((id, node) -> {
            node.applyCss();
            boxes.add(new LayeredLayout.Box(id, Math.ceil(node.prefWidth(-1)), Math.ceil(node.prefHeight(-1))));
        });
        List<LayeredLayout.Link> placedLinks = new ArrayList<>();
        List<EdgeView> order = new ArrayList<>();
        for (Link link : links) {
            EdgeView edge = edges.get(link.source() + "→" + link.target());
            Dimension2D label = edge.measureColumnLabel();
            placedLinks.add(new LayeredLayout.Link(link.source(), link.target(), link.edge().column(), label.getWidth(), label.getHeight()));
            order.add(edge);
        }
        int ticket = generation;
        layoutExecutor.execute(BackgroundTask.of(() -> LayeredLayout.layout(boxes, placedLinks, true))
                .onSuccess(result -> {
                    if (ticket == generation) {
                        apply(result, order);
                    }
                })
                .onFailure(viewModel::layoutFailed));
    }

    private void apply(LayeredLayout.Result result, List<EdgeView> order) {
        result.boxes().forEach((id, corner) -> {
            Region node = nodes.get(id);
            node.relocate(corner.getX(), corner.getY());
            node.setVisible(true);
        });
        for (int i = 0; i < order.size(); i++) {
            LayeredLayout.Route route = result.routes().get(i);
            order.get(i).place(route.points(), route.label());
            order.get(i).setVisible(true);
        }
        drawingWidth = result.width();
        drawingHeight = result.height();
        requestLayout();
        if (getParent() != null) {
            getParent().requestLayout();
        }
        onPlaced.run();
    }

    /** Runs on the FX thread each time a layout has been applied. */
    void setOnPlaced(Runnable action) {
        onPlaced = action;
    }

    /** The node drawn for an item's id, or null (tests). */
    Region node(String id) {
        return nodes.get(id);
    }

    private Region rowNode(RowItem row) {
        RowNode node = new RowNode(row);
        node.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY) {
                viewModel.select(node.item);
                if (event.getClickCount() == 2) {
                    viewModel.expand(node.item);
                }
            }
        });
        node.pseudoClassStateChanged(GraphStyleClasses.SELECTED, viewModel.selectedProperty().get() == row);
        return node;
    }

    private Region foldNode(FoldItem fold) {
        boolean nulled = fold.group().edge().action() == dev.cascadestudio.domain.ForeignKeyRule.Action.SET_NULL;
        Label more = new Label("+ " + dev.cascadestudio.ui.Counts.of(fold.remaining(), "more " + noun(fold.group().edge().childTable())));
        more.getStyleClass().add(GraphStyleClasses.FOLD_TEXT);
        Label hint = new Label(fold.loading() ? "reading…"
                : fold.capped() ? Counts.plain(RowsReachedViewModel.CAP) + " drawn · all in Affected rows"
                : "click for " + Math.min(RowsReachedViewModel.PAGE, fold.remaining()) + " more");
        hint.getStyleClass().add(GraphStyleClasses.ROW_DETAIL);
        VBox node = new VBox(more, hint);
        node.getStyleClass().addAll(GraphStyleClasses.TABLE_NODE, GraphStyleClasses.FOLD_NODE);
        node.pseudoClassStateChanged(nulled ? GraphStyleClasses.SET_NULL : GraphStyleClasses.WILL_DELETE, true);
        node.pseudoClassStateChanged(GraphStyleClasses.DIMMED, fold.capped());
        if (!fold.capped()) {
            node.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY) {
                    viewModel.unfold(fold, false);
                }
            });
            MenuItem next = new MenuItem("Show " + Math.min(RowsReachedViewModel.PAGE, fold.remaining()) + " more");
            next.setOnAction(e -> viewModel.unfold(fold, false));
            MenuItem all = new MenuItem("Show all, up to " + Counts.plain(RowsReachedViewModel.CAP));
            all.setOnAction(e -> viewModel.unfold(fold, true));
            ContextMenu menu = new ContextMenu(next, all);
            node.setOnContextMenuRequested(e -> menu.show(node, e.getScreenX(), e.getScreenY()));
        }
        Tooltip.install(node, new Tooltip(Counts.plain(fold.group().count()) + " " + fold.group().edge().childTable()
                + " rows in all through " + fold.group().edge().column() + ". Click for the next "
                + RowsReachedViewModel.PAGE + "; right-click for all, up to " + Counts.plain(RowsReachedViewModel.CAP) + "."));
        return node;
    }

    /** "document" for "documents", "run label" for "run labels", "data source" for "data sources". */
    static String noun(String table) {
        String noun = table.endsWith("_labels") ? table.substring(0, table.length() - 1) : table;
        return noun.replace('_', ' ');
    }

    /** One row: its name, then its table and what happens to it. */
    static final class RowNode extends VBox {
        private RowItem item;
        private final Label name = new Label();
        private final Label table = new Label();
        private final Label badge = new Label();
        private final Label more = new Label("▸");

        RowNode(RowItem item) {
            getStyleClass().addAll(GraphStyleClasses.TABLE_NODE, GraphStyleClasses.ROW_NODE);
            name.getStyleClass().add(GraphStyleClasses.TABLE_NAME);
            table.getStyleClass().add(GraphStyleClasses.ROW_DETAIL);
            badge.getStyleClass().add(item.nulled() ? GraphStyleClasses.NULL_BADGE : GraphStyleClasses.DELETE_BADGE);
            more.getStyleClass().add(GraphStyleClasses.LABELS_CHIP);
            more.setTooltip(new Tooltip("Double-click to draw its children"));
            more.managedProperty().bind(more.visibleProperty());
            boolean label = item.row().key().table().endsWith("_labels");
            name.setGraphic(new FontIcon(label ? Material2OutlinedAL.LABEL : Material2OutlinedMZ.TABLE_CHART));
            name.setMaxWidth(280);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox footer = new HBox(table, spacer, badge, more);
            footer.getStyleClass().add(GraphStyleClasses.NODE_LINE);
            getChildren().addAll(name, footer);
            setMinWidth(150);
            refresh(item);
            Tooltip.install(this, new Tooltip(item.row().key().table() + " " + item.row().key().display()
                    + " — click to see it, double-click to draw its children"));
        }

        void refresh(RowItem newItem) {
            item = newItem;
            ReachedRows.Row row = item.row();
            name.setText(DisplayNames.of(row.name()));
            table.setText(row.key().table());
            badge.setText(row.nulled() ? "∅ " + row.via().column() : "deleted");
            more.setVisible(item.expandable());
            pseudoClassStateChanged(row.nulled() ? GraphStyleClasses.SET_NULL : GraphStyleClasses.WILL_DELETE, true);
            pseudoClassStateChanged(GraphStyleClasses.CASCADE_ROOT, item.isRoot());
        }

        RowItem item() {
            return item;
        }
    }
}
