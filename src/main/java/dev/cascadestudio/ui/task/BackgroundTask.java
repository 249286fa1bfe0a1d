package dev.cascadestudio.ui.task;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A piece of slow work and what the UI does around it. The work runs on a background thread and
 * must not touch controls or view-model properties; the callbacks run on the FX thread, in the order
 * running, then success or failure, then finished. The work may start before the running callback
 * has run.
 */
public final class BackgroundTask<V> {

    /** The slow part: database calls and anything else that may block. */
    @FunctionalInterface
    public interface Work<V> {
        V call() throws Exception;
    }

    private final Work<V> work;
    private Runnable onRunning = () -> {};
    private Consumer<? super V> onSuccess = value -> {};
    private Consumer<Throwable> onFailure = failure -> {};
    private Runnable onFinished = () -> {};

    private BackgroundTask(Work<V> work) {
        this.work = Objects.requireNonNull(work);
    }

    public static <V> BackgroundTask<V> of(Work<V> work) {
        return new BackgroundTask<>(work);
    }

    public BackgroundTask<V> onRunning(Runnable action) {
        this.onRunning = Objects.requireNonNull(action);
        return this;
    }

    public BackgroundTask<V> onSuccess(Consumer<? super V> action) {
        this.onSuccess = Objects.requireNonNull(action);
        return this;
    }

    public BackgroundTask<V> onFailure(Consumer<Throwable> action) {
        this.onFailure = Objects.requireNonNull(action);
        return this;
    }

    public BackgroundTask<V> onFinished(Runnable action) {
        this.onFinished = Objects.requireNonNull(action);
        return this;
    }

    V call() throws Exception {
        return work.call();
    }

    void running() {
        onRunning.run();
    }

    void succeeded(V value) {
        onSuccess.accept(value);
    }

    void failed(Throwable failure) {
        onFailure.accept(failure);
    }

    void finished() {
        onFinished.run();
    }
}
