package dev.cascadestudio.cascade;

/** Receives progress of long work: {@code done} of {@code total} steps, with what is happening now. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, total, message) -> { };

    void update(long done, long total, String message);
}
