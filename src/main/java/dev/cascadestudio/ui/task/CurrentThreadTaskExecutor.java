package dev.cascadestudio.ui.task;

/**
 * Runs every task to its end inside {@link #execute}, callbacks included, on the caller's thread.
 * For view-model tests: no FX toolkit and no waiting needed.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    private boolean shutDown;

    @Override
    public <V> void execute(BackgroundTask<V> task) {
        if (shutDown) {
            throw new IllegalStateException("executor is shut down");
        }
        task.running();
        V value;
        try {
            value = task.call((done, total, message) -> task.progressed(BackgroundTask.Progress.of(done, total, message)));
        } catch (Exception failure) {
            try {
                task.failed(failure);
            } finally {
                task.finished();
            }
            return;
        }
        try {
            task.succeeded(value);
        } finally {
            task.finished();
        }
    }

    /** At once, on the caller's thread. */
    @Override
    public void onUiThread(Runnable action) {
        action.run();
    }

    @Override
    public void shutdown() {
        shutDown = true;
    }
}
