package dev.cascadestudio.persistence;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

/**
 * Where Cascade Studio keeps its files: the platform's per-user data directory, never the working
 * directory. {@code -Dcascade.home=DIR} or {@code CASCADE_STUDIO_HOME} overrides it (tests, portable use).
 */
public final class AppDirectories {

    private AppDirectories() {}

    public static Path dataHome() {
        Path override = override();
        if (override != null) {
            return override;
        }
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "Cascade Studio");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Cascade Studio");
        }
        return xdgDataHome(System.getenv("XDG_DATA_HOME"), home).resolve("cascade-studio");
    }

    /**
     * Where files that can be made again are kept (the class-data archive of a {@code java -jar} window): the
     * platform's per-user cache, or {@code cache} in the data directory where {@code -Dcascade.home} or
     * {@code CASCADE_STUDIO_HOME} names one, so that tests never touch the user's.
     */
    public static Path cacheHome() {
        Path override = override();
        if (override != null) {
            return override.resolve("cache");
        }
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String localAppData = System.getenv("LOCALAPPDATA");
            return Path.of(localAppData != null ? localAppData : home, "Cascade Studio", "cache");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Caches", "Cascade Studio");
        }
        return xdgBase(System.getenv("XDG_CACHE_HOME"), Path.of(home, ".cache")).resolve("cascade-studio");
    }

    /** {@code -Dcascade.home} or {@code CASCADE_STUDIO_HOME}, absolute; null where neither is given. */
    private static Path override() {
        String override = System.getProperty("cascade.home", System.getenv("CASCADE_STUDIO_HOME"));
        return override == null || override.isBlank() ? null : Path.of(override).toAbsolutePath();
    }

    /** {@code $XDG_DATA_HOME} where it is an absolute path, else {@code ~/.local/share} ({@link #xdgBase}). */
    static Path xdgDataHome(String xdgDataHome, String userHome) {
        return xdgBase(xdgDataHome, Path.of(userHome, ".local", "share"));
    }

    /**
     * An XDG base directory variable's value where it is an absolute path, else its default: the XDG Base
     * Directory specification says a relative path there is invalid and must be ignored (it would
     * otherwise put the database under whatever directory the program was started from).
     */
    static Path xdgBase(String value, Path otherwise) {
        if (value != null && !value.isBlank() && Path.of(value).isAbsolute()) {
            return Path.of(value);
        }
        return otherwise;
    }

    /** The embedded H2 database's file path, without H2's {@code .mv.db} suffix. */
    public static Path defaultDatabaseFile() {
        return dataHome().resolve("cascade-studio");
    }

    public static String defaultDatabaseUrl() {
        return h2Url(defaultDatabaseFile());
    }

    public static String h2Url(Path fileWithoutSuffix) {
        return "jdbc:h2:file:" + fileWithoutSuffix.toAbsolutePath();
    }

    public static Path snapshotDirectory() {
        return dataHome().resolve("snapshots");
    }

    /*
     * Owner-only files and folders. Snapshots, backups and the audit log hold every value of the rows
     * they describe, and the data directory holds the embedded database: none of it is for other
     * users of the machine. The permissions are given at creation (open(2)/mkdir(2) with the mode), so
     * there is no moment in which the file exists readable by others; where the file system has no
     * POSIX permissions (Windows, FAT) the files are created plainly and the folder's own access
     * rules apply.
     */

    /** rw------- */
    private static final FileAttribute<?> PRIVATE_FILE = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    /** rwx------ */
    private static final FileAttribute<?> PRIVATE_DIRECTORY = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

    /**
     * Creates {@code directory} and any missing parents readable by their owner only (0700); folders
     * that already exist are left as they are. Returns {@code directory}.
     */
    public static Path createPrivateDirectories(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return directory;
        }
        if (isPosix(directory)) {
            try {
                return Files.createDirectories(directory, PRIVATE_DIRECTORY);
            } catch (UnsupportedOperationException e) {
                // a file system that refuses the attribute: plain folders below
            }
        }
        return Files.createDirectories(directory);
    }

    /**
     * Creates the new file {@code file}, readable and writable by its owner only (0600). Fails with
     * {@link FileAlreadyExistsException} if anything (a file, a link) is there already: an existing
     * file would keep its own permissions, and a planted link would send the writes elsewhere.
     */
    public static Path createPrivateFile(Path file) throws IOException {
        if (isPosix(file)) {
            try {
                return Files.createFile(file, PRIVATE_FILE);
            } catch (UnsupportedOperationException e) {
                // as in createPrivateDirectories
            }
        }
        return Files.createFile(file);
    }

    /**
     * The attributes that create a file owner-only where the file system has POSIX permissions, for
     * {@code FileChannel.open(file, options, attributes)} with {@code CREATE_NEW}; none elsewhere.
     */
    public static FileAttribute<?>[] privateFileAttributes(Path file) {
        return isPosix(file) ? new FileAttribute<?>[] {PRIVATE_FILE} : new FileAttribute<?>[0];
    }

    /**
     * Makes a file or folder Cascade Studio itself made in its own data directory owner-only (files
     * {@code rw-------}, folders {@code rwx------}) where an older version left it open to others
     * ({@code 0644}, {@code 0755}): called when the application opens it again. Only the data
     * directory ({@link #dataHome()}) and what is inside it: never a folder the user chose, nor the
     * data directory's parents; never through a symbolic link, never a file of another user. Where
     * the permissions cannot be changed they stay as they are and the work goes on. Returns whether
     * anything was changed.
     */
    public static boolean tightenOwn(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (!absolute.startsWith(dataHome().toAbsolutePath().normalize()) || !isPosix(absolute)) {
            return false;
        }
        try {
            java.nio.file.attribute.PosixFileAttributes attributes = Files.readAttributes(absolute,
                    java.nio.file.attribute.PosixFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            if (!(attributes.isRegularFile() || attributes.isDirectory())
                    || !attributes.owner().getName().equals(System.getProperty("user.name"))) {
                return false;
            }
            java.util.Set<java.nio.file.attribute.PosixFilePermission> ownerOnly = new java.util.HashSet<>(attributes.permissions());
            if (!ownerOnly.removeIf(p -> !p.name().startsWith("OWNER_"))) {
                return false;
            }
            Files.setPosixFilePermissions(absolute, ownerOnly);
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /**
     * {@link #tightenOwn} for a snapshot folder and the data directory it is in; where the folder was
     * open to others (an older version's), the {@code delete-*.jsonl} snapshots in it too.
     */
    public static void tightenOwnSnapshots(Path directory) {
        Path absolute = directory.toAbsolutePath();
        if (absolute.getParent() != null) {
            tightenOwn(absolute.getParent());
        }
        if (!tightenOwn(absolute)) {
            return;
        }
        try (java.nio.file.DirectoryStream<Path> snapshots = Files.newDirectoryStream(absolute, "delete-*.jsonl")) {
            for (Path snapshot : snapshots) {
                tightenOwn(snapshot);
            }
        } catch (IOException | java.nio.file.DirectoryIteratorException e) {
            // the folder is owner-only now, which keeps the files in it from other users anyway
        }
    }

    /**
     * Whether {@code path} is this user's and nobody else may write to it (not following a link); true where the
     * file system has no POSIX permissions, where the folder's own access rules apply.
     */
    public static boolean writableByOwnerOnly(Path path) throws IOException {
        if (!isPosix(path)) {
            return true;
        }
        java.nio.file.attribute.PosixFileAttributes attributes = Files.readAttributes(path,
                java.nio.file.attribute.PosixFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        return attributes.owner().getName().equals(System.getProperty("user.name"))
                && !attributes.permissions().contains(java.nio.file.attribute.PosixFilePermission.GROUP_WRITE)
                && !attributes.permissions().contains(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE);
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Writes a file's new content into the stream it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(java.io.OutputStream out) throws java.io.IOException;
    }

    /**
     * Replaces {@code file} with what {@code content} writes: into a temporary file beside it (owner-only,
     * in an owner-only folder), then moved over it, so a crash while writing leaves the previous file,
     * not half a file.
     */
    public static void replaceFile(Path file, Content content) throws java.io.IOException {
        Path dir = file.toAbsolutePath().getParent();
        createPrivateDirectories(dir);
        Path temporary = java.nio.file.Files.createTempFile(dir, file.getFileName().toString(), ".tmp"); // rw------- on POSIX
        try {
            try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(temporary)) {
                content.writeTo(out);
            }
            moveOver(temporary, file);
        } finally {
            java.nio.file.Files.deleteIfExists(temporary);
        }
    }

    /** Moves {@code from} over {@code to} in one step where the file system can, else replacing it plainly. */
    public static void moveOver(Path from, Path to) throws java.io.IOException {
        try {
            java.nio.file.Files.move(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            java.nio.file.Files.move(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
