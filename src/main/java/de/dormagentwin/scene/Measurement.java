package de.dormagentwin.scene;

import javafx.geometry.Point3D;

import java.util.ArrayList;
import java.util.List;

/**
 * Points picked on the model, in scene coordinates (x east, y down, z north, metres), and what a planner measures
 * through them: the length of the path, the height between its ends, and the area they enclose. Immutable: adding
 * a point makes a new measurement, so one can be handed to the UI while the next is being picked.
 */
public final class Measurement {
    public static final Measurement EMPTY = new Measurement(List.of());

    private final List<Point3D> points;

    private Measurement(List<Point3D> points) {
        this.points = points;
    }

    public static Measurement of(List<Point3D> points) {
        return new Measurement(List.copyOf(points));
    }

    public static Measurement of(Point3D... points) {
        return of(List.of(points));
    }

    public Measurement with(Point3D point) {
        List<Point3D> longer = new ArrayList<>(points);
        longer.add(point);
        return new Measurement(List.copyOf(longer));
    }

    public List<Point3D> points() {
        return points;
    }

    public boolean isEmpty() {
        return points.isEmpty();
    }

    /** The length of the path from the first point through each in turn to the last, in metres. */
    public double distanceMetres() {
        double length = 0;
        for (int i = 1; i < points.size(); i++) {
            length += points.get(i).distance(points.get(i - 1));
        }
        return length;
    }

    /** How far the last point lies above or below the first, in metres, never negative. */
    public double heightMetres() {
        return points.size() < 2 ? 0 : Math.abs(points.get(points.size() - 1).getY() - points.get(0).getY());
    }

    /**
     * The area of the polygon through the points as seen from above (on the map), in square metres: what a plot
     * or a footprint covers. A roof's slope or a wall adds nothing here; see {@link #planarAreaSquareMetres()}.
     */
    public double groundAreaSquareMetres() {
        double twiceArea = 0;
        for (int i = 0; i < points.size(); i++) {
            Point3D a = points.get(i);
            Point3D b = points.get((i + 1) % points.size());
            twiceArea += a.getX() * b.getZ() - b.getX() * a.getZ();
        }
        return Math.abs(twiceArea) / 2;
    }

    /**
     * The area of the polygon through the points in its own plane, in square metres: a sloped roof's or a wall's
     * true surface. Newell's method, which for points not quite in one plane (picks are a few centimetres off)
     * gives the area of their projection on the plane that fits them best.
     */
    public double planarAreaSquareMetres() {
        double normalX = 0;
        double normalY = 0;
        double normalZ = 0;
        for (int i = 0; i < points.size(); i++) {
            Point3D a = points.get(i);
            Point3D b = points.get((i + 1) % points.size());
            normalX += (a.getY() - b.getY()) * (a.getZ() + b.getZ());
            normalY += (a.getZ() - b.getZ()) * (a.getX() + b.getX());
            normalZ += (a.getX() - b.getX()) * (a.getY() + b.getY());
        }
        return Math.sqrt(normalX * normalX + normalY * normalY + normalZ * normalZ) / 2;
    }

    @Override
    public String toString() {
        return "Measurement" + points;
    }
}
