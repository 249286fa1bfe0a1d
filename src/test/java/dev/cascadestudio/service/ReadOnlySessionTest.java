package dev.cascadestudio.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.persistence.AppDirectories;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.H2DeleteJournal;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.persistence.demo.RowBuilder;
import dev.cascadestudio.testsupport.CanonicalDump;
import dev.cascadestudio.testsupport.DemoDatabase;
import dev.cascadestudio.testsupport.DemoDatabase.Product;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A session opened read-only refuses every write with one sentence, and the database it was opened on
 * is byte for byte what it was (every file beside an SQLite or H2 database; a canonical dump of a
 * server's). The refusals come from the write gate, before any SQL; the driver or the server refuses a
 * write that goes around the gate.
 */
class ReadOnlySessionTest {

    private static final String MESSAGE = "This database is open read-only. Switch to editing first (toolbar: Edit, or --write).";
    private static final String TRIAGE = RowBuilder.uid("workflow", "ticket-triage");
    private static final RowRef TRIAGE_REF = new RowRef("workflow", TRIAGE, "", "ticket-triage");

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
    void aReadOnlySessionRefusesSaveNewRowDeleteAndRestoreAndLeavesTheDatabaseAsItWas(Product product) throws Exception {
        String url = prepare(product);
        // a delete made while editing leaves a snapshot that a restore could put back
        Path snapshot;
        try (DatabaseSession editing = DatabaseSession.open(url, null, null, DatabaseSession.Mode.EDITING)) {
            CascadeService cascade = new CascadeService(editing.database(), dir.resolve("snapshots"));
            snapshot = cascade.execute(cascade.plan(List.of(new Root("project", RowBuilder.uid("project", "fraud-detection")))),
                    (done, total, message) -> { }).snapshot();
        }
        Object before = fingerprint(product, url);

        try (DatabaseSession session = DatabaseSession.open(url, null, null)) {
            assertThat(session.mode()).as("anything but the embedded database opens read-only").isEqualTo(DatabaseSession.Mode.READ_ONLY);
            RowEditService edit = session.rowEdit();
            EditableRow triage = edit.load(TRIAGE_REF).orElseThrow();
            Map<String, String> values = new HashMap<>();
            triage.fields().stream().filter(EditableRow.Field::editable).forEach(f -> values.put(f.column(), f.value()));
            values.put("description", "edited while read-only");

            assertThatThrownBy(() -> edit.save(new RowDraft(triage, values, triage.labels()))).hasMessage(MESSAGE);
            assertThatThrownBy(() -> edit.newRow(TRIAGE_REF, "schedule")).hasMessage(MESSAGE);
            DeletePlan plan = session.cascade().plan(List.of(new Root("workflow", TRIAGE)));
            assertThat(plan.deletedCount()).as("planning still works read-only").isPositive();
            assertThatThrownBy(() -> session.cascade().execute(plan, (done, total, message) -> { })).hasMessage(MESSAGE);
            assertThatThrownBy(() -> session.cascade().restore(snapshot)).hasMessage(MESSAGE);

            // around the gate, the driver or the server refuses
            Throwable refused = catchThrowable(() -> session.database().fromConnection(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("UPDATE " + session.database().sqlNames().quote("workflow") + " SET "
                            + session.database().sqlNames().quote("description") + " = 'around the gate'");
                }
            }));
            assertThat(messages(refused)).containsIgnoringCase(switch (product) {
                case SQLITE -> "attempt to write a readonly database";
                case H2 -> "The database is read only";
                case POSTGRESQL -> "cannot execute UPDATE in a read-only transaction";
                case MARIADB -> "Cannot execute statement in a READ ONLY transaction";
            });
        }

        assertThat(fingerprint(product, url)).isEqualTo(before);
    }

    @Test
    void aReadOnlyOpenOfAnH2FileWithACrashJournalRecoversNothingAndSaysSoAndEditingRecoversIt() throws Exception {
        Path file = dir.resolve("crashed");
        String url = AppDirectories.h2Url(file);
        String beforeDelete;
        try (Database database = Database.open(url, null, null, Database.EmptyDatabase.CREATE_SCHEMA)) {
            DemoData.load(database);
            beforeDelete = CanonicalDump.of(database);
            database.fromConnection(c -> {
                H2DeleteJournal.begin(c, database.h2File(), null);
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("DELETE FROM \"project_labels\"");
                }
                return null; // committed, and the process "dies" before the journal is finished
            });
        }
        assertThat(Path.of(file + ".delete-journal")).exists();
        Map<String, String> files = fileHashes(dir);

        String halfDeleted;
        try (DatabaseSession session = DatabaseSession.open(url, null, null)) {
            assertThat(session.mode()).isEqualTo(DatabaseSession.Mode.READ_ONLY);
            assertThat(session.interruptedDeletePending()).isTrue();
            assertThat(session.interruptedDeleteUndone()).isFalse();
            halfDeleted = CanonicalDump.of(session.database());
            assertThat(halfDeleted).as("shown as it is, not recovered").isNotEqualTo(beforeDelete);
        }
        assertThat(fileHashes(dir)).as("every file, the journal and its backup included").isEqualTo(files);

        try (DatabaseSession editing = DatabaseSession.open(url, null, null, DatabaseSession.Mode.EDITING)) {
            assertThat(editing.interruptedDeleteUndone()).isTrue();
            assertThat(editing.interruptedDeletePending()).isFalse();
            assertThat(CanonicalDump.of(editing.database())).isEqualTo(beforeDelete);
        }
        assertThat(Path.of(file + ".delete-journal")).doesNotExist();
    }

    @Test
    void onlyTheEmbeddedDefaultDatabaseOpensForEditingUnlessAsked() {
        assertThat(DatabaseSession.defaultMode(null)).isEqualTo(DatabaseSession.Mode.EDITING);
        assertThat(DatabaseSession.defaultMode(AppDirectories.defaultDatabaseUrl())).isEqualTo(DatabaseSession.Mode.EDITING);
        assertThat(DatabaseSession.defaultMode("jdbc:h2:file:" + dir.resolve("other"))).isEqualTo(DatabaseSession.Mode.READ_ONLY);
        assertThat(DatabaseSession.defaultMode("jdbc:sqlite:" + dir.resolve("sql.db"))).isEqualTo(DatabaseSession.Mode.READ_ONLY);
        assertThat(DatabaseSession.defaultMode("jdbc:postgresql://127.0.0.1/db")).isEqualTo(DatabaseSession.Mode.READ_ONLY);
        assertThat(DatabaseSession.defaultMode("jdbc:h2:mem:x")).isEqualTo(DatabaseSession.Mode.READ_ONLY);
    }

    /** A controller database of {@code product} with the demo data; returns its URL. */
    private String prepare(Product product) {
        demo = DemoDatabase.create(product, dir);
        return demo.url();
    }

    /** The files of a local database, each with its SHA-256; a server's canonical dump. */
    private Object fingerprint(Product product, String url) {
        if (product == Product.SQLITE || product == Product.H2) {
            return fileHashes(dir);
        }
        try (Database db = Database.open(url, null, null, Database.EmptyDatabase.REFUSE, Database.Access.READ_ONLY)) {
            return CanonicalDump.of(db);
        }
    }

    private static Map<String, String> fileHashes(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            Map<String, String> hashes = new TreeMap<>();
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                hashes.put(dir.relativize(file).toString(),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
            }
            return hashes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable e = t; e != null; e = e.getCause() == e ? null : e.getCause()) {
            all.append(e.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
