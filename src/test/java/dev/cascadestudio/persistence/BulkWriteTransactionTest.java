package dev.cascadestudio.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascadestudio.testsupport.EngineDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A delete's commit and a restore run as one large write ({@link Database#fromBulkWrite}, used by {@code Executor}
 * and {@code Restorer}): on SQLite with a page cache of 256 MiB from the first statement to the end of the
 * transaction (SQLite's default of 2 MB made the big delete's UPDATEs read again every page its snapshot had just
 * read), and with SQLite's default again for whatever the connection does next, whether the write committed or failed.
 */
class BulkWriteTransactionTest {

    static final long BULK = -256 * 1024;
    static final long SQLITE_DEFAULT = -2000; // SQLite's documented default: 2,000 KiB

    @TempDir Path dir;
    Database database;

    @AfterEach
    void close() {
        if (database != null) EngineDatabases.close(database);
    }

    @Test
    void aLargeWriteHasTheLargeCacheUntilItsTransactionEndsAndTheConnectionTheDefaultAfter() {
        database = EngineDatabases.open(EngineDatabases.Kind.SQLITE, dir);
        List<Long> seen = new ArrayList<>();
        Connection[] used = new Connection[1];
        database.fromBulkWrite(c -> {
            used[0] = c;
            seen.add(cacheSize(c));
            try (var s = c.createStatement()) {
                s.execute("CREATE TABLE written_in_bulk (x INTEGER)");
            }
            return null;
        });
        assertThat(seen).containsExactly(BULK);
        database.fromConnection(c -> {
            assertThat(c).as("the pool lends the same connection again").isSameAs(used[0]);
            assertThat(cacheSize(c)).as("after the commit").isEqualTo(SQLITE_DEFAULT);
            return null;
        });
        boolean committed = database.fromConnection(c -> c.getMetaData().getTables(null, null, "written_in_bulk", null).next());
        assertThat(committed).as("committed").isTrue();
    }

    @Test
    void aLargeWriteThatFailsLeavesTheDefaultToo() {
        database = EngineDatabases.open(EngineDatabases.Kind.SQLITE, dir);
        assertThatThrownBy(() -> database.fromBulkWrite(c -> {
            assertThat(cacheSize(c)).isEqualTo(BULK);
            throw new IllegalStateException("the write failed");
        })).hasMessage("the write failed");
        assertThat(cacheSize()).isEqualTo(SQLITE_DEFAULT);
        long next = database.fromBulkWrite(BulkWriteTransactionTest::cacheSize);
        assertThat(next).as("and the next large write has it again").isEqualTo(BULK);
    }

    long cacheSize() {
        return database.fromConnection(BulkWriteTransactionTest::cacheSize);
    }

    static long cacheSize(Connection c) throws SQLException {
        try (var s = c.createStatement(); var rs = s.executeQuery("PRAGMA cache_size")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
