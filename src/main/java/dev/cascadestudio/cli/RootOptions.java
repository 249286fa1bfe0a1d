package dev.cascadestudio.cli;

import dev.cascadestudio.cascade.Root;
import java.util.List;
import picocli.CommandLine.Option;

/** The rows a plan or delete starts from: one table and one or more uids (each: all its versions). */
final class RootOptions {

    @Option(names = "--table", required = true, description = "Table of the row to delete, e.g. project.")
    String table;

    @Option(names = "--uid", required = true, split = ",", description = "Uid of the row (all its versions); several separated by commas.")
    List<String> uids;

    List<Root> roots() {
        return uids.stream().map(u -> new Root(table, u)).toList();
    }
}
