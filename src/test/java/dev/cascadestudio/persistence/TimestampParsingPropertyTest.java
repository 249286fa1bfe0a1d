package dev.cascadestudio.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * {@link SqlValues#parseTimestamp} reads the usual shape by hand: for any text of about that shape (valid or not:
 * month 13, 30 February, hour 24, year 0, seven digits of fraction, a letter among the digits) it gives what the
 * JDK's formatters give, the same time or a refusal.
 */
class TimestampParsingPropertyTest {

    /** The formatters alone, as parseTimestamp read every timestamp before the hand-read shape. */
    static LocalDateTime byFormatters(String text) {
        String t = text.trim();
        return t.indexOf('T') > 0 ? LocalDateTime.parse(t) : LocalDateTime.parse(t, SqlValues.SQLITE_TIMESTAMP);
    }

    @Provide
    Arbitrary<String> nearlyTimestamps() {
        Arbitrary<String> year = Arbitraries.strings().numeric().ofLength(4);
        Arbitrary<String> month = Arbitraries.integers().between(0, 13).map(i -> String.format("%02d", i));
        Arbitrary<String> day = Arbitraries.integers().between(0, 32).map(i -> String.format("%02d", i));
        Arbitrary<String> hour = Arbitraries.integers().between(0, 25).map(i -> String.format("%02d", i));
        Arbitrary<String> sixty = Arbitraries.integers().between(0, 61).map(i -> String.format("%02d", i));
        Arbitrary<String> separator = Arbitraries.of(" ", "T", "t", "_");
        Arbitrary<String> fraction = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(9).map(f -> f.isEmpty() ? "" : "." + f)
                .injectDuplicates(0.1).edgeCases(c -> c.add("."));
        // now and then no seconds at all, as LocalDateTime.toString writes a whole minute ("2025-01-02T12:23")
        Arbitrary<String> seconds = Arbitraries.oneOf(sixty.map(se -> ":" + se), Arbitraries.just(""));
        Arbitrary<String> shaped = Combinators.combine(year, month, day, separator, hour, sixty, seconds, fraction)
                .as((y, mo, d, s, h, mi, se, f) -> y + "-" + mo + "-" + d + s + h + ":" + mi + se + (se.isEmpty() && f.length() > 1 ? "" : f));
        // now and then one character replaced, so that every position sees a non-digit
        return Combinators.combine(shaped, Arbitraries.integers().between(0, 40), Arbitraries.of('x', '-', ':', ' ', '٣', '+'))
                .as((s, at, c) -> at < s.length() && at % 3 == 0 ? s.substring(0, at) + c + s.substring(at + 1) : s);
    }

    @Property(tries = 3000)
    void readsWhatTheFormattersRead(@ForAll("nearlyTimestamps") String text) {
        Throwable expectedFailure = catchThrowable(() -> byFormatters(text));
        Statistics.label("read").collect(expectedFailure == null);
        Statistics.label("read").coverage(c -> c.check(true).percentage(p -> p > 5)); // both sides of the line are tried
        Statistics.label("whole minute read").collect(expectedFailure == null && text.trim().length() == 16);
        Statistics.label("whole minute read").coverage(c -> c.check(true).percentage(p -> p > 1));
        if (expectedFailure == null) {
            assertThat(SqlValues.parseTimestamp(text)).as(text).isEqualTo(byFormatters(text));
        } else {
            assertThat(expectedFailure).isInstanceOf(DateTimeException.class);
            assertThat(catchThrowable(() -> SqlValues.parseTimestamp(text))).as(text).isInstanceOf(DateTimeException.class);
        }
    }

    @Example
    void theControllersShapesAndTheirLimits() {
        assertThat(SqlValues.parseTimestamp("2026-03-02 12:05:00.000000")).isEqualTo(LocalDateTime.of(2026, 3, 2, 12, 5));
        assertThat(SqlValues.parseTimestamp("2024-02-29T23:59:59.5")).isEqualTo(LocalDateTime.of(2024, 2, 29, 23, 59, 59, 500_000_000));
        assertThat(SqlValues.parseTimestamp(" 0001-01-01 00:00:00.000001 ")).isEqualTo(LocalDateTime.of(1, 1, 1, 0, 0, 0, 1_000));
        assertThat(SqlValues.usualTimestamp("2023-02-29 00:00:00")).as("no 29 February in 2023: left to the formatter").isNull();
        assertThat(SqlValues.usualTimestamp("2026-03-02 24:00:00")).isNull();
        assertThat(SqlValues.usualTimestamp("2026-03-02T12:05:00.1234567")).isNull();
        assertThat(SqlValues.usualTimestamp("0000-03-02 12:05:00")).isNull();
        // a server's whole minute, as LocalDateTime.toString writes it, is read by hand; SQLite's shape needs its seconds
        assertThat(SqlValues.usualTimestamp("2025-01-02T12:23")).isEqualTo(LocalDateTime.of(2025, 1, 2, 12, 23));
        assertThat(SqlValues.parseTimestamp(LocalDateTime.of(2025, 1, 2, 12, 23).toString())).isEqualTo(LocalDateTime.of(2025, 1, 2, 12, 23));
        assertThat(SqlValues.usualTimestamp("2025-01-02 12:23")).isNull();
        assertThat(catchThrowable(() -> SqlValues.parseTimestamp("2025-01-02 12:23"))).isInstanceOf(DateTimeException.class);
        assertThat(SqlValues.usualTimestamp("2025-02-29T12:23")).isNull();
        assertThat(SqlValues.usualTimestamp("2025-01-02T12:60")).isNull();
    }
}
