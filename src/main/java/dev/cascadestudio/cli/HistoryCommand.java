package dev.cascadestudio.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.cascadestudio.service.AuditLog;
import dev.cascadestudio.service.AuditRecord;
import dev.cascadestudio.service.HistoryService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List the audit log: every committed delete, restore and row edit, newest first.")
final class HistoryCommand implements Callable<Integer> {

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Only the records of this database (compared without user and password). The database is not opened.")
    String url;

    @Option(names = "--json", description = "Print the records as stored, as one JSON array, newest first.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        HistoryService history = new HistoryService(AuditLog.inDataDirectory());
        HistoryService.History found = history.read(url);
        // on standard error, so that --json stays one parseable array
        found.skippedNotice().ifPresent(notice -> System.err.println("note: " + TerminalText.safe(notice)));
        if (json) {
            ArrayNode out = PlanPrinter.JSON.createArrayNode();
            found.entries().forEach(e -> out.add(e.stored()));
            System.out.println(PlanPrinter.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out));
            return CliErrors.DONE;
        }
        if (found.entries().isEmpty()) {
            System.out.println(url == null ? "The audit log holds no records yet (" + TerminalText.safe(history.log().file()) + ")."
                    : "No records for " + TerminalText.safe(HistoryService.databaseName(url)) + ".");
            return CliErrors.DONE;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(url == null ? new String[] {"TIME", "USER", "ACTION", "CHANGED", "ROWS CHOSEN", "REASON", "DATABASE"}
                : new String[] {"TIME", "USER", "ACTION", "CHANGED", "ROWS CHOSEN", "REASON"});
        for (AuditLog.Entry entry : found.entries()) {
            AuditRecord r = entry.record();
            List<String> row = new ArrayList<>(List.of(r.time(), nonNull(r.user()), r.action(), changed(r), roots(r),
                    r.reason() == null ? "" : r.reason()));
            if (url == null) {
                row.add(nonNull(r.database()));
            }
            rows.add(row.stream().map(TerminalText::safe).toArray(String[]::new));
        }
        print(rows);
        return CliErrors.DONE;
    }

    private static String changed(AuditRecord r) {
        String rows = r.rowTotal() + (r.rowTotal() == 1 ? " row" : " rows");
        return r.valueTotal() == 0 ? rows : rows + ", " + r.valueTotal() + (r.valueTotal() == 1 ? " value" : " values");
    }

    private static String roots(AuditRecord r) {
        if (r.roots().isEmpty()) {
            // a repair of dangling values names its columns instead of rows
            boolean repair = !AuditRecord.EDIT.equals(r.action()) && r.columns() != null && !r.columns().isEmpty();
            return repair ? "dangling " + r.columns().get(0) + (r.columns().size() == 1 ? "" : " (+" + (r.columns().size() - 1) + ")") : "";
        }
        String first = r.roots().get(0).display();
        return r.roots().size() == 1 ? first : first + " (+" + (r.roots().size() - 1) + ")";
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    /** Columns padded to their widest cell; the last column is not padded. */
    private static void print(List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(i == columns - 1 ? row[i] : String.format("%-" + width[i] + "s  ", row[i]));
            }
            System.out.println(line.toString().stripTrailing());
        }
    }
}
