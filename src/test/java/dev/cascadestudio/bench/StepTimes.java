package dev.cascadestudio.bench;

import dev.cascadestudio.cascade.ProgressListener;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The commit's time per step, as its progress tells it: each message's milliseconds until the next one (the last,
 * {@code done == total}, named "commit"), summed where a message comes twice. {@link #end} closes the last step.
 */
final class StepTimes implements ProgressListener {

    private final Map<String, Long> millis = new LinkedHashMap<>();
    private String current;
    private long since = System.nanoTime();

    @Override
    public void update(long done, long total, String message) {
        close(System.nanoTime());
        current = done == total ? "commit" : message;
    }

    /** The steps, the last one ended now, in the order they came. */
    Map<String, Long> end() {
        close(System.nanoTime());
        current = null;
        return millis;
    }

    private void close(long now) {
        if (current != null) {
            millis.merge(current, (now - since) / 1_000_000, Long::sum);
        }
        since = now;
    }
}
