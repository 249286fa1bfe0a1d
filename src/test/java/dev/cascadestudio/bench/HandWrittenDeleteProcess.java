package dev.cascadestudio.bench;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * {@link BigDeleteBenchmark}'s floor for a whole-process delete: a JVM that opens the database over plain JDBC, runs
 * {@link HandWrittenDelete}'s statements in one transaction, commits and ends; no plan, no snapshot, no check. What a
 * command-line delete takes above it is what the tool adds; what it takes above the hand-written statements alone is
 * the JVM's start and the database's open, which any tool in Java pays.
 *
 * <p>Arguments: the JDBC URL, the user (or {@code -} for none), the project's uid. Prints the milliseconds from the
 * connection's request to the commit, as {@code statements_ms=N}.
 */
public final class HandWrittenDeleteProcess {

    private HandWrittenDeleteProcess() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = "-".equals(args[1]) ? null : args[1];
        long t0 = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url, user, null)) {
            connection.setAutoCommit(false);
            HandWrittenDelete.run(connection, args[2], url.startsWith("jdbc:mariadb:"));
            connection.commit();
        }
        System.out.println("statements_ms=" + (System.nanoTime() - t0) / 1_000_000);
    }
}
