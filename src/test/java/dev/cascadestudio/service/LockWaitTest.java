package dev.cascadestudio.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cascadestudio.cascade.CascadeGraph;
import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.ExecutionResult;
import dev.cascadestudio.cascade.ProgressListener;
import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.persistence.demo.RowBuilder;
import dev.cascadestudio.testsupport.CanonicalDump;
import dev.cascadestudio.testsupport.EngineDatabases;
import dev.cascadestudio.testsupport.OtherClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Another client, the controller or a colleague's SQL console, keeps a transaction open on a row the administrator's
 * delete or edit needs. PostgreSQL would wait for that lock for ever and MariaDB 50 s, with the delete's dialog at its
 * last progress line and no way out. The work now waits at most ten seconds, then says which kind of lock it met and
 * that nothing was changed, and changes nothing; a lock let go within that time is simply waited for. Real servers of
 * the machine, both PostgreSQL layouts (the controller's, without foreign keys, and Cascade Studio's own) and
 * MariaDB's controller layout; SQLite's and H2's waits are their drivers' own (see {@code LockMessagesTest}).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a wait for ever fails here
class LockWaitTest {

    private static final String SUPPORT = RowBuilder.uid("project", "customer-support-assistant");
    private static final String TRIAGE = RowBuilder.uid("workflow", "ticket-triage");
    /**
     * What the administrator reads, written out here rather than taken from the code that builds it, as a pattern:
     * {@code holder} (a pattern itself) is the other client as the server names it, whose transaction's age in whole
     * seconds is whatever it was.
     */
    private static String told(String lock, String holder) {
        return Pattern.quote("Another connection to the database held a lock this needs for longer than 10 s (" + lock
                + "); nothing was changed. Held by ") + holder
                + Pattern.quote(". Try again once its work is done, or end its transaction.");
    }

    /** The other client, {@code session} on the server, as PostgreSQL or MariaDB shows it while it holds {@code statement}'s lock. */
    private String holder(EngineDatabases.Kind kind, long session, String statement) {
        String user = EngineDatabases.serverDatabase(database).server().user();
        if (kind == EngineDatabases.Kind.MARIADB_CONTROLLER) {
            // InnoDB keeps no statement of a transaction between statements; the process list calls it Sleep
            return Pattern.quote("connection " + session + " (user " + user + " from ") + "[^ ;]+"
                    + Pattern.quote("; in a transaction for ") + "\\d+" + Pattern.quote(" s, idle)");
        }
        return Pattern.quote("connection " + session + " (user " + user + " from 127.0.0.1, PostgreSQL JDBC Driver; in a transaction for ")
                + "\\d+" + Pattern.quote(" s, idle in transaction; its latest statement: " + statement + ")");
    }

    @TempDir Path dir;
    private Database database;

    @AfterEach
    void close() {
        if (database != null) EngineDatabases.close(database);
    }

    @ParameterizedTest
    @EnumSource(value = EngineDatabases.Kind.class, names = {"POSTGRESQL_CONTROLLER", "POSTGRESQL", "MARIADB_CONTROLLER"})
    void aDeleteMeetingALockHeldElsewhereGivesUpAfterTenSecondsAndChangesNothing(EngineDatabases.Kind kind) throws Exception {
        open(kind);
        CascadeService service = new CascadeService(database, dir.resolve("snapshots"), new AuditLog(dir.resolve("audit.jsonl")));
        DeletePlan plan = service.plan(List.of(new Root("project", SUPPORT)));
        String before = CanonicalDump.of(database);

        Throwable refused;
        long took;
        List<List<String>> told = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        String held = "UPDATE project SET description = 'held open' WHERE uid = '" + SUPPORT + "'";
        long session;
        try (OtherClient holder = OtherClient.of(database)) {
            session = holder.session();
            assertThat(holder.update(held)).isEqualTo(1);

            long start = System.nanoTime();
            refused = catchThrowable(() -> service.execute(plan, new ProgressListener() {
                @Override
                public void update(long done, long total, String message) { }

                @Override
                public void waitingForLock(List<String> holders) {
                    told.add(holders);
                }
            }));
            took = System.nanoTime() - start;
        }

        assertThat(refused).as("the delete gave up").isNotNull();
        assertThat(FailureMessages.describe(refused)).matches(told(kind == EngineDatabases.Kind.MARIADB_CONTROLLER
                ? "MariaDB: lock wait timeout exceeded" : "PostgreSQL: lock not available", holder(kind, session, held)));
        assertThat(new java.util.ArrayList<>(told)).as("while it waited, it was told whom for, as the holder's transaction aged")
                .hasSizeBetween(2, 10).allSatisfy(holders -> assertThat(holders).singleElement()
                        .satisfies(h -> assertThat(h).matches(holder(kind, session, held))));
        assertThat(Duration.ofNanos(took)).as("it waited its ten seconds, not for ever")
                .isBetween(Duration.ofSeconds(10), Duration.ofSeconds(30));
        assertThat(CanonicalDump.of(database)).as("nothing was changed").isEqualTo(before);
        assertThat(filesIn(dir.resolve("snapshots"))).as("no snapshot of a delete that did not happen").isZero();
        assertThat(Files.exists(dir.resolve("audit.jsonl")) ? Files.readAllLines(dir.resolve("audit.jsonl")) : List.of())
                .as("nothing in the audit log").isEmpty();

        // once the other transaction has ended, the same delete goes through on the same pooled connections
        service.execute(service.plan(List.of(new Root("project", SUPPORT))), ProgressListener.NONE);
        assertThat(EngineDatabases.count(database, "SELECT COUNT(*) FROM project WHERE uid = ?", SUPPORT)).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = EngineDatabases.Kind.class, names = {"POSTGRESQL_CONTROLLER", "MARIADB_CONTROLLER"})
    void aLockLetGoWithinTheTenSecondsIsWaitedFor(EngineDatabases.Kind kind) throws Exception {
        open(kind);
        CascadeService service = new CascadeService(database, dir.resolve("snapshots"));
        DeletePlan plan = service.plan(List.of(new Root("project", SUPPORT)));
        ExecutionResult result;
        long took;
        try (OtherClient holder = OtherClient.of(database)) {
            holder.update("UPDATE project SET updated = updated WHERE uid = '" + SUPPORT + "'");
            long start = System.nanoTime();
            Thread release = holder.rollBackAfter(2_000);
            result = service.execute(plan, ProgressListener.NONE);
            took = System.nanoTime() - start;
            release.join();
        }
        assertThat(Duration.ofNanos(took)).as("the delete waited for the other transaction").isGreaterThanOrEqualTo(Duration.ofMillis(1_900));
        assertThat(result.plan().deletedFrom("workflow").count()).isEqualTo(3);
        assertThat(EngineDatabases.count(database, "SELECT COUNT(*) FROM project WHERE uid = ?", SUPPORT)).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = EngineDatabases.Kind.class, names = {"POSTGRESQL_CONTROLLER", "MARIADB_CONTROLLER"})
    void savingARowAnotherClientHoldsGivesUpAfterTenSecondsAndChangesNothing(EngineDatabases.Kind kind) throws Exception {
        open(kind);
        CascadeGraph graph = CascadeGraph.fromMapping();
        RowEditService edit = new RowEditService(database, graph, new TreeService(database, graph), new RowDetailsService(database),
                new AuditLog(dir.resolve("audit.jsonl")));
        EditableRow triage = edit.load(new RowRef("workflow", TRIAGE, "", "ticket-triage")).orElseThrow();
        Map<String, String> values = new HashMap<>();
        triage.fields().stream().filter(EditableRow.Field::editable).forEach(f -> values.put(f.column(), f.value()));
        values.put("description", "Routes tickets");
        String before = CanonicalDump.of(database);

        Throwable refused;
        String held = "UPDATE workflow SET state = state WHERE uid = '" + TRIAGE + "'";
        long session;
        try (OtherClient holder = OtherClient.of(database)) {
            session = holder.session();
            holder.update(held);
            refused = catchThrowable(() -> edit.save(new RowDraft(triage, values, triage.labels())));
        }

        assertThat(FailureMessages.describe(refused)).matches(told(kind == EngineDatabases.Kind.MARIADB_CONTROLLER
                ? "MariaDB: lock wait timeout exceeded" : "PostgreSQL: lock not available", holder(kind, session, held)));
        assertThat(CanonicalDump.of(database)).as("nothing was changed").isEqualTo(before);
    }

    /**
     * A migration's table lock (PostgreSQL's ACCESS EXCLUSIVE, MariaDB's LOCK TABLES ... WRITE, a metadata lock) keeps
     * even reads out: the window opened read-only on that database, reading the tree, gives up after the same ten
     * seconds instead of showing a spinner for ever. PostgreSQL names the holder; MariaDB's metadata locks are not
     * among InnoDB's lock waits, so its sentence has no holder.
     */
    @ParameterizedTest
    @EnumSource(value = EngineDatabases.Kind.class, names = {"POSTGRESQL_CONTROLLER", "MARIADB_CONTROLLER"})
    void aReadOnlyWindowsReadOfATableAMigrationHoldsGivesUpAfterTenSeconds(EngineDatabases.Kind kind) throws Exception {
        open(kind);
        String user = EngineDatabases.serverDatabase(database).server().user();
        Throwable refused;
        long session;
        long took;
        boolean mariaDb = kind == EngineDatabases.Kind.MARIADB_CONTROLLER;
        String lock = mariaDb ? "LOCK TABLES run WRITE" : "LOCK TABLE run IN ACCESS EXCLUSIVE MODE";
        try (Database readOnly = Database.open(database.url(), user, null, Database.EmptyDatabase.REFUSE, Database.Access.READ_ONLY);
             OtherClient migration = OtherClient.of(database)) {
            session = migration.session();
            migration.update(lock);
            TreeService tree = new TreeService(readOnly, CascadeGraph.fromMapping());
            long start = System.nanoTime();
            refused = catchThrowable(tree::unownedGroups);
            took = System.nanoTime() - start;
            if (mariaDb) migration.update("UNLOCK TABLES");
        }
        assertThat(Duration.ofNanos(took)).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(30));
        assertThat(FailureMessages.describe(refused)).matches(mariaDb
                ? Pattern.quote("Another connection to the database held a lock this needs for longer than 10 s (MariaDB: lock"
                        + " wait timeout exceeded); nothing was changed. Try again once its work is done, or end its transaction.")
                : told("PostgreSQL: lock not available", Pattern.quote("connection " + session + " (user " + user
                        + " from 127.0.0.1, PostgreSQL JDBC Driver; in a transaction for ") + "\\d+"
                        + Pattern.quote(" s, idle in transaction; its latest statement: " + lock + ")")));
    }

    private void open(EngineDatabases.Kind kind) {
        database = EngineDatabases.open(kind, dir);
        DemoData.load(database);
    }

    private static long filesIn(Path directory) throws java.io.IOException {
        if (!Files.exists(directory)) return 0;
        try (var files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
