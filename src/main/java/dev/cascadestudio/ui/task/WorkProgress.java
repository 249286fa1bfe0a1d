package dev.cascadestudio.ui.task;

import dev.cascadestudio.cascade.ProgressListener;
import dev.cascadestudio.service.FailureMessages;
import java.util.List;

/**
 * The progress of a delete or a restore as reporting work shows it: each update as it comes, and while the work waits
 * for another connection's lock, who holds it ({@link FailureMessages#waitingForLock}) on the same line, at the figures
 * last reported, until the next update replaces it.
 */
public final class WorkProgress implements ProgressListener {

    private final BackgroundTask.ProgressReporter reporter;
    private volatile long done;
    private volatile long total = -1;

    private WorkProgress(BackgroundTask.ProgressReporter reporter) {
        this.reporter = reporter;
    }

    public static ProgressListener of(BackgroundTask.ProgressReporter reporter) {
        return new WorkProgress(reporter);
    }

    @Override
    public void update(long done, long total, String message) {
        this.done = done;
        this.total = total;
        reporter.report(done, total, message);
    }

    @Override
    public void waitingForLock(List<String> holders) {
        reporter.report(done, total, FailureMessages.waitingForLock(holders));
    }
}
