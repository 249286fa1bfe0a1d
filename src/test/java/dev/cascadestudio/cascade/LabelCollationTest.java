package dev.cascadestudio.cascade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.persistence.BatchInserter;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.RowBuilder;
import dev.cascadestudio.service.CascadeService;
import dev.cascadestudio.testsupport.CanonicalDump;
import dev.cascadestudio.testsupport.DatabaseState;
import dev.cascadestudio.testsupport.EngineDatabases;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Which labels belong to a row is decided by the database where it enforces {@code labels.parent → name}:
 * on MariaDB under {@code utf8mb4_general_ci} (case and trailing spaces ignored, PAD SPACE), a label
 * whose parent is {@code 'PADDED'} or {@code 'padded '} IS the label of the row {@code 'padded'}, and
 * InnoDB refuses to delete that row while the label is there; under {@code utf8mb4_nopad_bin}, and on
 * SQLite, PostgreSQL and H2 (byte for byte), it is the label of another row of that name. Either way the
 * plan lists what the commit removes, and the commit goes through with the keys enforced.
 */
class LabelCollationTest {

    enum Layout {
        MARIADB_GENERAL_CI(dir -> EngineDatabases.controllerMariaDb("utf8mb4_general_ci"), false),
        MARIADB_NOPAD_BIN(dir -> EngineDatabases.controllerMariaDb(EngineDatabases.NOPAD_BIN), true),
        SQLITE(dir -> EngineDatabases.open(EngineDatabases.Kind.SQLITE, dir), true),
        POSTGRESQL_CONTROLLER(dir -> EngineDatabases.open(EngineDatabases.Kind.POSTGRESQL_CONTROLLER, dir), true),
        POSTGRESQL(dir -> EngineDatabases.open(EngineDatabases.Kind.POSTGRESQL, dir), true),
        H2(dir -> EngineDatabases.open(EngineDatabases.Kind.H2, dir), true);

        final Function<Path, Database> open;
        /** Whether 'padded', 'PADDED' and 'padded ' are three names (byte for byte), or one. */
        final boolean exact;

        Layout(Function<Path, Database> open, boolean exact) {
            this.open = open;
            this.exact = exact;
        }
    }

    static final String PADDED = RowBuilder.uid("project", "padded");

    @TempDir Path dir;
    Database database;

    @AfterEach
    void close() {
        if (database != null) EngineDatabases.close(database);
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void theLabelsADeleteTakesAreTheOnesTheDatabaseMatchesToTheRow(Layout layout) {
        database = layout.open.apply(dir);
        database.fromConnection(c -> {
            try (BatchInserter in = new BatchInserter(c, database.kind(), database.sqlNames(), 50)) {
                RowBuilder rows = new RowBuilder(in, LocalDateTime.of(2026, 3, 1, 9, 0));
                rows.project("padded", null, "the row deleted"); // and its _GENAI_FACTORY label
                rows.project("other", null, "stays");
                if (layout.exact) {
                    // rows of their own where the names differ, so InnoDB (nopad_bin) accepts their labels
                    rows.project("PADDED", null, "differs in case only");
                    rows.project("padded ", null, "differs by a trailing space only");
                }
                in.flush();
                rows.label("project", "env", "prod", "padded");
                rows.label("project", "team", "search", "PADDED");
                rows.label("project", "tier", "gold", "padded ");
                rows.label("project", "env", "dev", "other");
            }
            return null;
        });
        CascadeService service = new CascadeService(database, dir.resolve("snapshots"));
        String original = CanonicalDump.of(database);
        DatabaseState before = DatabaseState.read(database);

        DeletePlan plan = service.plan(List.of(new Root("project", PADDED)));
        DeletePlan.Effect labels = plan.deletedFrom("project_labels");
        List<String> listedParents = new ArrayList<>();
        SortedSet<RowKey> listed = new TreeSet<>();
        for (DeletePlan.Effect effect : plan.deleted()) {
            listed.addAll(service.allRows(plan, effect));
        }
        for (RowKey label : service.allRows(plan, labels)) {
            listedParents.add(parentOf(label.uid()));
        }
        listedParents.sort(null);

        // _GENAI_FACTORY and env=prod name 'padded' exactly; team=search and tier=gold only under general_ci
        List<String> expected = layout.exact ? List.of("padded", "padded") : List.of("PADDED", "padded", "padded", "padded ");
        assertThat(listedParents).as("parents of the labels the plan lists on %s", layout).isEqualTo(expected);
        assertThat(labels.count()).isEqualTo(expected.size());

        service.execute(plan, ProgressListener.NONE);
        DatabaseState.Diff diff = before.diff(DatabaseState.read(database));
        assertThat(diff.otherChanges()).as("changes beyond the plan's deletes").isEmpty();
        assertThat(diff.nulled()).isEmpty();
        assertThat(diff.deleted()).as("rows the commit removed vs rows the plan listed").isEqualTo(listed);
        List<String> left = labelParents();
        assertThat(left).as("labels left on %s", layout).isEqualTo(layout.exact
                ? List.of("PADDED", "PADDED", "other", "other", "padded ", "padded ") : List.of("other", "other"));

        service.restore(newest());
        assertThat(CanonicalDump.of(database)).as("after restoring the delete").isEqualTo(original);
    }

    private Path newest() {
        try (var files = java.nio.file.Files.list(dir.resolve("snapshots"))) {
            return files.filter(p -> p.toString().endsWith(".jsonl")).findFirst().orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String parentOf(String labelUid) {
        return database.fromConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(EngineDatabases.sql(database,
                    "SELECT \"parent\" FROM \"project_labels\" WHERE \"uid\" = ?"))) {
                ps.setLong(1, Long.parseLong(labelUid));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }

    /** The parents of the labels left, compared in Java: byte for byte. */
    private List<String> labelParents() {
        return database.fromConnection(c -> {
            List<String> parents = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(EngineDatabases.sql(database, "SELECT \"parent\" FROM \"project_labels\""));
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    parents.add(rs.getString(1));
                }
            }
            parents.sort(null);
            return parents;
        });
    }
}
