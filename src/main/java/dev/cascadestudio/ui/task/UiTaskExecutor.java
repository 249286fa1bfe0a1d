package dev.cascadestudio.ui.task;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import javafx.beans.value.ChangeListener;
import javafx.concurrent.Task;

/**
 * Runs each {@link BackgroundTask} as a {@link javafx.concurrent.Task} on a pool of daemon threads,
 * so the FX thread never waits and a stuck query cannot keep the process alive after the window
 * has closed.
 */
public final class UiTaskExecutor implements TaskExecutor {

    private final ExecutorService pool;

    /**
     * @param threadName names the pool's threads in thread dumps
     * @param threads    1 serialises the work, which is what one database connection owner wants:
     *                   a close then never overtakes a query that is still running
     */
    public UiTaskExecutor(String threadName, int threads) {
        ThreadFactory defaults = Executors.defaultThreadFactory();
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = defaults.newThread(runnable);
            thread.setName(threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public <V> void execute(BackgroundTask<V> task) {
        Task<V> fxTask = new Task<>() {
            @Override
            protected V call() throws Exception {
                return task.call((done, total, message) -> {
                    updateMessage(message);
                    if (total > 0) {
                        updateProgress(done, total);
                    } else {
                        updateProgress(-1, 1);
                    }
                });
            }
        };
        fxTask.setOnRunning(event -> task.running());
        // Task coalesces updates and delivers them on the FX thread, so a fast loop cannot flood it.
        ChangeListener<Object> progressed = (o, old, now) -> task.progressed(
                new BackgroundTask.Progress(fxTask.getProgress(), fxTask.getMessage()));
        fxTask.messageProperty().addListener(progressed);
        fxTask.progressProperty().addListener(progressed);
        fxTask.setOnSucceeded(event -> {
            try {
                task.succeeded(fxTask.getValue());
            } finally {
                task.finished();
            }
        });
        fxTask.setOnFailed(event -> {
            try {
                task.failed(fxTask.getException());
            } finally {
                task.finished();
            }
        });
        fxTask.setOnCancelled(event -> task.finished());
        pool.execute(fxTask);
    }

    @Override
    public void onUiThread(Runnable action) {
        javafx.application.Platform.runLater(action);
    }

    @Override
    public void shutdown() {
        pool.shutdown();
    }

    /**
     * Waits until work handed over before {@link #shutdown()} has ended. Never call it on the FX
     * thread: the launcher thread uses it after the window has closed.
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
