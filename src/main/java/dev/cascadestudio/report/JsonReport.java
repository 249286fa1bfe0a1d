package dev.cascadestudio.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascadestudio.cascade.AffectedRow;
import dev.cascadestudio.cascade.DeletePlan;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The report as JSON, for scripts: the same content as the HTML (the graph as the edges the plan
 * travels along, with their counts). {@code format} and {@code version} name the layout.
 */
public final class JsonReport {

    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonReport() {}

    public static ObjectNode tree(ImpactReport report) {
        DeletePlan plan = report.plan();
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "cascade-studio-impact-report").put("version", VERSION);
        root.put("database", report.database()).put("plannedAt", report.madeAt().toString());
        root.put("recheck", ImpactReport.RECHECK);
        ArrayNode roots = root.putArray("roots");
        report.roots().forEach(r -> roots.addObject().put("table", r.table()).put("uid", r.uid()).put("name", r.name()));
        if (!plan.repairs().isEmpty()) { // only in a repair's report, so that a delete's stays as it was
            ArrayNode repairs = root.putArray("repairs");
            plan.repairs().forEach(r -> repairs.addObject().put("table", r.table()).put("column", r.column()));
        }
        root.putObject("totals")
                .put("deletedRows", plan.deletedCount())
                .put("nulledRows", plan.nulledRowCount())
                .put("nulledValues", plan.nulledValueCount())
                .put("affectedRows", plan.affectedRowCount());
        if (report.rowsPerTable() == null) {
            root.putNull("rowsPerTable");
        } else {
            root.put("rowsPerTable", report.rowsPerTable());
        }
        ArrayNode deleted = root.putArray("deleted");
        report.deleted().forEach(e -> effect(deleted.addObject(), e));
        ArrayNode nulled = root.putArray("nulled");
        report.nulled().forEach(e -> effect(nulled.addObject(), e));
        ArrayNode edges = root.putArray("graph");
        var highlight = dev.cascadestudio.diagram.PlanHighlight.of(plan);
        highlight.edges().forEach((edge, count) -> edges.addObject().put("parent", edge.parentTable()).put("child", edge.childTable())
                .put("column", edge.column()).put("action", edge.action().name()).put("rows", count));
        ArrayNode statements = root.putArray("statements");
        for (ImpactReport.Statement s : report.statements()) {
            ObjectNode node = statements.addObject();
            List<String> columns = s.statement().columns();
            // "column": the one column it nulls (null for a delete, or where one UPDATE sets several); "columns": all of them
            node.put("order", s.order()).put("table", s.statement().table()).put("column", columns.size() == 1 ? columns.get(0) : (String) null);
            columns.forEach(node.putArray("columns")::add);
            node.put("action", s.statement().isNulling() ? "SET_NULL" : "DELETE").put("rows", s.rows()).put("sql", s.statement().sql());
            ArrayNode params = node.putArray("parameters");
            for (int i = 0; i < s.statement().parameters().size(); i++) {
                params.addObject().put("value", String.valueOf(s.statement().parameters().get(i))).put("meaning", s.parameterMeanings().get(i));
            }
        }
        return root;
    }

    private static void effect(ObjectNode node, ImpactReport.EffectRows e) {
        DeletePlan.Effect effect = e.effect();
        node.put("table", effect.table());
        if (effect.isNulling()) {
            node.put("column", effect.column()).put("newRows", effect.newRows());
        }
        node.put("count", effect.count()).put("rowsListed", e.rows().size());
        ArrayNode routes = node.putArray("routes");
        effect.routes().forEach(r -> routes.addObject().put("route", r.route().describe()).put("count", r.count()));
        ArrayNode rows = node.putArray("rows");
        for (AffectedRow row : e.rows()) {
            rows.addObject().put("uid", row.key().uid()).put("version", row.key().version()).put("key", row.key().display())
                    .put("name", row.name()).put("route", row.route().describe());
        }
    }

    public static String render(ImpactReport report) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree(report)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
