package dev.cascadestudio.service;

/**
 * A row's name as people are shown it. Names that differ only in leading or trailing white space
 * ({@code padded} and {@code padded }) are different rows, and a controller can hold both, so such
 * space is made visible: a space as {@value #SPACE}, any other white space as an escape
 * ({@code \t}, {@code \u00A0}). Space inside a name is shown as it is; control characters anywhere
 * are escaped, since they would otherwise draw nothing or break the line.
 */
public final class DisplayNames {

    /** How a leading or trailing space is drawn (U+2423 OPEN BOX). */
    public static final String SPACE = "␣";
    public static final String NO_NAME = "(no name)";
    public static final String EMPTY_NAME = "(empty name)";

    private DisplayNames() {}

    /** The name for the window: {@link #visibleEnds}, and control characters anywhere escaped. */
    public static String of(String name) {
        String shown = visibleEnds(name);
        StringBuilder out = null;
        for (int i = 0; i < shown.length(); i++) {
            char ch = shown.charAt(i);
            if (Character.isISOControl(ch) && out == null) {
                out = new StringBuilder(shown.length() + 8).append(shown, 0, i);
            }
            if (out != null) {
                out.append(Character.isISOControl(ch) ? escape(ch) : String.valueOf(ch));
            }
        }
        return out == null ? shown : out.toString();
    }

    /**
     * The name with its leading and trailing white space made visible and nothing else changed
     * (control characters are the caller's: the command line escapes them its own way).
     */
    public static String visibleEnds(String name) {
        if (name == null) {
            return NO_NAME;
        }
        if (name.isEmpty()) {
            return EMPTY_NAME;
        }
        int start = 0;
        while (start < name.length() && blank(name.charAt(start))) {
            start++;
        }
        int end = name.length();
        while (end > start && blank(name.charAt(end - 1))) {
            end--;
        }
        if (start == 0 && end == name.length()) {
            return name;
        }
        StringBuilder shown = new StringBuilder(name.length() + 8);
        ends(name, 0, start, shown);
        shown.append(name, start, end);
        ends(name, end, name.length(), shown);
        return shown.toString();
    }

    /** Whether {@code name} would be shown differently from how it is written. */
    public static boolean altered(String name) {
        return !of(name).equals(name);
    }

    private static void ends(String name, int from, int to, StringBuilder shown) {
        for (int i = from; i < to; i++) {
            char ch = name.charAt(i);
            shown.append(ch == ' ' ? SPACE : Character.isISOControl(ch) ? String.valueOf(ch) : escape(ch));
        }
    }

    private static boolean blank(char ch) {
        return Character.isWhitespace(ch) || Character.isSpaceChar(ch);
    }

    private static String escape(char ch) {
        return switch (ch) {
            case '\t' -> "\\t";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            default -> String.format("\\u%04X", (int) ch);
        };
    }
}
