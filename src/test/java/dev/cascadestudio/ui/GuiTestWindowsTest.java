package dev.cascadestudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.glass.ui.Application;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The README's switch for watching the GUI tests: {@code mvn verify} runs them on Monocle's headless
 * screen, {@code -Dheadless=false} on the real display. The platform JavaFX started on must be the one
 * TestFX was told about, or the switch does nothing (it once always ran headless).
 */
class GuiTestWindowsTest {

    @AfterAll
    static void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theGuiTestsRunHeadlessExactlyWhenTestFxIsToldTo() throws Exception {
        FxToolkit.registerPrimaryStage();
        String platform = WaitForAsyncUtils.asyncFx(() -> Application.GetApplication().getClass().getName())
                .get(10, TimeUnit.SECONDS);
        boolean headless = Boolean.parseBoolean(System.getProperty("testfx.headless", "false"));

        assertThat(platform.contains(".monocle."))
                .as("JavaFX runs on %s while testfx.headless=%s", platform, headless)
                .isEqualTo(headless);
    }
}
