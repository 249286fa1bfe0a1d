package dev.cascadestudio.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascadestudio.persistence.AppDirectories;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The append-only audit log, {@value #FILE_NAME} in the data directory: JSON Lines, one
 * {@link AuditRecord} per line, never rewritten. An append is one write of the whole line to a file
 * opened for appending, under an exclusive lock on the file (so two Cascade Studio processes never
 * interleave their lines), then forced to the disk. Reading skips a line that is not a whole record
 * (a line cut short by a crash, or edited by hand) and says which lines it skipped.
 */
public final class AuditLog {

    public static final String FILE_NAME = "audit.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A file lock belongs to the whole JVM: two threads of one process take turns here first. */
    private static final Object IN_THIS_PROCESS = new Object();
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    /** One record as read: its line number, the record, and the JSON object exactly as stored. */
    public record Entry(int line, AuditRecord record, ObjectNode stored) {}

    /** What reading found: the records in file order, and the numbers of the lines that hold none. */
    public record Contents(List<Entry> entries, List<Integer> skippedLines) {
        public Contents {
            entries = List.copyOf(entries);
            skippedLines = List.copyOf(skippedLines);
        }
    }

    private final Path file;

    public AuditLog(Path file) {
        this.file = file.toAbsolutePath();
    }

    /** The log of this user's data directory ({@link AppDirectories#dataHome()}) as it is set now. */
    public static AuditLog inDataDirectory() {
        return new AuditLog(AppDirectories.dataHome().resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    /**
     * Appends one record as one line. Fails with {@link AuditLogException} if the line cannot be
     * written; the caller's change has committed by then, and the message says so.
     */
    public void append(AuditRecord record) {
        byte[] line;
        try {
            line = (JSON.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new AuditLogException(record, file, e);
        }
        synchronized (IN_THIS_PROCESS) {
            try {
                createDirectory();
                tightenOwn();
                try (FileChannel out = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND), ownerOnly("rw-------"));
                     FileLock lock = out.lock()) {
                    // A line cut short by a crash must not swallow the start of this one.
                    ByteBuffer buffer = ByteBuffer.wrap(endsMidLine(out) ? prefixed(line) : line);
                    while (buffer.hasRemaining()) {
                        out.write(buffer);
                    }
                    out.force(true);
                }
            } catch (IOException | RuntimeException e) {
                throw new AuditLogException(record, file, e);
            }
        }
    }

    /** Every record in file order; missing file: none. Lines that are not records are skipped and listed. */
    public Contents read() {
        tightenOwn();
        List<Entry> entries = new ArrayList<>();
        List<Integer> skipped = new ArrayList<>();
        if (!Files.exists(file)) {
            return new Contents(entries, skipped);
        }
        synchronized (IN_THIS_PROCESS) {
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
                 FileLock lock = in.lock(0, Long.MAX_VALUE, true)) {
                // InputStreamReader replaces bytes that are not UTF-8 (a line cut inside a character). Not closed
                // itself: that would close the channel before the lock is released.
                BufferedReader reader = new BufferedReader(new InputStreamReader(Channels.newInputStream(in),
                        StandardCharsets.UTF_8));
                String text;
                int number = 0;
                while ((text = reader.readLine()) != null) {
                    number++;
                    if (text.isBlank()) {
                        continue;
                    }
                    Entry entry = parse(number, text);
                    if (entry == null) {
                        skipped.add(number);
                    } else {
                        entries.add(entry);
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("Cannot read the audit log " + file + ": " + e.getMessage(), e);
            }
        }
        return new Contents(entries, skipped);
    }

    private static Entry parse(int number, String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (!(node instanceof ObjectNode object) || !node.path("time").isTextual() || !node.path("action").isTextual()) {
                return null;
            }
            AuditRecord record = JSON.treeToValue(object, AuditRecord.class);
            record.instant(); // a time that is no instant makes the line unusable for ordering
            return new Entry(number, record, object);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private boolean endsMidLine(FileChannel out) throws IOException {
        long size = out.size();
        if (size == 0) {
            return false;
        }
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            in.read(last, size - 1);
            return last.get(0) != '\n';
        }
    }

    private static byte[] prefixed(byte[] line) {
        byte[] out = new byte[line.length + 1];
        out[0] = '\n';
        System.arraycopy(line, 0, out, 1, line.length);
        return out;
    }

    /** The log and its folder owner-only where an older version left them open to others (in the data directory only). */
    private void tightenOwn() {
        if (file.toAbsolutePath().getParent() != null) {
            AppDirectories.tightenOwn(file.toAbsolutePath().getParent());
        }
        AppDirectories.tightenOwn(file);
    }

    private void createDirectory() throws IOException {
        Path directory = file.getParent();
        if (directory != null && !Files.isDirectory(directory)) {
            Files.createDirectories(directory, ownerOnly("rwx------"));
        }
    }

    /** Owner-only permissions where the file system has POSIX permissions (not on Windows, whose ACLs are per user already). */
    private static FileAttribute<?>[] ownerOnly(String permissions) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
                : new FileAttribute<?>[0];
    }
}
