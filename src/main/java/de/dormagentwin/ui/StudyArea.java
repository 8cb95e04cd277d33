package de.dormagentwin.ui;

import de.dormagentwin.scene.Measurement;
import de.dormagentwin.scene.OrbitCamera;
import javafx.geometry.Point3D;

import java.util.List;

/** Where the planner's shadow study counts: the box around the measured points, or a square around the view's centre. */
final class StudyArea {
    /** The study's cell, in metres, as the issue and `twin shadow` have it; coarser where an area holds too many. */
    static final double CELL = 2;
    /** The square around the view's centre when no area is measured, in metres. */
    static final double WITHOUT_MEASURE = 600;

    private StudyArea() {
    }

    /** {minEast, minNorth, maxEast, maxNorth}: around the measured points where there are three or more, else around the view's centre. */
    static double[] of(Measurement measurement, OrbitCamera.View view, double[] origin) {
        List<Point3D> points = measurement.points();
        if (points.size() < 3) {
            double half = WITHOUT_MEASURE / 2;
            return new double[] {origin[0] + view.targetX() - half, origin[1] + view.targetZ() - half, origin[0] + view.targetX() + half,
                    origin[1] + view.targetZ() + half};
        }
        double[] area = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (Point3D point : points) {
            area[0] = Math.min(area[0], origin[0] + point.getX());
            area[1] = Math.min(area[1], origin[1] + point.getZ());
            area[2] = Math.max(area[2], origin[0] + point.getX());
            area[3] = Math.max(area[3], origin[1] + point.getZ());
        }
        // Points in a line east to west or north to south outline no area: give it a cell's width either way.
        for (int axis = 0; axis < 2; axis++) {
            if (area[axis + 2] - area[axis] < CELL) {
                double middle = (area[axis] + area[axis + 2]) / 2;
                area[axis] = middle - CELL / 2;
                area[axis + 2] = middle + CELL / 2;
            }
        }
        return area;
    }
}
