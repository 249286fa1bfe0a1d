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

    private static String permissions(Path path) {
        try {
            return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
