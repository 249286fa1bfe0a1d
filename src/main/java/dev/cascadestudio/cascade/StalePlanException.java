package dev.cascadestudio.cascade;

/**
 * The database no longer implies the plan that was shown (a row was added, removed or re-linked
 * since). Nothing was changed; {@link #currentPlan()} is what the same delete would do now.
 */
public class StalePlanException extends RuntimeException {
    private final transient DeletePlan currentPlan;

    public StalePlanException(DeletePlan currentPlan) {
        super("The data changed since the plan was made; nothing was deleted. The new plan: " + currentPlan.summary() + ".");
        this.currentPlan = currentPlan;
    }

    public DeletePlan currentPlan() {
        return currentPlan;
    }
}
