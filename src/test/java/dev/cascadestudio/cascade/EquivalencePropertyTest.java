package dev.cascadestudio.cascade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.domain.DomainModel;
import dev.cascadestudio.domain.User;
import dev.cascadestudio.domain.VersionedKey;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.MappingRules;
import dev.cascadestudio.service.CascadeService;
import dev.cascadestudio.testsupport.CanonicalDump;
import dev.cascadestudio.testsupport.DatabaseState;
import dev.cascadestudio.testsupport.EngineDatabases;
import dev.cascadestudio.testsupport.EngineDatabases.Kind;
import dev.cascadestudio.testsupport.RandomGraph;
import dev.cascadestudio.testsupport.NeedsServer;
import dev.cascadestudio.testsupport.RulesModel;
import dev.cascadestudio.testsupport.ServerCheck;
import dev.cascadestudio.testsupport.ServerDatabases.Server;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.statistics.Statistics;

/**
 * Properties of the cascade engine over random controller data sets ({@link RandomGraph}): it
 * deletes and nulls exactly what the schema document's rules say ({@link RulesModel}), exactly what
 * Hibernate's own entity cascade does on Cascade Studio's H2 schema, exactly what its plan listed,
 * and its snapshot puts everything back. jqwik prints the seed and the sizes of a failing try.
 */
class EquivalencePropertyTest {

    /** Tries per property on a server: each writes, plans, commits and reads a data set over the network. */
    static final int SERVER_TRIES = 15;

    private final Map<String, Database> databases = new LinkedHashMap<>();
    private Path propertyDir;

    private static final Map<String, Class<?>> ENTITIES = DomainModel.TABLES.stream()
            .collect(Collectors.toMap(MappingRules::tableOf, Function.identity()));

    // --- the engine against Hibernate's cascade and the rules (H2) -----------------------------

    @Property(tries = 40, shrinking = ShrinkingMode.BOUNDED)
    void onH2TheExecutorDeletesWhatHibernateCascadeAndTheRulesDelete(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int users, @ForAll @IntRange(min = 1, max = 4) int projects,
            @ForAll @IntRange(min = 0, max = 4) int maxChildren, @ForAll @IntRange(min = 1, max = 3) int maxRoots) {
        RandomGraph.Size size = new RandomGraph.Size(users, projects, maxChildren);
        withDatabases(Kind.H2, 2, (snapshots, dbs) -> {
            Database engine = dbs.get(0);
            Database hibernate = dbs.get(1);
            RandomGraph.Graph graph = RandomGraph.write(engine, seed, size);
            RandomGraph.write(hibernate, seed, size);
            assertThat(CanonicalDump.of(hibernate)).as("same seed, same rows").isEqualTo(CanonicalDump.of(engine));
            List<Root> roots = RandomGraph.pickRoots(graph, new Random(~seed), maxRoots);

            DatabaseState before = DatabaseState.read(engine);
            RulesModel.Expectation expected = RulesModel.load(engine).delete(roots);
            collect(roots, expected);
            CascadeService service = new CascadeService(engine, snapshots);
            service.execute(service.plan(roots), ProgressListener.NONE);
            deleteWithHibernate(hibernate, graph, roots);

            assertThat(CanonicalDump.of(engine)).as("engine vs Hibernate cascade for %s", roots)
                    .isEqualTo(CanonicalDump.of(hibernate));
            assertMatchesRules(before.diff(DatabaseState.read(engine)), expected, roots);
        });
    }

    // --- the engine against the rules (controller SQLite, no foreign keys) ---------------------

    @Property(tries = 50, shrinking = ShrinkingMode.BOUNDED)
    void onControllerSqliteTheExecutorDeletesWhatTheRulesDelete(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int users, @ForAll @IntRange(min = 1, max = 4) int projects,
            @ForAll @IntRange(min = 0, max = 4) int maxChildren, @ForAll @IntRange(min = 1, max = 3) int maxRoots) {
        deletesWhatTheRulesDelete(Kind.SQLITE, seed, new RandomGraph.Size(users, projects, maxChildren), maxRoots);
    }

    private void deletesWhatTheRulesDelete(Kind kind, long seed, RandomGraph.Size size, int maxRoots) {
        withDatabases(kind, 1, (snapshots, dbs) -> {
            Database db = dbs.get(0);
            RandomGraph.Graph graph = RandomGraph.write(db, seed, size);
            List<Root> roots = RandomGraph.pickRoots(graph, new Random(~seed), maxRoots);

            DatabaseState before = DatabaseState.read(db);
            RulesModel.Expectation expected = RulesModel.load(db).delete(roots);
            collect(roots, expected);
            CascadeService service = new CascadeService(db, snapshots);
            service.execute(service.plan(roots), ProgressListener.NONE);

            assertMatchesRules(before.diff(DatabaseState.read(db)), expected, roots);
        });
    }

    // --- the same on the servers: fewer tries (each writes to a server), the same properties ----

    @Property(tries = SERVER_TRIES, shrinking = ShrinkingMode.BOUNDED)
    @NeedsServer(Server.MARIADB)
    @AddLifecycleHook(ServerCheck.class)
    void onControllerMariaDbTheExecutorDeletesWhatTheRulesDelete(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int users, @ForAll @IntRange(min = 1, max = 4) int projects,
            @ForAll @IntRange(min = 0, max = 4) int maxChildren, @ForAll @IntRange(min = 1, max = 3) int maxRoots) {
        deletesWhatTheRulesDelete(Kind.MARIADB_CONTROLLER, seed, new RandomGraph.Size(users, projects, maxChildren), maxRoots);
    }

    @Property(tries = SERVER_TRIES, shrinking = ShrinkingMode.BOUNDED)
    @NeedsServer(Server.POSTGRESQL)
    @AddLifecycleHook(ServerCheck.class)
    void onControllerPostgreSqlTheExecutorDeletesWhatTheRulesDelete(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int users, @ForAll @IntRange(min = 1, max = 4) int projects,
            @ForAll @IntRange(min = 0, max = 4) int maxChildren, @ForAll @IntRange(min = 1, max = 3) int maxRoots) {
        deletesWhatTheRulesDelete(Kind.POSTGRESQL_CONTROLLER, seed, new RandomGraph.Size(users, projects, maxChildren), maxRoots);
    }

    @Property(tries = SERVER_TRIES, shrinking = ShrinkingMode.BOUNDED)
    @NeedsServer(Server.POSTGRESQL)
    @AddLifecycleHook(ServerCheck.class)
    void onCascadeStudiosPostgreSqlTheExecutorDeletesWhatTheRulesDelete(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int users, @ForAll @IntRange(min = 1, max = 4) int projects,
            @ForAll @IntRange(min = 0, max = 4) int maxChildren, @ForAll @IntRange(min = 1, max = 3) int maxRoots) {
        deletesWhatTheRulesDelete(Kind.POSTGRESQL, seed, new RandomGraph.Size(users, projects, maxChildren), maxRoots);
    }

    @Property(tries = SERVER_TRIES, shrinking = ShrinkingMode.BOUNDED)
    @NeedsServer(Server.MARIADB)
    @AddLifecycleHook(ServerCheck.class)
    void onControllerMariaDbTheCommitChangesExactlyTheRowsThePlanLists(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int users, @ForAll @IntRange(min = 1, max = 4) int projects,
            @ForAll @IntRange(min = 0, max = 4) int maxChildren, @ForAll @IntRange(min = 1, max = 3) int maxRoots) {
        planEqualsCommit(Kind.MARIADB_CONTROLLER, seed, new RandomGraph.Size(users, projects, maxChildren), maxRoots);
    }

    @Property(tries = SERVER_TRIES, shrinking = ShrinkingMode.BOUNDED)
    @NeedsServer(Server.POSTGRESQL)
    @AddLifecycleHook(ServerCheck.class)
    void onControllerPostgreSqlTheCommitChangesExactlyTheRowsThePlanLists(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int users, @ForAll @IntRange(min = 1, max = 4) int projects,
            @ForAll @IntRange(min = 0, max = 4) int maxChildren, @ForAll @IntRange(min = 1, max = 3) int maxRoots) {
        planEqualsCommit(Kind.POSTGRESQL_CONTROLLER, seed, new RandomGraph.Size(users, projects, maxChildren), maxRoots);
    }

    @Property(tries = SERVER_TRIES, shrinking = ShrinkingMode.BOUNDED)
    @NeedsServer(Server.POSTGRESQL)
    @AddLifecycleHook(ServerCheck.class)
    void onCascadeStudiosPostgreSqlTheCommitChangesExactlyTheRowsThePlanLists(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int users, @ForAll @IntRange(min = 1, max = 4) int projects,
            @ForAll @IntRange(min = 0, max = 4) int maxChildren, @ForAll @IntRange(min = 1, max = 3) int maxRoots) {
        planEqualsCommit(Kind.POSTGRESQL, seed, new RandomGraph.Size(users, projects, maxChildren), maxRoots);
    }

    @Property(tries = SERVER_TRIES, shrinking = ShrinkingMode.BOUNDED)
    @NeedsServer(Server.MARIADB)
    @AddLifecycleHook(ServerCheck.class)
    void onControllerMariaDbRestoringTheSnapshotPutsBackEveryRowAndValue(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int users, @ForAll @IntRange(min = 1, max = 4) int projects,
            @ForAll @IntRange(min = 0, max = 4) int maxChildren, @ForAll @IntRange(min = 1, max = 3) int maxRoots) {
        restoreRoundTrip(Kind.MARIADB_CONTROLLER, seed, new RandomGraph.Size(users, projects, maxChildren), maxRoots);
    }

    @Property(tries = SERVER_TRIES, shrinking = ShrinkingMode.BOUNDED)
    @NeedsServer(Server.POSTGRESQL)
    @AddLifecycleHook(ServerCheck.class)
    void onControllerPostgreSqlRestoringTheSnapshotPutsBackEveryRowAndValue(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int users, @ForAll @IntRange(min = 1, max = 4) int projects,
            @ForAll @IntRange(min = 0, max = 4) int maxChildren, @ForAll @IntRange(min = 1, max = 3) int maxRoots) {
        restoreRoundTrip(Kind.POSTGRESQL_CONTROLLER, seed, new RandomGraph.Size(users, projects, maxChildren), maxRoots);
    }

    @Property(tries = SERVER_TRIES, shrinking = ShrinkingMode.BOUNDED)
    @NeedsServer(Server.POSTGRESQL)
    @AddLifecycleHook(ServerCheck.class)
    void onCascadeStudiosPostgreSqlRestoringTheSnapshotPutsBackEveryRowAndValue(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int users, @ForAll @IntRange(min = 1, max = 4) int projects,
            @ForAll @IntRange(min = 0, max = 4) int maxChildren, @ForAll @IntRange(min = 1, max = 3) int maxRoots) {
        restoreRoundTrip(Kind.POSTGRESQL, seed, new RandomGraph.Size(users, projects, maxChildren), maxRoots);
    }

    // --- plan = commit -------------------------------------------------------------------------

    @Property(tries = 30, shrinking = ShrinkingMode.BOUNDED)
    void onH2TheCommitChangesExactlyTheRowsThePlanLists(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int users, @ForAll @IntRange(min = 1, max = 4) int projects,
            @ForAll @IntRange(min = 0, max = 4) int maxChildren, @ForAll @IntRange(min = 1, max = 3) int maxRoots) {
        planEqualsCommit(Kind.H2, seed, new RandomGraph.Size(users, projects, maxChildren), maxRoots);
    }

    @Property(tries = 40, shrinking = ShrinkingMode.BOUNDED)
    void onControllerSqliteTheCommitChangesExactlyTheRowsThePlanLists(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int users, @ForAll @IntRange(min = 1, max = 4) int projects,
            @ForAll @IntRange(min = 0, max = 4) int maxChildren, @ForAll @IntRange(min = 1, max = 3) int maxRoots) {
        planEqualsCommit(Kind.SQLITE, seed, new RandomGraph.Size(users, projects, maxChildren), maxRoots);
    }

    private void planEqualsCommit(Kind kind, long seed, RandomGraph.Size size, int maxRoots) {
        withDatabases(kind, 1, (snapshots, dbs) -> {
            Database db = dbs.get(0);
            RandomGraph.Graph graph = RandomGraph.write(db, seed, size);
            List<Root> roots = RandomGraph.pickRoots(graph, new Random(~seed), maxRoots);
            CascadeService service = new CascadeService(db, snapshots);
            DatabaseState before = DatabaseState.read(db);

            DeletePlan plan = service.plan(roots);
            SortedSet<RowKey> listedDeleted = new TreeSet<>();
            for (DeletePlan.Effect effect : plan.deleted()) {
                List<RowKey> rows = service.allRows(plan, effect);
                assertThat(rows).as("rows listed for %s", effect.label()).hasSize((int) effect.count())
                        .allSatisfy(k -> assertThat(k.table()).isEqualTo(effect.table()));
                listedDeleted.addAll(rows);
            }
            SortedSet<RulesModel.Nulled> listedNulled = new TreeSet<>();
            for (DeletePlan.Effect effect : plan.nulled()) {
                List<RowKey> rows = service.allRows(plan, effect);
                assertThat(rows).as("rows listed for %s", effect.label()).hasSize((int) effect.count());
                rows.forEach(k -> listedNulled.add(new RulesModel.Nulled(k, effect.column())));
            }
            assertThat(listedDeleted).as("no row listed twice").hasSize((int) plan.deletedCount());
            assertThat(listedNulled).as("no value listed twice").hasSize((int) plan.nulledValueCount());

            service.execute(plan, ProgressListener.NONE);
            DatabaseState.Diff diff = before.diff(DatabaseState.read(db));

            assertThat(diff.otherChanges()).as("changes beyond deleting rows and nulling values").isEmpty();
            assertThat(diff.deleted()).as("rows gone vs rows the plan listed for %s", roots).isEqualTo(listedDeleted);
            assertThat(diff.nulled()).as("values nulled vs values the plan listed for %s", roots).isEqualTo(listedNulled);
            assertThat(plan.nulledValueCount()).as("values the plan counts as nulled").isEqualTo(diff.nulled().size());
            assertThat(plan.nulledRowCount()).as("rows the plan counts as nulled: rows that lost a value, each once")
                    .isEqualTo(diff.nulled().stream().map(RulesModel.Nulled::row).distinct().count());
            assertThat(plan.affectedRowCount()).as("rows the plan counts as affected")
                    .isEqualTo(diff.deleted().size() + diff.nulled().stream().map(RulesModel.Nulled::row).distinct().count());
        });
    }

    // --- the planner's two ways of finding child rows ---------------------------------------------

    /**
     * On H2 the planner keeps the keys of the deleted parent rows and finds each child through its
     * foreign-key index from them, up to a limit per column; past it, it joins the parent in SQL. Both
     * must give the same plan: the same counts, the same rows (digests) and the same routes.
     */
    @Property(tries = 30, shrinking = ShrinkingMode.BOUNDED)
    void onH2KeptParentKeysAndSqlJoinsGiveTheSamePlan(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int users, @ForAll @IntRange(min = 1, max = 4) int projects,
            @ForAll @IntRange(min = 0, max = 4) int maxChildren, @ForAll @IntRange(min = 1, max = 3) int maxRoots,
            @ForAll @IntRange(min = 0, max = 3) int smallLimit) {
        withDatabases(Kind.H2, 1, (snapshots, dbs) -> {
            Database db = dbs.get(0);
            RandomGraph.Graph graph = RandomGraph.write(db, seed, new RandomGraph.Size(users, projects, maxChildren));
            List<Root> roots = RandomGraph.pickRoots(graph, new Random(~seed), maxRoots);
            CascadeGraph cascade = CascadeGraph.fromMapping();

            UnnestScans.Counted<DeletePlan> kept = UnnestScans.count(db, () -> new Planner(db, cascade).plan(roots));
            UnnestScans.Counted<DeletePlan> joined = UnnestScans.count(db, () -> new Planner(db, cascade, 0).plan(roots));
            DeletePlan keptKeys = kept.result();
            DeletePlan joinsOnly = joined.result();
            // Every root table has a label table, reached through that one edge: under the default limit
            // its labels are found from the roots' kept names, under limit 0 by joining in SQL. (A parent
            // table without deleted rows gives an empty key array either way: no children to find.)
            assertThat(kept.unnestScans()).as("scans from kept keys: default limit vs limit 0")
                    .isGreaterThan(joined.unnestScans());
            DeletePlan someOfEach = new Planner(db, cascade, smallLimit).plan(roots);

            assertThat(keptKeys.affectedRowCount()).as("rows affected").isPositive();
            assertThat(keptKeys.deleted()).as("deleted, kept keys vs SQL joins, roots %s", roots).isEqualTo(joinsOnly.deleted());
            assertThat(keptKeys.nulled()).as("nulled, kept keys vs SQL joins, roots %s", roots).isEqualTo(joinsOnly.nulled());
            assertThat(someOfEach.deleted()).as("deleted, at most %d keys kept per column", smallLimit).isEqualTo(joinsOnly.deleted());
            assertThat(someOfEach.nulled()).as("nulled, at most %d keys kept per column", smallLimit).isEqualTo(joinsOnly.nulled());
        });
    }

    // --- restore round trip --------------------------------------------------------------------

    @Property(tries = 30, shrinking = ShrinkingMode.BOUNDED)
    void onH2RestoringTheSnapshotPutsBackEveryRowAndValue(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int users, @ForAll @IntRange(min = 1, max = 4) int projects,
            @ForAll @IntRange(min = 0, max = 4) int maxChildren, @ForAll @IntRange(min = 1, max = 3) int maxRoots) {
        restoreRoundTrip(Kind.H2, seed, new RandomGraph.Size(users, projects, maxChildren), maxRoots);
    }

    @Property(tries = 40, shrinking = ShrinkingMode.BOUNDED)
    void onControllerSqliteRestoringTheSnapshotPutsBackEveryRowAndValue(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int users, @ForAll @IntRange(min = 1, max = 4) int projects,
            @ForAll @IntRange(min = 0, max = 4) int maxChildren, @ForAll @IntRange(min = 1, max = 3) int maxRoots) {
        restoreRoundTrip(Kind.SQLITE, seed, new RandomGraph.Size(users, projects, maxChildren), maxRoots);
    }

    private void restoreRoundTrip(Kind kind, long seed, RandomGraph.Size size, int maxRoots) {
        withDatabases(kind, 1, (snapshots, dbs) -> {
            Database db = dbs.get(0);
            RandomGraph.Graph graph = RandomGraph.write(db, seed, size);
            List<Root> roots = RandomGraph.pickRoots(graph, new Random(~seed), maxRoots);
            CascadeService service = new CascadeService(db, snapshots);
            String original = CanonicalDump.of(db);

            ExecutionResult result = service.execute(service.plan(roots), ProgressListener.NONE);
            assertThat(CanonicalDump.of(db)).as("the delete of %s changed something", roots).isNotEqualTo(original);
            service.restore(result.snapshot());

            assertThat(CanonicalDump.of(db)).as("after restoring the delete of %s", roots).isEqualTo(original);
        });
    }

    // --- helpers -------------------------------------------------------------------------------

    private static void assertMatchesRules(DatabaseState.Diff diff, RulesModel.Expectation expected, List<Root> roots) {
        assertThat(diff.otherChanges()).as("changes beyond deleting rows and nulling values").isEmpty();
        assertThat(diff.deleted()).as("rows deleted for roots %s", roots).isEqualTo(expected.deleted());
        assertThat(diff.nulled()).as("values set to NULL for roots %s", roots).isEqualTo(expected.nulled());
    }

    /** Hibernate's own cascade: remove each root entity (every version of its uid) through a session. */
    private static void deleteWithHibernate(Database db, RandomGraph.Graph graph, List<Root> roots) {
        for (Root root : roots) {
            Class<?> entity = ENTITIES.get(root.table());
            if (entity == User.class) {
                db.inTransaction(s -> {
                    User user = s.find(User.class, root.uid());
                    if (user != null) {
                        s.remove(user);
                    }
                });
                continue;
            }
            for (String version : graph.versions(root.table(), root.uid())) {
                db.inTransaction(s -> {
                    Object row = s.find(entity, new VersionedKey(root.uid(), version));
                    if (row != null) { // an earlier root's cascade may have removed it already
                        s.remove(row);
                    }
                });
            }
        }
    }

    /** How much of the rules a try exercised, for jqwik's statistics report. */
    private static void collect(List<Root> roots, RulesModel.Expectation expected) {
        boolean cascades = expected.deleted().stream()
                .anyMatch(k -> roots.stream().noneMatch(r -> r.table().equals(k.table()) && r.uid().equals(k.uid())));
        boolean secondVersion = expected.deleted().stream().anyMatch(k -> k.version() != null && !k.version().isEmpty());
        Statistics.label("deletes beyond the roots").collect(cascades);
        Statistics.label("sets values to NULL").collect(!expected.nulled().isEmpty());
        Statistics.label("deletes a second version").collect(secondVersion);
    }

    @FunctionalInterface
    private interface DatabasesWork {
        void run(Path snapshots, List<Database> databases);
    }

    /**
     * Runs one try on {@code count} empty databases of a kind, with its own snapshot directory.
     * Opening a database builds a Hibernate session factory (most of a second), so a property opens
     * its databases once, in a temporary directory, and each try starts by emptying them: no rows,
     * label uids counting from 1 again, exactly as in a fresh database.
     */
    private void withDatabases(Kind kind, int count, DatabasesWork work) {
        try {
            if (propertyDir == null) {
                propertyDir = Files.createTempDirectory("cascade-prop-");
            }
            List<Database> dbs = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = kind + "-" + i;
                Database db = databases.get(name);
                if (db == null) {
                    db = EngineDatabases.open(kind, Files.createDirectories(propertyDir.resolve(name)));
                    databases.put(name, db);
                } else {
                    empty(db);
                }
                dbs.add(db);
            }
            work.run(Files.createTempDirectory(propertyDir, "snapshots-"), dbs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void empty(Database db) {
        EngineDatabases.empty(db);
        assertThat(DatabaseState.read(db).size()).as("rows left in a database emptied for the next try").isZero();
    }

    @AfterProperty
    void closeDatabases() {
        databases.values().forEach(EngineDatabases::close);
        databases.clear();
        if (propertyDir != null) {
            deleteTree(propertyDir);
            propertyDir = null;
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
