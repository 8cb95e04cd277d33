package de.dormagentwin.live;

import java.util.Map;

/**
 * A SensorThings Thing with its Location, as a source describes it. {@code objectId} binds it to a city object of
 * the model where the source knows one; the position is WGS84 (NaN when the source gives none).
 */
public record Thing(String source, String remoteId, String name, String description, Map<String, Object> properties,
                    String objectId, double longitudeDegrees, double latitudeDegrees) {

    public Thing {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
        description = description == null ? "" : description;
    }

    public boolean hasPosition() {
        return Double.isFinite(longitudeDegrees) && Double.isFinite(latitudeDegrees);
    }
}
