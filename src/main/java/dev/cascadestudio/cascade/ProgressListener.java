package dev.cascadestudio.cascade;

import java.util.List;

/** Receives progress of long work: {@code done} of {@code total} steps, with what is happening now. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, total, message) -> { };

    void update(long done, long total, String message);

    /**
     * The work waits for a lock another connection holds: {@code holders}, as the server names them (see
     * {@code persistence.LockWatch}), may be told again as they change. The work gives up after
     * {@code Database.LOCK_WAIT} unless the lock is let go sooner; the next {@link #update} means it goes on. Called on
     * a thread of its own. By default nothing is shown.
     */
    default void waitingForLock(List<String> holders) { }
}
