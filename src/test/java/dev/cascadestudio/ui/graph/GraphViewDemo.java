package dev.cascadestudio.ui.graph;

import atlantafx.base.theme.PrimerLight;
import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.persistence.demo.RowBuilder;
import dev.cascadestudio.service.BrowseService;
import dev.cascadestudio.service.CascadeService;
import dev.cascadestudio.testsupport.EngineDatabases;
import dev.cascadestudio.ui.task.UiTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.application.Application;
import javafx.application.Platform;

/**
 * Opens the cascade graph window on a fresh demo database, for looking at it (and for the README's
 * screenshot): {@code --plan} previews deleting the customer-support project ({@code --plan=user:alice}
 * another row), {@code --labels} and
 * {@code --owners} switch the toggles on, {@code --rows} draws the rows the plan reaches. Not a test; run it from the test classpath under a display.
 */
public final class GraphViewDemo {

    private GraphViewDemo() {}

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        Path dir = Files.createTempDirectory("graph-demo");
        Database database = EngineDatabases.h2(dir);
        DemoData.load(database);
        CascadeService cascade = new CascadeService(database, dir.resolve("snapshots"));
        Map<String, Long> counts = new BrowseService(database).rowCounts();
        DeletePlan plan = options.stream().filter(o -> o.startsWith("--plan")).findFirst()
                .map(o -> o.contains("=") ? o.substring(o.indexOf('=') + 1) : "project:customer-support-assistant")
                .map(row -> row.split(":", 2))
                .map(row -> cascade.plan(List.of(new Root(row[0], RowBuilder.uid(row[0], row[1])))))
                .orElse(null);
        Platform.startup(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            UiTaskExecutor layout = new UiTaskExecutor("graph-layout", 1);
            CascadeGraphView view = CascadeGraphWindow.show(null, layout, cascade.graph(), counts, plan);
            view.viewModel().showLabelTablesProperty().set(options.contains("--labels"));
            view.viewModel().showOwnerEdgesProperty().set(options.contains("--owners"));
            view.enableRows(layout, p -> ReachedRowsSource.of(cascade, p));
            if (options.contains("--rows")) {
                ((javafx.scene.control.ToggleButton) view.lookup("#rowsToggle")).setSelected(true);
            }
            view.getScene().getWindow().setOnHidden(event -> {
                layout.shutdown();
                database.close();
                Platform.exit();
            });
        });
    }
}
