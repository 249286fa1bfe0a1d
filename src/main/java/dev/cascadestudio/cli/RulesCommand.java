package dev.cascadestudio.cli;

import dev.cascadestudio.cascade.RulesDocumentation;
import dev.cascadestudio.service.DatabaseSession;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Print the cascade rules, read from the mapping, as a Markdown table.")
final class RulesCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.print(RulesDocumentation.markdown(DatabaseSession.mappingRules()));
        return CliErrors.DONE;
    }
}
