package dev.cascadestudio.cli;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The command line of the jar: one picocli command per verb. */
public final class Cli {

    private Cli() {}

    /** The root command's own options, the only first words of the command line that begin with a dash. */
    static final Set<String> ROOT_OPTIONS = Set.of("-h", "--help", "-V", "--version");

    /**
     * Whether the arguments are for the command line, not the window: a first word that is no option (a verb, or a
     * misspelt verb such as {@code frobnicate}, which the command line answers in one line instead of the window
     * failing to start), or the root command's {@code --help} or {@code --version}. Decided without building the
     * command line: no verb begins with a dash ({@code CommandLineTest}), and building picocli's tree of commands
     * cost a window started with {@code --db} about 0.1 s before JavaFX could start.
     */
    public static boolean wantsCommandLine(String[] args) {
        return args.length > 0 && (!args[0].startsWith("-") || ROOT_OPTIONS.contains(args[0]));
    }

    public static int run(String... args) {
        return RootCommand.commandLine().execute(args);
    }

    /**
     * Where the window cannot open (Linux and other X11/Wayland systems without {@code DISPLAY} or
     * {@code WAYLAND_DISPLAY}), says so in one sentence on standard error and gives exit code 2; else
     * empty, and the window opens.
     */
    public static Optional<Integer> refuseWindowWithoutDisplay(Map<String, String> env, String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        boolean needsDisplay = !os.startsWith("windows") && !os.startsWith("mac");
        if (!needsDisplay || !blank(env.get("DISPLAY")) || !blank(env.get("WAYLAND_DISPLAY"))) {
            return Optional.empty();
        }
        System.err.println("error: no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set);"
                + " the command line works without one, see cascade-studio --help.");
        return Optional.of(CliErrors.BAD_INPUT);
    }

    /** Says {@code sentence} on standard error as the command line says a refusal, and gives its exit code, 2. */
    public static int refuse(String sentence) {
        System.err.println("error: " + TerminalText.safe(sentence));
        return CliErrors.BAD_INPUT;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
