package dev.cascadestudio.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class UiTaskExecutorTest {

    private final UiTaskExecutor executor = new UiTaskExecutor("test-work", 1);
    private final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void shutdown() {
        executor.shutdown();
    }

    @Test
    void workRunsOffTheFxThreadAndCallbacksOnItInOrder() throws Exception {
        List<Boolean> workOnFxThread = new CopyOnWriteArrayList<>();
        executor.execute(BackgroundTask.of(() -> {
                    workOnFxThread.add(Platform.isFxApplicationThread());
                    return 42;
                })
                .onRunning(() -> events.add("running on FX thread: " + Platform.isFxApplicationThread()))
                .onSuccess(value -> events.add("success " + value + " on FX thread: " + Platform.isFxApplicationThread()))
                .onFinished(() -> events.add("finished on FX thread: " + Platform.isFxApplicationThread())));

        // The work and the "running" callback may interleave; the callbacks keep their order.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> events.size() == 3);
        assertThat(workOnFxThread).containsExactly(false);
        assertThat(events).containsExactly(
                "running on FX thread: true",
                "success 42 on FX thread: true",
                "finished on FX thread: true");
    }

    @Test
    void aFailureReachesOnFailureAndStillFinishes() throws Exception {
        executor.execute(BackgroundTask.of(() -> {
                    throw new IllegalStateException("database gone");
                })
                .onSuccess(value -> events.add("success"))
                .onFailure(failure -> events.add("failure: " + failure.getMessage()))
                .onFinished(() -> events.add("finished")));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> events.size() == 2);
        assertThat(events).containsExactly("failure: database gone", "finished");
    }

    @Test
    void workHandedOverBeforeShutdownStillRuns() throws Exception {
        executor.execute(BackgroundTask.of(() -> events.add("closed")));
        executor.shutdown();

        assertThat(executor.awaitTermination(Duration.ofSeconds(10))).isTrue();
        assertThat(events).containsExactly("closed");
    }

    @Test
    void reportedProgressReachesTheFxThreadBeforeSuccess() throws Exception {
        List<Boolean> progressOnFxThread = new CopyOnWriteArrayList<>();
        executor.execute(BackgroundTask.reporting(progress -> {
                    progress.report(1, 4, "first quarter");
                    progress.report(4, 4, "all done");
                    return "ok";
                })
                .onProgress(progress -> {
                    progressOnFxThread.add(Platform.isFxApplicationThread());
                    events.add(progress.fraction() + " " + progress.message());
                })
                .onSuccess(value -> events.add("success " + value)));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> events.contains("success ok"));
        // Task merges updates that arrive faster than the FX thread runs: the last one always arrives.
        assertThat(events).endsWith("1.0 all done", "success ok");
        assertThat(progressOnFxThread).isNotEmpty().containsOnly(true);
    }

    @Test
    void theSynchronousExecutorDeliversEveryReport() {
        CurrentThreadTaskExecutor synchronous = new CurrentThreadTaskExecutor();
        synchronous.execute(BackgroundTask.reporting(progress -> {
                    progress.report(1, 4, "first quarter");
                    progress.report(0, 0, "counting");
                    return "ok";
                })
                .onProgress(progress -> events.add(progress.fraction() + " " + progress.message())));

        assertThat(events).containsExactly("0.25 first quarter", "-1.0 counting");
    }
}
