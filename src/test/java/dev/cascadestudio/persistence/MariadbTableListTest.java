package dev.cascadestudio.persistence;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascadestudio.domain.DomainModel;
import dev.cascadestudio.testsupport.ServerDatabases;
import dev.cascadestudio.testsupport.ServerDatabases.Server;
import jakarta.persistence.Table;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * On a MariaDB server that holds a controller's tables in one database, another, empty database is
 * still empty: the table list Cascade Studio checks is the named database's, not the server's
 * (Connector/J lists every database's tables unless told that no catalog means the current one).
 */
class MariadbTableListTest {

    private static final String SERVER = Server.MARIADB.url("") + "?user=" + Server.MARIADB.user();

    @Test
    void anEmptyDatabaseBesideAControllerDatabaseIsEmpty() throws Exception {
        ServerDatabases.assumeReachable(Server.MARIADB); // skipped with the reason, or failed under CI=true
        String full = "cs_urls_full_" + ProcessHandle.current().pid();
        String empty = "cs_urls_empty_" + ProcessHandle.current().pid();
        try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + full);
            s.execute("CREATE DATABASE " + empty);
            for (Class<?> entity : DomainModel.allEntityClasses()) {
                s.execute("CREATE TABLE " + full + ".`" + entity.getAnnotation(Table.class).name() + "` (id INT)");
            }
        }
        try {
            String user = "?user=" + Server.MARIADB.user();
            for (String url : new String[] {Server.MARIADB.url(empty) + user,
                    "jdbc:mysql://" + Server.MARIADB.address() + "/" + empty + user}) {
                assertThatThrownBy(() -> Database.open(url, null, null, Database.EmptyDatabase.REFUSE).close()).as(url)
                        .isInstanceOf(DatabaseOpenException.class)
                        .hasMessage("This database holds no GenAI Factory controller tables (" + url + ")."
                + " It is empty: `cascade-studio init` gives it Cascade Studio's schema.");
            }
        } finally {
            try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE " + full);
                s.execute("DROP DATABASE " + empty);
            }
        }
    }
}
