package de.dormagentwin.live;

/**
 * A SensorThings Datastream as a source describes it, with its Sensor, ObservedProperty and unit flattened in, and
 * the classification that decides who may see it.
 */
public record Datastream(String source, String remoteId, String thingRemoteId, String name, String observedProperty,
                         String sensor, String unitName, String unitSymbol, Classification classification) {

    public Datastream {
        unitName = unitName == null ? "" : unitName;
        unitSymbol = unitSymbol == null ? "" : unitSymbol;
        sensor = sensor == null ? "" : sensor;
    }
}
