package dev.cascadestudio.report;

import dev.cascadestudio.cascade.AffectedRow;
import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.diagram.PlanHighlight;

/**
 * The report as Markdown, for a ticket or a pull request: the same sections as the HTML, the graph
 * as the list of edges the plan travels along (Markdown renderers drop inline SVG). Every piece of
 * database text is escaped ({@link Text#markdown}); SQL sits in fenced blocks, which show it as it is.
 */
public final class MarkdownReport {

    private MarkdownReport() {}

    public static String render(ImpactReport report) {
        DeletePlan plan = report.plan();
        StringBuilder m = new StringBuilder(16 * 1024);
        m.append("# Impact report: ").append(Text.markdown(report.title())).append("?\n\n");
        m.append("| | |\n|---|---|\n");
        m.append("| Database | ").append(Text.markdown(report.database())).append(" |\n");
        m.append("| Planned | ").append(HtmlReport.TIME.format(report.madeAt())).append(" |\n");
        for (var repair : plan.repairs()) {
            m.append("| Repair | the values of ").append(Text.markdown(repair.label())).append(" that name no row |\n");
        }
        for (ImpactReport.RootRow root : report.roots()) {
            m.append("| Root | ").append(Text.markdown(root.table())).append(' ').append(Text.markdown(root.uid()));
            if (root.name() != null) {
                m.append(" — “").append(Text.markdown(root.name())).append("”");
            }
            m.append(" |\n");
        }
        m.append("| Plan | ").append(Text.markdown(plan.summary())).append(" |\n\n");
        m.append("> **Nothing has been deleted yet.** ")
                .append(Text.markdown(ImpactReport.RECHECK.substring("Nothing has been deleted. ".length()))).append("\n\n");

        m.append("## What changes\n\n");
        if (plan.isEmpty()) {
            m.append("Nothing would change: the selected rows no longer exist.\n\n");
        } else {
            m.append("### Deleted\n\n| Table | Rows | Reached through |\n|---|---:|---|\n");
            report.deleted().forEach(e -> countRow(m, e.effect()));
            m.append("| **Total** | **").append(Text.number(plan.deletedCount())).append("** | |\n\n");
            if (!report.nulled().isEmpty()) {
                m.append("### Set to NULL\n\n| Column | Rows | Reached through |\n|---|---:|---|\n");
                report.nulled().forEach(e -> countRow(m, e.effect()));
                m.append("| **Total** | **").append(Text.number(plan.nulledValueCount())).append(" values in ")
                        .append(Text.plural(plan.nulledRowCount(), "row")).append("** | |\n\n");
            }
        }

        m.append("## The cascade graph\n\nThe foreign-key rules the delete travels along, with the rows each reaches first:\n\n");
        PlanHighlight highlight = PlanHighlight.of(plan);
        highlight.edges().keySet().stream()
                .sorted(java.util.Comparator.comparing((dev.cascadestudio.domain.ForeignKeyRule e) -> e.parentTable())
                        .thenComparing(e -> e.childTable()).thenComparing(e -> e.column()))
                .forEach(edge -> m.append("- ").append(Text.markdown(edge.parentTable())).append(" → ")
                        .append(Text.markdown(edge.childTable() + "." + edge.column())).append(" (")
                        .append(edge.action() == dev.cascadestudio.domain.ForeignKeyRule.Action.DELETE ? "delete" : "set NULL")
                        .append("): ").append(Text.plural(highlight.countAlong(edge), "row")).append('\n'));
        m.append('\n');

        m.append("## The rows\n\n");
        m.append(report.rowsPerTable() == null ? "Every affected row, by key.\n\n"
                : "The first " + Text.plural(report.rowsPerTable(), "row") + " of each table and column, by key; the totals count them all.\n\n");
        for (ImpactReport.EffectRows e : report.deleted()) {
            rows(m, e, "deleted");
        }
        for (ImpactReport.EffectRows e : report.nulled()) {
            rows(m, e, "set to NULL");
        }

        m.append("## The SQL\n\nRun in this order, in one transaction; each statement is prepared with its parameters bound as listed.\n\n");
        for (ImpactReport.Statement s : report.statements()) {
            var statement = s.statement();
            m.append(s.order()).append(". ").append(statement.isNulling() ? "Set " + Text.markdown(statement.label()) + " to NULL"
                    : "Delete from " + Text.markdown(statement.table())).append(" — ").append(Text.plural(s.rows(), "row")).append("\n\n");
            m.append(fence(statement.sql() + ";")).append('\n');
            for (int i = 0; i < statement.parameters().size(); i++) {
                m.append("   - `?").append(i + 1).append("` = ").append(Text.markdown(HtmlReport.literal(statement.parameters().get(i))))
                        .append(" (").append(Text.markdown(s.parameterMeanings().get(i))).append(")\n");
            }
            m.append('\n');
        }
        m.append("---\nMade by Cascade Studio on ").append(HtmlReport.TIME.format(report.madeAt())).append(".\n");
        return m.toString();
    }

    private static void countRow(StringBuilder m, DeletePlan.Effect e) {
        m.append("| ").append(Text.markdown(e.label())).append(" | ").append(Text.number(e.count())).append(" | ");
        m.append(String.join("<br>", e.routes().stream().map(r -> Text.markdown(r.route().describe())
                + (e.routes().size() > 1 ? " · " + Text.number(r.count()) : "")).toList()));
        m.append(" |\n");
    }

    private static void rows(StringBuilder m, ImpactReport.EffectRows e, String verb) {
        DeletePlan.Effect effect = e.effect();
        m.append("### ").append(Text.markdown(effect.label())).append(": ").append(Text.plural(effect.count(), "row")).append(' ').append(verb);
        if (e.truncated()) {
            m.append(" (showing the first ").append(Text.number(e.rows().size())).append(" of ").append(Text.number(effect.count())).append(')');
        }
        m.append("\n\n| Name | Key | Reached through |\n|---|---|---|\n");
        for (AffectedRow row : e.rows()) {
            m.append("| ").append(Text.markdown(row.name())).append(" | ").append(Text.markdown(row.key().display())).append(" | ")
                    .append(Text.markdown(row.route().describe())).append(" |\n");
        }
        if (e.truncated()) {
            m.append("| … and ").append(Text.plural(effect.count() - e.rows().size(), "more row")).append(" | | |\n");
        }
        m.append('\n');
    }

    /** A fenced code block whose fence is longer than any run of backticks in the text. */
    private static String fence(String text) {
        int longest = 0;
        int run = 0;
        for (char c : text.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String f = "`".repeat(Math.max(3, longest + 1));
        return "   " + f + "sql\n   " + text.replace("\n", "\n   ") + "\n   " + f + "\n";
    }
}
