package dev.cascadestudio.service;

/**
 * A row's name as people are shown it. Names that differ only in leading or trailing white space
 * ({@code padded} and {@code padded }) are different rows, and a controller can hold both, so such
 * space is made visible: a space as {@value #SPACE}, any other white space or control character as
 * an escape ({@code \t}, {@code \u00A0}). Space inside a name is shown as it is; control
 * characters anywhere are escaped, since they would otherwise draw nothing or break the line.
 */
public final class DisplayNames {

    /** How a leading or trailing space is drawn (U+2423 OPEN BOX). */
    public static final String SPACE = "␣";
    public static final String NO_NAME = "(no name)";
    public static final String EMPTY_NAME = "(empty name)";

    private DisplayNames() {}

    public static String of(String name) {
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
        StringBuilder shown = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            boolean edge = i < start || i >= end;
            if (edge && ch == ' ') {
                shown.append(SPACE);
            } else if (edge && blank(ch) || Character.isISOControl(ch)) {
                shown.append(escape(ch));
            } else {
                shown.append(ch);
            }
        }
        return shown.toString();
    }

    /** Whether {@code name} would be shown differently from how it is written. */
    public static boolean altered(String name) {
        return !of(name).equals(name);
    }

    private static boolean blank(char ch) {
        return Character.isWhitespace(ch) || Character.isSpaceChar(ch) || Character.isISOControl(ch);
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
