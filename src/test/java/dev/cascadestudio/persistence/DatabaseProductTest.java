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

    private static String yes(boolean b) {
        return b ? "yes" : "no";
    }
}
