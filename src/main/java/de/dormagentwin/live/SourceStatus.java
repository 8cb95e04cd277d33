package de.dormagentwin.live;

import java.time.Instant;

/**
 * How a source is doing, for the status bar: {@code since} is when it entered the state (for OFFLINE, the first
 * failure of the streak); {@code problem} the last failure's message, or empty.
 */
public record SourceStatus(String source, State state, Instant since, Instant lastSuccess, String problem) {

    public enum State {
        /** Not fetched yet. */
        STARTING,
        /** The last fetch worked. */
        LIVE,
        /** The last fetch failed; the next try comes after a backoff. */
        RETRYING,
        /** Several fetches in a row failed; the service keeps trying, less often. */
        OFFLINE
    }
}
