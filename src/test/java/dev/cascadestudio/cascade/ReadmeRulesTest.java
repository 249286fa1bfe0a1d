package dev.cascadestudio.cascade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.persistence.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's rules table is the graph's own documentation, not a hand-kept copy. */
class ReadmeRulesTest {

    @Test
    void readmeRulesTableIsWhatTheMappingSays() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String table = readme.substring(readme.indexOf("<!-- rules:start -->") + "<!-- rules:start -->".length(),
                readme.indexOf("<!-- rules:end -->")).strip();
        try (Database db = Database.open("jdbc:h2:mem:readme-rules", null, null, Database.EmptyDatabase.CREATE_SCHEMA)) {
            String generated = RulesDocumentation.markdown(CascadeGraph.fromMapping()).strip();
            assertThat(table).as("README table; regenerate with `java -jar target/cascade-studio.jar rules`").isEqualTo(generated);
        }
    }
}
