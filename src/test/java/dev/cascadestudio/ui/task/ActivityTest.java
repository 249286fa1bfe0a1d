package dev.cascadestudio.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.ui.delete.DeferredTaskExecutor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The window's "something runs" state: the busy indicator and the activity line of the status bar. */
class ActivityTest {

    @Test
    void workHandedOnByACallbackKeepsTheWindowBusyWithoutAGapUntilTheLastEnds() {
        DeferredTaskExecutor tasks = new DeferredTaskExecutor();
        Activity activity = new Activity(tasks);
        List<Boolean> busy = new ArrayList<>();
        activity.busyProperty().addListener((o, was, now) -> busy.add(now));

        // the tree's first level: the users, then, handed on by their callback, the rows without an owner
        activity.run("Loading users…", () -> "users", users ->
                activity.run("Counting rows without an owner…", () -> 3L, count -> { }, failure -> { }), failure -> { });
        assertThat(activity.busyProperty().get()).as("busy as soon as the work is handed over").isTrue();
        assertThat(activity.messageProperty().get()).isEqualTo("Loading users…");

        tasks.runOne();
        assertThat(activity.busyProperty().get()).as("still busy: the count is to come").isTrue();
        assertThat(activity.messageProperty().get()).isEqualTo("Counting rows without an owner…");

        tasks.runOne();
        assertThat(activity.busyProperty().get()).isFalse();
        assertThat(activity.messageProperty().get()).isEmpty();
        assertThat(busy).as("one busy period, not two").containsExactly(true, false);
    }

    @Test
    void workTheExecutorRefusesLeavesTheWindowIdle() {
        DeferredTaskExecutor tasks = new DeferredTaskExecutor();
        Activity activity = new Activity(new TaskExecutor() {
            @Override
            public <V> void execute(BackgroundTask<V> task) {
                throw new IllegalStateException("closing");
            }

            @Override
            public void onUiThread(Runnable action) {
                tasks.onUiThread(action);
            }

            @Override
            public void shutdown() { }
        });

        try {
            activity.run("Loading users…", () -> "users", users -> { }, failure -> { });
        } catch (IllegalStateException expected) {
            // the window is closing
        }

        assertThat(activity.busyProperty().get()).isFalse();
        assertThat(activity.messageProperty().get()).isEmpty();
    }
}
