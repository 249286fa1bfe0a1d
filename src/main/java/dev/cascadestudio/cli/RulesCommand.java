package dev.cascadestudio.cli;

import dev.cascadestudio.cascade.CascadeGraph;
import dev.cascadestudio.cascade.RulesDocumentation;
import dev.cascadestudio.persistence.Database;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Print the cascade rules, read from the mapping, as a Markdown table.")
final class RulesCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        // the metamodel needs a session factory; an in-memory database that vanishes on close serves
        try (Database db = Database.open("jdbc:h2:mem:cascade-rules", null, null, Database.EmptyDatabase.CREATE_SCHEMA)) {
            System.out.print(RulesDocumentation.markdown(CascadeGraph.fromMapping(db.sessionFactory().getMetamodel())));
        }
        return CliErrors.DONE;
    }
}
