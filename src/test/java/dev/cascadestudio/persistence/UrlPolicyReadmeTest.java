package dev.cascadestudio.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's "Which URLs open" table lists exactly the settings the policy lets through. */
class UrlPolicyReadmeTest {

    @Test
    void theReadmeTableListsTheAllowedSettingsOfEachDriver() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("### Which URLs open");
        assertThat(start).as("the README has the section").isPositive();
        String section = readme.substring(start, readme.indexOf("\n## ", start));

        assertThat(settingsOfRow(section, "| H2 |")).isEqualTo(new TreeSet<>(H2Url.ALLOWED.keySet()));
        assertThat(settingsOfRow(section, "| PostgreSQL |")).isEqualTo(new TreeSet<>(UrlPolicy.POSTGRESQL_ALLOWED.keySet()));
        Set<String> mariadb = new TreeSet<>();
        settingsOfRow(section, "| MariaDB / MySQL |").forEach(s -> mariadb.add(s.toLowerCase(Locale.ROOT)));
        Set<String> allowed = new TreeSet<>(UrlPolicy.MARIADB_ALLOWED.keySet());
        allowed.remove("permitmysqlscheme"); // what Cascade Studio adds itself to jdbc:mysql: URLs
        assertThat(mariadb).isEqualTo(allowed);
    }

    /** The `names` in the last column of the table row starting with {@code rowStart}, without values in parentheses. */
    private static Set<String> settingsOfRow(String section, String rowStart) {
        String row = section.lines().filter(l -> l.startsWith(rowStart)).findFirst().orElseThrow();
        String lastColumn = row.substring(row.lastIndexOf(" | ") + 3);
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("`([A-Za-z_]+)`").matcher(lastColumn.replaceAll("\\([^)]*\\)", ""));
        while (m.find()) {
            names.add(m.group(1));
        }
        return new TreeSet<>(names);
    }
}
