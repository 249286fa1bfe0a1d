package dev.cascadestudio.ui.graph;

/** The diagram's badges: "−3" for deleted rows, "∅ 14" for nulled values (numbers as the window writes them). */
final class Counts {
    private Counts() {}

    static String plain(long count) {
        return dev.cascadestudio.ui.Counts.number(count);
    }

    static String rows(long count) {
        return dev.cascadestudio.ui.Counts.of(count, "row");
    }

    static String deleted(long count) {
        return "−" + plain(count);
    }

    static String nulled(long count) {
        return "∅ " + plain(count);
    }
}
