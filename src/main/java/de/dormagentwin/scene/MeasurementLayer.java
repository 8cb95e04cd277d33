package de.dormagentwin.scene;

import javafx.geometry.Point3D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.Cylinder;
import javafx.scene.shape.Sphere;
import javafx.scene.transform.Rotate;

/**
 * Draws a measurement in the 3D view: a ball at each picked point and a rod from each to the next (and back to the
 * first when closed, for an area). A measurement has a handful of points, so a node per point costs nothing worth
 * merging. Mouse-transparent, so that it never takes a pick from the model under it. Add {@link #node()} with
 * {@link CityScene#addLayer}; use on the FX thread.
 */
public final class MeasurementLayer {
    /** Magenta: no roof, wall, ground, water, overlay colour or selection highlight is near it. */
    public static final Color COLOR = Color.web("#ff2bd6");
    private static final double ROD_SHARE_OF_RADIUS = 0.35;

    private final Group root = new Group();
    private final PhongMaterial material = new PhongMaterial(COLOR);
    private Measurement measurement = Measurement.EMPTY;
    private double markerRadius = 0.5;
    private boolean closed;

    public MeasurementLayer() {
        // Half its colour glows of itself, so that it stays plain to see on the shaded side and at night.
        WritableImage glow = new WritableImage(1, 1);
        glow.getPixelWriter().setColor(0, 0, COLOR.deriveColor(0, 1, 0.5, 1));
        material.setSelfIlluminationMap(glow);
        material.setSpecularColor(Color.gray(0.3));
        root.setMouseTransparent(true);
        root.setId("measurement");
    }

    public Node node() {
        return root;
    }

    public Measurement measurement() {
        return measurement;
    }

    public void add(Point3D point) {
        measurement = measurement.with(point);
        redraw();
    }

    public void clear() {
        measurement = Measurement.EMPTY;
        redraw();
    }

    /** Whether a rod also runs from the last point back to the first, outlining the area being measured. */
    public void setClosed(boolean closed) {
        this.closed = closed;
        redraw();
    }

    /** The balls' radius in metres: the UI may grow it with the camera's distance so that they stay visible. */
    public void setMarkerRadius(double metres) {
        markerRadius = metres;
        redraw();
    }

    private void redraw() {
        root.getChildren().clear();
        int count = measurement.points().size();
        for (int i = 0; i < count; i++) {
            Point3D point = measurement.points().get(i);
            Sphere ball = new Sphere(markerRadius, 16);
            ball.setMaterial(material);
            ball.setTranslateX(point.getX());
            ball.setTranslateY(point.getY());
            ball.setTranslateZ(point.getZ());
            root.getChildren().add(ball);
            if (i > 0) {
                root.getChildren().add(rod(measurement.points().get(i - 1), point));
            }
        }
        if (closed && count > 2) {
            root.getChildren().add(rod(measurement.points().get(count - 1), measurement.points().get(0)));
        }
    }

    /** A thin cylinder from one point to another: a Cylinder stands along y around its centre, so turn it onto the segment. */
    private Cylinder rod(Point3D from, Point3D to) {
        Point3D along = to.subtract(from);
        Cylinder rod = new Cylinder(markerRadius * ROD_SHARE_OF_RADIUS, along.magnitude(), 8);
        rod.setMaterial(material);
        Point3D middle = from.midpoint(to);
        rod.setTranslateX(middle.getX());
        rod.setTranslateY(middle.getY());
        rod.setTranslateZ(middle.getZ());
        Point3D axis = Rotate.Y_AXIS.crossProduct(along);
        if (axis.magnitude() > 1e-9) {
            rod.getTransforms().add(new Rotate(Rotate.Y_AXIS.angle(along), axis));
        }
        return rod;
    }
}
