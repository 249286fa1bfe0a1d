package dev.cascadestudio.cascade;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.MappedTables;
import dev.cascadestudio.persistence.TableInfo;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.persistence.demo.RowBuilder;
import dev.cascadestudio.service.CascadeService;
import dev.cascadestudio.testsupport.CanonicalDump;
import dev.cascadestudio.testsupport.EngineDatabases;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Issue 12's property: every mutation of a valid snapshot (names, types, counts, truncation,
 * duplication, reordering, deleted lines, swapped values, header edits, added fields) is either refused
 * with the database unchanged, or restores exactly the database before the delete; and no name or value
 * a mutation brings in ever appears in the text of an SQL statement restore issues (every statement is
 * recorded through a JDBC connection wrapper). Every string a mutation brings in contains
 * {@value #MARK}, which no mapped name and no demo value contains. On H2 and on a controller's SQLite file.
 * The same again with the checksum recomputed after the mutation, as someone editing the file on purpose
 * would, leaving out only the edits that keep every value's kind (those restore the edited rows, by design).
 */
class SnapshotMutationPropertyTest {

    static final String MARK = "zq";
    static final String SUPPORT = RowBuilder.uid("project", "customer-support-assistant");
    static final ObjectMapper JSON = new ObjectMapper();

    /** One database per product: the demo data, deleted once; its snapshot; what every statement said. */
    static final class Fixture {
        final Database database;
        final CascadeService service;
        final Restorer restorer;
        final List<String> sql = new ArrayList<>();
        final String before;
        String after;
        final byte[] snapshot;
        final Path dir;

        Fixture(EngineDatabases.Kind kind) throws IOException {
            dir = Files.createTempDirectory("cs-mutation-" + kind);
            database = EngineDatabases.open(kind, dir);
            DemoData.load(database);
            before = CanonicalDump.of(database);
            service = new CascadeService(database, dir.resolve("snapshots"));
            restorer = new Restorer(database, service.graph(), this::recording);
            snapshot = Files.readAllBytes(deleteSupport());
        }

        Path deleteSupport() {
            ExecutionResult result = service.execute(service.plan(List.of(new Root("project", SUPPORT))), ProgressListener.NONE);
            after = CanonicalDump.of(database);
            return result.snapshot();
        }

        /**
         * The connection, with every SQL text given to it recorded. It does not give the driver's own connection away
         * ({@code unwrap}), so every row goes through a statement recorded here: PostgreSQL's COPY, which would carry
         * the rows outside any SQL text, gives way to INSERTs on it.
         */
        Connection recording(Connection connection) {
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                if (method.getName().equals("isWrapperFor")) {
                    return false;
                }
                if (method.getName().equals("unwrap")) {
                    throw new java.sql.SQLException("the recorded connection wraps nothing");
                }
                if (args != null && args.length > 0 && args[0] instanceof String text) {
                    sql.add(text); // prepareStatement, prepareCall, nativeSQL
                }
                Object result = invoke(method, connection, args);
                return result instanceof Statement statement && !(result instanceof java.sql.PreparedStatement) ? recording(statement) : result;
            });
        }

        Statement recording(Statement statement) {
            return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Statement.class}, (proxy, method, args) -> {
                if (args != null && args.length > 0 && args[0] instanceof String text) {
                    sql.add(text); // execute, executeQuery, executeUpdate, addBatch
                }
                return invoke(method, statement, args);
            });
        }

        private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        void close() throws IOException {
            database.close();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    static final Map<EngineDatabases.Kind, Fixture> FIXTURES = new EnumMap<>(EngineDatabases.Kind.class);

    static synchronized Fixture fixture(EngineDatabases.Kind kind) {
        return FIXTURES.computeIfAbsent(kind, k -> {
            try {
                return new Fixture(k);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @AfterContainer
    static void closeAll() throws IOException {
        for (Fixture f : FIXTURES.values()) f.close();
        FIXTURES.clear();
    }

    // ---- the mutations ------------------------------------------------------------------------

    enum Kind {
        RENAME_TABLE, RENAME_COLUMN, RENAME_NULLED_COLUMN, OTHER_REAL_COLUMN, VALUE_TYPE, VALUE_SWAP, ROW_VALUE_SWAP,
        END_COUNT, TRUNCATE, DUPLICATE_LINE, SWAP_LINES, DELETE_LINE, FORMAT_VERSION, ROOT, ADD_FIELD, JUNK_LINE
    }

    record Mutation(Kind kind, int a, int b, String name) {
        @Override
        public String toString() {
            return kind + "(" + a + ", " + b + ", " + JsonNodeFactory.instance.textNode(name) + ")";
        }
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        Arbitrary<String> hostile = Arbitraries.of("\" OR 1=1 OR \"", "\", CSVWRITE('zq.csv','SELECT 1') AS \"", "`; DROP TABLE run; --", "", "\u0000",
                "x".repeat(300), "'", "]");
        Arbitrary<String> names = Combinators.combine(hostile, Arbitraries.strings().ofMaxLength(6)).as((h, s) -> MARK + s + h);
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 10_000),
                Arbitraries.integers().between(0, 10_000), names).as(Mutation::new);
    }

    /** The snapshot's bytes after {@code m}; mutations that need a line of some sort take the a-th of them. */
    static byte[] mutate(byte[] original, Mutation m) throws IOException {
        List<String> lines = new ArrayList<>(new String(original, StandardCharsets.UTF_8).lines().toList());
        List<ObjectNode> nodes = new ArrayList<>();
        for (String l : lines) nodes.add((ObjectNode) JSON.readTree(l));
        List<Integer> sections = indexes(nodes, n -> n.has("deleted") || n.has("nulled"));
        List<Integer> nulled = indexes(nodes, n -> n.has("nulled"));
        List<Integer> rows = indexes(nodes, n -> n.has("row"));
        int last = nodes.size() - 1;
        switch (m.kind()) {
            case RENAME_TABLE -> {
                ObjectNode s = nodes.get(pick(sections, m.a()));
                s.put(s.has("deleted") ? "deleted" : "nulled", m.b() % 3 == 0 ? MappedTables.all().get(m.b() % MappedTables.all().size()).name() : m.name());
            }
            case RENAME_COLUMN -> {
                ArrayNode columns = (ArrayNode) nodes.get(pick(sections, m.a())).get("columns");
                columns.set(m.b() % columns.size(), m.name());
            }
            case RENAME_NULLED_COLUMN -> nodes.get(pick(nulled, m.a())).put("column", m.name());
            case OTHER_REAL_COLUMN -> {
                // a real name of another or the same table: the SQL may then name it, but it came from the mapping
                ArrayNode columns = (ArrayNode) nodes.get(pick(sections, m.a())).get("columns");
                List<TableInfo.Column> all = MappedTables.all().stream().flatMap(t -> t.columns().stream()).toList();
                columns.set(m.b() % columns.size(), all.get(m.b() % all.size()).name());
            }
            case VALUE_TYPE -> {
                ArrayNode row = (ArrayNode) nodes.get(pick(rows, m.a())).get("row");
                int i = m.b() % row.size();
                switch (m.b() % 8) {
                    case 0 -> row.set(i, JSON.createObjectNode().put(m.name(), 1));
                    case 1 -> row.set(i, JSON.createArrayNode().add(m.name()));
                    case 2 -> row.set(i, 1.5);
                    case 3 -> row.set(i, JsonNodeFactory.instance.numberNode(new BigInteger("12345678901234567890")));
                    case 4 -> row.set(i, true);
                    case 5 -> row.set(i, m.name());
                    case 6 -> row.setNull(i);
                    default -> row.set(i, (long) m.a() * 1_000_000_007L);
                }
            }
            case VALUE_SWAP -> {
                ArrayNode row = (ArrayNode) nodes.get(pick(rows, m.a())).get("row");
                int i = m.b() % row.size();
                int j = (m.b() / 7) % row.size();
                var vi = row.get(i);
                row.set(i, row.get(j));
                row.set(j, vi);
            }
            case ROW_VALUE_SWAP -> {
                ArrayNode r1 = (ArrayNode) nodes.get(pick(rows, m.a())).get("row");
                ArrayNode r2 = (ArrayNode) nodes.get(pick(rows, m.b())).get("row");
                int i = m.a() % Math.min(r1.size(), r2.size());
                var v = r1.get(i);
                r1.set(i, r2.get(i));
                r2.set(i, v);
            }
            case END_COUNT -> {
                String field = m.a() % 2 == 0 ? "deletedRows" : "nulledValues";
                nodes.get(last).put(field, nodes.get(last).get(field).asLong() + (m.b() % 2 == 0 ? 1 : -1) * (1 + m.b() % 3));
            }
            case FORMAT_VERSION -> {
                Object[] versions = {"1", "2", 1, 3, 0, 2.0, null, m.name()};
                Object v = versions[m.a() % versions.length];
                if (v == null) nodes.get(0).putNull("formatVersion");
                else if (v instanceof String s) nodes.get(0).put("formatVersion", s);
                else if (v instanceof Integer n) nodes.get(0).put("formatVersion", n);
                else nodes.get(0).put("formatVersion", (Double) v);
            }
            case ROOT -> {
                ObjectNode root = (ObjectNode) nodes.get(0).get("roots").get(0);
                if (m.a() % 3 == 0) root.put("table", m.name());
                else if (m.a() % 3 == 1) root.put("table", MappedTables.all().get(m.b() % MappedTables.all().size()).name());
                else root.put("uid", m.name());
            }
            case ADD_FIELD -> nodes.get(m.a() % nodes.size()).put(m.name(), m.name());
            default -> { }
        }
        List<String> out = new ArrayList<>();
        for (ObjectNode n : nodes) out.add(JSON.writeValueAsString(n));
        switch (m.kind()) {
            case DUPLICATE_LINE -> out.add(1 + m.a() % last, out.get(1 + m.a() % last));
            case SWAP_LINES -> {
                int i = m.a() % out.size();
                int j = m.b() % out.size();
                String l = out.get(i);
                out.set(i, out.get(j));
                out.set(j, l);
            }
            case DELETE_LINE -> out.remove(m.a() % out.size());
            case JUNK_LINE -> out.add(m.a() % (out.size() + 1), m.name());
            default -> { }
        }
        byte[] bytes = (String.join("\n", out) + "\n").getBytes(StandardCharsets.UTF_8);
        if (m.kind() == Kind.TRUNCATE) {
            bytes = java.util.Arrays.copyOf(bytes, (int) ((long) m.a() * bytes.length / 10_001));
        }
        return bytes;
    }

    static List<Integer> indexes(List<ObjectNode> nodes, java.util.function.Predicate<ObjectNode> which) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) if (which.test(nodes.get(i))) out.add(i);
        return out;
    }

    static int pick(List<Integer> indexes, int n) {
        return indexes.get(n % indexes.size());
    }

    // ---- the property -------------------------------------------------------------------------

    /**
     * The bytes with the end line's checksum made to match them again, as someone editing the file on
     * purpose would: then only the checks of names, kinds, counts and keys stand between the file and SQL.
     */
    static byte[] withChecksumRecomputed(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int end = text.lastIndexOf("\n{\"end\"");
        if (end < 0) {
            return bytes;
        }
        byte[] before = text.substring(0, end + 1).getBytes(StandardCharsets.UTF_8);
        String sha = java.util.HexFormat.of().formatHex(SnapshotFormat.sha256().digest(before));
        return (text.substring(0, end + 1) + text.substring(end + 1).replaceFirst("\"sha256\":\"[0-9a-f]*\"", "\"sha256\":\"" + sha + "\""))
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Edits that keep every value's kind, which a recomputed checksum lets through by design: the rows are the
     * edited ones. {@code true} put in place of a boolean is one of them (a model's or deployment's flag), so
     * whether a {@link Kind#VALUE_TYPE} edit keeps its kind depends on the value it replaces in {@code snapshot}.
     */
    static boolean keepsKinds(byte[] snapshot, Mutation m) throws IOException {
        if (m.kind() == Kind.VALUE_SWAP || m.kind() == Kind.ROW_VALUE_SWAP || (m.kind() == Kind.VALUE_TYPE && m.b() % 8 >= 5)) {
            return true;
        }
        if (m.kind() != Kind.VALUE_TYPE || m.b() % 8 != 4) {
            return false;
        }
        List<ObjectNode> nodes = new ArrayList<>();
        for (String l : new String(snapshot, StandardCharsets.UTF_8).lines().toList()) nodes.add((ObjectNode) JSON.readTree(l));
        ArrayNode row = (ArrayNode) nodes.get(pick(indexes(nodes, n -> n.has("row")), m.a())).get("row");
        return row.get(m.b() % row.size()).isBoolean();
    }

    void refusedOrExact(EngineDatabases.Kind kind, Mutation m) throws IOException {
        refusedOrExact(kind, m, false);
    }

    void refusedOrExact(EngineDatabases.Kind kind, Mutation m, boolean recomputeChecksum) throws IOException {
        Fixture f = fixture(kind);
        try {
            refusedOrExact(f, m, recomputeChecksum);
        } catch (AssertionError | RuntimeException | IOException e) {
            // a failed try may leave the database in neither state: the next try starts from a new fixture,
            // so that jqwik shrinks this failure and not the ones a broken fixture would cause
            synchronized (SnapshotMutationPropertyTest.class) {
                FIXTURES.remove(kind);
            }
            f.close();
            throw e;
        }
    }

    void refusedOrExact(Fixture f, Mutation m, boolean recomputeChecksum) throws IOException {
        Path file = f.dir.resolve("mutated.jsonl");
        byte[] mutated = mutate(f.snapshot, m);
        Files.write(file, recomputeChecksum ? withChecksumRecomputed(mutated) : mutated);
        f.sql.clear();
        Throwable failure = null;
        try {
            f.restorer.restore(file);
        } catch (RuntimeException e) {
            failure = e;
        }
        assertThat(f.sql).as("SQL restore issued for %s", m).noneMatch(s -> s.contains(MARK));
        if (failure == null) {
            assertThat(CanonicalDump.of(f.database)).as("%s was restored, so exactly", m).isEqualTo(f.before);
            f.deleteSupport();
        } else {
            assertThat(failure).as("%s", m).isInstanceOfAny(SnapshotRefusedException.class, RestoreConflictException.class);
            assertThat(failure.getMessage()).as("one sentence").doesNotContain("\n").endsWith("was changed.");
            assertThat(CanonicalDump.of(f.database)).as("%s was refused: %s", m, failure.getMessage()).isEqualTo(f.after);
        }
    }

    @Property(tries = 40, shrinking = ShrinkingMode.BOUNDED)
    void onH2AMutatedSnapshotIsRefusedOrRestoresExactly(@ForAll("mutations") Mutation m) throws IOException {
        refusedOrExact(EngineDatabases.Kind.H2, m);
    }

    @Property(tries = 40, shrinking = ShrinkingMode.BOUNDED)
    void onSqliteAMutatedSnapshotIsRefusedOrRestoresExactly(@ForAll("mutations") Mutation m) throws IOException {
        refusedOrExact(EngineDatabases.Kind.SQLITE, m);
    }

    @Property(tries = 25, shrinking = ShrinkingMode.BOUNDED)
    void onH2AMutatedSnapshotWithItsChecksumRecomputedIsRefusedOrRestoresExactly(@ForAll("mutations") Mutation m) throws IOException {
        net.jqwik.api.Assume.that(!keepsKinds(fixture(EngineDatabases.Kind.H2).snapshot, m));
        refusedOrExact(EngineDatabases.Kind.H2, m, true);
    }

    @Property(tries = 25, shrinking = ShrinkingMode.BOUNDED)
    void onSqliteAMutatedSnapshotWithItsChecksumRecomputedIsRefusedOrRestoresExactly(@ForAll("mutations") Mutation m) throws IOException {
        net.jqwik.api.Assume.that(!keepsKinds(fixture(EngineDatabases.Kind.SQLITE).snapshot, m));
        refusedOrExact(EngineDatabases.Kind.SQLITE, m, true);
    }

    /** The baseline the property depends on: the test's own re-serialisation of an unchanged snapshot restores it. */
    @Example
    void anUnchangedSnapshotRestoresExactlyOnBoth() throws IOException {
        for (EngineDatabases.Kind kind : EngineDatabases.Kind.values()) {
            Fixture f = fixture(kind);
            Path file = f.dir.resolve("unchanged.jsonl");
            byte[] unchanged = mutate(f.snapshot, new Mutation(Kind.SWAP_LINES, 3, 3, MARK));
            assertThat(unchanged).as("the test writes the lines back as the writer wrote them").isEqualTo(f.snapshot);
            assertThat(withChecksumRecomputed(unchanged)).as("recomputing the checksum of a genuine file changes nothing").isEqualTo(f.snapshot);
            Files.write(file, unchanged);
            assertThat(new String(f.snapshot, StandardCharsets.UTF_8)).doesNotContain(MARK);
            f.sql.clear();
            f.restorer.restore(file);
            assertThat(CanonicalDump.of(f.database)).as("%s", kind).isEqualTo(f.before);
            assertThat(String.join("\n", f.sql)).doesNotContain(MARK).contains("INSERT INTO");
            f.deleteSupport();
        }
    }

    /**
     * A rare seed found this: a label line of project_labels swapped with one of data_source_labels (same columns),
     * the checksum recomputed. On a controller's SQLite file no foreign key checks labels.parent, so the restore
     * itself refuses a label whose parent names no row of its kind, rather than put labels on no row.
     */
    @Example
    void onSqliteALabelMovedToAnotherKindsLabelsIsRefused() throws IOException {
        Fixture f = fixture(EngineDatabases.Kind.SQLITE);
        List<String> lines = new String(f.snapshot, StandardCharsets.UTF_8).lines().toList();
        int projectLabel = lines.indexOf(lines.stream().filter(l -> l.contains("\"deleted\":\"project_labels\"")).findFirst().orElseThrow()) + 1;
        int sourceLabel = lines.indexOf(lines.stream().filter(l -> l.contains("\"deleted\":\"data_source_labels\"")).findFirst().orElseThrow()) + 1;
        assertThat(lines.get(sourceLabel)).as("the demo's data source label").contains("zendesk-tickets");
        Path file = f.dir.resolve("moved-label.jsonl");
        Files.write(file, withChecksumRecomputed(mutate(f.snapshot, new Mutation(Kind.SWAP_LINES, projectLabel, sourceLabel, MARK))));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> f.restorer.restore(file)))
                .isInstanceOf(SnapshotRefusedException.class)
                .hasMessageContaining("a label of project whose parent 'zendesk-tickets' names no project")
                .hasMessageEndingWith("nothing was changed.");
        assertThat(CanonicalDump.of(f.database)).isEqualTo(f.after);
    }
}
