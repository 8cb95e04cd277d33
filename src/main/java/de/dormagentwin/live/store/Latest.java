package de.dormagentwin.live.store;

import de.dormagentwin.live.Datastream;

import java.time.Duration;
import java.time.Instant;

/**
 * A datastream's value at some moment: its newest observation, or the last one as of a time. {@code time} is null
 * where there is none; {@code number} is NaN for a text result or none. {@code objectId} is the
 * {@link de.dormagentwin.live.Place} it is shown at: the city object its thing is bound to, else the thing's own
 * position, if any. {@code usualInterval} is how often the stream reports (null until it has reported twice).
 */
public record Latest(long datastreamId, Datastream datastream, String objectId, Instant time, double number, String text,
                     long revision, Duration usualInterval) {

    public boolean hasValue() {
        return time != null;
    }

    /** The same value, bound to another city object (a bindings file decides). */
    public Latest boundTo(String otherObjectId) {
        return new Latest(datastreamId, datastream, otherObjectId, time, number, text, revision, usualInterval);
    }

    Latest at(Instant otherTime, double otherNumber, String otherText) {
        return new Latest(datastreamId, datastream, objectId, otherTime, otherNumber, otherText, revision, usualInterval);
    }
}
