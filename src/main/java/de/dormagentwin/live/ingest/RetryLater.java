package de.dormagentwin.live.ingest;

import java.io.IOException;
import java.time.Duration;

/**
 * A fetch failed and the server said when to try again ({@code Retry-After}): the ingest service waits at least that
 * long before the next try, and at most {@link #MAX_WAIT}, so a server cannot park a source for days.
 */
public final class RetryLater extends IOException {
    private static final long serialVersionUID = 1L;

    /** The longest wait a server can ask for. */
    public static final Duration MAX_WAIT = Duration.ofMinutes(15);

    private final Duration wait;

    public RetryLater(String message, Duration wait) {
        super(message);
        this.wait = wait.isNegative() ? Duration.ZERO : wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    /** How long to wait before the next try, capped. */
    public Duration waitFor() {
        return wait;
    }
}
