package dev.cascadestudio.testsupport;

import dev.cascadestudio.persistence.Database;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Run in a separate JVM: loads everything it needs, prints {@value #READY}, waits for a line on stdin,
 * then opens the database at {@code args[0]} as Cascade Studio does, closes it at once and prints
 * {@code undone=true|false} (whether the open put back the backup of an interrupted delete) or
 * {@code error=<message>}. Several of them released together open one file at the same moment.
 */
public final class OpenH2InChildJvm {

    public static final String READY = "ready";

    private OpenH2InChildJvm() {}

    public static void main(String[] args) throws Exception {
        Class.forName("org.h2.Driver");
        Class.forName(Database.class.getName());
        System.out.println(READY);
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        String result;
        try (Database database = Database.open(args[0], null, null, Database.EmptyDatabase.REFUSE)) {
            result = "undone=" + database.interruptedDeleteUndone();
        } catch (RuntimeException e) {
            result = "error=" + e.getMessage();
        }
        System.out.println(result);
        System.out.flush();
    }
}
