package dev.cascadestudio.cli;

import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.report.ImpactReport;
import dev.cascadestudio.report.ReportFiles;
import dev.cascadestudio.report.ReportFormat;
import dev.cascadestudio.service.CascadeService;
import dev.cascadestudio.service.DatabaseSession;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show what deleting a row would do: rows deleted and foreign keys set to NULL. Changes nothing. "
                + "With --format html|md|json, an impact report a colleague can review: the database, the roots, the counts "
                + "and routes, the rows, the SQL and the cascade graph.")
final class PlanCommand implements Callable<Integer> {

    @Mixin DbOptions db;

    @Mixin RootOptions target;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(names = "--rows", description = "List every affected row (with --json).")
    boolean rows;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "text (the default, a table), or an impact report: html (one self-contained file), md (Markdown) or json.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output (refused if it exists, unless --force).")
    Path out;

    @Option(names = "--force", description = "With --out, replace FILE if it exists.")
    boolean force;

    @Option(names = "--rows-per-table", paramLabel = "N",
            description = "In a report, list the first N rows of each table and column (the totals still count them all); default: every row.")
    Integer rowsPerTable;

    @Override
    public Integer call() throws Exception {
        ReportFormat report = reportFormat();
        checkOut();
        try (DatabaseSession session = db.openReadOnly()) {
            CascadeService service = session.cascade();
            DeletePlan plan = target.plan(service);
            String output;
            if (report != null) {
                output = report.render(ImpactReport.of(plan, service, rowsPerTable, Instant.now()));
            } else if (json) {
                output = PlanPrinter.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(PlanPrinter.json(plan, service, rows)) + "\n";
            } else {
                ByteArrayOutputStream text = new ByteArrayOutputStream();
                try (PrintStream printer = new PrintStream(text, true, StandardCharsets.UTF_8)) {
                    PlanPrinter.text(plan, printer);
                }
                output = text.toString(StandardCharsets.UTF_8);
            }
            if (out == null) {
                System.out.print(output);
                System.out.flush();
            } else {
                write(output);
                System.err.println("Wrote " + TerminalText.safe(out.toString()) + " (" + plan.summary() + ").");
            }
            return CliErrors.DONE;
        }
    }

    /** The report asked for, or null for the plain table or the {@code --json} plan. */
    private ReportFormat reportFormat() {
        if (rowsPerTable != null && rowsPerTable < 0) {
            throw new IllegalArgumentException("--rows-per-table takes 0 or more, not " + rowsPerTable + ".");
        }
        if (format == null) {
            if (rowsPerTable != null) {
                throw new IllegalArgumentException("--rows-per-table is for a report: add --format html, md or json.");
            }
            return null;
        }
        if (json) {
            throw new IllegalArgumentException("Use either --json or --format, not both.");
        }
        ReportFormat chosen = switch (format.toLowerCase(Locale.ROOT)) {
            case "text" -> null;
            case "html" -> ReportFormat.HTML;
            case "md", "markdown" -> ReportFormat.MARKDOWN;
            case "json" -> ReportFormat.JSON;
            default -> throw new IllegalArgumentException("Unknown --format '" + format + "': use text, json, md or html.");
        };
        if (chosen == null && rowsPerTable != null) {
            throw new IllegalArgumentException("--rows-per-table is for a report: use --format html, md or json.");
        }
        return chosen;
    }

    /** Before anything is read: an existing file without --force, or a folder that is not there, is refused. */
    private void checkOut() {
        if (out == null) {
            if (force) {
                throw new IllegalArgumentException("--force only goes with --out FILE.");
            }
            return;
        }
        Path folder = out.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("Cannot write " + out + ": the folder " + folder + " does not exist.");
        }
        if (Files.isDirectory(out)) {
            throw new IllegalArgumentException("Cannot write " + out + ": it is a folder.");
        }
        if (!force && Files.exists(out, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException(out + " already exists; nothing was written. Add --force to replace it.");
        }
    }

    private void write(String output) throws java.io.IOException {
        try {
            ReportFiles.write(out, output, force);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalArgumentException(out + " already exists; nothing was written. Add --force to replace it.");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new IllegalArgumentException("Cannot write " + out + ": permission denied.");
        }
    }
}
