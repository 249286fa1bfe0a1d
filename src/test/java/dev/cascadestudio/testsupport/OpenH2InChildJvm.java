package dev.cascadestudio.testsupport;

import dev.cascadestudio.persistence.Database;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Run in a separate JVM: loads everything it needs, prints {@value #READY}, waits for a line on stdin,
 * then opens the database at {@code args[0]} as Cascade Studio does and prints {@code undone=true|false}
 * (whether the open put back the backup of an interrupted delete) or {@code error=<message>}; it keeps
 * the database open until a second line arrives on stdin (or stdin closes), like a window left open.
 * Several of them released together open one file at the same moment.
 */
public final class OpenH2InChildJvm {

    public static final String READY = "ready";

    private OpenH2InChildJvm() {}

    public static void main(String[] args) throws Exception {
        openWhenTold(args[0], stdin());
    }

    /** Standard input, read through one reader only: a second reader could miss lines the first read ahead. */
    public static BufferedReader stdin() {
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }

    /** The protocol of {@link #main}, reading the lines from {@code in}. */
    public static void openWhenTold(String url, BufferedReader in) throws IOException, ClassNotFoundException {
        Class.forName("org.h2.Driver");
        Class.forName(Database.class.getName());
        System.out.println(READY);
        System.out.flush();
        in.readLine();
        Database database = null;
        String result;
        try {
            database = Database.open(url, null, null, Database.EmptyDatabase.REFUSE);
            result = "undone=" + database.interruptedDeleteUndone();
        } catch (RuntimeException e) {
            result = "error=" + e.getMessage();
        }
        System.out.println(result);
        System.out.flush();
        in.readLine();
        if (database != null) {
            database.close();
        }
    }
}
