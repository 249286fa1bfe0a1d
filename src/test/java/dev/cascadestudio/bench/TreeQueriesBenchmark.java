package dev.cascadestudio.bench;

import dev.cascadestudio.cascade.CascadeGraph;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DataGenerator;
import dev.cascadestudio.service.RowRef;
import dev.cascadestudio.service.SearchService;
import dev.cascadestudio.service.TreeService;
import dev.cascadestudio.testsupport.EngineDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * How long the window's tree and search queries take on a generated database of 100,000 rows, on
 * H2 and on a controller's SQLite file (which has no index on {@code uid} alone). Writes its figures
 * to {@code target/benchmarks/tree-queries.txt}. Not part of {@code mvn test}: run with
 * {@code mvn test -Dsurefire.excludedGroups= -Dgroups=bench -Dtest=TreeQueriesBenchmark}.
 */
@Tag("bench")
class TreeQueriesBenchmark {

    private static final int ROUNDS = 5;

    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void treeAndSearchQueriesOnAHundredThousandRows(EngineDatabases.Kind kind) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Database database = EngineDatabases.open(kind, dir)) {
            String big = DataGenerator.generate(database, 100_000, 50_000).bigProjectUid();
            CascadeGraph graph = CascadeGraph.fromMapping();
            TreeService tree = new TreeService(database, graph);
            SearchService search = new SearchService(database, graph);
            RowRef project = new RowRef("project", big, "", DataGenerator.BIG_PROJECT);
            RowRef deepRun = tree.rows(tree.rule("project", "document"), big, 999, 1).get(0);
            lines.add(time(kind, "groups of big-project (7 COUNTs)", () -> tree.groups(project)));
            lines.add(time(kind, "documents page 3 of big-project", () -> tree.rows(tree.rule("project", "document"), big, 1_000, 500)));
            lines.add(time(kind, "Unowned groups (orphan COUNTs)", tree::unownedGroups));
            lines.add(time(kind, "runs without workflow, first page", () -> tree.rows(tree.rule("workflow", "run"), null, 0, 500)));
            lines.add(time(kind, "locate document #1000 of big-project", () -> tree.locate(deepRun)));
            lines.add(time(kind, "search name 'run-00007' (200 max)", () -> search.search("run-00007", 200)));
            lines.add(time(kind, "search label attempt=4 (200 max)", () -> search.search("attempt=4", 200)));
        }
        Path out = Path.of("target", "benchmarks", "tree-queries.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Median of {@value #ROUNDS} runs after one warm-up. */
    private static String time(EngineDatabases.Kind kind, String what, Supplier<?> query) {
        query.get();
        long[] millis = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            query.get();
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        java.util.Arrays.sort(millis);
        return String.format("%-7s %-40s median %5d ms (min %d, max %d)", kind, what, millis[ROUNDS / 2], millis[0], millis[ROUNDS - 1]);
    }
}
