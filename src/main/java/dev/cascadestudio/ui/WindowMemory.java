package dev.cascadestudio.ui;

import dev.cascadestudio.ui.main.DatabaseTarget;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Rectangle2D;

/**
 * What the main window remembers between runs: its normal (not maximised) bounds, whether it was
 * maximised, where the divider between tree and details sat (the tree's width in pixels), and the last database opened (its URL
 * and user, never its password); and where the administrator last left the cascade graph window.
 * Read from and written to plain key/value settings.
 *
 * @param bounds      null when none were saved
 * @param divider     NaN when none was saved
 * @param database    null when none was saved; {@link DatabaseTarget#EMBEDDED} for the embedded one
 * @param graphBounds null when the graph window was never moved or resized
 */
record WindowMemory(Rectangle2D bounds, boolean maximized, double divider, DatabaseTarget database, Rectangle2D graphBounds) {

    static final WindowMemory NOTHING = new WindowMemory(null, false, Double.NaN, null);

    WindowMemory(Rectangle2D bounds, boolean maximized, double divider, DatabaseTarget database) {
        this(bounds, maximized, divider, database, null);
    }

    /** Smaller than this, a saved size is not a window someone meant to keep. */
    static final double MIN_SIZE = 200;

    static WindowMemory from(Map<String, String> settings) {
        Rectangle2D bounds = bounds(settings, "window");
        double divider = number(settings, "divider");
        if (!(divider > 0)) {
            divider = Double.NaN;
        }
        DatabaseTarget database = null;
        if (settings.containsKey("database.url")) {
            database = new DatabaseTarget(settings.get("database.url"), settings.get("database.user"), null);
        }
        return new WindowMemory(bounds, Boolean.parseBoolean(settings.get("window.maximized")), divider, database,
                bounds(settings, "graph"));
    }

    private static Rectangle2D bounds(Map<String, String> settings, String prefix) {
        double x = number(settings, prefix + ".x");
        double y = number(settings, prefix + ".y");
        double width = number(settings, prefix + ".width");
        double height = number(settings, prefix + ".height");
        if (!Double.isNaN(x) && !Double.isNaN(y) && width >= MIN_SIZE && height >= MIN_SIZE) {
            return new Rectangle2D(x, y, width, height);
        }
        return null;
    }

    Map<String, String> toSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        put(settings, "window", bounds);
        put(settings, "graph", graphBounds);
        settings.put("window.maximized", String.valueOf(maximized));
        if (!Double.isNaN(divider)) {
            settings.put("divider", String.valueOf(divider));
        }
        if (database != null) {
            settings.put("database.url", database.url() == null ? "" : database.url());
            if (database.user() != null) {
                settings.put("database.user", database.user());
            }
        }
        return settings;
    }

    private static void put(Map<String, String> settings, String prefix, Rectangle2D bounds) {
        if (bounds != null) {
            settings.put(prefix + ".x", format(bounds.getMinX()));
            settings.put(prefix + ".y", format(bounds.getMinY()));
            settings.put(prefix + ".width", format(bounds.getWidth()));
            settings.put(prefix + ".height", format(bounds.getHeight()));
        }
    }

    /**
     * The saved bounds if the window would show on one of {@code screens} (a screen unplugged since,
     * or a resolution now smaller, can leave them off every screen); empty otherwise.
     */
    Optional<Rectangle2D> boundsOn(List<Rectangle2D> screens) {
        return onScreen(bounds, screens);
    }

    /** {@code bounds} if a window there would show on one of {@code screens}; empty otherwise, or when null. */
    static Optional<Rectangle2D> onScreen(Rectangle2D bounds, List<Rectangle2D> screens) {
        if (bounds == null) {
            return Optional.empty();
        }
        // a strip along the top, where the title bar is, must be on a screen: that is what one grabs to move a window
        Rectangle2D titleBar = new Rectangle2D(bounds.getMinX(), bounds.getMinY(), bounds.getWidth(), 40);
        return screens.stream().anyMatch(screen -> screen.intersects(titleBar)) ? Optional.of(bounds) : Optional.empty();
    }

    private static double number(Map<String, String> settings, String key) {
        String value = settings.get(key);
        if (value == null) {
            return Double.NaN;
        }
        try {
            double parsed = Double.parseDouble(value.strip());
            return Double.isFinite(parsed) ? parsed : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String format(double value) {
        return String.valueOf(Math.round(value));
    }
}
