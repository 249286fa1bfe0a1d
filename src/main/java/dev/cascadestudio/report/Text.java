package dev.cascadestudio.report;

/**
 * Writing database text into a report. Names and values are hostile input: every one goes through
 * {@link #xml} (HTML and SVG) or {@link #markdown}, never into the output as it is.
 */
final class Text {

    private Text() {}

    static String number(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    static String plural(long n, String noun) {
        return number(n) + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * Escaped for HTML text and attribute values and for XML alike ({@code & < > " '}); control
     * characters, which XML cannot hold even escaped, become U+FFFD so the SVG stays well-formed.
     */
    static String xml(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f) || c == 0xfffe || c == 0xffff) {
                        out.append('\uFFFD');
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    /**
     * Escaped for a Markdown table cell or paragraph: HTML's characters as entities (so no tag reaches a
     * renderer), Markdown's punctuation behind a backslash, line breaks as spaces.
     */
    static String markdown(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\n', '\r' -> out.append(' ');
                case '\\', '`', '*', '_', '[', ']', '|', '~' -> out.append('\\').appendCodePoint(c);
                default -> out.appendCodePoint(c < 0x20 && c != '\t' ? 0xFFFD : c);
            }
        });
        return out.toString();
    }
}
