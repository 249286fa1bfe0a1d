package dev.cascadestudio.ui.delete;

import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.Root;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Real operations whose planning waits until the test releases it, so a test can act while a plan
 * is being computed without guessing how long that takes.
 */
final class HeldOperations extends ForwardingOperations {

    private final CountDownLatch planningStarted = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean planFinished;

    HeldOperations(DeleteOperations real) {
        super(real);
    }

    @Override
    public DeletePlan plan(List<Root> roots) {
        planningStarted.countDown();
        try {
            if (!released.await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the test never released the plan");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        DeletePlan plan = super.plan(roots);
        planFinished = true;
        return plan;
    }

    /** Waits until background work is inside {@link #plan}. */
    boolean awaitPlanningStarted() throws InterruptedException {
        return planningStarted.await(1, TimeUnit.MINUTES);
    }

    void release() {
        released.countDown();
    }

    boolean planFinished() {
        return planFinished;
    }
}
