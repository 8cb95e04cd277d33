package de.dormagentwin.model;

import java.util.List;
import java.util.Map;

/**
 * A city object: a building, a tank, the Rhine. Attributes are plain Java values (String, Number, Boolean,
 * List, Map) so that the model depends on no parser.
 */
public record CityObject(String id, String type, Map<String, Object> attributes, List<String> parents,
                         List<String> children, List<Geometry> geometries) {

    /** Extension types (CityJSON's "+Name") load as generic objects: kept and drawn, never interpreted. */
    public boolean isExtensionType() {
        return type.startsWith("+");
    }

    /** A text attribute, or null when absent or not text. */
    public String textAttribute(String name) {
        return attributes.get(name) instanceof String text ? text : null;
    }

    /** The geometry the viewer draws for this object under {@code choice}, or null when none matches. */
    public Geometry geometryFor(LodChoice choice) {
        Geometry best = null;
        for (Geometry geometry : geometries) {
            if (geometry.type().hasSurfaces() && choice.accepts(geometry.lod())
                    && (best == null || LodChoice.compare(geometry.lod(), best.lod()) > 0)) {
                best = geometry;
            }
        }
        return best;
    }
}
