package dev.cascadestudio.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.ExecutionResult;
import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.persistence.AppDirectories;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.H2DeleteJournal;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.persistence.demo.RowBuilder;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots, crash backups, window settings and the data directory hold the rows of the database:
 * they are created readable by their owner only (files rw-------, folders rwx------), whatever the
 * umask. Read from the files a real delete, open and save left behind. POSIX file systems only.
 */
class OwnerOnlyFilesTest {

    @TempDir Path dir;

    @BeforeEach
    void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
    }

    @Test
    void aDeleteWritesItsSnapshotAndTheSnapshotFolderOwnerOnly() {
        Path snapshots = dir.resolve("home").resolve("snapshots");
        try (Database database = Database.open(AppDirectories.h2Url(dir.resolve("db")), null, null, Database.EmptyDatabase.CREATE_SCHEMA)) {
            DemoData.load(database);
            CascadeService service = new CascadeService(database, snapshots);
            DeletePlan plan = service.plan(List.of(new Root("project", RowBuilder.uid("project", "customer-support-assistant"))));
            ExecutionResult result = service.execute(plan, (done, total, message) -> { });

            assertThat(permissions(result.snapshot())).isEqualTo("rw-------");
        }
        assertThat(permissions(snapshots)).isEqualTo("rwx------");
        assertThat(permissions(snapshots.getParent())).as("a missing parent created on the way").isEqualTo("rwx------");
    }

    @Test
    void theBackupAndJournalOfARunningDeleteAreOwnerOnly() {
        Path file = dir.resolve("db");
        try (Database database = Database.open(AppDirectories.h2Url(file), null, null, Database.EmptyDatabase.CREATE_SCHEMA)) {
            database.fromConnection(c -> {
                H2DeleteJournal.begin(c, database.h2File(), null);
                return null;
            });
        }
        assertThat(permissions(Path.of(file + ".delete-backup.zip"))).as("a copy of the whole database").isEqualTo("rw-------");
        assertThat(permissions(Path.of(file + ".delete-journal"))).isEqualTo("rw-------");
    }

    @Test
    void theDataDirectoryIsCreatedOwnerOnly() {
        Path home = dir.resolve("a").resolve("home");
        String previous = System.getProperty("cascade.home");
        System.setProperty("cascade.home", home.toString());
        try (Database database = Database.openDefault()) {
            assertThat(database.h2File().getParent()).isEqualTo(home);
        } finally {
            if (previous == null) System.clearProperty("cascade.home"); else System.setProperty("cascade.home", previous);
        }
        assertThat(permissions(home)).isEqualTo("rwx------");
        assertThat(permissions(home.getParent())).isEqualTo("rwx------");
    }

    @Test
    void windowSettingsAndTheirFolderAreOwnerOnly() {
        Path file = dir.resolve("settings").resolve("window.properties");
        new SettingsStore(file).save(Map.of("width", "800"));

        assertThat(permissions(file)).isEqualTo("rw-------");
        assertThat(permissions(file.getParent())).isEqualTo("rwx------");
    }

    @Test
    void aPrivateFileIsNeverCreatedOverSomethingAlreadyThereNorThroughALink() throws IOException {
        Path existing = Files.writeString(dir.resolve("existing"), "kept");
        Path target = dir.resolve("target");
        Path link = Files.createSymbolicLink(dir.resolve("link"), target);

        assertThatThrownBy(() -> AppDirectories.createPrivateFile(existing)).isInstanceOf(FileAlreadyExistsException.class);
        assertThatThrownBy(() -> AppDirectories.createPrivateFile(link)).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(existing).hasContent("kept");
        assertThat(target).doesNotExist();
    }

    @Test
    void anExistingFolderKeepsItsPermissions() throws IOException {
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-x---"));

        AppDirectories.createPrivateDirectories(shared);

        assertThat(permissions(shared)).isEqualTo("rwxr-x---");
    }

    /**
     * Issue 12, item 4 (the audit's gap 8): a data directory, snapshot folder, snapshots, audit log and
     * window settings an older version created 0755/0644 are made owner-only when Cascade Studio opens
     * them again; a snapshot folder the user chose (outside the data directory) keeps its permissions.
     */
    @Test
    void whatAnOlderVersionLeftOpenInTheDataDirectoryIsMadeOwnerOnlyWhenOpened() throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path snapshots = Files.createDirectories(home.resolve("snapshots"));
        Path oldSnapshot = Files.writeString(snapshots.resolve("delete-20250101-000000-000-project-p.jsonl"), "an old snapshot");
        Path audit = Files.writeString(home.resolve("audit.jsonl"), "");
        Path window = Files.writeString(home.resolve("window.properties"), "width=800\n");
        Path chosen = Files.createDirectories(dir.resolve("chosen").resolve("snapshots"));
        for (Path folder : List.of(home, snapshots, chosen, chosen.getParent())) {
            Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        for (Path file : List.of(oldSnapshot, audit, window)) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
        String previous = System.getProperty("cascade.home");
        System.setProperty("cascade.home", home.toString());
        try (Database database = Database.open(AppDirectories.h2Url(dir.resolve("db")), null, null, Database.EmptyDatabase.CREATE_SCHEMA)) {
            DemoData.load(database);
            CascadeService inChosen = new CascadeService(database, chosen);
            inChosen.execute(inChosen.plan(List.of(new Root("project", RowBuilder.uid("project", "customer-support-assistant")))),
                    (done, total, message) -> { });
            assertThat(permissions(chosen)).as("a snapshot folder the user chose").isEqualTo("rwxr-xr-x");
            assertThat(permissions(chosen.getParent())).as("and the folder it is in").isEqualTo("rwxr-xr-x");
            assertThat(permissions(home)).as("the data directory, not opened yet").isEqualTo("rwxr-xr-x");

            CascadeService inDataDirectory = new CascadeService(database);
            inDataDirectory.execute(inDataDirectory.plan(List.of(new Root("project", RowBuilder.uid("project", "fraud-detection")))),
                    (done, total, message) -> { });
            assertThat(SettingsStore.inDataHome().load()).containsEntry("width", "800");
        } finally {
            if (previous == null) System.clearProperty("cascade.home"); else System.setProperty("cascade.home", previous);
        }
        assertThat(permissions(home)).as("the data directory").isEqualTo("rwx------");
        assertThat(permissions(snapshots)).as("its snapshots folder").isEqualTo("rwx------");
        assertThat(permissions(oldSnapshot)).as("an older snapshot in it").isEqualTo("rw-------");
        assertThat(permissions(audit)).as("the audit log").isEqualTo("rw-------");
        assertThat(permissions(window)).as("the window settings").isEqualTo("rw-------");
    }

    private static String permissions(Path path) {
        try {
            return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
