package de.dormagentwin.overlay;

import de.dormagentwin.live.store.Latest;

import java.time.Duration;
import java.time.Instant;

/** Whether a value still says how things are: older than twice its stream's usual interval, it is stale. */
public final class Freshness {
    /** For a stream that has reported only once its interval is unknown: assume half an hour (stale after an hour). */
    static final Duration UNKNOWN_INTERVAL = Duration.ofMinutes(30);
    /**
     * Intervals are counted as at least this: a stream that reports every minute now may have reported every 15
     * minutes in the history being played back, and a value a few minutes old still describes a city.
     */
    static final Duration MINIMUM_INTERVAL = Duration.ofMinutes(15);

    private Freshness() {
    }

    public static boolean isStale(Latest value, Instant now) {
        if (!value.hasValue()) {
            return false;
        }
        Duration interval = value.usualInterval() != null ? value.usualInterval() : UNKNOWN_INTERVAL;
        if (interval.compareTo(MINIMUM_INTERVAL) < 0) {
            interval = MINIMUM_INTERVAL;
        }
        return Duration.between(value.time(), now).compareTo(interval.multipliedBy(2)) > 0;
    }
}
