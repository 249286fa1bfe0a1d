package dev.cascadestudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.ui.main.DatabaseTarget;
import java.util.List;
import java.util.Map;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** What the window remembers, written and read back, and where a remembered position is not used. */
class WindowMemoryTest {

    private static final List<Rectangle2D> ONE_SCREEN = List.of(new Rectangle2D(0, 0, 1920, 1080));

    @Test
    void sizePositionDividerAndDatabaseComeBackButNeverThePassword() {
        WindowMemory saved = new WindowMemory(new Rectangle2D(40, 30, 1000, 700), true, 420,
                new DatabaseTarget("jdbc:postgresql://db/controller", "admin", "secret"));

        Map<String, String> settings = saved.toSettings();
        WindowMemory read = WindowMemory.from(settings);

        assertThat(settings.values()).doesNotContain("secret");
        assertThat(read.bounds()).isEqualTo(new Rectangle2D(40, 30, 1000, 700));
        assertThat(read.maximized()).isTrue();
        assertThat(read.divider()).isEqualTo(420);
        assertThat(read.database()).isEqualTo(new DatabaseTarget("jdbc:postgresql://db/controller", "admin", null));
    }

    @Test
    void theGraphWindowsBoundsComeBackAndAreNotUsedOffEveryScreen() {
        WindowMemory saved = new WindowMemory(new Rectangle2D(40, 30, 1000, 700), false, 420, null,
                new Rectangle2D(1040, 30, 820, 610));

        WindowMemory read = WindowMemory.from(saved.toSettings());

        assertThat(read.graphBounds()).isEqualTo(new Rectangle2D(1040, 30, 820, 610));
        assertThat(WindowMemory.from(Map.of()).graphBounds()).isNull();
        assertThat(WindowMemory.onScreen(read.graphBounds(), ONE_SCREEN)).contains(new Rectangle2D(1040, 30, 820, 610));
        assertThat(WindowMemory.onScreen(new Rectangle2D(2200, 100, 900, 600), ONE_SCREEN)).isEmpty();
        assertThat(WindowMemory.onScreen(null, ONE_SCREEN)).isEmpty();
    }

    @Test
    void theEmbeddedDatabaseIsRememberedAsSuch() {
        WindowMemory read = WindowMemory.from(new WindowMemory(null, false, Double.NaN, DatabaseTarget.EMBEDDED).toSettings());

        assertThat(read.database()).isEqualTo(DatabaseTarget.EMBEDDED);
        assertThat(read.bounds()).isNull();
        assertThat(read.divider()).isNaN();
    }

    @Test
    void aPositionOffEveryScreenIsNotUsed() {
        WindowMemory onASecondScreenUnpluggedSince = new WindowMemory(new Rectangle2D(2200, 100, 900, 600), false, 0.3, null);
        WindowMemory onTheScreen = new WindowMemory(new Rectangle2D(1500, 900, 900, 600), false, 0.3, null);
        WindowMemory titleBarAboveTheScreen = new WindowMemory(new Rectangle2D(100, -500, 900, 600), false, 0.3, null);

        assertThat(onASecondScreenUnpluggedSince.boundsOn(ONE_SCREEN)).isEmpty();
        assertThat(onTheScreen.boundsOn(ONE_SCREEN)).contains(new Rectangle2D(1500, 900, 900, 600));
        assertThat(titleBarAboveTheScreen.boundsOn(ONE_SCREEN)).as("its title bar could not be grabbed").isEmpty();
        assertThat(onASecondScreenUnpluggedSince.boundsOn(List.of(ONE_SCREEN.get(0), new Rectangle2D(1920, 0, 1920, 1080))))
                .isPresent();
    }

    @Test
    void damagedValuesAreIgnored() {
        WindowMemory read = WindowMemory.from(Map.of("window.x", "left", "window.y", "10", "window.width", "NaN",
                "window.height", "700", "divider", "-7", "window.maximized", "perhaps"));

        assertThat(read.bounds()).isNull();
        assertThat(read.divider()).isNaN();
        assertThat(read.maximized()).isFalse();
        assertThat(read.database()).isNull();
    }
}
