package dev.cascadestudio.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code jvm_start_options} of {@code installer/jvm-options.sh}: the JVM options the script and the package start with. */
public final class ScriptJvmOptions {

    private ScriptJvmOptions() {}

    /** The options as the shell splits them, or an {@link IllegalStateException} where the file sets none. */
    public static List<String> startOptions() throws IOException {
        String shell = Files.readString(Path.of(System.getProperty("basedir", "."), "installer", "jvm-options.sh"));
        Matcher list = Pattern.compile("jvm_start_options=\\(([^)]*)\\)").matcher(shell);
        if (!list.find()) {
            throw new IllegalStateException("installer/jvm-options.sh sets no jvm_start_options");
        }
        return List.of(list.group(1).trim().split("\\s+"));
    }
}
