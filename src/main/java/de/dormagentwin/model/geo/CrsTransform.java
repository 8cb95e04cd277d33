package de.dormagentwin.model.geo;

import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.Proj4jException;
import org.locationtech.proj4j.ProjCoordinate;
import org.locationtech.proj4j.io.Proj4FileReader;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Easting and northing from one projected CRS to another with proj4j and the EPSG definitions it ships (datum shifts
 * by the seven parameters EPSG gives, no grids: a metre or so between DHDN and ETRS89, which a city model drawn beside
 * another can carry). Heights stay as they are: both CRSs' vertical datums are left to the files.
 *
 * <p>One instance is not thread-safe (proj4j's transform keeps scratch state); make one per model.
 */
public final class CrsTransform {
    private static final CRSFactory FACTORY = new CRSFactory();
    /** proj4j reads its 900 KB definitions file on each look-up; a folder of tiles asks for the same few codes. */
    private static final Map<Integer, Optional<CoordinateReferenceSystem>> SYSTEMS = new ConcurrentHashMap<>();

    private final BasicCoordinateTransform transform;
    private final ProjCoordinate in = new ProjCoordinate();
    private final ProjCoordinate out = new ProjCoordinate();

    private CrsTransform(CoordinateReferenceSystem from, CoordinateReferenceSystem to) {
        transform = new BasicCoordinateTransform(from, to);
    }

    /** Whether EPSG defines this code as a CRS proj4j can project: false for geographic ones and unknown codes. */
    public static boolean isProjected(Crs crs) {
        return system(crs).filter(system -> !Boolean.TRUE.equals(system.isGeographic())).isPresent();
    }

    /** The transform from one projected CRS to another; IllegalArgumentException where either is not one. */
    public static CrsTransform between(Crs from, Crs to) {
        for (Crs crs : new Crs[]{from, to}) {
            if (!isProjected(crs)) {
                throw new IllegalArgumentException(crs + " is not a projected CRS that EPSG defines");
            }
        }
        return new CrsTransform(system(from).orElseThrow(), system(to).orElseThrow());
    }

    /**
     * Transforms the x and y of {@code count} vertices (x y z interleaved) in place; z is untouched. A vertex that is
     * NaN stays NaN, and one the projection cannot map becomes NaN, as readers mark a vertex they could not read.
     */
    public void apply(double[] vertices, int count) {
        for (int v = 0; v < count; v++) {
            int i = v * 3;
            if (!Double.isFinite(vertices[i]) || !Double.isFinite(vertices[i + 1])) {
                continue;
            }
            in.x = vertices[i];
            in.y = vertices[i + 1];
            try {
                transform.transform(in, out);
                vertices[i] = out.x;
                vertices[i + 1] = out.y;
            } catch (Proj4jException e) {
                vertices[i] = Double.NaN;
                vertices[i + 1] = Double.NaN;
            }
        }
    }

    private static Optional<CoordinateReferenceSystem> system(Crs crs) {
        if (crs == null) {
            return Optional.empty();
        }
        return SYSTEMS.computeIfAbsent(crs.epsg(), CrsTransform::lookUp);
    }

    /**
     * EPSG's definition of a code. A compound CRS (3D BAG's EPSG:7415, RD New + NAP height) names its vertical unit,
     * which proj4j refuses to parse; heights are not transformed here, so its horizontal part is all that is needed.
     */
    private static Optional<CoordinateReferenceSystem> lookUp(int code) {
        try {
            String[] parameters = new Proj4FileReader().readParametersFromFile("epsg", Integer.toString(code));
            if (parameters == null) {
                return Optional.empty();
            }
            String[] horizontal = Arrays.stream(parameters).filter(parameter -> !parameter.startsWith("+vunits=")).toArray(String[]::new);
            return Optional.ofNullable(FACTORY.createFromParameters("EPSG:" + code, horizontal));
        } catch (IOException | Proj4jException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
