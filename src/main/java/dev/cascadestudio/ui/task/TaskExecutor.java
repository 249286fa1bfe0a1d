package dev.cascadestudio.ui.task;

/**
 * The one way the UI runs slow work. The window uses {@link UiTaskExecutor}; view-model tests use
 * {@link CurrentThreadTaskExecutor} so they can assert the outcome right after the call.
 */
public interface TaskExecutor {

    /** Runs the task's work off the FX thread; its callbacks run on the FX thread. */
    <V> void execute(BackgroundTask<V> task);

    /**
     * Runs {@code action} on the FX thread, after what was handed to it before (a background thread's news
     * that is no task's result, such as the users an open read before its session is ready).
     */
    void onUiThread(Runnable action);

    /** Accepts no new work; work already handed over still runs to the end. */
    void shutdown();
}
