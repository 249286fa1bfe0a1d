package dev.cascadestudio.cascade;

import dev.cascadestudio.domain.ForeignKeyRule;
import java.util.Comparator;

/** The cascade rules as a Markdown table, written from the graph (the README's table is this output). */
public final class RulesDocumentation {

    private RulesDocumentation() {}

    public static String markdown(CascadeGraph graph) {
        StringBuilder out = new StringBuilder();
        out.append("| When a row of … is deleted | rows of … | whose column | are | carried out by the controller at |\n");
        out.append("|---|---|---|---|---|\n");
        graph.edges().stream()
                .sorted(Comparator.comparing((ForeignKeyRule e) -> graph.parentsFirst().indexOf(e.parentTable()))
                        .thenComparing(ForeignKeyRule::isLabelRule)
                        .thenComparing(e -> graph.parentsFirst().indexOf(e.childTable()))
                        .thenComparing(ForeignKeyRule::column))
                .forEach(e -> out.append("| `").append(e.parentTable()).append("` | `").append(e.childTable())
                        .append("` | `").append(e.column()).append("` → `").append(e.parentTable()).append('.')
                        .append(e.referencedColumn()).append("` | ")
                        .append(e.action() == ForeignKeyRule.Action.DELETE ? "**deleted**" : "set to NULL")
                        .append(" | ").append(e.level() == ForeignKeyRule.Level.ORM ? "ORM level" : "DB level (ON DELETE)")
                        .append(" |\n"));
        return out.toString();
    }
}
