package dev.cascadestudio.ui.task;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A piece of slow work and what the UI does around it. The work runs on a background thread and
 * must not touch controls or view-model properties; the callbacks run on the FX thread, in the order
 * running, then any progress, then success or failure, then finished. The work may start before the running callback
 * has run.
 */
public final class BackgroundTask<V> {

    /** The slow part: database calls and anything else that may block. */
    @FunctionalInterface
    public interface Work<V> {
        V call() throws Exception;
    }

    /** Slow work that tells how far it got; it may report from its own thread as often as it likes. */
    @FunctionalInterface
    public interface ReportingWork<V> {
        V call(ProgressReporter progress) throws Exception;
    }

    /** Called by reporting work, on the work's thread. */
    @FunctionalInterface
    public interface ProgressReporter {
        void report(long done, long total, String message);
    }

    /**
     * How far the work got, as the FX thread sees it: {@code fraction} between 0 and 1, or -1 when
     * the total is unknown. Reports may be merged, so the UI sees the latest, not every one.
     */
    public record Progress(double fraction, String message) {
        static Progress of(long done, long total, String message) {
            return new Progress(total <= 0 ? -1 : Math.min(1.0, Math.max(0, done) / (double) total), message);
        }
    }

    private final ReportingWork<V> work;
    private Runnable onRunning = () -> {};
    private Consumer<Progress> onProgress = progress -> {};
    private Consumer<? super V> onSuccess = value -> {};
    private Consumer<Throwable> onFailure = failure -> {};
    private Runnable onFinished = () -> {};

    private BackgroundTask(ReportingWork<V> work) {
        this.work = work;
    }

    public static <V> BackgroundTask<V> of(Work<V> work) {
        Objects.requireNonNull(work);
        return new BackgroundTask<>(progress -> work.call());
    }

    /** Work that reports progress; {@link #onProgress} receives it on the FX thread. */
    public static <V> BackgroundTask<V> reporting(ReportingWork<V> work) {
        return new BackgroundTask<>(Objects.requireNonNull(work));
    }

    public BackgroundTask<V> onRunning(Runnable action) {
        this.onRunning = Objects.requireNonNull(action);
        return this;
    }

    public BackgroundTask<V> onProgress(Consumer<Progress> action) {
        this.onProgress = Objects.requireNonNull(action);
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

    V call(ProgressReporter progress) throws Exception {
        return work.call(progress);
    }

    void progressed(Progress progress) {
        onProgress.accept(progress);
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
