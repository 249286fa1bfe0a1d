package dev.cascadestudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** Where the cascade graph window opens when it has no remembered place: beside the main window. */
class SideWindowPlacementTest {

    private static final Rectangle2D SCREEN = new Rectangle2D(0, 0, 1920, 1040);
    private static final List<Rectangle2D> ONE_SCREEN = List.of(SCREEN);

    @Test
    void toTheRightOfTheMainWindowWhenTheScreenHasRoomThere() {
        Rectangle2D main = new Rectangle2D(0, 40, 900, 640);

        assertThat(SideWindowPlacement.beside(main, 1200, 800, ONE_SCREEN))
                .as("as wide as the room allows, level with the main window's top")
                .isEqualTo(new Rectangle2D(900, 40, 1020, 800));
        assertThat(SideWindowPlacement.beside(new Rectangle2D(100, 40, 600, 640), 1200, 800, ONE_SCREEN))
                .isEqualTo(new Rectangle2D(700, 40, 1200, 800));
    }

    @Test
    void toTheLeftWhenThereIsNoRoomToTheRight() {
        Rectangle2D main = new Rectangle2D(1020, 40, 900, 640);

        assertThat(SideWindowPlacement.beside(main, 1200, 800, ONE_SCREEN)).isEqualTo(new Rectangle2D(0, 40, 1020, 800));
    }

    @Test
    void keptOnTheScreenVertically() {
        Rectangle2D low = new Rectangle2D(0, 600, 900, 400);

        assertThat(SideWindowPlacement.beside(low, 1200, 800, ONE_SCREEN)).isEqualTo(new Rectangle2D(900, 240, 1020, 800));
        assertThat(SideWindowPlacement.beside(low, 1200, 1600, ONE_SCREEN)).as("never taller than the screen")
                .isEqualTo(new Rectangle2D(900, 0, 1020, 1040));
    }

    @Test
    void withNoRoomOnEitherSideWhereItCoversTheLeastOfTheMainWindow() {
        Rectangle2D centred = new Rectangle2D(360, 140, 1200, 760);
        Rectangle2D leftOfCentre = new Rectangle2D(300, 140, 1200, 760);
        Rectangle2D maximised = SCREEN;

        // 360 px of room on either side: at the right edge, as narrow as a legible graph, 540 px over the main window
        assertThat(SideWindowPlacement.beside(centred, 1200, 800, ONE_SCREEN)).isEqualTo(new Rectangle2D(1020, 140, 900, 800));
        assertThat(SideWindowPlacement.beside(leftOfCentre, 1200, 800, ONE_SCREEN)).as("more room to the right: 480 px over it")
                .isEqualTo(new Rectangle2D(1020, 140, 900, 800));
        assertThat(SideWindowPlacement.beside(new Rectangle2D(420, 140, 1200, 760), 1200, 800, ONE_SCREEN))
                .as("more room to the left").isEqualTo(new Rectangle2D(0, 140, 900, 800));
        assertThat(SideWindowPlacement.beside(maximised, 1200, 800, ONE_SCREEN)).isEqualTo(new Rectangle2D(1020, 0, 900, 800));
    }

    @Test
    void onTheScreenTheMainWindowIsOn() {
        Rectangle2D second = new Rectangle2D(1920, 0, 2560, 1400);
        Rectangle2D main = new Rectangle2D(2000, 100, 900, 640);

        assertThat(SideWindowPlacement.beside(main, 1200, 800, List.of(SCREEN, second))).isEqualTo(new Rectangle2D(2900, 100, 1200, 800));
    }
}
