package dev.cascadestudio.testsupport;

import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.service.CascadeService;
import java.nio.file.Path;
import java.util.List;

/**
 * Run in a separate JVM by the crash test: plans and executes the delete of one project in an H2
 * file and reports on standard output how far it got, one line per event, so that the test can kill
 * it at a chosen point whatever the machine's speed:
 * <ul>
 *   <li>{@value #STATEMENT} {@code k} as the executor starts its k-th UPDATE/DELETE (k from 1),</li>
 *   <li>{@value #COMMITTING} when the last statement has run and the transaction is being committed,</li>
 *   <li>{@value #COMMITTED} once the commit has returned,</li>
 *   <li>{@value #CLOSED} once the database has been closed.</li>
 * </ul>
 * It then waits to be killed, so that a kill after {@value #COMMITTED} but before {@value #CLOSED}
 * lands between the commit and H2's clean close.
 *
 * <p>Arguments: JDBC URL, uid, snapshot directory, and optionally the uid's table (else {@code project}).
 */
public final class CommitInChildJvm {

    public static final String STATEMENT = "STATEMENT";
    public static final String COMMITTING = "COMMITTING";
    public static final String COMMITTED = "COMMITTED";
    public static final String CLOSED = "CLOSED";

    private CommitInChildJvm() {}

    public static void main(String[] args) throws InterruptedException {
        String url = args[0];
        String projectUid = args[1];
        Path snapshots = Path.of(args[2]);
        try (Database database = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
            CascadeService service = new CascadeService(database, snapshots);
            DeletePlan plan = service.plan(List.of(new Root(args.length > 3 ? args[3] : "project", projectUid)));
            int[] statements = {0};
            service.execute(plan, (done, total, message) -> {
                // the executor names each statement "Setting t.c to NULL" / "Deleting from t" as it starts it,
                // and reports "Committing" after the last one, just before the transaction commits
                if (message.startsWith("Setting ") || message.startsWith("Deleting ")) {
                    report(STATEMENT + " " + ++statements[0]);
                } else if (message.equals("Committing")) {
                    report(COMMITTING);
                }
            });
            report(COMMITTED);
        }
        report(CLOSED);
        Thread.sleep(Long.MAX_VALUE);
    }

    private static void report(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
