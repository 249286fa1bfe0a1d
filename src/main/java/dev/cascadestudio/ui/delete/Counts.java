package dev.cascadestudio.ui.delete;

/** Numbers as the dialog writes them: grouped digits and a noun that agrees. */
final class Counts {

    private Counts() {}

    static String of(long count, String noun) {
        return String.format("%,d %s%s", count, noun, count == 1 ? "" : "s");
    }

    static String number(long count) {
        return String.format("%,d", count);
    }
}
