package dev.cascadestudio.cascade;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Puts written bytes on the disk itself, not only in the operating system's cache, so that a power
 * cut after the delete has committed cannot take its snapshot with it. A seam: {@link #DISK} does it;
 * a test wraps it to see when it happens.
 */
interface Durability {

    /** Forces the file's bytes and its metadata (its length) to the device. */
    void forceFile(FileChannel file) throws IOException;

    /**
     * Forces the directory, so that a file just moved into it is found there after a power cut.
     * Where a directory cannot be opened (Windows), does nothing: there the move itself is durable.
     */
    void forceDirectory(Path directory) throws IOException;

    Durability DISK = new Durability() {
        @Override
        public void forceFile(FileChannel file) throws IOException {
            file.force(true);
        }

        @Override
        public void forceDirectory(Path directory) throws IOException {
            FileChannel channel;
            try {
                channel = FileChannel.open(directory, StandardOpenOption.READ);
            } catch (IOException cannotOpenADirectory) {
                return; // Windows: AccessDeniedException; NTFS makes the rename durable through its own journal
            }
            try (channel) {
                channel.force(true);
            }
        }

        @Override
        public String toString() {
            return "Durability.DISK";
        }
    };
}
