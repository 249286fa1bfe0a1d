package dev.cascadestudio.diagram;

import dev.cascadestudio.cascade.CascadeGraph;
import dev.cascadestudio.domain.ForeignKeyRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the diagram draws of a cascade graph. Label tables are folded into their table (a chip with
 * the label count) unless {@code showLabelTables}: twelve one-edge leaves would double the diagram
 * and say nothing the chip does not. Owner edges ({@code user → T.owner_id}) run from the top to
 * every table and would cross everything, so only those that are a table's sole parent are always
 * drawn (it is how projects hang under users); the rest appear with {@code showOwnerEdges}.
 *
 * @param tables the drawn tables, parents first
 * @param edges the drawn edges, in the graph's order
 * @param labelTables each drawn table's label table, when labels are folded into a chip
 */
public record GraphDiagram(List<String> tables, List<ForeignKeyRule> edges, Map<String, String> labelTables) {

    public GraphDiagram {
        tables = List.copyOf(tables);
        edges = List.copyOf(edges);
        labelTables = Map.copyOf(labelTables);
    }

    public static GraphDiagram of(CascadeGraph graph, boolean showLabelTables, boolean showOwnerEdges) {
        Set<String> labelTableNames = graph.edges().stream().filter(ForeignKeyRule::isLabelRule)
                .map(ForeignKeyRule::childTable).collect(Collectors.toSet());
        List<String> tables = graph.parentsFirst().stream()
                .filter(t -> showLabelTables || !labelTableNames.contains(t)).toList();
        List<ForeignKeyRule> edges = graph.edges().stream()
                .filter(e -> showLabelTables || !e.isLabelRule())
                .filter(e -> showOwnerEdges || !e.isOwnerRule() || isSoleParent(graph, e))
                .toList();
        Map<String, String> chips = new LinkedHashMap<>();
        if (!showLabelTables) {
            graph.edges().stream().filter(ForeignKeyRule::isLabelRule)
                    .forEach(e -> chips.put(e.parentTable(), e.childTable()));
        }
        return new GraphDiagram(tables, edges, chips);
    }

    private static boolean isSoleParent(CascadeGraph graph, ForeignKeyRule ownerEdge) {
        return graph.incoming(ownerEdge.childTable()).stream()
                .noneMatch(e -> e != ownerEdge && !e.isLabelRule() && !e.isOwnerRule());
    }

    /** The label table folded into {@code table}'s chip, if labels are folded. */
    public Optional<String> labelTableOf(String table) {
        return Optional.ofNullable(labelTables.get(table));
    }

    public boolean isLabelTable(String table) {
        return edges.stream().anyMatch(e -> e.isLabelRule() && e.childTable().equals(table));
    }
}
