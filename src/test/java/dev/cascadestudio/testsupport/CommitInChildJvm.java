package dev.cascadestudio.testsupport;

import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.service.CascadeService;
import java.nio.file.Path;
import java.util.List;

/**
 * Run in a separate JVM by the crash test: plans and executes the delete of one project in an H2
 * file, printing {@value #COMMITTING} on standard output as the commit's first UPDATE/DELETE starts
 * and {@value #COMMITTED} once the transaction has committed. The test kills it in between.
 *
 * <p>Arguments: JDBC URL, project uid, snapshot directory.
 */
public final class CommitInChildJvm {

    public static final String COMMITTING = "COMMITTING";
    public static final String COMMITTED = "COMMITTED";

    private CommitInChildJvm() {}

    public static void main(String[] args) {
        String url = args[0];
        String projectUid = args[1];
        Path snapshots = Path.of(args[2]);
        try (Database database = Database.open(url, null, null, Database.EmptyDatabase.REFUSE)) {
            CascadeService service = new CascadeService(database, snapshots);
            DeletePlan plan = service.plan(List.of(new Root("project", projectUid)));
            boolean[] announced = {false};
            service.execute(plan, (done, total, message) -> {
                // the executor names each statement "Setting t.c to NULL" / "Deleting from t" as it starts it
                if (!announced[0] && (message.startsWith("Setting ") || message.startsWith("Deleting "))) {
                    announced[0] = true;
                    System.out.println(COMMITTING);
                    System.out.flush();
                }
            });
            System.out.println(COMMITTED);
            System.out.flush();
        }
    }
}
