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
            table.add(String.format("%-10s %-13s row ids %-3s  key arrays %-3s  text byte for byte %-3s  JSON %s",
                    kind, p, yes(p.identifiesRowsById()), yes(p.takesKeyArrays()), yes(p.comparesTextByteForByte()),
                    p.placeholder(ColumnKind.JSON)));
        }
        assertThat(table).containsExactly(
                "H2         H2            row ids yes  key arrays yes  text byte for byte yes  JSON ? FORMAT JSON",
                "SQLITE     SQLite        row ids no   key arrays no   text byte for byte yes  JSON ?",
                "POSTGRESQL PostgreSQL    row ids no   key arrays no   text byte for byte yes  JSON CAST(? AS json)",
                "MARIADB    MariaDB/MySQL row ids no   key arrays no   text byte for byte no   JSON ?",
                "MYSQL      MariaDB/MySQL row ids no   key arrays no   text byte for byte no   JSON ?");
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
