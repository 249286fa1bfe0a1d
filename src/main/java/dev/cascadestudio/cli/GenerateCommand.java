package dev.cascadestudio.cli;

import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DataGenerator;
import dev.cascadestudio.service.DatabaseSession;
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

    /** The most rows generate writes: about 3 GB of H2 file, ten times the benchmarks' largest database. */
    static final long MAX_ROWS = 20_000_000;
    /** Disk an H2 file of generated rows takes per row, with room to spare (1M rows took 134 MB). */
    static final long BYTES_PER_ROW = 300;

    /** The bytes free for a new file in a folder. */
    @FunctionalInterface
    interface FreeSpace {
        long in(java.nio.file.Path folder) throws java.io.IOException;
    }

    /** The file store's usable space; a test sets another figure here to see the refusal (the disk it runs on has room). */
    static volatile FreeSpace freeSpace = folder -> java.nio.file.Files.getFileStore(folder).getUsableSpace();

    @Override
    public Integer call() {
        if (!demo) {
            checkSizes();
        }
        long start = System.nanoTime();
        DataGenerator.Result result;
        try (DatabaseSession session = DatabaseSession.create(url)) {
            Database db = session.database();
            result = demo ? new DataGenerator.Result(DemoData.load(db), null) : DataGenerator.generate(db, rows, bigProjectRows);
        }
        DatabaseSession.compactNewDatabase(url);
        System.out.printf("Generated %,d rows in %.1f s%s%n", result.rows(), (System.nanoTime() - start) / 1e9,
                result.bigProjectUid() == null ? "" : " (big-project uid " + result.bigProjectUid() + ")");
        return CliErrors.DONE;
    }

    /** Refuses sizes out of range, and a size the disk has no room for, before anything is written. */
    private void checkSizes() {
        if (rows < 1 || rows > MAX_ROWS) {
            throw new IllegalArgumentException(String.format("--rows must be between 1 and %,d; %,d was given.", MAX_ROWS, rows));
        }
        if (bigProjectRows < 0 || bigProjectRows > rows) {
            throw new IllegalArgumentException(String.format(
                    "--big-project-rows must be between 0 and --rows (%,d); %,d was given.", rows, bigProjectRows));
        }
        java.nio.file.Path file = Database.embeddedH2File(url);
        if (file == null) {
            return;
        }
        java.nio.file.Path dir = file.toAbsolutePath().getParent();
        while (dir != null && !java.nio.file.Files.exists(dir)) {
            dir = dir.getParent();
        }
        if (dir == null) {
            return;
        }
        long needed = rows * BYTES_PER_ROW;
        long free;
        try {
            free = freeSpace.in(dir);
        } catch (java.io.IOException e) {
            return; // the open below says what is wrong with the place
        }
        if (needed > free) {
            throw new IllegalArgumentException(String.format("%,d rows need about %,d MB of disk, and %s has %,d MB free;"
                    + " nothing was written.", rows, needed >> 20, dir, free >> 20));
        }
    }
}
