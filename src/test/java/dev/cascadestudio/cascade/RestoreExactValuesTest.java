package dev.cascadestudio.cascade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.persistence.BatchInserter;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.service.CascadeService;
import dev.cascadestudio.testsupport.EngineDatabases;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Undo puts back exactly what the delete took, however awkward the text: tabs, line breaks of both kinds, backslashes,
 * a line holding only {@code \.} (the end-of-data line of PostgreSQL's COPY), {@code \N} (its NULL), quotes, characters
 * outside the Basic Multilingual Plane, an empty text next to a NULL, JSON with escapes, and timestamps to the
 * microsecond. On PostgreSQL the rows go back by COPY, which reads every value from text; elsewhere by INSERT. The values
 * are read back with plain JDBC reads and compared with the Java literals written here, before the delete (the rows as
 * the test's own inserter wrote them) and after the undo.
 */
class RestoreExactValuesTest {

    static final String AWKWARD = "tab\there, CR LF\r\nthen LF\nback\\slash \\N \\. \"quoted\" 'single' "
            + "\u00e9t\u00e9 \uD83D\uDE80 end";
    static final String END_OF_DATA_LINE = "first line\n\\.\nlast line";
    static final String SPEC = "{\"text\": \"a\\tb\\nc \\\\ \\\" \\u00e9\", \"list\": [1, 2.5, null, true]}";
    static final LocalDateTime CREATED = LocalDateTime.of(2026, 3, 2, 12, 5, 0, 123_456_000);
    static final LocalDateTime WHOLE_SECOND = LocalDateTime.of(1999, 12, 31, 23, 59, 59);

    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void awkwardTextAndExactTimestampsComeBackAsTheyWere(EngineDatabases.Kind kind) throws Exception {
        Database database = EngineDatabases.open(kind, dir);
        try {
            database.fromConnection(c -> {
                try (BatchInserter in = new BatchInserter(c, database.kind(), database.sqlNames(), 10)) {
                    in.insert("user", BatchInserter.row("uid", "u-1", "name", "owner", "description", null,
                            "created", WHOLE_SECOND, "updated", null, "spec", null));
                    in.insert("project", BatchInserter.row("uid", "p-1", "version", "1", "name", "awkward", "description", AWKWARD,
                            "owner_id", "u-1", "source", "", "created", CREATED, "updated", WHOLE_SECOND, "spec", SPEC));
                    in.insert("project_labels", BatchInserter.row("name", "note", "value", END_OF_DATA_LINE, "parent", "awkward"));
                    in.insert("model", BatchInserter.row("uid", "m-1", "version", "1", "name", "m", "description", "\t", "task", "chat",
                            "owner_id", "u-1", "project_id", "p-1", "is_adapter", true, "created", CREATED, "updated", null, "spec", "{}"));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            });
            List<List<Object>> expected = List.of(
                    List.of("awkward", AWKWARD, "", CREATED, WHOLE_SECOND, "u-1"),
                    List.of("note", END_OF_DATA_LINE, "awkward"),
                    List.of("m", "\t", true, CREATED, "null updated"));
            assertThat(stored(database)).as("as written, before the delete").isEqualTo(expected);
            assertThat(json(database)).as("the spec as written").isEqualTo(Map.of("text", "a\tb\nc \\ \" \u00e9"));

            CascadeService service = new CascadeService(database, dir.resolve("snapshots"));
            ExecutionResult result = service.execute(service.plan(List.of(new Root("project", "p-1"))), ProgressListener.NONE);
            assertThat(EngineDatabases.count(database, "SELECT COUNT(*) FROM " + database.sqlNames().quote("project")))
                    .as("projects after the delete").isZero();

            service.restore(result.snapshot());

            assertThat(stored(database)).as("after the undo").isEqualTo(expected);
            assertThat(json(database)).as("the spec after the undo").isEqualTo(Map.of("text", "a\tb\nc \\ \" \u00e9"));
        } finally {
            EngineDatabases.close(database);
        }
    }

    /** The project's, its label's and its model's values, read by plain JDBC. */
    private static List<List<Object>> stored(Database database) {
        return database.fromConnection(c -> {
            List<List<Object>> rows = new ArrayList<>();
            var q = database.sqlNames();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + q.quote("name") + ", " + q.quote("description") + ", "
                    + q.quote("source") + ", " + q.quote("created") + ", " + q.quote("updated") + ", " + q.quote("owner_id")
                    + " FROM " + q.quote("project"));
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(List.of(rs.getString(1), rs.getString(2), rs.getString(3), timestamp(rs, 4), timestamp(rs, 5),
                            rs.getString(6)));
                }
                try (PreparedStatement labels = c.prepareStatement("SELECT " + q.quote("name") + ", " + q.quote("value") + ", "
                        + q.quote("parent") + " FROM " + q.quote("project_labels") + " WHERE " + q.quote("name") + " = 'note'");
                     ResultSet l = labels.executeQuery()) {
                    while (l.next()) rows.add(List.of(l.getString(1), l.getString(2), l.getString(3)));
                }
                try (PreparedStatement models = c.prepareStatement("SELECT " + q.quote("name") + ", " + q.quote("description") + ", "
                        + q.quote("is_adapter") + ", " + q.quote("created") + ", " + q.quote("updated") + " FROM " + q.quote("model"));
                     ResultSet m = models.executeQuery()) {
                    while (m.next()) {
                        rows.add(List.of(m.getString(1), m.getString(2), m.getBoolean(3), timestamp(m, 4),
                                m.getObject(5) == null ? "null updated" : m.getString(5)));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return rows;
        });
    }

    /** A timestamp column as a LocalDateTime, whether the product stores it as a timestamp or as SQLite's text. */
    private static LocalDateTime timestamp(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        if (value instanceof String text) {
            return LocalDateTime.parse(text.replace(' ', 'T'));
        }
        Timestamp t = rs.getTimestamp(column);
        return t.toLocalDateTime();
    }

    /** The project's spec's "text" member, as the database's JSON text parses. */
    private static Map<String, Object> json(Database database) throws Exception {
        String spec = database.fromConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + database.sqlNames().quote("spec") + " FROM "
                    + database.sqlNames().quote("project"));
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        Map<?, ?> parsed = new com.fasterxml.jackson.databind.ObjectMapper().readValue(spec, Map.class);
        assertThat(parsed.get("list")).isEqualTo(java.util.Arrays.asList(1, 2.5, null, true));
        return Map.of("text", parsed.get("text"));
    }
}
