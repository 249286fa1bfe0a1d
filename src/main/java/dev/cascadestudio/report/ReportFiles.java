package dev.cascadestudio.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a report file whole or not at all: into a temporary file beside it (readable by its owner
 * only, as a report holds the database's names), then moved into place. Without {@code replace} an
 * existing file is never touched, even one that appears while the report is written.
 */
public final class ReportFiles {

    private ReportFiles() {}

    /** @throws FileAlreadyExistsException if {@code file} exists and {@code replace} is false; nothing changed */
    public static void write(Path file, String content, boolean replace) throws IOException {
        Path target = file.toAbsolutePath();
        Path directory = target.getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw new java.nio.file.NoSuchFileException(String.valueOf(directory), null, "no such folder");
        }
        if (!replace && Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        Path temporary = Files.createTempFile(directory, "." + target.getFileName(), ".part", ownerOnly(directory));
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            if (replace) {
                try {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } else {
                Files.move(temporary, target); // refuses if the file appeared meanwhile
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path directory) {
        return directory.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }
}
