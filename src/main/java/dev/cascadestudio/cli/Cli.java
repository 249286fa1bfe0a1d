package dev.cascadestudio.cli;

import java.util.Set;
import picocli.CommandLine;

/** The command line of the jar: one picocli command per verb. */
public final class Cli {

    private Cli() {}

    public static boolean isVerb(String arg) {
        return new CommandLine(new RootCommand()).getSubcommands().containsKey(arg)
                || Set.of("-h", "--help", "-V", "--version").contains(arg);
    }

    public static int run(String... args) {
        return RootCommand.commandLine().execute(args);
    }
}
