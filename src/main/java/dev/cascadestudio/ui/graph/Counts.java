package dev.cascadestudio.ui.graph;

/** How the diagram writes counts: "1,204 rows", "−3" for deleted rows, "∅ 14" for nulled values. */
final class Counts {

    private Counts() {}

    static String plain(long count) {
        return String.format("%,d", count);
    }

    static String rows(long count) {
        return String.format("%,d row%s", count, count == 1 ? "" : "s");
    }

    static String deleted(long count) {
        return "−" + plain(count);
    }

    static String nulled(long count) {
        return "∅ " + plain(count);
    }
}
