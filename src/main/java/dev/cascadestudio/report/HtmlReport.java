package dev.cascadestudio.report;

import dev.cascadestudio.cascade.AffectedRow;
import dev.cascadestudio.cascade.DeletePlan;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The report as one self-contained HTML file: inline CSS and inline SVG, no script, no font, image or
 * link to fetch, so it opens offline in any browser and can be mailed or attached to a ticket. Every
 * piece of database text is escaped ({@link Text#xml}).
 */
public final class HtmlReport {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private static final String CSS = """
            :root { color-scheme: light; }
            * { box-sizing: border-box; }
            body { margin: 0; background: #f6f8fa; color: #1f2328; font: 14px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
            main { max-width: 1120px; margin: 0 auto; padding: 32px 32px 48px; }
            header.report { background: #ffffff; border: 1px solid #d0d7de; border-radius: 8px; padding: 24px 28px; }
            .kicker { color: #6e7781; font-size: 12px; font-weight: 600; letter-spacing: .06em; text-transform: uppercase; margin: 0 0 4px; }
            h1 { font-size: 26px; line-height: 1.25; margin: 0 0 16px; font-weight: 600; overflow-wrap: anywhere; }
            h2 { font-size: 18px; margin: 0 0 4px; font-weight: 600; }
            h3 { font-size: 15px; margin: 22px 0 8px; font-weight: 600; overflow-wrap: anywhere; }
            section { background: #ffffff; border: 1px solid #d0d7de; border-radius: 8px; padding: 20px 28px 24px; margin-top: 20px; }
            .lead { color: #57606a; margin: 0 0 14px; }
            dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 6px 20px; margin: 0; }
            dl.meta dt { color: #57606a; font-weight: 600; }
            dl.meta dd { margin: 0; overflow-wrap: anywhere; }
            code, pre, .mono { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: 12.5px; }
            .notice { margin-top: 18px; border: 1px solid #54aeff66; background: #ddf4ff; border-radius: 6px; padding: 12px 16px; }
            .notice strong { display: block; margin-bottom: 2px; }
            .cards { display: grid; grid-template-columns: repeat(3, 1fr); gap: 14px; margin-top: 20px; }
            .card { background: #ffffff; border: 1px solid #d0d7de; border-left-width: 4px; border-radius: 8px; padding: 14px 18px; }
            .card .figure { font-size: 26px; font-weight: 600; line-height: 1.2; }
            .card .what { color: #57606a; }
            .card.deleted { border-left-color: #cf222e; } .card.deleted .figure { color: #cf222e; }
            .card.nulled { border-left-color: #bf8700; } .card.nulled .figure { color: #9a6700; }
            .card.sql { border-left-color: #0969da; }
            table { border-collapse: collapse; width: 100%; table-layout: fixed; }
            th, td { text-align: left; vertical-align: baseline; padding: 6px 10px; border-bottom: 1px solid #d8dee4; }
            col.label { width: 30%; } col.count { width: 16%; } col.name { width: 34%; } col.key { width: 30%; }
            th { color: #57606a; font-weight: 600; font-size: 12.5px; background: #f6f8fa; border-bottom-color: #d0d7de; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            td.name { white-space: pre-wrap; overflow-wrap: anywhere; }
            td.key { overflow-wrap: anywhere; }
            tr.total td { font-weight: 600; border-bottom: none; }
            .route { display: block; color: #57606a; }
            .route .n { color: #1f2328; font-variant-numeric: tabular-nums; }
            .pill { display: inline-block; border-radius: 999px; padding: 0 8px; font-size: 12px; font-weight: 600; line-height: 20px; white-space: nowrap; }
            .pill.deleted { background: #ffebe9; color: #cf222e; }
            .pill.nulled { background: #fff8c5; color: #9a6700; }
            .pill.root { background: #ffcecb; color: #a40e26; }
            .shown { color: #57606a; font-weight: 400; font-size: 13px; }
            .graph svg { display: block; margin: 0 auto; max-width: 100%; height: auto; }
            .graph { overflow: auto; border: 1px solid #d8dee4; border-radius: 6px; background: #ffffff; padding: 8px; }
            .legend { display: flex; flex-wrap: wrap; gap: 6px 18px; margin: 0 0 12px; color: #57606a; font-size: 13px; }
            .swatch { display: inline-block; width: 14px; height: 14px; border-radius: 3px; vertical-align: -2px; margin-right: 6px; border: 1.5px solid; }
            .swatch.line { height: 0; border-width: 0; border-top: 3px solid; width: 22px; vertical-align: 4px; border-radius: 0; }
            .swatch.dashed { border-top-style: dashed; }
            ol.sql { list-style: none; padding: 0; margin: 0; counter-reset: none; }
            ol.sql > li { border: 1px solid #d0d7de; border-radius: 6px; margin-top: 12px; overflow: hidden; }
            .stmt-head { display: flex; gap: 12px; align-items: baseline; background: #f6f8fa; padding: 8px 14px; border-bottom: 1px solid #d0d7de; }
            .stmt-head .order { color: #57606a; font-variant-numeric: tabular-nums; }
            .stmt-head .what { font-weight: 600; flex: 1; overflow-wrap: anywhere; }
            pre { margin: 0; padding: 12px 14px; white-space: pre-wrap; overflow-wrap: anywhere; background: #ffffff; }
            .params { padding: 4px 14px 10px; }
            .params table { table-layout: auto; width: auto; }
            .params td:first-child { color: #57606a; }
            tr.more td { color: #57606a; font-style: italic; border-bottom: none; }
            .pill.none { background: #eaeef2; color: #57606a; }
            .params table td { border-bottom: none; padding: 2px 10px 2px 0; }
            footer { color: #6e7781; font-size: 12.5px; margin-top: 20px; text-align: center; }
            @media (max-width: 760px) { main { padding: 16px; } .cards { grid-template-columns: 1fr; } section, header.report { padding: 16px; } }
            @media print { body { background: #ffffff; } section, header.report { break-inside: avoid-page; border-color: #8c959f; } .graph { overflow: visible; } }
            """;

    private HtmlReport() {}

    public static String render(ImpactReport report) {
        StringBuilder h = new StringBuilder(64 * 1024);
        DeletePlan plan = report.plan();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"Cascade Studio\">\n")
                .append("<title>Impact report — ").append(Text.xml(report.title())).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
        header(h, report);
        cards(h, report);
        counts(h, report);
        graph(h, report);
        rows(h, report);
        sql(h, report);
        h.append("<footer>Made by Cascade Studio on ").append(Text.xml(TIME.format(report.madeAt())))
                .append(". This file is self-contained: it loads nothing and runs no script.</footer>\n");
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void header(StringBuilder h, ImpactReport report) {
        h.append("<header class=\"report\">\n<p class=\"kicker\">Cascade Studio · Impact report</p>\n<h1>")
                .append(Text.xml(report.title())).append("?</h1>\n<dl class=\"meta\">\n");
        h.append("<dt>Database</dt><dd class=\"mono\">").append(Text.xml(report.database())).append("</dd>\n");
        h.append("<dt>Planned</dt><dd>").append(Text.xml(TIME.format(report.madeAt()))).append("</dd>\n");
        if (!report.plan().repairs().isEmpty()) {
            h.append("<dt>Repairs</dt><dd>");
            for (var repair : report.plan().repairs()) {
                h.append("<div>the values of <span class=\"mono\">").append(Text.xml(repair.label()))
                        .append("</span> that name no row, treated as their rule treats a deleted row</div>");
            }
            h.append("</dd>\n");
        }
        if (!report.roots().isEmpty()) {
            h.append("<dt>").append(report.roots().size() == 1 ? "Root" : "Roots").append("</dt><dd>");
            for (ImpactReport.RootRow root : report.roots()) {
                h.append("<div>").append(Text.xml(root.table())).append(" <span class=\"mono\">").append(Text.xml(root.uid()))
                        .append("</span>");
                if (root.name() != null) {
                    h.append(" — “<span class=\"name\">").append(Text.xml(root.name())).append("</span>”");
                }
                h.append("</div>");
            }
            h.append("</dd>\n");
        }
        h.append("<dt>Plan</dt><dd>").append(Text.xml(report.plan().summary())).append(".</dd>\n</dl>\n");
        h.append("<div class=\"notice\"><strong>Nothing has been deleted yet.</strong>")
                .append(Text.xml(ImpactReport.RECHECK.substring("Nothing has been deleted. ".length()))).append("</div>\n");
        h.append("</header>\n");
    }

    private static void cards(StringBuilder h, ImpactReport report) {
        DeletePlan plan = report.plan();
        h.append("<div class=\"cards\">\n");
        h.append("<div class=\"card deleted\"><div class=\"figure\">").append(Text.number(plan.deletedCount()))
                .append("</div><div class=\"what\">").append(plan.deletedCount() == 1 ? "row" : "rows").append(" deleted in ")
                .append(Text.plural(report.deleted().size(), "table")).append("</div></div>\n");
        h.append("<div class=\"card nulled\"><div class=\"figure\">").append(Text.number(plan.nulledValueCount()))
                .append("</div><div class=\"what\">").append(plan.nulledValueCount() == 1 ? "value" : "values")
                .append(" set to NULL in ").append(Text.plural(plan.nulledRowCount(), "row")).append(" that stay</div></div>\n");
        h.append("<div class=\"card sql\"><div class=\"figure\">").append(Text.number(report.statements().size()))
                .append("</div><div class=\"what\">SQL ").append(report.statements().size() == 1 ? "statement" : "statements")
                .append(", run in one transaction</div></div>\n");
        h.append("</div>\n");
    }

    private static void counts(StringBuilder h, ImpactReport report) {
        DeletePlan plan = report.plan();
        h.append("<section id=\"counts\">\n<h2>What changes</h2>\n<p class=\"lead\">Per table the rows deleted, per column the "
                + "foreign keys set to NULL, and the route from the selected rows that reaches them.</p>\n");
        if (plan.isEmpty()) {
            h.append("<p>Nothing would change: the selected rows no longer exist.</p>\n</section>\n");
            return;
        }
        h.append("<h3>Deleted</h3>\n<table class=\"counts deleted\">\n<colgroup><col class=\"label\"><col class=\"count\"><col></colgroup>\n<thead><tr><th>Table</th><th class=\"num\">Rows</th>"
                + "<th>Reached through</th></tr></thead>\n<tbody>\n");
        for (ImpactReport.EffectRows e : report.deleted()) {
            countRow(h, e.effect(), "deleted");
        }
        h.append("<tr class=\"total\"><td>Total</td><td class=\"num\">").append(Text.number(plan.deletedCount()))
                .append("</td><td></td></tr>\n</tbody>\n</table>\n");
        if (!report.nulled().isEmpty()) {
            h.append("<h3>Set to NULL</h3>\n<table class=\"counts nulled\">\n<colgroup><col class=\"label\"><col class=\"count\"><col></colgroup>\n<thead><tr><th>Column</th><th class=\"num\">Rows</th>"
                    + "<th>Reached through</th></tr></thead>\n<tbody>\n");
            for (ImpactReport.EffectRows e : report.nulled()) {
                countRow(h, e.effect(), "nulled");
            }
            h.append("<tr class=\"total\"><td>Total</td><td class=\"num\">").append(Text.number(plan.nulledValueCount()))
                    .append(" values in ").append(Text.plural(plan.nulledRowCount(), "row")).append("</td><td></td></tr>\n</tbody>\n</table>\n");
        }
        h.append("</section>\n");
    }

    private static void countRow(StringBuilder h, DeletePlan.Effect e, String kind) {
        h.append("<tr data-effect=\"").append(Text.xml(e.label())).append("\"><td><span class=\"pill ").append(kind).append("\">")
                .append(Text.xml(e.label())).append("</span></td><td class=\"num count\">").append(Text.number(e.count()))
                .append("</td><td>");
        for (DeletePlan.RouteCount route : e.routes()) {
            h.append("<span class=\"route\">").append(Text.xml(route.route().describe()));
            if (e.routes().size() > 1) {
                h.append(" · <span class=\"n\">").append(Text.number(route.count())).append("</span>");
            }
            h.append("</span>");
        }
        h.append("</td></tr>\n");
    }

    private static void graph(StringBuilder h, ImpactReport report) {
        h.append("<section id=\"graph\">\n<h2>The cascade graph</h2>\n<p class=\"lead\">Every table and foreign-key rule, the plan "
                + "drawn over it: each edge the delete travels along is labelled with its column and the rows it reaches first "
                + "(−&#8201;deleted, ∅&#8201;set to NULL).</p>\n");
        h.append("<div class=\"legend\">")
                .append("<span><span class=\"swatch\" style=\"background:").append(PlanDrawing.DANGER_MUTED).append(";border-color:")
                .append(PlanDrawing.DANGER).append("\"></span>selected table</span>")
                .append("<span><span class=\"swatch\" style=\"background:").append(PlanDrawing.DANGER_SUBTLE).append(";border-color:")
                .append(PlanDrawing.DANGER).append("\"></span>rows deleted</span>")
                .append("<span><span class=\"swatch\" style=\"background:").append(PlanDrawing.WARNING_SUBTLE).append(";border-color:")
                .append(PlanDrawing.WARNING_EMPHASIS).append("\"></span>key set to NULL</span>")
                .append("<span><span class=\"swatch\" style=\"background:").append(PlanDrawing.SUBTLE_BG).append(";border-color:")
                .append(PlanDrawing.BORDER).append("\"></span>untouched</span>")
                .append("<span><span class=\"swatch line\" style=\"border-top-color:").append(PlanDrawing.DANGER)
                .append("\"></span>ON DELETE: delete</span>")
                .append("<span><span class=\"swatch line dashed\" style=\"border-top-color:").append(PlanDrawing.WARNING)
                .append("\"></span>ON DELETE: set NULL</span>")
                .append("</div>\n<div class=\"graph\">\n").append(report.drawing().svg()).append("\n</div>\n</section>\n");
    }

    private static void rows(StringBuilder h, ImpactReport report) {
        h.append("<section id=\"rows\">\n<h2>The rows</h2>\n<p class=\"lead\">");
        if (report.rowsPerTable() == null) {
            h.append("Every affected row, by key. A row that loses two keys is listed under each column.");
        } else {
            h.append("The first ").append(Text.plural(report.rowsPerTable(), "row")).append(" of each table and column, by key; ")
                    .append("the totals count them all.");
        }
        h.append("</p>\n");
        for (ImpactReport.EffectRows e : report.deleted()) {
            rowTable(h, e, "deleted", "deleted");
        }
        for (ImpactReport.EffectRows e : report.nulled()) {
            rowTable(h, e, "nulled", "set to NULL");
        }
        h.append("</section>\n");
    }

    private static void rowTable(StringBuilder h, ImpactReport.EffectRows e, String kind, String verb) {
        DeletePlan.Effect effect = e.effect();
        h.append("<h3 data-effect=\"").append(Text.xml(effect.label())).append("\"><span class=\"pill ").append(kind).append("\">")
                .append(Text.xml(effect.label())).append("</span> ").append(Text.plural(effect.count(), "row")).append(' ').append(verb);
        if (e.truncated()) {
            h.append(" <span class=\"shown\">(showing the first ").append(Text.number(e.rows().size())).append(" of ")
                    .append(Text.number(effect.count())).append(")</span>");
        }
        h.append("</h3>\n<table class=\"rows\" data-effect=\"").append(Text.xml(effect.label()))
                .append("\">\n<colgroup><col class=\"name\"><col class=\"key\"><col></colgroup>\n<thead><tr><th>Name</th><th>Key</th><th>Reached through</th></tr></thead>\n<tbody>\n");
        for (AffectedRow row : e.rows()) {
            h.append("<tr><td class=\"name\">").append(Text.xml(row.name())).append("</td><td class=\"key mono\">")
                    .append(Text.xml(row.key().display())).append("</td><td>").append(Text.xml(row.route().describe()));
            if (row.route().edges().isEmpty()) {
                h.append(" <span class=\"pill root\">root</span>");
            }
            h.append("</td></tr>\n");
        }
        if (e.truncated()) {
            h.append("<tr class=\"more\"><td colspan=\"3\">… and ").append(Text.plural(effect.count() - e.rows().size(), "more row"))
                    .append(" (").append(Text.number(effect.count())).append(" in all)</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private static void sql(StringBuilder h, ImpactReport report) {
        h.append("<section id=\"sql\">\n<h2>The SQL</h2>\n<p class=\"lead\">The statements the commit runs, in this order, in one "
                + "transaction: first every SET NULL update (their conditions still see the parent rows), then the deletes, "
                + "children before parents. Each is prepared with its parameters bound as listed.</p>\n<ol class=\"sql\">\n");
        for (ImpactReport.Statement s : report.statements()) {
            var statement = s.statement();
            h.append("<li><div class=\"stmt-head\"><span class=\"order\">").append(s.order()).append(".</span><span class=\"what\">")
                    .append(statement.isNulling() ? "Set " + Text.xml(statement.label()) + " to NULL" : "Delete from " + Text.xml(statement.table()))
                    .append("</span><span class=\"pill ").append(s.rows() == 0 ? "none" : statement.isNulling() ? "nulled" : "deleted").append("\">")
                    .append(Text.plural(s.rows(), "row")).append("</span></div>\n<pre><code>").append(Text.xml(statement.sql()))
                    .append(";</code></pre>\n");
            if (!statement.parameters().isEmpty()) {
                h.append("<div class=\"params\"><table>\n");
                for (int i = 0; i < statement.parameters().size(); i++) {
                    h.append("<tr><td class=\"mono\">?").append(i + 1).append("</td><td class=\"mono\">")
                            .append(Text.xml(literal(statement.parameters().get(i)))).append("</td><td>")
                            .append(Text.xml(s.parameterMeanings().get(i))).append("</td></tr>\n");
                }
                h.append("</table></div>\n");
            }
            h.append("</li>\n");
        }
        h.append("</ol>\n</section>\n");
    }

    static String literal(Object value) {
        return value instanceof dev.cascadestudio.cascade.KeyList keys ? keys.literal() : value instanceof Number ? value.toString() : "'" + String.valueOf(value).replace("'", "''") + "'";
    }
}
