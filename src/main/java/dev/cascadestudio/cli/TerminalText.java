package dev.cascadestudio.cli;

import dev.cascadestudio.service.DisplayNames;

/**
 * Database text and file names as the command line prints them for a person: every control character
 * shown as an escape ({@code \e}, {@code \a}, {@code \n}, {@code \x7f}, {@code \u202e}), so a name
 * such as {@code "\e]0;PWNED\a"} cannot retitle the terminal, move its cursor or forge a line. Only
 * text output is escaped; {@code --json} prints exact JSON, whose strings escape control characters
 * themselves.
 */
final class TerminalText {

    private TerminalText() {}

    /**
     * A row's name: {@link #safe}, with its leading and trailing white space made visible
     * ({@link DisplayNames#visibleEnds}), since {@code padded} and {@code padded } are different rows.
     */
    static String name(String name) {
        return safe(DisplayNames.visibleEnds(name));
    }

    static String safe(Object value) {
        String text = String.valueOf(value);
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escaped = escape(c);
            if (escaped != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                out.append(escaped != null ? escaped : String.valueOf(c));
            }
        }
        return out == null ? text : out.toString();
    }

    private static String escape(char c) {
        switch (c) {
            case '\u001b': return "\\e";
            case '\u0007': return "\\a";
            case '\n': return "\\n";
            case '\r': return "\\r";
            case '\t': return "\\t";
            case '\b': return "\\b";
            case '\\': return null;
            default:
        }
        if (c < 0x20 || c == 0x7f) {
            return String.format("\\x%02x", (int) c);
        }
        // C1 controls (0x9b is a one-byte CSI on some terminals), and the bidirectional overrides and
        // isolates that make text show in another order than it is
        if ((c >= 0x80 && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200e || c == 0x200f || c == 0x061c) {
            return String.format("\\u%04x", (int) c);
        }
        return null;
    }
}
