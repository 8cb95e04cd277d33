package de.dormagentwin.live;

/**
 * The observed properties the safety view draws its plume from. The simulator writes them and the view looks them up
 * by name: one spelling here, or the view would stay empty over a cache full of the very data it needs.
 */
public final class SafetyQuantities {
    /** A stack's emission: the plume starts at the stack that emits most. */
    public static final String NOX = "NOx concentration";
    public static final String WIND_SPEED = "wind speed";
    /** Where the wind comes from, degrees clockwise from north. */
    public static final String WIND_DIRECTION = "wind direction";

    private SafetyQuantities() {
    }
}
