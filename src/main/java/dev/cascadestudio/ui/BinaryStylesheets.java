package dev.cascadestudio.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javafx.css.Stylesheet;

/**
 * Build step (run by Maven after compiling): writes JavaFX's binary form ({@code .bss}) of each
 * stylesheet the window loads, beside where it is found on the class path. JavaFX loads a
 * {@code .bss} in place of the {@code .css} of the same name when there is one, and skips parsing:
 * AtlantaFX ships its themes so; this does the same for Cascade Studio's own.
 */
public final class BinaryStylesheets {

    private BinaryStylesheets() {}

    /** {@code args[0]}: the classes directory; then the class-path names of the stylesheets to convert. */
    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        for (int i = 1; i < args.length; i++) {
            convert(classes, args[i]);
        }
    }

    private static void convert(Path classes, String resource) throws IOException {
        Path css = Files.createTempFile("stylesheet", ".css");
        try (InputStream in = BinaryStylesheets.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No stylesheet " + resource + " on the class path.");
            }
            Files.copy(in, css, StandardCopyOption.REPLACE_EXISTING);
            Path bss = classes.resolve(resource.replaceFirst("\\.css$", ".bss"));
            Files.createDirectories(bss.getParent());
            Stylesheet.convertToBinary(css.toFile(), bss.toFile());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            Files.deleteIfExists(css);
        }
    }
}
