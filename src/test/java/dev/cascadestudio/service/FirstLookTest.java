package dev.cascadestudio.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.DatabaseOpenException;
import dev.cascadestudio.service.connections.ConnectionTier;
import dev.cascadestudio.testsupport.DemoDatabase;
import dev.cascadestudio.testsupport.DemoDatabase.Product;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An open's first look: the users, read on the open's first connection before Hibernate starts, are handed on
 * before the session is, on the open's thread, on every product; they are the users the session then reads. A database that does not
 * open hands on nothing.
 */
class FirstLookTest {

    @TempDir Path dir;
    private DemoDatabase demo;

    @AfterEach
    void dropServerDatabase() {
        if (demo != null) {
            demo.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Product.class)
    void theUsersAreHandedOnOnceBeforeTheSessionAndAreTheOnesItReads(Product product) {
        String url = prepare(product);
        List<List<UserSummary>> told = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        AtomicBoolean returned = new AtomicBoolean();
        List<Boolean> beforeReturn = new CopyOnWriteArrayList<>();

        try (DatabaseSession session = DatabaseSession.open(url, null, null, DatabaseSession.defaultMode(url),
                ConnectionTier.DEVELOPMENT, users -> {
                    told.add(users);
                    threads.add(Thread.currentThread().getName());
                    beforeReturn.add(!returned.get());
                })) {
            returned.set(true);

            assertThat(told).as("told once").hasSize(1);
            assertThat(beforeReturn).containsExactly(true);
            // on the open's own thread, before Hibernate's start, which follows on that thread: the window can
            // hold the bootstrap back until the users are on the screen by not returning before then
            assertThat(threads.get(0)).as("handed on on the open's thread").isEqualTo(Thread.currentThread().getName());
            // the demo: alice owns two projects, bob and carol one each, dmitri and erin none (BrowseServiceTest)
            assertThat(told.get(0)).extracting(UserSummary::name, UserSummary::projectCount).containsExactly(
                    tuple("alice", 2L), tuple("bob", 1L), tuple("carol", 1L), tuple("dmitri", 0L), tuple("erin", 0L));
            List<UserSummary> sessionReads = new ArrayList<>(session.browse().userSummaries());
            sessionReads.removeIf(UserSummary::isUnowned);
            assertThat(told.get(0)).as("what the session reads afterwards").isEqualTo(sessionReads);
        }
    }

    @Test
    void aDatabaseThatIsNotTheControllersHandsOnNothing() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)");
        }
        List<List<UserSummary>> told = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> DatabaseSession.open(url, null, null, DatabaseSession.Mode.READ_ONLY,
                ConnectionTier.DEVELOPMENT, told::add)).isInstanceOf(DatabaseOpenException.class)
                .hasMessageContaining("holds no GenAI Factory controller tables");
        assertThat(told).isEmpty();
    }

    @Test
    void aDatabaseGivenItsSchemaByTheOpenHandsOnNothing() {
        // the embedded database's first start: created, then given the demo data, after the open
        String url = dev.cascadestudio.persistence.AppDirectories.h2Url(dir.resolve("fresh"));
        List<List<UserSummary>> told = new CopyOnWriteArrayList<>();

        try (Database database = Database.open(url, null, null, Database.EmptyDatabase.CREATE_SCHEMA,
                Database.Access.WRITABLE, (connection, names, kind) -> told.add(BrowseService.users(connection, names, kind)))) {
            assertThat(database.schemaCreated()).isTrue();
        }
        assertThat(told).isEmpty();
    }

    private String prepare(Product product) {
        demo = DemoDatabase.create(product, dir);
        return demo.url();
    }
}
