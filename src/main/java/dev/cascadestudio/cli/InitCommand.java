package dev.cascadestudio.cli;

import dev.cascadestudio.service.DatabaseSession;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Give an empty database Cascade Studio's schema (the controller's tables), so that it can be opened."
                + " Refuses a database that holds any table; never runs on its own.")
final class InitCommand implements Callable<Integer> {

    @Mixin DbOptions db;

    @Override
    public Integer call() {
        DbOptions.Resolved target = db.resolve();
        try (DatabaseSession session = DatabaseSession.initialise(target.url(), target.user(), target.password())) {
            System.out.println("Created the GenAI Factory controller schema in " + TerminalText.safe(session.database().describe()) + ".");
            return CliErrors.DONE;
        }
    }
}
