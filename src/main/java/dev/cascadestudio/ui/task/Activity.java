package dev.cascadestudio.ui.task;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;

/**
 * The window's background work as the status bar shows it: every view model hands its slow work
 * to the one {@link TaskExecutor} through here, so the busy indicator and the activity text cover
 * all of it. Called on the FX thread only.
 */
public final class Activity {

    private final TaskExecutor executor;
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty();
    private final SimpleStringProperty message = new SimpleStringProperty("");
    private int running;

    public Activity(TaskExecutor executor) {
        this.executor = Objects.requireNonNull(executor);
    }

    /**
     * Runs {@code work} in the background; {@code message} ("Loading Documents…") is shown while
     * it runs. The callbacks run on the FX thread.
     */
    public <V> void run(String message, BackgroundTask.Work<V> work, Consumer<V> onSuccess, Consumer<Throwable> onFailure) {
        Objects.requireNonNull(work);
        runReporting(message, progress -> work.call(), reported -> { }, onSuccess, onFailure);
    }

    /**
     * {@link #run}, for work that reports as it goes: each report's message replaces {@code message} in the status bar
     * and is handed to {@code onProgress} (both on the FX thread), such as whom a save waits for.
     */
    public <V> void runReporting(String message, BackgroundTask.ReportingWork<V> work, Consumer<String> onProgress,
            Consumer<V> onSuccess, Consumer<Throwable> onFailure) {
        // busy from the moment the work is handed over, not from when it starts: work that a callback hands on (the
        // users, then the rows without an owner) leaves no moment between the two in which nothing seems to run
        running++;
        busy.set(true);
        this.message.set(message);
        BackgroundTask<V> task = BackgroundTask.reporting(work)
                .onRunning(() -> this.message.set(message))
                .onProgress(progress -> {
                    this.message.set(progress.message());
                    onProgress.accept(progress.message());
                })
                .onSuccess(onSuccess)
                .onFailure(onFailure)
                .onFinished(this::finished);
        try {
            executor.execute(task);
        } catch (RuntimeException notTaken) {
            finished();
            throw notTaken;
        }
    }

    private void finished() {
        running--;
        busy.set(running > 0);
        if (running == 0) {
            this.message.set("");
        }
    }

    public ReadOnlyBooleanProperty busyProperty() { return busy; }

    /** What the most recently started work is doing; empty when nothing runs. */
    public ReadOnlyStringProperty messageProperty() { return message; }
}
