package de.dormagentwin.sample;

import java.util.List;
import java.util.Map;

/**
 * One city object ready to be written: its id, CityJSON type, attributes in output order
 * and geometries. Lives only until its feature line is written.
 */
record CityObjectRecord(String id, String type, Map<String, Object> attributes, List<Geometry> geometries) {

    /** Whether the boundaries form one closed shell or a loose set of surfaces. */
    enum GeometryType {
        SOLID("Solid"),
        MULTI_SURFACE("MultiSurface");

        private final String cityJsonName;

        GeometryType(String cityJsonName) {
            this.cityJsonName = cityJsonName;
        }

        String cityJsonName() {
            return cityJsonName;
        }
    }

    record Geometry(GeometryType type, String levelOfDetail, Mesh mesh) {
    }

    static CityObjectRecord of(String id, String type, Map<String, Object> attributes,
            GeometryType geometryType, String levelOfDetail, Mesh mesh) {
        return new CityObjectRecord(id, type, attributes, List.of(new Geometry(geometryType, levelOfDetail, mesh)));
    }
}
