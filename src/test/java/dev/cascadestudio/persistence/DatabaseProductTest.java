package dev.cascadestudio.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What differs between the products, in one table (README: Tests, DESIGN.md: the server facts). */
class DatabaseProductTest {

    @Test
    void eachProductAnswersForItself() {
        List<String> table = new ArrayList<>();
        for (DatabaseKind kind : DatabaseKind.values()) {
            DatabaseProduct p = DatabaseProduct.of(kind);
            table.add(String.format("%-10s %-13s row ids %-3s  key arrays %-3s  text byte for byte %-3s  JSON %s  restore chunks %s",
                    kind, p, yes(p.identifiesRowsById()), yes(p.takesKeyArrays()), yes(p.comparesTextByteForByte()),
                    p.placeholder(ColumnKind.JSON), p.jsonRows().map(j -> j.from("j")).orElse("-")));
        }
        assertThat(table).containsExactly(
                "H2         H2            row ids yes  key arrays yes  text byte for byte yes  JSON ? FORMAT JSON  restore chunks -",
                "SQLITE     SQLite        row ids no   key arrays no   text byte for byte yes  JSON ?  restore chunks json_each(?) AS j",
                "POSTGRESQL PostgreSQL    row ids no   key arrays no   text byte for byte yes  JSON CAST(? AS json)  restore chunks -",
                "MARIADB    MariaDB/MySQL row ids no   key arrays no   text byte for byte no   JSON ?  restore chunks -",
                "MYSQL      MariaDB/MySQL row ids no   key arrays no   text byte for byte no   JSON ?  restore chunks -");
    }

    /**
     * Where a delete's snapshot is read on a second connection beside its statements: only PostgreSQL can hand one
     * transaction's view of the data to another ({@code pg_export_snapshot}, {@code SET TRANSACTION SNAPSHOT}; README,
     * item 27). A name that is not one PostgreSQL gives a snapshot is refused before it reaches any SQL.
     */
    @Test
    void onlyPostgreSqlSharesATransactionsViewAndItTakesOnlyASnapshotsName() {
        List<String> table = new ArrayList<>();
        for (DatabaseKind kind : DatabaseKind.values()) {
            table.add(kind + " " + DatabaseProduct.of(kind).sharedView().isPresent());
        }
        assertThat(table).containsExactly("H2 false", "SQLITE false", "POSTGRESQL true", "MARIADB false", "MYSQL false");
        DatabaseProduct.SharedView view = DatabaseProduct.of(DatabaseKind.POSTGRESQL).sharedView().orElseThrow();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> view.adopt(null, "00000003-0000001B-1'; DROP TABLE run; --"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a snapshot's name");
    }

    /**
     * How a restore puts back the values a delete set to NULL: one UPDATE per value (in JDBC batches), or on the servers
     * from a temporary table of them, the values of a table's columns side by side: on MariaDB and MySQL a range of
     * positions in the order of the key per UPDATE (README, item 21), on PostgreSQL the whole table in one (item 23).
     */
    @Test
    void eachProductSaysHowARestorePutsTheNulledValuesBack() {
        List<String> table = new ArrayList<>();
        for (DatabaseKind kind : DatabaseKind.values()) {
            DatabaseProduct p = DatabaseProduct.of(kind);
            table.add(kind + " | " + p.valuesTable().map(v -> (v.loadsRows() ? "loaded as rows, " : "loaded by INSERT, ")
                    + (v.rowsPerUpdate() == Integer.MAX_VALUE ? "all" : v.rowsPerUpdate()) + " rows per "
                    + v.update(SqlNames.of(kind), "o", "run", List.of("uid", "version"),
                    List.of("workflow_id", "schedule_id"))).orElse("one UPDATE per value"));
        }
        assertThat(table).containsExactly(
                "H2 | one UPDATE per value",
                "SQLITE | one UPDATE per value",
                "POSTGRESQL | loaded as rows, all rows per UPDATE \"run\" t SET \"workflow_id\" = COALESCE(j.v0, t.\"workflow_id\"),"
                        + " \"schedule_id\" = COALESCE(j.v1, t.\"schedule_id\") FROM o j WHERE t.\"uid\" = j.k0 AND t.\"version\" = j.k1"
                        + " AND j.cs_position > ? AND j.cs_position <= ? AND (j.v0 IS NULL OR t.\"workflow_id\" IS NULL)"
                        + " AND (j.v1 IS NULL OR t.\"schedule_id\" IS NULL)",
                "MARIADB | loaded by INSERT, 10000 rows per UPDATE o j STRAIGHT_JOIN `run` t ON t.`uid` = j.k0 AND t.`version` = j.k1 SET"
                        + " t.`workflow_id` = IF(j.v0 IS NULL, t.`workflow_id`, j.v0), t.`schedule_id` = IF(j.v1 IS NULL,"
                        + " t.`schedule_id`, j.v1) WHERE j.cs_position > ? AND j.cs_position <= ?"
                        + " AND (j.v0 IS NULL OR t.`workflow_id` IS NULL) AND (j.v1 IS NULL OR t.`schedule_id` IS NULL)",
                "MYSQL | loaded by INSERT, 10000 rows per UPDATE o j STRAIGHT_JOIN `run` t ON t.`uid` = j.k0 AND t.`version` = j.k1 SET"
                        + " t.`workflow_id` = IF(j.v0 IS NULL, t.`workflow_id`, j.v0), t.`schedule_id` = IF(j.v1 IS NULL,"
                        + " t.`schedule_id`, j.v1) WHERE j.cs_position > ? AND j.cs_position <= ?"
                        + " AND (j.v0 IS NULL OR t.`workflow_id` IS NULL) AND (j.v1 IS NULL OR t.`schedule_id` IS NULL)");
    }

    /**
     * How many chosen uids are bound: as one parameter (an array, a JSON array) where the product takes
     * one, else one parameter each (null). Expected shapes from each product's manual: H2's {@code = ANY(array)}
     * and its 65,536-element arrays, PostgreSQL's {@code = ANY(array)}, SQLite's json_each table function.
     */
    @Test
    void eachProductSaysHowItTakesManyChosenUids() {
        List<String> table = new ArrayList<>();
        for (DatabaseKind kind : DatabaseKind.values()) {
            DatabaseProduct p = DatabaseProduct.of(kind);
            String condition = p.inKeyList("uid", 10_000);
            Object bound = condition == null ? null : p.keyList(List.of("a", "b\"c"));
            table.add(kind + " | " + condition + " | " + (bound instanceof Object[] array ? java.util.Arrays.toString(array) : bound)
                    + " | 70,000 keys: " + p.inKeyList("uid", 70_000));
        }
        assertThat(table).containsExactly(
                "H2 | uid = ANY(?) | [a, b\"c] | 70,000 keys: null",
                "SQLITE | uid IN (SELECT value FROM json_each(?)) | [\"a\",\"b\\\"c\"] | 70,000 keys: uid IN (SELECT value FROM json_each(?))",
                "POSTGRESQL | uid = ANY(?) | [a, b\"c] | 70,000 keys: uid = ANY(?)",
                "MARIADB | null | null | 70,000 keys: null",
                "MYSQL | null | null | 70,000 keys: null");
        // RFC 8259: a backslash and a control character escaped, other text (here a non-BMP character) as it is
        assertThat(DatabaseProduct.of(DatabaseKind.SQLITE).keyList(List.of("x\ny\\", "\uD83D\uDE00")))
                .isEqualTo("[\"x\\u000ay\\\\\",\"\uD83D\uDE00\"]");
    }

    @Test
    void eachProductSaysHowItIsMadeReadOnlyAndWhetherItsFileIsGuarded() {
        List<String> table = new ArrayList<>();
        for (DatabaseKind kind : DatabaseKind.values()) {
            DatabaseProduct p = DatabaseProduct.of(kind);
            String url = switch (kind) {
                case H2 -> "jdbc:h2:file:/data/cascade";
                case SQLITE -> "jdbc:sqlite:/data/sql.db";
                case POSTGRESQL -> "jdbc:postgresql://db/factory";
                case MARIADB -> "jdbc:mariadb://db/factory";
                case MYSQL -> "jdbc:mysql://db/factory";
            };
            table.add(kind + " | guards " + p.crashGuardedFile(url) + " | pool " + p.connectionPoolSize()
                    + " | url " + p.readOnlyUrl(kind, url).replace(url, "URL") + " | driver " + new java.util.TreeMap<>(p.readOnlyDriverProperties())
                    + " | session " + p.readOnlySessionSql().orElse("-"));
        }
        assertThat(table).containsExactly(
                "H2 | guards /data/cascade | pool 4 | url URL;ACCESS_MODE_DATA=r | driver {} | session -",
                "SQLITE | guards null | pool 1 | url URL | driver {open_mode=1} | session -",
                "POSTGRESQL | guards null | pool 4 | url URL | driver {readOnly=true, readOnlyMode=always} | session SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY",
                "MARIADB | guards null | pool 4 | url URL?nullDatabaseMeansCurrent=true | driver {} | session SET SESSION TRANSACTION READ ONLY",
                "MYSQL | guards null | pool 4 | url URL?permitMysqlScheme&nullDatabaseMeansCurrent=true | driver {} | session SET SESSION TRANSACTION READ ONLY");
    }

    /**
     * Which database a URL names (issue 12's audit, gap 2): every spelling of one server database gives
     * one text (default port, host case, settings, user and password left out); another host, port or
     * database gives another. Expected values written by hand from the drivers' URL documentation.
     */
    @Test
    void eachServerSpellingOfOneDatabaseHasOneIdentity() {
        DatabaseProduct pg = DatabaseProduct.of(DatabaseKind.POSTGRESQL);
        assertThat(List.of("jdbc:postgresql://DB.example/factory", "jdbc:postgresql://db.example:5432/factory?user=a&password=b",
                "jdbc:postgresql://db.example/factory?sslmode=require").stream().map(pg::identity).distinct())
                .containsExactly("jdbc:postgresql://db.example:5432/factory");
        assertThat(pg.identity("jdbc:postgresql:factory")).isEqualTo("jdbc:postgresql://localhost:5432/factory");
        assertThat(pg.identity("jdbc:postgresql://db.example:5433/factory")).isEqualTo("jdbc:postgresql://db.example:5433/factory");
        assertThat(pg.identity("jdbc:postgresql://h1,h2:5433/factory")).isEqualTo("jdbc:postgresql://h1:5432,h2:5433/factory");
        assertThat(pg.identity("jdbc:postgresql://[::1]/factory")).isEqualTo("jdbc:postgresql://[::1]:5432/factory");
        DatabaseProduct maria = DatabaseProduct.of(DatabaseKind.MARIADB);
        assertThat(maria.identity("jdbc:mariadb://127.0.0.1/test?user=root")).isEqualTo("jdbc:mariadb://127.0.0.1:3306/test");
        assertThat(maria.identity("jdbc:mariadb://127.0.0.1:3307/test")).isEqualTo("jdbc:mariadb://127.0.0.1:3307/test");
        assertThat(DatabaseProduct.of(DatabaseKind.MYSQL).identity("jdbc:mysql://Db/factory")).isEqualTo("jdbc:mysql://db:3306/factory");
    }

    /** An embedded file by its real path, whichever URL form (relative, file:, settings) names it. */
    @Test
    void eachSpellingOfOneFileHasOneIdentity(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path real = dir.toRealPath();
        java.nio.file.Files.createDirectories(real.resolve("data"));
        java.nio.file.Path link = java.nio.file.Files.createSymbolicLink(real.resolve("link"), real.resolve("data"));
        DatabaseProduct h2 = DatabaseProduct.of(DatabaseKind.H2);
        assertThat(List.of("jdbc:h2:file:" + real + "/data/cascade", "jdbc:h2:" + link + "/cascade;IFEXISTS=TRUE",
                "jdbc:h2:" + real + "/data/../data/cascade").stream().map(h2::identity).distinct())
                .containsExactly("jdbc:h2:file:" + real + "/data/cascade");
        assertThat(h2.identity("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1")).isEqualTo("jdbc:h2:mem:x");
        DatabaseProduct sqlite = DatabaseProduct.of(DatabaseKind.SQLITE);
        assertThat(List.of("jdbc:sqlite:" + real + "/data/sql.db", "jdbc:sqlite:file:" + link + "/sql.db",
                "jdbc:sqlite:file:" + real + "/data/./sql.db?mode=ro").stream().map(sqlite::identity).distinct())
                .containsExactly("jdbc:sqlite:" + real + "/data/sql.db");
        assertThat(sqlite.identity("jdbc:sqlite::memory:")).isEqualTo("jdbc:sqlite::memory:");
        assertThat(h2.identity("jdbc:h2:./x")).isEqualTo("jdbc:h2:file:" + java.nio.file.Path.of("").toRealPath().resolve("x"));
    }

    /**
     * The statement shapes each product's planner is given: "rows the delete does not remove anyway"
     * (PlanQueries.nulledPredicate), and whether UPDATE, DELETE and the "nulled already" column join
     * the child to its parents' deleted keys instead of IN (SELECT ...).
     */
    @Test
    void eachProductGetsTheStatementShapesItsPlannerHandlesWell() {
        List<String> table = new ArrayList<>();
        for (DatabaseKind kind : DatabaseKind.values()) {
            DatabaseProduct p = DatabaseProduct.of(kind);
            table.add(kind + " | " + p.notTrue("c IN (SELECT k FROM p)") + " | joins to parent keys " + yes(p.joinsToParentKeys()));
        }
        assertThat(table).containsExactly(
                "H2 | CASE WHEN c IN (SELECT k FROM p) THEN 1 ELSE 0 END = 0 | joins to parent keys no",
                "SQLITE | CASE WHEN c IN (SELECT k FROM p) THEN 1 ELSE 0 END = 0 | joins to parent keys no",
                "POSTGRESQL | (c IN (SELECT k FROM p)) IS NOT TRUE | joins to parent keys no",
                "MARIADB | CASE WHEN c IN (SELECT k FROM p) THEN 1 ELSE 0 END = 0 | joins to parent keys yes",
                "MYSQL | CASE WHEN c IN (SELECT k FROM p) THEN 1 ELSE 0 END = 0 | joins to parent keys yes");
    }

    /** How each product writes the parts of a name's natural order (GridService sorts by them). */
    @Test
    void eachProductSaysHowANameLosesItsTrailingDigitsAndHowLongTextIs() {
        List<String> table = new ArrayList<>();
        for (DatabaseKind kind : DatabaseKind.values()) {
            DatabaseProduct p = DatabaseProduct.of(kind);
            table.add(kind + " | " + p.withoutTrailingDigits("n") + " | " + p.characterLength("n"));
        }
        assertThat(table).containsExactly(
                "H2 | RTRIM(n, '0123456789') | LENGTH(n)",
                "SQLITE | RTRIM(n, '0123456789') | LENGTH(n)",
                "POSTGRESQL | RTRIM(n, '0123456789') | LENGTH(n)",
                "MARIADB | REGEXP_REPLACE(n, '[0-9]+$', '') | CHAR_LENGTH(n)",
                "MYSQL | REGEXP_REPLACE(n, '[0-9]+$', '') | CHAR_LENGTH(n)");
    }

    /** How each product writes "contains this text, case ignored" for the grid's text filter, and what it binds. */
    @Test
    void eachProductSaysHowATextFilterMatches() {
        List<String> table = new ArrayList<>();
        for (DatabaseKind kind : DatabaseKind.values()) {
            DatabaseProduct p = DatabaseProduct.of(kind);
            table.add(kind + " | " + p.containsLowered("n", "?") + " | " + p.containedText("50%_off!"));
        }
        assertThat(table).containsExactly(
                "H2 | LOCATE(?, LOWER(n)) > 0 | 50%_off!",
                "SQLITE | LOWER(n) LIKE ? ESCAPE '!' | %50!%!_off!!%",
                "POSTGRESQL | LOWER(n) LIKE ? ESCAPE '!' | %50!%!_off!!%",
                "MARIADB | LOWER(n) LIKE ? ESCAPE '!' | %50!%!_off!!%",
                "MYSQL | LOWER(n) LIKE ? ESCAPE '!' | %50!%!_off!!%");
    }

    /**
     * How a grid page is read: as written, except on H2, which is told to sort only the matches where fewer
     * than one row in a hundred passes the filter, and to walk the key's index where more do.
     */
    @Test
    void h2IsToldHowToReadAGridPageByHowManyRowsMatch() throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:h2:mem:pages", "", "");
             java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TABLE \"run\" (\"uid\" VARCHAR(64), \"version\" VARCHAR(255), \"status\" VARCHAR(20),"
                    + " CONSTRAINT \"run_key\" PRIMARY KEY (\"uid\", \"version\"))");
            s.execute("CREATE INDEX \"ix_run_status\" ON \"run\" (\"status\")");
            s.execute("INSERT INTO \"run\" SELECT 'u' || X, '', 'completed' FROM SYSTEM_RANGE(1, 1000)");
            String[] pages = new String[4];
            int i = 0;
            for (long matching : new long[] {9, 10}) {
                for (List<String> order : List.<List<String>>of(List.of("uid", "version"), List.of())) {
                    PageQuery q = new PageQuery("c.\"uid\" AS k0", "\"run\"", "c.\"status\" = ?", "1", 11, "run", order, matching, null);
                    pages[i++] = DatabaseProduct.of(DatabaseKind.H2).pageSql(c, q);
                    assertThat(DatabaseProduct.of(DatabaseKind.SQLITE).pageSql(c, q)).isEqualTo(q.plain());
                }
            }
            String plain = "SELECT c.\"uid\" AS k0 FROM \"run\" c WHERE c.\"status\" = ? ORDER BY 1 LIMIT 11";
            String matchesFirst = "SELECT * FROM (SELECT c.\"uid\" AS k0 FROM \"run\" c WHERE c.\"status\" = ?) m ORDER BY 1 LIMIT 11";
            assertThat(pages).containsExactly(matchesFirst, matchesFirst,
                    plain.replace(" c WHERE", " c USE INDEX (\"PRIMARY_KEY_1\") WHERE").replace("PRIMARY_KEY_1", primaryKeyIndex(c)), plain);
        }
    }

    /**
     * What ends a grid's order: the key everywhere; on H2 the rest of an index that starts with the column and ends
     * with the key (it then serves the whole order), and without one the row id. A natural order of names reads the name index alone.
     */
    @Test
    void anOrderEndsWithTheKeyWhereAnIndexServesItAndH2ReadsTheNameIndexAlone() throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:h2:mem:tiebreak", "", "");
             java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TABLE \"run\" (\"uid\" VARCHAR(64), \"version\" VARCHAR(255), \"status\" VARCHAR(20),"
                    + " \"created\" TIMESTAMP, \"name\" VARCHAR(255) UNIQUE, CONSTRAINT \"run_key\" PRIMARY KEY (\"uid\", \"version\"))");
            s.execute("CREATE INDEX \"ix_run_status\" ON \"run\" (\"status\", \"created\", \"uid\", \"version\")");
            s.execute("CREATE INDEX \"ix_run_created\" ON \"run\" (\"created\")");
            List<String> key = List.of("uid", "version");
            assertThat(DatabaseProduct.of(DatabaseKind.H2).orderTieBreak(c, "run", "status", key)).containsExactly("created", "uid", "version");
            assertThat(DatabaseProduct.of(DatabaseKind.H2).orderTieBreak(c, "run", "created", key)).containsExactly("_ROWID_");
            assertThat(DatabaseProduct.of(DatabaseKind.SQLITE).orderTieBreak(c, "run", "created", key)).isEqualTo(key);

            PageQuery byName = new PageQuery("c.\"name\" AS k0", "\"run\"", "", "1", 11, "run", List.of(), -1, "\"name\"");
            assertThat(DatabaseProduct.of(DatabaseKind.H2).pageSql(c, byName))
                    .isEqualTo("SELECT c.\"name\" AS k0 FROM \"run\" c WHERE c.\"name\" >= '' ORDER BY 1 LIMIT 11");
            assertThat(DatabaseProduct.of(DatabaseKind.SQLITE).pageSql(c, byName))
                    .isEqualTo("SELECT c.\"name\" AS k0 FROM \"run\" c ORDER BY 1 LIMIT 11");
        }
    }

    private static String primaryKeyIndex(java.sql.Connection c) throws java.sql.SQLException {
        try (java.sql.Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(
                "SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'run' AND INDEX_TYPE_NAME = 'PRIMARY KEY'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void eachProductSaysHowASnapshotGoesBackFastest() {
        List<String> table = new ArrayList<>();
        for (DatabaseKind kind : DatabaseKind.values()) {
            table.add(kind + " | keys per restore lookup " + DatabaseProduct.of(kind).restoreLookupRows());
        }
        assertThat(table).containsExactly(
                "H2 | keys per restore lookup 1",
                "SQLITE | keys per restore lookup 1",
                "POSTGRESQL | keys per restore lookup 400",
                "MARIADB | keys per restore lookup 400",
                "MYSQL | keys per restore lookup 400");
    }

    @Test
    void aBulkWriteOnSqliteHasA256MegabytePageCacheWhileItRunsAndTheDefaultAfter(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("sql.db"))) {
            long before = cacheSize(c);
            try (DatabaseProduct.BulkWrite bulk = DatabaseProduct.of(DatabaseKind.SQLITE).beginBulkWrite(c)) {
                assertThat(cacheSize(c)).as("negative: KiB").isEqualTo(-256 * 1024);
            }
            assertThat(cacheSize(c)).isEqualTo(before).isEqualTo(-2000); // SQLite's documented default
        }
    }

    private static long cacheSize(java.sql.Connection c) throws java.sql.SQLException {
        try (var s = c.createStatement(); var rs = s.executeQuery("PRAGMA cache_size")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String yes(boolean b) {
        return b ? "yes" : "no";
    }
}
