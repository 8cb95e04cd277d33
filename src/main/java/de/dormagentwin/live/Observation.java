package de.dormagentwin.live;

import java.time.Instant;
import java.util.Objects;

/**
 * One result of a datastream at a phenomenon time. A result is a number or, for non-numeric observations, a text;
 * never both. NaN and infinities are not numbers a sensor measured: sources reject them before they get here.
 */
public record Observation(String source, String datastreamRemoteId, Instant phenomenonTime, double number, String text) {

    public Observation {
        Objects.requireNonNull(phenomenonTime, "phenomenonTime");
        if (text == null && !Double.isFinite(number)) {
            throw new IllegalArgumentException("result of " + datastreamRemoteId + " at " + phenomenonTime + " is not a finite number");
        }
    }

    public static Observation number(String source, String datastream, Instant time, double value) {
        return new Observation(source, datastream, time, value, null);
    }

    public static Observation text(String source, String datastream, Instant time, String value) {
        return new Observation(source, datastream, time, Double.NaN, Objects.requireNonNull(value));
    }

    public boolean isNumber() {
        return text == null;
    }
}
