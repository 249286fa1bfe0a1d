package dev.cascadestudio.ui;

/** How the window writes numbers: grouped digits, and a noun that agrees ("1 row", "1,204 rows"). */
public final class Counts {
    private Counts() {}

    public static String of(long count, String noun) {
        return String.format("%,d %s%s", count, noun, count == 1 ? "" : "s");
    }

    public static String number(long count) {
        return String.format("%,d", count);
    }
}
