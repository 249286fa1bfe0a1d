package dev.cascadestudio.ui.delete;

import dev.cascadestudio.ui.task.BackgroundTask;
import dev.cascadestudio.ui.task.CurrentThreadTaskExecutor;
import dev.cascadestudio.ui.task.TaskExecutor;
import java.util.ArrayList;
import java.util.List;

/** Holds each task until the test runs it, synchronously: the state "while the work runs" becomes visible. */
public final class DeferredTaskExecutor implements TaskExecutor {

    private final CurrentThreadTaskExecutor runner = new CurrentThreadTaskExecutor();
    private final List<BackgroundTask<?>> pending = new ArrayList<>();

    @Override
    public <V> void execute(BackgroundTask<V> task) {
        pending.add(task);
    }

    /** Runs the tasks handed over so far, and any they hand over in turn, in order. */
    public void runPending() {
        while (!pending.isEmpty()) {
            runner.execute(pending.remove(0));
        }
    }

    /** Runs the first task handed over (its callbacks may hand over more). */
    public void runOne() {
        runner.execute(pending.remove(0));
    }

    public int pendingCount() {
        return pending.size();
    }

    @Override
    public void onUiThread(Runnable action) {
        runner.onUiThread(action);
    }

    @Override
    public void shutdown() {
        runner.shutdown();
    }
}
