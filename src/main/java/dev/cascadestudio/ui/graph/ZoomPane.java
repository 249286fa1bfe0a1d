package dev.cascadestudio.ui.graph;

import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * A viewport on the diagram: fits the whole drawing until the user zooms (mouse wheel, around the
 * pointer) or pans (drag); {@link #fit()} returns to the whole drawing.
 */
final class ZoomPane extends Region {

    private static final double MIN_SCALE = 0.2;
    private static final double MAX_SCALE = 3;
    /** Fitting never enlarges past this: a small graph in a big window stays at reading size. */
    private static final double MAX_FIT_SCALE = 1.25;
    /** Zoom per notch of the wheel; a touchpad's fractions of a notch zoom smoothly. */
    private static final double ZOOM_PER_NOTCH = 1.15;

    private final DiagramPane content;
    private final Translate translate = new Translate();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final Rectangle clip = new Rectangle();
    private boolean fitting = true;
    private Point2D dragAnchor;

    ZoomPane(DiagramPane content) {
        this.content = content;
        content.getTransforms().setAll(translate, scale);
        getChildren().add(content);
        setClip(clip);
        setOnScroll(this::zoom);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::startPan);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::pan);
        addEventHandler(MouseEvent.MOUSE_RELEASED, event -> setCursor(Cursor.DEFAULT));
    }

    /** Shows the whole drawing, centred, and keeps doing so when the viewport resizes. */
    void fit() {
        fitting = true;
        requestLayout();
    }

    double zoomFactor() {
        return scale.getX();
    }

    @Override
    protected void layoutChildren() {
        clip.setWidth(getWidth());
        clip.setHeight(getHeight());
        Point2D size = content.drawingSize();
        content.resizeRelocate(0, 0, size.getX(), size.getY());
        if (fitting && size.getX() > 0 && size.getY() > 0 && getWidth() > 0 && getHeight() > 0) {
            double factor = Math.min(MAX_FIT_SCALE, Math.min(getWidth() / size.getX(), getHeight() / size.getY()));
            setScale(factor);
            translate.setX((getWidth() - size.getX() * factor) / 2);
            translate.setY((getHeight() - size.getY() * factor) / 2);
        }
    }

    private void zoom(ScrollEvent event) {
        double notches = event.getMultiplierY() == 0 ? 0 : event.getDeltaY() / event.getMultiplierY();
        double factor = clamp(scale.getX() * Math.pow(ZOOM_PER_NOTCH, notches)) / scale.getX();
        // keep the point under the pointer where it is
        translate.setX(event.getX() - (event.getX() - translate.getX()) * factor);
        translate.setY(event.getY() - (event.getY() - translate.getY()) * factor);
        setScale(scale.getX() * factor);
        fitting = false;
        event.consume();
    }

    private void startPan(MouseEvent event) {
        if (event.getButton() == MouseButton.PRIMARY) {
            dragAnchor = new Point2D(event.getX() - translate.getX(), event.getY() - translate.getY());
        }
    }

    private void pan(MouseEvent event) {
        if (dragAnchor != null && event.isPrimaryButtonDown()) {
            setCursor(Cursor.CLOSED_HAND);
            translate.setX(event.getX() - dragAnchor.getX());
            translate.setY(event.getY() - dragAnchor.getY());
            fitting = false;
        }
    }

    private void setScale(double factor) {
        scale.setX(factor);
        scale.setY(factor);
    }

    private static double clamp(double factor) {
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, factor));
    }
}
