package dev.cascadestudio.ui.graph;

import dev.cascadestudio.cascade.CascadeGraph;
import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.persistence.demo.RowBuilder;
import dev.cascadestudio.service.BrowseService;
import dev.cascadestudio.service.CascadeService;
import dev.cascadestudio.testsupport.EngineDatabases;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The demo database on a fresh H2, with what the graph view needs of it: the graph, the row counts
 * and the plan of deleting the customer-support project.
 */
final class DemoCascade implements AutoCloseable {

    static final Root SUPPORT_PROJECT = new Root("project", RowBuilder.uid("project", "customer-support-assistant"));

    final Database database;
    final CascadeService cascade;
    final CascadeGraph graph;
    final Map<String, Long> rowCounts;
    final DeletePlan supportPlan;

    DemoCascade(Path dir) {
        database = EngineDatabases.h2(dir);
        DemoData.load(database);
        cascade = new CascadeService(database, dir.resolve("snapshots"));
        graph = cascade.graph();
        rowCounts = new BrowseService(database).rowCounts();
        supportPlan = cascade.plan(List.of(SUPPORT_PROJECT));
    }

    @Override
    public void close() {
        database.close();
    }
}
