package dev.cascadestudio.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascadestudio.cascade.Auditor;
import dev.cascadestudio.service.DatabaseSession;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "List dangling references: foreign-key values that point to no row, and labels whose parent is gone. "
                + "Exit code 0 when there are none, 4 when there are.")
final class AuditCommand implements Callable<Integer> {

    @Mixin DbOptions db;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (DatabaseSession session = db.openReadOnly()) {
            List<Auditor.Finding> findings = session.cascade().audit();
            if (json) {
                ObjectNode out = PlanPrinter.JSON.createObjectNode();
                ArrayNode list = out.putArray("dangling");
                for (Auditor.Finding f : findings) {
                    ObjectNode node = list.addObject();
                    node.put("table", f.edge().childTable()).put("column", f.edge().column())
                            .put("references", f.edge().parentTable() + "." + f.edge().referencedColumn()).put("count", f.count());
                    ArrayNode rows = node.putArray("sample");
                    f.sample().forEach(d -> rows.addObject().put("row", d.row().display()).put("value", d.value()));
                }
                System.out.println(PlanPrinter.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out));
            } else if (findings.isEmpty()) {
                System.out.println("No dangling references.");
            } else {
                for (Auditor.Finding f : findings) {
                    System.out.printf("%,9d  %s.%s → %s.%s (no such row), e.g. %s%n", f.count(), f.edge().childTable(),
                            f.edge().column(), f.edge().parentTable(), f.edge().referencedColumn(),
                            String.join(", ", f.sample().stream().limit(3).map(d -> TerminalText.safe(d.row().display()) + "='" + TerminalText.safe(d.value()) + "'").toList()));
                }
            }
            return findings.isEmpty() ? CliErrors.DONE : CliErrors.FINDINGS;
        }
    }
}
