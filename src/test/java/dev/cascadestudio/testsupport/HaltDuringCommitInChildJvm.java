package dev.cascadestudio.testsupport;

import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.service.CascadeService;
import java.nio.file.Path;
import java.util.List;

/**
 * Run in a separate JVM by the crash test: deletes one row (with what it implies) from a database and,
 * on an H2 file, stops the JVM at a chosen write of H2's file made while the delete commits
 * ({@link HaltingH2Files}). Prints {@value #PLANNED} {@code n} (the rows the plan affects), then, if
 * it was not stopped, {@value #COMMITTED} {@code w} once the commit has returned, {@code w} being the
 * number of writes to the H2 file between the start of the commit and its return. As the commit
 * starts it prints {@value #BACKUP} {@code true} or {@code false}: whether the delete backed the file up.
 *
 * <p>Arguments: JDBC URL, table, uid, snapshot directory, {@link HaltingH2Files.Mode}, n.
 */
public final class HaltDuringCommitInChildJvm {

    public static final String PLANNED = "PLANNED";
    public static final String COMMITTED = "COMMITTED";
    public static final String BACKUP = "BACKUP";

    private HaltDuringCommitInChildJvm() {}

    public static void main(String[] args) {
        String url = args[0];
        HaltingH2Files.Mode mode = HaltingH2Files.Mode.valueOf(args[4]);
        int n = Integer.parseInt(args[5]);
        if (url.startsWith("jdbc:h2:")) {
            HaltingH2Files.install();
        }
        try (Database database = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
            CascadeService service = new CascadeService(database, Path.of(args[3]));
            DeletePlan plan = service.plan(List.of(new Root(args[1], args[2])));
            report(PLANNED + " " + plan.affectedRowCount());
            service.execute(plan, (done, total, message) -> {
                if (message.equals("Committing")) {
                    report(BACKUP + " " + java.nio.file.Files.exists(java.nio.file.Path.of(
                            url.substring("jdbc:h2:file:".length()).split(";")[0] + ".delete-backup.zip")));
                    HaltingH2Files.arm(mode, n); // after the last statement, just before the transaction commits
                }
            });
            report(COMMITTED + " " + HaltingH2Files.disarm());
        }
    }

    private static void report(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
