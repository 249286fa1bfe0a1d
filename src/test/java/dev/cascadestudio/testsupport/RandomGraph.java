package dev.cascadestudio.testsupport;

import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.persistence.BatchInserter;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.DatabaseKind;
import dev.cascadestudio.persistence.MappedTables;
import dev.cascadestudio.persistence.TableInfo;
import dev.cascadestudio.persistence.demo.RowBuilder;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A random but valid controller data set, small enough that a property can build one per try: a few
 * users, projects (some without owner) with 0..4 children of each kind, schedules, runs whose
 * schedule may belong to another workflow, sessions, deployments serving other projects' models,
 * labels on random rows of every table (and labels whose parent only nearly matches a name, or
 * matches a row of another table), and on SQLite occasionally a second version of a row.
 *
 * <p>Every reference points at an existing row (H2 enforces its foreign keys). All versions of a
 * uid share their parents, so they are deleted together and "the row a foreign key references" is
 * never ambiguous. The same seed and sizes always write the same rows, label uids included.
 */
public final class RandomGraph {

    /** The non-label tables, parents before children. */
    public static final List<String> TABLES = List.of("user", "project", "data_source", "dataset", "model", "prompt",
            "document", "workflow", "schedule", "deployment", "run", "session");

    private static final List<String> PARENT_TABLES = List.of("user", "project", "workflow", "model", "schedule");
    private static final List<String> NAME_STEMS = List.of("alpha", "Alpha", "alpha ", "al%ha", "al_ha", "beta",
            "beta_", "gamma%", "delta", "Delta ", "x");
    private static final List<String> LABEL_KEYS = List.of("env", "team", "tier", "owner-team", "_GENAI_FACTORY");
    private static final List<String> WORKFLOW_TYPES = List.of("application", "ingestion", "training");
    private static final List<String> RUN_STATES = List.of("completed", "running", "failed");

    /** How much to write; each try of a property picks these. */
    public record Size(int users, int projects, int maxChildren) {
        public Size {
            if (users < 1 || projects < 1 || maxChildren < 0) {
                throw new IllegalArgumentException("need at least one user and one project");
            }
        }
    }

    /** One written row of a non-label table, with the references it was written with. */
    public record Row(String table, String uid, String version, String name, Map<String, String> references) {}

    /** What was written: every non-label row, by table, in writing order. */
    public static final class Graph {
        private final Map<String, List<Row>> rows = new LinkedHashMap<>();
        private long labels;

        Graph() {
            TABLES.forEach(t -> rows.put(t, new ArrayList<>()));
        }

        public List<Row> rows(String table) {
            return rows.get(table);
        }

        public long labelCount() {
            return labels;
        }

        public long rowCount() {
            return rows.values().stream().mapToLong(List::size).sum() + labels;
        }

        /** The distinct uids of a table, in writing order. */
        public List<String> uids(String table) {
            return rows(table).stream().map(Row::uid).distinct().toList();
        }

        /** The versions written for one uid of a table ("" for the first, then others). */
        public List<String> versions(String table, String uid) {
            return rows(table).stream().filter(r -> r.uid().equals(uid)).map(Row::version).toList();
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder();
            rows.forEach((t, list) -> s.append(t).append('=').append(list.size()).append(' '));
            return s.append("labels=").append(labels).toString();
        }
    }

    private final Random random;
    private final Size size;
    private final boolean secondVersions;
    private final Graph graph = new Graph();
    private final Map<String, Set<String>> names = new HashMap<>();
    private final Map<String, Set<List<String>>> labelKeys = new HashMap<>();
    private final LocalDateTime epoch = LocalDateTime.of(2026, 1, 5, 8, 30, 15, 123_456_000);
    private RowBuilder builder;
    private BatchInserter inserter;

    /** Whether the database refuses a label whose parent names no row (InnoDB's enforced {@code parent → name}). */
    private final boolean labelParentsMustExist;

    private RandomGraph(long seed, Size size, boolean secondVersions, boolean labelParentsMustExist) {
        this.random = new Random(seed);
        this.size = size;
        this.secondVersions = secondVersions;
        this.labelParentsMustExist = labelParentsMustExist;
    }

    /**
     * Writes a random data set into an empty database in one transaction. Second versions of rows
     * are written only where the layout allows them (a controller's, keyed by (uid, version)):
     * Cascade Studio's own schema keeps uids unique on purpose. Where the database enforces
     * {@code labels.parent → name} (a controller's MariaDB), only labels of existing rows are written.
     */
    public static Graph write(Database database, long seed, Size size) {
        return database.fromConnection(connection -> {
            RandomGraph g = new RandomGraph(seed, size, !uidIsUnique(connection, database),
                    (database.kind() == DatabaseKind.MARIADB || database.kind() == DatabaseKind.MYSQL)
                            && hasForeignKeys(connection, "project_labels"));
            try (BatchInserter inserter = new BatchInserter(connection, database.kind(), database.sqlNames(), 500)) {
                g.inserter = inserter;
                g.builder = new RowBuilder(inserter, g.epoch);
                g.writeAll();
                inserter.flush();
            }
            return g.graph;
        });
    }

    /**
     * 1..{@code max} roots: existing uids of random non-label tables, repeats allowed. Two picks in
     * three come from the tables whose deletes reach other rows (user, project, workflow, model,
     * schedule), so that most tries cascade.
     */
    public static List<Root> pickRoots(Graph graph, Random random, int max) {
        List<String> tables = TABLES.stream().filter(t -> !graph.rows(t).isEmpty()).toList();
        List<String> parents = PARENT_TABLES.stream().filter(t -> !graph.rows(t).isEmpty()).toList();
        int count = 1 + random.nextInt(Math.max(1, max));
        List<Root> roots = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> from = random.nextInt(3) > 0 && !parents.isEmpty() ? parents : tables;
            String table = from.get(random.nextInt(from.size()));
            List<String> uids = graph.uids(table);
            roots.add(new Root(table, uids.get(random.nextInt(uids.size()))));
        }
        return roots;
    }

    private static boolean hasForeignKeys(java.sql.Connection connection, String table) throws SQLException {
        try (java.sql.ResultSet rs = connection.getMetaData().getImportedKeys(connection.getCatalog(), null, table)) {
            return rs.next();
        }
    }

    /** Whether some unique index of {@code project} is on {@code uid} alone. */
    private static boolean uidIsUnique(java.sql.Connection connection, Database database) throws SQLException {
        Map<String, List<String>> uniqueIndexes = new HashMap<>();
        try (java.sql.ResultSet rs = connection.getMetaData().getIndexInfo(connection.getCatalog(), null, "project", true, false)) {
            while (rs.next()) {
                if (rs.getString("COLUMN_NAME") != null) {
                    uniqueIndexes.computeIfAbsent(rs.getString("INDEX_NAME"), n -> new ArrayList<>())
                            .add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return uniqueIndexes.containsValue(List.of("uid"));
    }

    private void writeAll() throws SQLException {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < size.users(); i++) {
            String name = name("user");
            users.add(record("user", builder.user(name, random.nextBoolean() ? null : "user " + i), name, Map.of()));
        }
        List<String> projects = new ArrayList<>();
        for (int i = 0; i < size.projects(); i++) {
            String name = name("project");
            String owner = i == 0 || random.nextInt(3) > 0 ? owner(users) : null;
            projects.add(record("project", builder.project(name, owner, "project " + i), name, refs("owner_id", owner)));
            labelKeys("project").add(List.of("_GENAI_FACTORY", name));
            graph.labels++;
        }
        List<String> workflows = new ArrayList<>();
        List<String> models = new ArrayList<>();
        for (String project : projects) {
            for (int i = count(); i > 0; i--) {
                String name = name("data_source");
                String owner = owner(users);
                record("data_source", builder.dataSource(name, project, owner, pick(List.of("s3", "zendesk", "sql"))), name,
                        refs("project_id", project, "owner_id", owner));
            }
            for (int i = count(); i > 0; i--) {
                String name = name("dataset");
                String owner = owner(users);
                record("dataset", builder.dataset(name, project, owner, "text-classification"), name,
                        refs("project_id", project, "owner_id", owner));
            }
            for (int i = count(); i > 0; i--) {
                String name = name("model");
                String owner = owner(users);
                models.add(record("model", builder.model(name, project, owner, "text-generation", random.nextBoolean()), name,
                        refs("project_id", project, "owner_id", owner)));
            }
            for (int i = count(); i > 0; i--) {
                String name = name("prompt");
                String owner = owner(users);
                record("prompt", builder.prompt(name, project, owner, pick(List.of("chat", "completion"))), name,
                        refs("project_id", project, "owner_id", owner));
            }
            for (int i = count(); i > 0; i--) {
                String name = name("document");
                String owner = owner(users);
                record("document", builder.document(name, project, owner, random.nextBoolean() ? "[]" : "[\"k\", \"ü\"]"), name,
                        refs("project_id", project, "owner_id", owner));
            }
            for (int i = count(); i > 0; i--) {
                String name = name("workflow");
                String owner = owner(users);
                workflows.add(record("workflow", builder.workflow(name, project, owner, pick(WORKFLOW_TYPES)), name,
                        refs("project_id", project, "owner_id", owner)));
            }
        }
        List<String> schedules = new ArrayList<>();
        Map<String, String> scheduleWorkflow = new HashMap<>();
        for (String workflow : workflows) {
            for (int i = random.nextInt(3); i > 0; i--) {
                String name = name("schedule");
                String owner = owner(users);
                String uid = record("schedule", builder.schedule(name, workflow, owner, "0 " + i + " * * *"), name,
                        refs("workflow_id", workflow, "owner_id", owner));
                schedules.add(uid);
                scheduleWorkflow.put(uid, workflow);
            }
        }
        for (String project : projects) {
            for (int i = count(); i > 0; i--) {
                String name = name("deployment");
                String owner = owner(users);
                String workflow = random.nextInt(3) == 0 ? null : maybe(workflows);
                String model = random.nextInt(3) == 0 ? null : maybe(models);
                boolean remote = random.nextBoolean();
                record("deployment", builder.deployment(name, project, owner, workflow, model, remote), name,
                        refs("project_id", project, "owner_id", owner, "workflow_id", workflow, "model_id", model));
            }
        }
        int runs = random.nextInt(2 + workflows.size() * 2);
        for (int i = 0; i < runs; i++) {
            String name = name("run");
            String owner = owner(users);
            String workflow = random.nextInt(4) == 0 ? null : maybe(workflows);
            String schedule = switch (random.nextInt(3)) {
                case 0 -> null;
                case 1 -> {
                    // a schedule of this run's own workflow, when it has one
                    List<String> own = schedules.stream().filter(s -> scheduleWorkflow.get(s).equals(workflow)).toList();
                    yield own.isEmpty() ? maybe(schedules) : pick(own);
                }
                default -> maybe(schedules); // often another workflow's schedule
            };
            record("run", builder.run(name, workflow, schedule, owner, pick(RUN_STATES)), name,
                    refs("owner_id", owner, "workflow_id", workflow, "schedule_id", schedule));
        }
        int sessions = random.nextInt(2 + size.users() * 2);
        for (int i = 0; i < sessions; i++) {
            String name = name("session");
            String owner = owner(users);
            String workflow = random.nextInt(3) == 0 ? null : maybe(workflows);
            record("session", builder.session(name, workflow, owner), name, refs("owner_id", owner, "workflow_id", workflow));
        }
        if (secondVersions) {
            writeSecondVersions(users);
        }
        writeLabels();
    }

    /** Copies of some rows under the same uid: another version and name, the same parents, maybe another owner. */
    private void writeSecondVersions(List<String> users) throws SQLException {
        for (String table : TABLES) {
            if (table.equals("user")) {
                continue;
            }
            for (Row row : List.copyOf(graph.rows(table))) {
                if (random.nextInt(4) != 0) {
                    continue;
                }
                String version = pick(List.of("v2", "1.0.1", "2026-02"));
                String name = unique(table, row.name() + "@" + version);
                Map<String, String> refs = new HashMap<>(row.references());
                if (random.nextBoolean()) {
                    refs.put("owner_id", owner(users));
                }
                Map<String, Object> values = new HashMap<>();
                for (TableInfo.Column c : MappedTables.get(table).columns()) {
                    values.put(c.name(), switch (c.kind()) {
                        case TEXT -> c.nullable() ? null : "second-" + c.name();
                        case TIMESTAMP -> epoch.plusDays(1);
                        case BOOLEAN -> Boolean.TRUE;
                        case JSON -> c.name().equals("keywords") ? "[\"v2\"]" : "{\"version\": 2}";
                        case INTEGER -> 0L;
                    });
                }
                values.put("uid", row.uid());
                values.put("version", version);
                values.put("name", name);
                values.putAll(refs);
                inserter.insert(table, values);
                graph.rows(table).add(new Row(table, row.uid(), version, name, Collections.unmodifiableMap(refs)));
                if (table.equals("project")) {
                    builder.label("project", "_GENAI_FACTORY", "true", name); // as on every controller project
                    labelKeys("project").add(List.of("_GENAI_FACTORY", name));
                    graph.labels++;
                }
            }
        }
    }

    private void writeLabels() throws SQLException {
        List<String> allNames = new ArrayList<>();
        TABLES.forEach(t -> graph.rows(t).forEach(r -> allNames.add(r.name())));
        for (String table : TABLES) {
            List<Row> rows = graph.rows(table);
            for (Row row : rows) {
                if (random.nextInt(3) == 0) {
                    label(table, row.name());
                    if (random.nextBoolean()) {
                        label(table, row.name());
                    }
                }
            }
            // labels that must survive any delete of this table's rows except by exact name
            for (int i = random.nextInt(3); i > 0; i--) {
                String near = nearMiss(rows.isEmpty() ? "alpha" : pick(rows).name());
                label(table, switch (random.nextInt(4)) {
                    case 0 -> pick(allNames); // a name of (usually) another table
                    case 1 -> null;
                    default -> near;
                });
            }
        }
    }

    private String nearMiss(String name) {
        return switch (random.nextInt(5)) {
            case 0 -> name + " ";
            case 1 -> name.toUpperCase(Locale.ROOT).equals(name) ? name.toLowerCase(Locale.ROOT) : name.toUpperCase(Locale.ROOT);
            case 2 -> "_" + name.substring(1);
            case 3 -> name.substring(0, name.length() - 1) + "%";
            default -> name.strip().equals(name) ? "%" + name : name.strip();
        };
    }

    private void label(String table, String parent) throws SQLException {
        if (labelParentsMustExist && parent != null && graph.rows(table).stream().noneMatch(r -> r.name().equals(parent))) {
            return;
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            String key = pick(LABEL_KEYS);
            List<String> k = new ArrayList<>();
            k.add(key);
            k.add(parent);
            // (name, parent) is unique; a NULL parent never collides
            if (parent == null || labelKeys(table).add(k)) {
                builder.label(table, key, "v" + random.nextInt(100), parent);
                graph.labels++;
                return;
            }
        }
    }

    private Set<List<String>> labelKeys(String table) {
        return labelKeys.computeIfAbsent(table, t -> new HashSet<>());
    }

    private String record(String table, String uid, String name, Map<String, String> references) {
        graph.rows(table).add(new Row(table, uid, table.equals("user") ? null : "", name, Collections.unmodifiableMap(references)));
        return uid;
    }

    /** A name unique in its table, often equal to names of other tables and to near misses of its own. */
    private String name(String table) {
        String stem = pick(NAME_STEMS);
        return unique(table, random.nextInt(3) == 0 ? stem : stem + "-" + random.nextInt(10));
    }

    private String unique(String table, String wanted) {
        Set<String> taken = names.computeIfAbsent(table, t -> new HashSet<>());
        String name = wanted;
        for (int i = 2; !taken.add(name); i++) {
            name = wanted + "~" + i;
        }
        return name;
    }

    private int count() {
        return random.nextInt(size.maxChildren() + 1);
    }

    private String owner(List<String> users) {
        return random.nextInt(4) == 0 ? null : pick(users);
    }

    private String maybe(List<String> values) {
        return values.isEmpty() ? null : pick(values);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static Map<String, String> refs(String... keyValues) {
        Map<String, String> refs = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            refs.put(keyValues[i], keyValues[i + 1]);
        }
        return refs;
    }
}
