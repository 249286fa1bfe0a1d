package dev.cascadestudio.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** What every benchmark does with its figures and its working files. */
final class BenchFigures {

    private BenchFigures() {}

    /** The middle value (the upper middle of an even count). */
    static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    /** A ratio as the JSON shows it: two decimals. */
    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** Deletes {@code dir} and everything in it; nothing if it does not exist. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
