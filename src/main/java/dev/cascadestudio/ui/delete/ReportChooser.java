package dev.cascadestudio.ui.delete;

import dev.cascadestudio.report.ReportFormat;
import java.io.File;
import java.nio.file.Path;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The native save dialog for an impact report: HTML, Markdown or JSON, by the file's ending. */
final class ReportChooser {

    private static final String SUGGESTED_NAME = "impact-report.html";

    private ReportChooser() {}

    /** The file to write, with the ending of the format chosen if the name has none; null if cancelled. */
    static Path choose(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export impact report");
        chooser.setInitialFileName(SUGGESTED_NAME);
        for (ReportFormat format : ReportFormat.values()) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                    format.description() + " (" + String.join(", ", format.patterns()) + ")", format.patterns()));
        }
        File file = chooser.showSaveDialog(owner);
        if (file == null) {
            return null;
        }
        Path path = file.toPath();
        if (ReportFormat.ofFile(path).isEmpty()) {
            FileChooser.ExtensionFilter filter = chooser.getSelectedExtensionFilter();
            ReportFormat format = ReportFormat.HTML;
            for (ReportFormat f : ReportFormat.values()) {
                if (filter != null && filter.getExtensions().equals(f.patterns())) {
                    format = f;
                }
            }
            path = path.resolveSibling(path.getFileName() + "." + format.extension());
        }
        return path;
    }
}
