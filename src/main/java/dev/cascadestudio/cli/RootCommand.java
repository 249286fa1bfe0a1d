package dev.cascadestudio.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "cascade-studio", mixinStandardHelpOptions = true, version = "Cascade Studio 0.1.0",
        description = "Administer a GenAI Factory controller database. Without a command, opens the window.",
        subcommands = {PlanCommand.class, DeleteCommand.class, RestoreCommand.class, AuditCommand.class, RulesCommand.class,
                TreeCommand.class, GenerateCommand.class})
final class RootCommand implements Runnable {

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new RootCommand());
        cl.setExecutionExceptionHandler(new CliErrors());
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage());
            return CliErrors.BAD_INPUT;
        });
        return cl;
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
