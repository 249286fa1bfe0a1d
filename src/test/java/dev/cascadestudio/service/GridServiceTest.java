package dev.cascadestudio.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.persistence.BatchInserter;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.RowBuilder;
import dev.cascadestudio.testsupport.EngineDatabases;
import dev.cascadestudio.testsupport.EngineDatabases.Kind;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grid's paging, order and filters on every product: expected values come from the fixture as
 * written here (sorted and filtered in Java) or from plain SQL, never from the service.
 */
class GridServiceTest {

    private static final LocalDateTime EPOCH = LocalDateTime.of(2026, 3, 1, 0, 0);
    private static final List<String> STATUSES = List.of("completed", "failed", "running");

    /** A run as the fixture writes it. */
    record Run(String uid, String version, String name, String description, String status, String owner, String workflow,
               LocalDateTime created) {}

    @TempDir Path dir;
    Database database;
    GridService grid;
    final List<Run> runs = new ArrayList<>();
    String ann;
    String bob;
    String wf1;
    String wf2;

    void open(Kind kind) {
        database = EngineDatabases.open(kind, dir);
        grid = new GridService(database);
        database.fromConnection(c -> {
            try (BatchInserter inserter = new BatchInserter(c, database.kind(), database.sqlNames(), 200)) {
                RowBuilder b = new RowBuilder(inserter, EPOCH.minusYears(1));
                ann = b.user("ann", null);
                bob = b.user("bob", null);
                for (int i = 1; i <= 12; i++) {
                    b.user("user-" + i, null);
                }
                String project = b.project("p", ann, null);
                wf1 = b.workflow("wf1", project, ann, "deployment");
                wf2 = b.workflow("wf2", project, bob, "deployment");
                b.workflow("run-2", project, bob, "deployment");
                List<String> names = new ArrayList<>();
                for (int i = 1; i <= 60; i++) {
                    names.add("run-" + i);
                }
                names.addAll(List.of("run-007", "run-0", "run-", "run-1004", "run-10039", "document-1004", "document-10039",
                        "document-999", "42", "7", "alpha", "alpha1", "alpha01", "beta-2", "x10y2", "x10y10", "fifty%_off'!",
                        "under_score", "percent%", "quote'd", "bang!", "Run-3"));
                for (int i = 0; i < names.size(); i++) {
                    String name = names.get(i);
                    String description = i % 5 == 0 ? "Nightly ingest " + i : i % 7 == 0 ? "100% sure_" + i : null;
                    String status = STATUSES.get(i % 3);
                    String owner = i % 4 == 0 ? null : i % 4 == 1 ? ann : bob;
                    String workflow = i % 6 == 0 ? null : i % 2 == 0 ? wf1 : wf2;
                    LocalDateTime created = EPOCH.plusMinutes(37L * i);
                    String uid = RowBuilder.uid("run", name);
                    run(inserter, new Run(uid, "", name, description, status, owner, workflow, created));
                }
                // one uid in two versions: the key's version breaks the tie
                String twin = RowBuilder.uid("run", "twin");
                run(inserter, new Run(twin, "", "twin-a", "twin", "failed", ann, wf1, EPOCH.plusDays(10)));
                run(inserter, new Run(twin, "v2", "twin-b", "twin", "failed", ann, wf1, EPOCH.plusDays(10)));
                for (Run r : runs) {
                    int i = runs.indexOf(r);
                    if (i % 9 == 0) b.label("run", "team", "red", r.name());
                    if (i % 9 == 1) b.label("run", "team", "blue", r.name());
                }
                // the same label on a workflow named like a run: the run's own label table decides
                b.label("workflow", "team", "red", "run-2");
                b.label("run", "shelf", "a'%_b", "run-3");
                inserter.flush();
            }
            return null;
        });
    }

    private void run(BatchInserter inserter, Run r) throws java.sql.SQLException {
        inserter.insert("run", BatchInserter.row("uid", r.uid(), "version", r.version(), "name", r.name(), "description",
                r.description(), "created", r.created(), "updated", null, "spec", null, "owner_id", r.owner(),
                "workflow_id", r.workflow(), "schedule_id", null, "status", r.status()));
        runs.add(r);
    }

    @AfterEach
    void close() {
        if (database != null) EngineDatabases.close(database);
    }

    /** Natural order as defined independently here: prefix without trailing ASCII digits, their number, the name. */
    static final Comparator<String> NATURAL = Comparator.<String, String>comparing(GridServiceTest::prefix)
            .thenComparingInt(s -> s.length() - prefix(s).length()).thenComparing(Comparator.naturalOrder());

    static String prefix(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) >= '0' && s.charAt(end - 1) <= '9') {
            end--;
        }
        return s.substring(0, end);
    }

    private List<GridPage.GridRow> all(String table, GridFilter filter, String column, boolean descending, int pageSize) {
        // as the grid reads them: the first page with the count, then page after page
        GridPage.First first = grid.first(table, filter, column, descending, pageSize);
        List<GridPage.GridRow> rows = new ArrayList<>(first.page().rows());
        GridPage.Cursor cursor = first.page().next();
        int pages = 1;
        while (cursor != null) {
            GridPage page = grid.page(table, filter, column, descending, cursor, pageSize);
            assertThat(page.rows().size()).isLessThanOrEqualTo(pageSize);
            rows.addAll(page.rows());
            cursor = page.next();
            assertThat(++pages).as("pages end").isLessThan(1000);
        }
        assertThat(rows).as("rows counted").hasSize((int) first.matching());
        return rows;
    }

    private static List<String> names(List<GridPage.GridRow> rows) {
        return rows.stream().map(r -> r.ref().name()).toList();
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"H2", "SQLITE", "POSTGRESQL_CONTROLLER", "MARIADB_CONTROLLER"})
    void namesSortNaturallyAcrossPagesBothWays(Kind kind) {
        open(kind);
        List<String> expected = runs.stream().map(Run::name).sorted(NATURAL).toList();
        assertThat(expected.indexOf("run-1004")).isLessThan(expected.indexOf("run-10039"));
        assertThat(expected.indexOf("run-9")).isLessThan(expected.indexOf("run-10"));

        assertThat(names(all("run", GridFilter.NONE, "name", false, 7))).containsExactlyElementsOf(expected);
        List<String> reversed = new ArrayList<>(expected);
        java.util.Collections.reverse(reversed);
        assertThat(names(all("run", GridFilter.NONE, "name", true, 5))).containsExactlyElementsOf(reversed);

        List<String> users = new ArrayList<>(List.of("ann", "bob"));
        for (int i = 1; i <= 12; i++) users.add("user-" + i);
        users.sort(NATURAL);
        assertThat(names(all("user", GridFilter.NONE, "name", false, 4))).containsExactlyElementsOf(users);
    }

    /**
     * Names whose plain order and natural order disagree about what comes first ("a-1" before "a9" in plain order,
     * after it naturally): a page in the natural order, read from the rows up to a bound that the first rows in
     * plain order give, still holds exactly the rows the natural order puts there, page after page, both ways.
     */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"H2", "SQLITE", "POSTGRESQL_CONTROLLER", "MARIADB_CONTROLLER"})
    void namesWhosePlainAndNaturalOrdersDisagreePageNaturally(Kind kind) {
        open(kind);
        List<String> odd = List.of("a-1", "a9", "a10", "a", "a0", "a-2", "a.5", "ab1", "a1b", "a1b2", "a1b10", "a 3", "a!",
                "a-10", "a00", "a01", "b", "a-", "a--1", "aa", "a19x", "a2");
        database.fromConnection(c -> {
            try (BatchInserter inserter = new BatchInserter(c, database.kind(), database.sqlNames(), 200)) {
                for (int i = 0; i < odd.size(); i++) {
                    run(inserter, new Run(RowBuilder.uid("run", odd.get(i)), "", odd.get(i), null, "completed", ann, wf1,
                            EPOCH.plusDays(40).plusMinutes(i)));
                }
                inserter.flush();
            }
            return null;
        });
        List<String> expected = runs.stream().map(Run::name).sorted(NATURAL).toList();
        assertThat(expected.indexOf("a9")).isLessThan(expected.indexOf("a-1"));
        List<String> reversed = new ArrayList<>(expected);
        java.util.Collections.reverse(reversed);
        for (int pageSize : List.of(1, 2, 3, 5)) {
            assertThat(names(all("run", GridFilter.NONE, "name", false, pageSize))).as("pages of " + pageSize)
                    .containsExactlyElementsOf(expected);
            assertThat(names(all("run", GridFilter.NONE, "name", true, pageSize))).as("pages of " + pageSize + " down")
                    .containsExactlyElementsOf(reversed);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"H2", "SQLITE", "POSTGRESQL_CONTROLLER", "MARIADB_CONTROLLER"})
    void keysetPagingVisitsEveryRowOnceInEveryOrder(Kind kind) {
        open(kind);
        Set<String> everyRow = new HashSet<>();
        runs.forEach(r -> everyRow.add(r.uid() + "/" + r.version()));
        assertThat(everyRow).hasSize(plainCount("SELECT COUNT(*) FROM \"run\""));
        for (String column : List.of("name", "status", "owner_id", "workflow_id", "created", "uid", "version", "description")) {
            for (boolean descending : List.of(false, true)) {
                List<GridPage.GridRow> rows = all("run", GridFilter.NONE, column, descending, 6);
                List<String> keys = rows.stream().map(r -> r.ref().uid() + "/" + r.ref().version()).toList();
                assertThat(keys).as(column + (descending ? " desc" : " asc")).doesNotHaveDuplicates();
                assertThat(new HashSet<>(keys)).as(column).isEqualTo(everyRow);
            }
        }
        // the sorted column's values come in order, empty ones last (first descending)
        List<String> owners = all("run", GridFilter.NONE, "owner_id", false, 6).stream()
                .map(r -> (String) r.values().get(columnIndex("run", "owner_id"))).toList();
        List<String> expected = runs.stream().map(Run::owner).sorted(Comparator.nullsLast(Comparator.naturalOrder())).toList();
        assertThat(owners).containsExactlyElementsOf(expected);
        List<String> statusesDown = all("run", GridFilter.NONE, "status", true, 6).stream()
                .map(r -> (String) r.values().get(columnIndex("run", "status"))).toList();
        assertThat(statusesDown).containsExactlyElementsOf(runs.stream().map(Run::status).sorted(Comparator.reverseOrder()).toList());
        // ties on the status are broken by the key, the twin's versions in order
        List<String> twins = all("run", GridFilter.NONE, "status", false, 4).stream()
                .filter(r -> r.ref().name().startsWith("twin")).map(r -> r.ref().version()).toList();
        assertThat(twins).containsExactly("", "v2");
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"H2", "SQLITE", "POSTGRESQL_CONTROLLER", "MARIADB_CONTROLLER"})
    void eachFilterFindsWhatTheFixtureAndPlainSqlSay(Kind kind) {
        open(kind);
        LocalDateTime from = EPOCH.plusMinutes(37L * 40);
        LocalDateTime before = EPOCH.plusMinutes(37L * 70);
        check(GridFilter.NONE.withValue("status", "failed"), r -> r.status().equals("failed"),
                "SELECT COUNT(*) FROM \"run\" WHERE \"status\" = 'failed'");
        check(GridFilter.NONE.withValue("owner_id", ann), r -> ann.equals(r.owner()),
                "SELECT COUNT(*) FROM \"run\" WHERE \"owner_id\" = '" + ann + "'");
        check(GridFilter.NONE.withValue("workflow_id", null), r -> r.workflow() == null,
                "SELECT COUNT(*) FROM \"run\" WHERE \"workflow_id\" IS NULL");
        check(GridFilter.NONE.withText("NIGHTLY"), r -> contains(r, "nightly"),
                "SELECT COUNT(*) FROM \"run\" WHERE LOWER(\"description\") LIKE '%nightly%'");
        check(GridFilter.NONE.withCreatedFrom(from), r -> !r.created().isBefore(from), null);
        check(GridFilter.NONE.withCreatedBefore(before), r -> r.created().isBefore(before), null);
        check(GridFilter.NONE.withLabel(new GridFilter.Label("team", "red")), r -> runs.indexOf(r) % 9 == 0,
                "SELECT COUNT(*) FROM \"run\" r WHERE EXISTS (SELECT 1 FROM \"run_labels\" l WHERE l.\"parent\" = r.\"name\""
                        + " AND l.\"name\" = 'team' AND l.\"value\" = 'red')");
        check(GridFilter.NONE.withLabel(new GridFilter.Label("team", null)), r -> runs.indexOf(r) % 9 <= 1, null);
        // all together
        GridFilter combined = GridFilter.NONE.withValue("status", "completed").withValue("owner_id", bob).withText("run-")
                .withCreatedFrom(EPOCH.plusMinutes(37L * 3)).withCreatedBefore(before);
        check(combined, r -> r.status().equals("completed") && bob.equals(r.owner()) && contains(r, "run-")
                && !r.created().isBefore(EPOCH.plusMinutes(37L * 3)) && r.created().isBefore(before), null);
        // a second value for a column replaces the first
        assertThat(GridFilter.NONE.withValue("status", "failed").withValue("status", "running").values())
                .containsExactly(new GridFilter.ColumnValue("status", "running"));
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"H2", "SQLITE", "POSTGRESQL_CONTROLLER", "MARIADB_CONTROLLER"})
    void hostileFilterTextIsTakenLiterally(Kind kind) {
        open(kind);
        for (String text : List.of("%", "_", "'", "!", "%_", "fifty%_off'!", "' OR '1'='1", "100% sure_1", "\\")) {
            check(GridFilter.NONE.withText(text), r -> contains(r, text.toLowerCase(Locale.ROOT)), null);
        }
        check(GridFilter.NONE.withValue("status", "failed' OR 'x'='x"), r -> false, null);
        check(GridFilter.NONE.withLabel(new GridFilter.Label("shelf", "a'%_b")), r -> r.name().equals("run-3"), null);
        check(GridFilter.NONE.withLabel(new GridFilter.Label("shelf", "a%")), r -> false, null);
        assertThat(plainCount("SELECT COUNT(*) FROM \"run\"")).isEqualTo(runs.size());
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"H2", "SQLITE", "POSTGRESQL_CONTROLLER", "MARIADB_CONTROLLER"})
    void filtersMatchingFewOrManyOfManyRowsPageInTheKeyOrder(Kind kind) {
        open(kind);
        // 300 more runs, so that a filter can match fewer than one row in a hundred (H2 then sorts only the
        // matches) or many (H2 then walks the key's index)
        database.fromConnection(c -> {
            try (BatchInserter inserter = new BatchInserter(c, database.kind(), database.sqlNames(), 200)) {
                for (int i = 0; i < 300; i++) {
                    String name = "bulk-" + i;
                    run(inserter, new Run(RowBuilder.uid("run", name), "", name, i == 123 ? "The one with a needle" : null,
                            i == 7 ? "failed" : "completed", i % 2 == 0 ? ann : bob, wf1, EPOCH.plusDays(30).plusMinutes(i)));
                }
                inserter.flush();
            }
            return null;
        });
        Comparator<Run> byKey = Comparator.comparing(Run::uid).thenComparing(Run::version);
        Map<GridFilter, Predicate<Run>> filters = Map.of(
                GridFilter.NONE.withText("NEEDLE"), r -> contains(r, "needle"),
                GridFilter.NONE.withText("bulk-12"), r -> contains(r, "bulk-12"),
                GridFilter.NONE.withValue("status", "completed"), r -> r.status().equals("completed"),
                GridFilter.NONE.withValue("status", "completed").withValue("owner_id", bob),
                r -> r.status().equals("completed") && bob.equals(r.owner()));
        filters.forEach((filter, expected) -> {
            List<String> want = runs.stream().filter(expected).sorted(byKey).map(Run::name).toList();
            assertThat(want).as("fixture for " + filter).isNotEmpty();
            assertThat(names(all("run", filter, "uid", false, 7))).as(filter + " up").containsExactlyElementsOf(want);
            List<String> down = new ArrayList<>(want);
            java.util.Collections.reverse(down);
            assertThat(names(all("run", filter, "uid", true, 9))).as(filter + " down").containsExactlyElementsOf(down);
            assertThat(names(all("run", filter, "name", false, 50))).as(filter + " by name")
                    .containsExactlyElementsOf(runs.stream().filter(expected).map(Run::name).sorted(NATURAL).toList());
        });
    }

    /**
     * A text filter's first page and count are read in one statement where few rows match, and by a count and then
     * the page where more do: both ways give the rows the fixture says, in every order, page after page.
     */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"H2", "SQLITE", "POSTGRESQL_CONTROLLER", "MARIADB_CONTROLLER"})
    void aTextFilterPagesAlikeWhetherFewOrManyMatch(Kind kind) {
        open(kind);
        GridService countFirst = new GridService(database, 2); // more than 2 matches: counted first, as with many
        GridFilter filter = GridFilter.NONE.withText("run-1");
        List<Run> matching = runs.stream().filter(r -> contains(r, "run-1")).toList();
        assertThat(matching.size()).as("fixture").isGreaterThan(10);
        Map<String, Comparator<Run>> orders = new java.util.LinkedHashMap<>();
        orders.put("name", Comparator.comparing(Run::name, NATURAL));
        orders.put("status", Comparator.comparing(Run::status));
        orders.put("created", Comparator.comparing(Run::created));
        orders.put("owner_id", Comparator.comparing(Run::owner, Comparator.nullsLast(Comparator.naturalOrder())));
        for (Map.Entry<String, Comparator<Run>> order : orders.entrySet()) {
            for (boolean descending : List.of(false, true)) {
                String as = order.getKey() + (descending ? " desc" : " asc");
                Comparator<Run> expected = descending ? order.getValue().reversed() : order.getValue();
                for (GridService way : List.of(grid, countFirst)) {
                    GridService kept = grid;
                    grid = way;
                    List<GridPage.GridRow> rows = all("run", filter, order.getKey(), descending, 4);
                    grid = kept;
                    assertThat(rows).as(as).extracting(r -> r.ref().uid() + "/" + r.ref().version()).doesNotHaveDuplicates()
                            .containsExactlyInAnyOrderElementsOf(matching.stream().map(r -> r.uid() + "/" + r.version()).toList());
                    // the sorted column's values come in the expected order (ties in any order of the key)
                    List<Run> byRow = rows.stream().map(g -> matching.stream().filter(r -> r.uid().equals(g.ref().uid())
                            && r.version().equals(g.ref().version())).findFirst().orElseThrow()).toList();
                    assertThat(byRow).as(as).isSortedAccordingTo(expected);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"H2", "SQLITE"})
    void allMatchingGivesEachUidOnceAsADeleteRoot(Kind kind) {
        open(kind);
        List<Root> roots = grid.matchingRoots("run", GridFilter.NONE.withValue("status", "failed"));
        Set<String> expected = new HashSet<>();
        runs.stream().filter(r -> r.status().equals("failed")).forEach(r -> expected.add(r.uid()));
        assertThat(roots).extracting(Root::uid).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(roots).extracting(Root::table).containsOnly("run");
        assertThat(grid.count("run", GridFilter.NONE.withValue("status", "failed"))).isEqualTo(expected.size() + 1); // the twin twice
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"H2"})
    void badInputIsRefusedInOneSentence(Kind kind) {
        open(kind);
        assertThatThrownBy(() -> grid.page("run_labels", GridFilter.NONE, "name", false, null, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("'run_labels' is not one of the tables");
        assertThatThrownBy(() -> grid.page("run", GridFilter.NONE, "name; DROP TABLE run", false, null, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("run has no column 'name; DROP TABLE run' to sort by.");
        assertThatThrownBy(() -> grid.page("run", GridFilter.NONE, "spec", false, null, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("spec holds JSON, which cannot be sorted.");
        assertThatThrownBy(() -> grid.count("run", GridFilter.NONE.withValue("nope", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("run has no column 'nope' to filter by.");
        assertThatThrownBy(() -> grid.count("deployment", GridFilter.NONE.withValue("is_remote", "perhaps")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("is_remote is true or false; 'perhaps' is neither.");
        GridPage first = grid.page("run", GridFilter.NONE, "name", false, null, 10);
        assertThatThrownBy(() -> grid.page("run", GridFilter.NONE, "status", false, first.next(), 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start from the first page");
        assertThat(plainCount("SELECT COUNT(*) FROM \"run\"")).isEqualTo(runs.size());
    }

    private void check(GridFilter filter, Predicate<Run> expected, String plainSql) {
        long want = runs.stream().filter(expected).count();
        if (plainSql != null) {
            assertThat(plainCount(plainSql)).as("plain SQL for " + filter).isEqualTo(want);
        }
        assertThat(grid.count("run", filter)).as("count of " + filter).isEqualTo(want);
        List<String> found = names(all("run", filter, "name", false, 8));
        assertThat(found).as("rows of " + filter)
                .containsExactlyElementsOf(runs.stream().filter(expected).map(Run::name).sorted(NATURAL).toList());
    }

    private static boolean contains(Run r, String lowerText) {
        return r.name().toLowerCase(Locale.ROOT).contains(lowerText)
                || (r.description() != null && r.description().toLowerCase(Locale.ROOT).contains(lowerText));
    }

    private int columnIndex(String table, String column) {
        return grid.columns(table).stream().map(GridColumn::name).toList().indexOf(column);
    }

    private int plainCount(String sql) {
        return database.fromConnection(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(EngineDatabases.sql(database, sql))) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
