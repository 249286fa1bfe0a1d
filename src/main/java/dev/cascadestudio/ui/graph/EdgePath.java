package dev.cascadestudio.ui.graph;

import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.QuadCurveTo;

/** An orthogonal polyline with slightly rounded corners, which reads better than sharp elbows. */
final class EdgePath extends Path {

    private static final double CORNER_RADIUS = 6;

    void trace(List<Point2D> points) {
        getElements().clear();
        Point2D first = points.get(0);
        getElements().add(new MoveTo(first.getX(), first.getY()));
        for (int i = 1; i < points.size() - 1; i++) {
            Point2D previous = points.get(i - 1);
            Point2D corner = points.get(i);
            Point2D next = points.get(i + 1);
            double radius = Math.min(CORNER_RADIUS,
                    Math.min(corner.distance(previous), corner.distance(next)) / 2);
            Point2D in = corner.add(previous.subtract(corner).normalize().multiply(radius));
            Point2D out = corner.add(next.subtract(corner).normalize().multiply(radius));
            getElements().add(new LineTo(in.getX(), in.getY()));
            getElements().add(new QuadCurveTo(corner.getX(), corner.getY(), out.getX(), out.getY()));
        }
        Point2D last = points.get(points.size() - 1);
        getElements().add(new LineTo(last.getX(), last.getY()));
    }
}
