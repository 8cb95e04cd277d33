package de.dormagentwin.model;

import de.dormagentwin.model.geometry.PlanRings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A building that a planning variant proposes: a footprint in EPSG:25832 metres raised by a height. The height is
 * above the ground, not absolute, because that is how planners state it; the scene puts the footprint on its ground.
 *
 * @param name       what the info panel calls it
 * @param polygons   the footprint's parts (one, or several for wings that do not touch)
 * @param height     metres above the ground, above 0
 * @param properties the feature's other properties as text, in the file's order, for the info panel
 */
public record PlannedBuilding(String name, List<Polygon> polygons, double height, Map<String, String> properties) {

    public PlannedBuilding {
        Objects.requireNonNull(name, "name");
        if (polygons.isEmpty()) {
            throw new IllegalArgumentException(name + ": a footprint needs at least one polygon");
        }
        if (!(height > 0) || !Double.isFinite(height)) {
            throw new IllegalArgumentException(name + ": height must be above 0 m, not " + height);
        }
        polygons = List.copyOf(polygons);
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** The area the building covers, in square metres: its outer rings less its holes. */
    public double footprintArea() {
        return polygons.stream().mapToDouble(Polygon::area).sum();
    }

    /**
     * One polygon of a footprint: ring 0 is the outer boundary, any others are holes (a courtyard). Each ring holds
     * x (easting), y (northing) pairs in EPSG:25832 metres, without repeating its first point at the end.
     *
     * <p>The outer ring is stored counter-clockwise and holes clockwise, whatever the file had, so that whoever
     * extrudes a polygon can rely on the winding to know which side of a wall is outside.
     */
    public record Polygon(List<double[]> rings) {

        public Polygon {
            if (rings.isEmpty()) {
                throw new IllegalArgumentException("a polygon needs an outer ring");
            }
            List<double[]> oriented = new ArrayList<>(rings.size());
            for (int ring = 0; ring < rings.size(); ring++) {
                double[] points = rings.get(ring);
                if (points.length < 6 || points.length % 2 != 0) {
                    throw new IllegalArgumentException("ring " + (ring + 1) + " needs at least 3 points as x, y pairs");
                }
                boolean counterClockwise = PlanRings.signedArea(points) > 0;
                boolean wantCounterClockwise = ring == 0;
                oriented.add(counterClockwise == wantCounterClockwise ? points.clone() : PlanRings.reversed(points));
            }
            rings = List.copyOf(oriented);
        }

        public double area() {
            double area = PlanRings.signedArea(rings.get(0));
            for (int hole = 1; hole < rings.size(); hole++) {
                area += PlanRings.signedArea(rings.get(hole));
            }
            return area;
        }
    }
}
