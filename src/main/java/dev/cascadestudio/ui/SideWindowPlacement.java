package dev.cascadestudio.ui;

import java.util.Comparator;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Where a window that works beside the main one (the cascade graph) opens: where the administrator
 * last left it, if that is still on a screen; otherwise beside the main window, so that both can be
 * seen at once. Once moved or resized it keeps that place, for this run and, through
 * {@link WindowMemory}, the next. Called on the FX thread only.
 */
public final class SideWindowPlacement {

    /**
     * Narrower than this, the fitted graph is too small to read (its twelve tables span about 1,150
     * pixels at full size): it then rather covers part of the main window.
     */
    static final double MIN_WIDTH = 900;

    private Rectangle2D remembered;
    private Stage showing;
    private StagePlacement showingPlacement;

    /** @param remembered where the window was left last time; null when it never was moved */
    public SideWindowPlacement(Rectangle2D remembered) {
        this.remembered = remembered;
    }

    /**
     * Sizes and places {@code stage}, not yet shown, its scene set (the scene's size is the size it
     * would like); remembers where it is when it is hidden, if it was moved or resized by then.
     */
    public void place(Stage stage, Window owner) {
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        Rectangle2D start = WindowMemory.onScreen(remembered, screens).orElseGet(() -> owner == null ? null
                : beside(new Rectangle2D(owner.getX(), owner.getY(), owner.getWidth(), owner.getHeight()),
                        stage.getScene().getWidth(), stage.getScene().getHeight(), screens));
        if (start != null) {
            stage.setX(start.getMinX());
            stage.setY(start.getMinY());
            stage.setWidth(start.getWidth());
            stage.setHeight(start.getHeight());
        }
        StagePlacement placement = new StagePlacement(stage);
        showing = stage;
        showingPlacement = placement;
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, event -> {
            keep(placement, start);
            if (showing == stage) {
                showing = null;
                showingPlacement = null;
            }
        });
    }

    /** Where the window was left (where it is, while it shows); null when it never was moved or resized. */
    public Rectangle2D remembered() {
        if (showing != null && showing.isShowing()) {
            keep(showingPlacement, null);
        }
        return remembered;
    }

    private void keep(StagePlacement placement, Rectangle2D start) {
        Rectangle2D now = placement.normalBounds();
        if (now != null && !now.equals(start)) {
            remembered = now;
        }
    }

    /**
     * A window of about {@code width} × {@code height} beside {@code owner}, level with its top: to
     * its right if the screen has room there (at least {@link #MIN_WIDTH}), else to its left, else
     * {@link #MIN_WIDTH} wide against the screen's edge where it covers the least of the owner.
     * On the screen the owner is on; never larger than that screen.
     */
    static Rectangle2D beside(Rectangle2D owner, double width, double height, List<Rectangle2D> screens) {
        Rectangle2D screen = screens.stream().max(Comparator.comparingDouble(s -> overlap(s, owner)))
                .filter(s -> overlap(s, owner) > 0).orElse(screens.get(0));
        double w = Math.min(width, screen.getWidth());
        double h = Math.min(height, screen.getHeight());
        double y = Math.max(screen.getMinY(), Math.min(owner.getMinY(), screen.getMaxY() - h));
        double narrowest = Math.min(MIN_WIDTH, w);
        double rightRoom = screen.getMaxX() - owner.getMaxX();
        double leftRoom = owner.getMinX() - screen.getMinX();
        Rectangle2D placed;
        if (rightRoom >= narrowest) {
            placed = new Rectangle2D(owner.getMaxX(), y, Math.min(w, rightRoom), h);
        } else if (leftRoom >= narrowest) {
            double fitting = Math.min(w, leftRoom);
            placed = new Rectangle2D(owner.getMinX() - fitting, y, fitting, h);
        } else {
            Rectangle2D right = new Rectangle2D(screen.getMaxX() - narrowest, y, narrowest, h);
            Rectangle2D left = new Rectangle2D(screen.getMinX(), y, narrowest, h);
            placed = overlap(left, owner) < overlap(right, owner) ? left : right;
        }
        return new Rectangle2D(Math.round(placed.getMinX()), Math.round(placed.getMinY()),
                Math.round(placed.getWidth()), Math.round(placed.getHeight()));
    }

    private static double overlap(Rectangle2D a, Rectangle2D b) {
        double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
        double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
        return w > 0 && h > 0 ? w * h : 0;
    }
}
