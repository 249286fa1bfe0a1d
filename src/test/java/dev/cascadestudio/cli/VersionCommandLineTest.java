package dev.cascadestudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * {@code cascade-studio --version} prints the version of the pom the jar was built from, not a number
 * typed somewhere in the code. The expected version is read here from {@code pom.xml} itself.
 */
class VersionCommandLineTest {

    @Test
    void versionPrintsThePomsVersion() throws Exception {
        String pomVersion = pomVersion();
        assertThat(pomVersion).matches("\\d+\\.\\d+\\.\\d+.*");

        CommandLineTest.Run run = CommandLineTest.run("--version");

        assertThat(run.exit()).isZero();
        assertThat(run.out().strip()).isEqualTo("Cascade Studio " + pomVersion);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void shortOptionPrintsTheSame() {
        CommandLineTest.Run run = CommandLineTest.run("-V");

        assertThat(run.exit()).isZero();
        assertThat(run.out().strip()).isEqualTo(CommandLineTest.run("--version").out().strip());
    }

    /** {@code /project/version} of the pom in the working directory (surefire runs in the project's folder). */
    private static String pomVersion() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        return XPathFactory.newInstance().newXPath().evaluate("/*[local-name()='project']/*[local-name()='version']", pom).strip();
    }
}
