package dev.cascadestudio.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How a benchmark starts Cascade Studio as a user starts it: {@code name} in its JSON, and the command up to the
 * application's own arguments. The launchers are those of {@code basedir}'s build: {@code java -jar} on the packaged
 * jar, and the packaged application's launcher where {@code installer/build-installer.sh app-image} has built it.
 */
record Launcher(String name, List<String> command) {

    Launcher {
        command = List.copyOf(command);
    }

    /** The project's folder (Maven's {@code basedir}). */
    static Path base() {
        return Path.of(System.getProperty("basedir", "."));
    }

    /** The packaged jar, {@code target/cascade-studio.jar}. */
    static Path jar() {
        return base().resolve("target").resolve("cascade-studio.jar");
    }

    /** {@code java -jar target/cascade-studio.jar}, with this JVM's {@code java}. */
    static Launcher javaJar(String name) {
        return new Launcher(name, List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar().toString()));
    }

    /** The app-image's launcher, {@code target/installer/cascade-studio/bin/cascade-studio}, where it was built. */
    static Optional<Launcher> appImage(String name) {
        Path image = base().resolve("target/installer/cascade-studio/bin/cascade-studio");
        return Files.isExecutable(image) ? Optional.of(new Launcher(name, List.of(image.toString()))) : Optional.empty();
    }

    /**
     * A jar at {@code jar} of the given test classes, for a process of their own ({@link BareWindow},
     * {@link HandWrittenDeleteProcess}) with the packaged jar beside them on its class path: a class-data archive takes no
     * folder on the class path.
     */
    static Path testClassesJar(Path jar, Class<?>... types) throws java.io.IOException {
        Path classes = base().resolve("target").resolve("test-classes");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            for (Class<?> type : types) {
                String entry = type.getName().replace('.', '/') + ".class";
                out.putNextEntry(new java.util.jar.JarEntry(entry));
                out.write(Files.readAllBytes(classes.resolve(entry)));
                out.closeEntry();
            }
        }
        return jar;
    }
}
