package dev.cascadestudio.testsupport;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Run in a separate JVM: holds the H2 database at {@code args[0]} open with plain JDBC, prints
 * {@value #READY} once it has it, and lets go when a line arrives on stdin or stdin closes.
 */
public final class HoldH2Open {

    public static final String READY = "holding";

    private HoldH2Open() {}

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[0])) {
            System.out.println(READY);
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
    }
}
