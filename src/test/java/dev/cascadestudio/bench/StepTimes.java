package dev.cascadestudio.bench;

import dev.cascadestudio.cascade.ProgressListener;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The commit's time per step, as its progress tells it: each message's milliseconds until the next one (the last,
 * "Committing", named "commit"), summed where a message comes twice. Where the snapshot is written beside the statements
 * (PostgreSQL), "Finishing the snapshot and checking that the plan still holds" is the wait for it after them. {@link #end} closes the last step.
 */
final class StepTimes implements ProgressListener {

    private final Map<String, Long> millis = new LinkedHashMap<>();
    private String current;
    private long since = System.nanoTime();

    @Override
    public void update(long done, long total, String message) {
        close(System.nanoTime());
        current = done == total && message.equals("Committing") ? "commit" : message;
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
