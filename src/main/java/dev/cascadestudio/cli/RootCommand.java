package dev.cascadestudio.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "cascade-studio", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Administer a GenAI Factory controller database. Without a command, opens the window.",
        subcommands = {PlanCommand.class, DeleteCommand.class, RestoreCommand.class, HistoryCommand.class, AuditCommand.class, RulesCommand.class,
                TreeCommand.class, GenerateCommand.class, InitCommand.class})
final class RootCommand implements Runnable {

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new RootCommand());
        cl.setExecutionExceptionHandler(new CliErrors());
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("error: " + TerminalText.safe(unknownCommand(ex).orElse(withoutPrefix(ex.getMessage()))));
            return CliErrors.BAD_INPUT;
        });
        return cl;
    }

    /** picocli's message without the "Error: " some of its messages start with (ours already says "error: "). */
    static String withoutPrefix(String message) {
        return message != null && message.startsWith("Error: ") ? message.substring("Error: ".length()) : String.valueOf(message);
    }

    /** "unknown command 'pln'; did you mean 'plan'? Commands: plan, delete, …" for a first word that is no verb. */
    private static java.util.Optional<String> unknownCommand(CommandLine.ParameterException ex) {
        if (!(ex instanceof CommandLine.UnmatchedArgumentException unmatched) || ex.getCommandLine().getParent() != null
                || unmatched.getUnmatched().isEmpty() || unmatched.getUnmatched().get(0).startsWith("-")) {
            return java.util.Optional.empty();
        }
        java.util.List<String> suggestions = unmatched.getSuggestions();
        return java.util.Optional.of("unknown command '" + unmatched.getUnmatched().get(0) + "'"
                + (suggestions.isEmpty() ? "" : "; did you mean '" + suggestions.get(0) + "'?")
                + " Commands: " + String.join(", ", ex.getCommandLine().getSubcommands().keySet()) + ".");
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
