package dev.cascadestudio.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cascadestudio.testsupport.EngineDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * How many rows at a time go into each product ({@link DatabaseProduct#rowBatch}: a restore's deleted rows, the demo
 * data, the generator): COPY on PostgreSQL, INSERT batches elsewhere. Whatever the way, a row the database would refuse
 * in an INSERT is refused, never skipped or cut to fit, and the rows before it in the same batch are not kept by the
 * caller's transaction.
 */
class RowBatchTest {

    static final LocalDateTime CREATED = LocalDateTime.of(2026, 12, 7, 9, 30);

    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void eachProductSendsRowsItsOwnWayAndRefusesWhatAnInsertWouldRefuse(EngineDatabases.Kind kind) {
        Database database = EngineDatabases.open(kind, dir);
        try {
            String expected = switch (kind) {
                case H2, SQLITE, MARIADB_CONTROLLER -> "InsertBatch";
                case POSTGRESQL, POSTGRESQL_CONTROLLER -> "PostgreSqlCopy";
            };
            assertThat(database.<String>fromConnection(c -> {
                try (DatabaseProduct.RowBatch batch = batchOf(database, c)) {
                    return batch.getClass().getSimpleName();
                }
            })).as("how rows go into %s", kind).isEqualTo(expected);
            insertUsers(database, List.of(user("u-1", "taken")));

            assertThatThrownBy(() -> insertUsers(database, List.of(user("u-2", "fine"), user("u-3", "taken"))))
                    .as("a name taken twice").satisfies(e -> assertThat(sqlMessage(e)).matches("(?is).*(unique|duplicate).*"));
            if (kind != EngineDatabases.Kind.SQLITE) { // SQLite keeps text of any length in a VARCHAR(255)
                assertThatThrownBy(() -> insertUsers(database, List.of(user("u-4", "n".repeat(256)))))
                        .as("a name longer than its 255 characters").satisfies(e -> assertThat(sqlState(e)).matches("2[23].*"));
            }
            assertThat(names(database)).as("only the first user, nothing skipped or cut in").containsExactly("taken");
        } finally {
            EngineDatabases.close(database);
        }
    }

    /**
     * A refused batch ends the inserter's work: the rows another table still has queued are not sent into the lost
     * transaction when it closes (PostgreSQL would refuse them with "current transaction is aborted", a second error
     * under the first), and the caller sees the refusal alone; nothing of the transaction is kept.
     */
    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void aRefusedBatchIsTheOnlyErrorAndNothingIsSentAfterIt(EngineDatabases.Kind kind) {
        Database database = EngineDatabases.open(kind, dir);
        try {
            insertUsers(database, List.of(user("u-1", "taken")));
            Throwable refused = catchThrowable(() -> database.fromConnection(c -> {
                try (BatchInserter in = new BatchInserter(c, database.kind(), database.sqlNames(), 2)) {
                    in.insert("user", user("u-2", "fine"));
                    in.insert("user_labels", BatchInserter.row("parent", "fine", "name", "team", "value", "a"));
                    in.insert("user", user("u-3", "taken")); // the user batch is full: sent, and refused
                }
                return null;
            }));
            SQLException error = firstSqlException(refused);
            assertThat((Object) error).as("the refusal").isNotNull();
            assertThat(sqlMessage(error)).matches("(?is).*(unique|duplicate).*");
            assertThat(error.getSuppressed()).as("no second error under it").isEmpty();
            assertThat(refused.getSuppressed()).as("no second error under it").isEmpty();
            assertThat(names(database)).as("nothing of the refused transaction kept").containsExactly("taken");
        } finally {
            EngineDatabases.close(database);
        }
    }

    /**
     * A timestamp's text in a COPY, read by PostgreSQL itself: the text cast to {@code timestamp} equals the same date and
     * time built by {@code make_timestamp} (whose year -44 is 44 BC, Java's proleptic year -43), a year before 1 and
     * one after 9999 among them, and nanoseconds rounded to the microsecond, half up, as the driver rounds a bound one.
     */
    @org.junit.jupiter.api.Test
    void postgreSqlReadsEveryTimestampsTextAsThatDateAndTime() {
        Database database = EngineDatabases.open(EngineDatabases.Kind.POSTGRESQL_CONTROLLER, dir);
        try {
            List<LocalDateTime> times = List.of(LocalDateTime.of(2026, 3, 2, 12, 5, 0, 123_456_000),
                    LocalDateTime.of(1999, 12, 31, 23, 59, 59), LocalDateTime.of(-43, 3, 15, 12, 0),
                    LocalDateTime.of(12_345, 1, 1, 0, 0), LocalDateTime.of(2026, 12, 31, 23, 59, 59, 999_999_500),
                    LocalDateTime.of(2026, 1, 1, 0, 0, 0, 1_499));
            List<LocalDateTime> rounded = List.of(times.get(0), times.get(1), times.get(2), times.get(3),
                    LocalDateTime.of(2027, 1, 1, 0, 0), LocalDateTime.of(2026, 1, 1, 0, 0, 0, 1_000));
            for (int i = 0; i < times.size(); i++) {
                LocalDateTime t = rounded.get(i);
                String text = TabSeparatedRows.timestamp(times.get(i));
                boolean same = database.fromConnection(c -> {
                    try (var ps = c.prepareStatement("SELECT CAST(? AS timestamp) = make_timestamp(?, ?, ?, ?, ?, ?)")) {
                        ps.setString(1, text);
                        ps.setInt(2, t.getYear() < 1 ? t.getYear() - 1 : t.getYear());
                        ps.setInt(3, t.getMonthValue());
                        ps.setInt(4, t.getDayOfMonth());
                        ps.setInt(5, t.getHour());
                        ps.setInt(6, t.getMinute());
                        ps.setDouble(7, t.getSecond() + t.getNano() / 1e9);
                        try (var rs = ps.executeQuery()) {
                            rs.next();
                            return rs.getBoolean(1);
                        }
                    }
                });
                assertThat(same).as("%s written %s", times.get(i), text).isTrue();
            }
        } finally {
            EngineDatabases.close(database);
        }
    }

    private static DatabaseProduct.RowBatch batchOf(Database database, Connection c) throws SQLException {
        TableInfo user = MappedTables.get("user");
        return DatabaseProduct.of(database.kind()).rowBatch(c, database.sqlNames(), "user", user.columns());
    }

    private static java.util.Map<String, Object> user(String uid, String name) {
        return BatchInserter.row("uid", uid, "name", name, "description", null, "created", CREATED, "updated", null, "spec", null);
    }

    /** The users, in one transaction: all of them or, where one is refused, none. */
    private static void insertUsers(Database database, List<java.util.Map<String, Object>> users) {
        database.fromConnection(c -> {
            try (BatchInserter in = new BatchInserter(c, database.kind(), database.sqlNames(), 100)) {
                for (var user : users) in.insert("user", user);
            }
            return null;
        });
    }

    private static List<String> names(Database database) {
        return database.fromConnection(c -> {
            List<String> names = new java.util.ArrayList<>();
            try (Statement s = c.createStatement();
                 var rs = s.executeQuery("SELECT " + database.sqlNames().quote("name") + " FROM "
                         + database.sqlNames().quote("user") + " ORDER BY " + database.sqlNames().quote("name"))) {
                while (rs.next()) names.add(rs.getString(1));
            }
            return names;
        });
    }

    /** The first SQLException among {@code e}'s causes, or null. */
    private static SQLException firstSqlException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) return sql;
        }
        return null;
    }

    /** The message of the first SQLException among {@code e}'s causes (SQLite gives no SQL state). */
    private static String sqlMessage(Throwable e) {
        SQLException sql = firstSqlException(e);
        return sql != null ? String.valueOf(sql.getMessage()) : "no SQLException in " + e;
    }

    /** The SQL state of the first SQLException among {@code e}'s causes. */
    private static String sqlState(Throwable e) {
        SQLException sql = firstSqlException(e);
        return sql != null ? String.valueOf(sql.getSQLState()) : "no SQLException in " + e;
    }
}
