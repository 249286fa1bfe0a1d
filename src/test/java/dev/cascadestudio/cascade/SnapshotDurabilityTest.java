package dev.cascadestudio.cascade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.H2FileSettings;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.persistence.demo.RowBuilder;
import dev.cascadestudio.testsupport.CanonicalDump;
import dev.cascadestudio.testsupport.EngineDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A delete commits only once its snapshot, the only way back, is on the disk: the file's bytes are
 * forced, then it is moved into place, then the directory holding it is forced, and only then does
 * the database commit. Watched through a {@link Durability} that records what it finds on the disk and
 * in the database (through a connection of its own) each time it is called, and then does the real
 * forcing.
 */
class SnapshotDurabilityTest {

    static final String SUPPORT = RowBuilder.uid("project", "customer-support-assistant");

    @TempDir Path dir;
    Database database;

    @AfterEach
    void close() {
        if (database != null) EngineDatabases.close(database);
    }

    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void theSnapshotIsForcedToTheDiskAndMovedIntoPlaceBeforeTheDeleteCommits(EngineDatabases.Kind kind) {
        database = EngineDatabases.open(kind, dir);
        DemoData.load(database);
        Path snapshots = dir.resolve("snapshots");
        Recorder recorder = new Recorder(snapshots);
        Planner planner = new Planner(database, CascadeGraph.fromMapping());
        Executor executor = new Executor(database, planner, snapshots, recorder);

        ExecutionResult result = executor.execute(planner.plan(List.of(new Root("project", SUPPORT))));
        recorder.noteCommit();

        assertThat(recorder.events).containsExactly(
                "snapshot bytes written: complete, not yet in place",
                "file forced: force(true)",
                "moved into place: " + result.snapshot().getFileName() + ", no partial file left",
                "directory forced: the snapshot directory",
                "database commit");
    }

    /** On PostgreSQL the snapshot is written beside the statements (README, item 27): they are rolled back. */
    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void aSnapshotThatCannotBeForcedStopsTheDeleteAndLeavesNoFile(EngineDatabases.Kind kind) {
        database = EngineDatabases.open(kind, dir);
        DemoData.load(database);
        Path snapshots = dir.resolve("snapshots");
        Planner planner = new Planner(database, CascadeGraph.fromMapping());
        Executor executor = new Executor(database, planner, snapshots, new Durability() {
            @Override public void forceFile(FileChannel file) throws IOException {
                Durability.DISK.forceFile(file);
            }
            @Override public void forceDirectory(Path directory) throws IOException {
                throw new IOException("Input/output error"); // what fsync reports for a failing disk
            }
        });
        String before = CanonicalDump.of(database);

        assertThatThrownBy(() -> executor.execute(planner.plan(List.of(new Root("project", SUPPORT)))))
                .hasMessage("Could not write the snapshot in " + snapshots + ": Input/output error. Nothing was deleted.");
        assertThat(CanonicalDump.of(database)).isEqualTo(before);
        assertThat(snapshots).isEmptyDirectory();
    }

    @Test
    void theExecutorForcesToTheDiskUnlessATestSaysOtherwise() {
        database = EngineDatabases.h2(dir);
        Planner planner = new Planner(database, CascadeGraph.fromMapping());
        assertThat(new Executor(database, planner, dir.resolve("snapshots")).durability()).isSameAs(Durability.DISK);
    }

    @Test
    void aDirectoryThatCannotBeOpenedIsSkippedQuietly() throws IOException {
        // as on Windows, where FileChannel.open of a directory fails; here: a directory that is not there
        Durability.DISK.forceDirectory(dir.resolve("not-there"));
        assertThat(dir.resolve("not-there")).doesNotExist();
    }

    /** What each call finds, then the real {@link Durability#DISK} with a channel that notes its force calls. */
    private final class Recorder implements Durability {
        final List<String> events = new ArrayList<>();
        private final Path snapshots;
        private long forcedSize = -1;

        Recorder(Path snapshots) {
            this.snapshots = snapshots;
        }

        @Override
        public void forceFile(FileChannel file) throws IOException {
            noteCommit();
            List<Path> files = list();
            boolean partialOnly = files.size() == 1 && files.get(0).getFileName().toString().endsWith(".jsonl.partial");
            List<String> lines = partialOnly ? Files.readAllLines(files.get(0)) : List.of();
            boolean complete = !lines.isEmpty() && lines.get(lines.size() - 1).startsWith("{\"end\":true")
                    && Files.size(files.get(0)) == file.size();
            events.add("snapshot bytes written: " + (complete ? "complete" : "incomplete " + files)
                    + (partialOnly ? ", not yet in place" : ", files there: " + files));
            forcedSize = file.size();
            ForceNoting noting = new ForceNoting(file);
            Durability.DISK.forceFile(noting);
            events.add("file forced: " + (noting.forces.isEmpty() ? "no force" : String.join(", ", noting.forces)));
        }

        @Override
        public void forceDirectory(Path directory) throws IOException {
            noteCommit();
            List<Path> files = list();
            boolean inPlace = files.size() == 1 && files.get(0).getFileName().toString().endsWith(".jsonl")
                    && Files.size(files.get(0)) == forcedSize;
            events.add(inPlace ? "moved into place: " + files.get(0).getFileName() + ", no partial file left"
                    : "not in place: " + files);
            Durability.DISK.forceDirectory(directory);
            events.add("directory forced: " + (Files.isSameFile(directory, snapshots) ? "the snapshot directory" : directory));
        }

        /** Adds "database commit" once a connection of its own no longer finds the deleted project. */
        void noteCommit() {
            if (!events.contains("database commit") && !projectVisible()) {
                events.add("database commit");
            }
        }

        private boolean projectVisible() {
            String url = database.kind() == dev.cascadestudio.persistence.DatabaseKind.H2
                    ? H2FileSettings.apply(database.url()) : database.url();
            var server = EngineDatabases.serverDatabase(database);
            try (Connection c = DriverManager.getConnection(url, server == null ? null : server.server().user(), null);
                 PreparedStatement ps = c.prepareStatement(EngineDatabases.sql(database, "SELECT COUNT(*) FROM \"project\" WHERE \"uid\" = ?"))) {
                ps.setString(1, SUPPORT);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) == 1;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private List<Path> list() {
            try (Stream<Path> files = Files.list(snapshots)) {
                return files.sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A file channel that passes everything on to a real one and notes each {@code force}. */
    private static final class ForceNoting extends FileChannel {
        final List<String> forces = new ArrayList<>();
        private final FileChannel real;

        ForceNoting(FileChannel real) {
            this.real = real;
        }

        @Override public void force(boolean metaData) throws IOException {
            real.force(metaData);
            forces.add("force(" + metaData + ")");
        }

        @Override public int read(ByteBuffer dst) throws IOException { return real.read(dst); }
        @Override public long read(ByteBuffer[] dsts, int offset, int length) throws IOException { return real.read(dsts, offset, length); }
        @Override public int write(ByteBuffer src) throws IOException { return real.write(src); }
        @Override public long write(ByteBuffer[] srcs, int offset, int length) throws IOException { return real.write(srcs, offset, length); }
        @Override public long position() throws IOException { return real.position(); }
        @Override public FileChannel position(long newPosition) throws IOException { real.position(newPosition); return this; }
        @Override public long size() throws IOException { return real.size(); }
        @Override public FileChannel truncate(long size) throws IOException { real.truncate(size); return this; }
        @Override public long transferTo(long position, long count, WritableByteChannel target) throws IOException { return real.transferTo(position, count, target); }
        @Override public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException { return real.transferFrom(src, position, count); }
        @Override public int read(ByteBuffer dst, long position) throws IOException { return real.read(dst, position); }
        @Override public int write(ByteBuffer src, long position) throws IOException { return real.write(src, position); }
        @Override public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException { return real.map(mode, position, size); }
        @Override public FileLock lock(long position, long size, boolean shared) throws IOException { return real.lock(position, size, shared); }
        @Override public FileLock tryLock(long position, long size, boolean shared) throws IOException { return real.tryLock(position, size, shared); }
        @Override protected void implCloseChannel() { /* the real channel is closed by its owner */ }
    }
}
