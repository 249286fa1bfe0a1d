package dev.cascadestudio.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

/** Database text in a report: escaped for HTML/XML and Markdown, whatever it holds. */
class TextTest {

    @Test
    void xmlEscapingKeepsAnyNameAsTextAndTheDocumentWellFormed() throws Exception {
        String hostile = "a\u0001b\u001b]0;PWNED\u0007 <x y='1' z=\"2\"> & \uD83D\uDE00 \u0085";
        String escaped = Text.xml(hostile);
        assertThat(escaped).doesNotContain("<", ">", "\"", "'", "\u0001", "\u001b", "\u0007", "\u0085")
                .contains("&lt;x y=&#39;1&#39; z=&quot;2&quot;&gt; &amp; \uD83D\uDE00");
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader("<t a=\"" + escaped + "\">" + escaped + "</t>")));
        assertThat(doc.getDocumentElement().getTextContent()).isEqualTo(hostile.replaceAll("[\u0001\u001b\u0007\u0085]", "\uFFFD"));
        assertThat(doc.getDocumentElement().getAttribute("a")).isEqualTo(doc.getDocumentElement().getTextContent());
    }

    @Test
    void markdownEscapingLeavesNoTagLinkOrCellBreak() {
        assertThat(Text.markdown("<script>alert(1)</script> [x](javascript:y) a|b *c* `d`\nnext"))
                .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; \\[x\\](javascript:y) a\\|b \\*c\\* \\`d\\` next");
    }

    @Test
    void theFormatFollowsTheFileNamesEnding() {
        assertThat(ReportFormat.ofFile(Path.of("/tmp/r.HTML"))).contains(ReportFormat.HTML);
        assertThat(ReportFormat.ofFile(Path.of("r.htm"))).contains(ReportFormat.HTML);
        assertThat(ReportFormat.ofFile(Path.of("r.md"))).contains(ReportFormat.MARKDOWN);
        assertThat(ReportFormat.ofFile(Path.of("r.markdown"))).contains(ReportFormat.MARKDOWN);
        assertThat(ReportFormat.ofFile(Path.of("r.json"))).contains(ReportFormat.JSON);
        assertThat(ReportFormat.ofFile(Path.of("r.pdf"))).isEmpty();
        assertThat(ReportFormat.ofFile(Path.of("html"))).isEmpty();
    }
}
