package dev.cascadestudio.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.hibernate.community.dialect.SQLiteDialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.junit.jupiter.api.Test;

/** The second wall against SQL injection: a quote inside a name stays part of the name. */
class SqlNamesTest {

    static final String HOSTILE = "version\" OR 1=1 OR \"version";

    @Test
    void aQuoteInsideANameIsDoubledAsTheStandardSays() {
        assertThat(new SqlNames(new H2Dialect()).quote(HOSTILE)).isEqualTo("\"version\"\" OR 1=1 OR \"\"version\"");
        assertThat(new SqlNames(new SQLiteDialect()).quote(HOSTILE)).isEqualTo("\"version\"\" OR 1=1 OR \"\"version\"");
        assertThat(new SqlNames(new MariaDBDialect()).quote("a`b")).isEqualTo("`a``b`");
    }

    @Test
    void theDatabasesReadAQuotedHostileNameAsOneName() throws Exception {
        for (var product : new Object[][] {{"jdbc:h2:mem:quoting", new H2Dialect()}, {"jdbc:sqlite::memory:", new SQLiteDialect()}}) {
            SqlNames names = new SqlNames((org.hibernate.dialect.Dialect) product[1]);
            try (Connection c = DriverManager.getConnection((String) product[0]); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (" + names.quote(HOSTILE) + " VARCHAR(10), " + names.quote("version") + " VARCHAR(10))");
                s.execute("INSERT INTO t VALUES ('a', 'b'), ('c', 'd')");
                try (ResultSet rs = s.executeQuery("SELECT " + names.quote(HOSTILE) + " FROM t WHERE " + names.quote(HOSTILE) + " = 'a'")) {
                    assertThat(rs.getMetaData().getColumnName(1)).as("%s", product[0]).isEqualTo(HOSTILE);
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("a");
                    assertThat(rs.next()).as("one row, not every row").isFalse();
                }
            }
        }
    }
}
