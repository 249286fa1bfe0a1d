package dev.cascadestudio.report;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The formats a report is written in, and which one a file name asks for. */
public enum ReportFormat {
    HTML("html", "HTML report", "*.html", "*.htm"),
    MARKDOWN("md", "Markdown report", "*.md", "*.markdown"),
    JSON("json", "JSON report", "*.json");

    private final String extension;
    private final String description;
    private final java.util.List<String> patterns;

    ReportFormat(String extension, String description, String... patterns) {
        this.extension = extension;
        this.description = description;
        this.patterns = java.util.List.of(patterns);
    }

    /** The usual file name ending, without the dot. */
    public String extension() {
        return extension;
    }

    public String description() {
        return description;
    }

    /** Glob patterns of its file names ({@code *.html}), as a file chooser's filter takes them. */
    public java.util.List<String> patterns() {
        return patterns;
    }

    public String render(ImpactReport report) {
        return switch (this) {
            case HTML -> HtmlReport.render(report);
            case MARKDOWN -> MarkdownReport.render(report);
            case JSON -> JsonReport.render(report);
        };
    }

    /** The format a file name's ending asks for ({@code .html}, {@code .htm}, {@code .md}, {@code .markdown}, {@code .json}). */
    public static Optional<ReportFormat> ofFile(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return Optional.empty();
        }
        String lower = name.toString().toLowerCase(Locale.ROOT);
        for (ReportFormat format : values()) {
            for (String pattern : format.patterns) {
                if (lower.endsWith(pattern.substring(1))) {
                    return Optional.of(format);
                }
            }
        }
        return Optional.empty();
    }
}
