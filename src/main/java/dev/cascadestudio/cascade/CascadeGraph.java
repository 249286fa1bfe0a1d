package dev.cascadestudio.cascade;

import dev.cascadestudio.domain.ForeignKeyRule;
import dev.cascadestudio.persistence.MappedTables;
import dev.cascadestudio.persistence.MappingRules;
import dev.cascadestudio.persistence.TableInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The cascade graph: tables as nodes, foreign-key rules as edges (parent, child, column, action,
 * level), read from the Hibernate mapping at start-up. Label and owner edges are edges like any other.
 */
public final class CascadeGraph {

    private final List<TableInfo> tables;
    private final List<ForeignKeyRule> edges;
    private final List<String> parentsFirst;

    private CascadeGraph(List<TableInfo> tables, List<ForeignKeyRule> edges) {
        this.tables = List.copyOf(tables);
        this.edges = List.copyOf(edges);
        this.parentsFirst = topologicalOrder();
    }

    /**
     * The graph of the mapping's tables and rules ({@link MappingRules}): made once, the first time it is asked for,
     * and shared, since the mapping is fixed when the application is built and the graph cannot be changed (a
     * session, its cascade service and its restorer each asked for one of their own, reading the entities'
     * annotations again).
     */
    public static CascadeGraph fromMapping() {
        return Mapping.GRAPH;
    }

    private static final class Mapping {
        static final CascadeGraph GRAPH = new CascadeGraph(MappedTables.all(), MappingRules.read());
    }

    public List<TableInfo> tables() { return tables; }
    public List<ForeignKeyRule> edges() { return edges; }

    public TableInfo table(String name) {
        return MappedTables.get(name);
    }

    public List<ForeignKeyRule> incoming(String child) {
        return edges.stream().filter(e -> e.childTable().equals(child)).toList();
    }

    public List<ForeignKeyRule> outgoing(String parent) {
        return edges.stream().filter(e -> e.parentTable().equals(parent)).toList();
    }

    /** Every table, each after all of its parents along DELETE edges (so children come later). */
    public List<String> parentsFirst() {
        return parentsFirst;
    }

    private List<String> topologicalOrder() {
        Set<String> placed = new LinkedHashSet<>();
        List<String> remaining = new ArrayList<>(tables.stream().map(TableInfo::name).toList());
        while (!remaining.isEmpty()) {
            boolean progress = false;
            for (var it = remaining.iterator(); it.hasNext(); ) {
                String t = it.next();
                boolean ready = edges.stream().filter(e -> e.childTable().equals(t) && !e.parentTable().equals(t))
                        .allMatch(e -> placed.contains(e.parentTable()));
                if (ready) {
                    placed.add(t);
                    it.remove();
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("The mapping's foreign keys form a cycle among " + remaining);
            }
        }
        return List.copyOf(placed);
    }
}
