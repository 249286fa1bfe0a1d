package dev.cascadestudio.cli;

import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DataGenerator;
import dev.cascadestudio.persistence.demo.DemoData;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Fill an empty H2 database with generated rows (for trying out and benchmarks).")
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--db", required = true, description = "JDBC URL of an empty H2 database, e.g. jdbc:h2:file:/tmp/big")
    String url;

    @Option(names = "--rows", defaultValue = "100000", description = "Approximate total rows (default ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--big-project-rows", defaultValue = "20000",
            description = "Rows under the project named big-project (default ${DEFAULT-VALUE}).")
    long bigProjectRows;

    @Option(names = "--demo", description = "Write the small demo data set (the one a first start shows) instead.")
    boolean demo;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        DataGenerator.Result result;
        try (Database db = Database.open(url, null, null, Database.EmptyDatabase.CREATE_SCHEMA)) {
            if (!db.schemaCreated()) {
                throw new IllegalArgumentException("The database at " + url + " is not empty; generate writes only into a new database.");
            }
            result = demo ? new DataGenerator.Result(DemoData.load(db), null) : DataGenerator.generate(db, rows, bigProjectRows);
        }
        Database.compactH2(url);
        System.out.printf("Generated %,d rows in %.1f s%s%n", result.rows(), (System.nanoTime() - start) / 1e9,
                result.bigProjectUid() == null ? "" : " (big-project uid " + result.bigProjectUid() + ")");
        return CliErrors.DONE;
    }
}
