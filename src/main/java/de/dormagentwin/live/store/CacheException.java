package de.dormagentwin.live.store;

import java.io.IOException;

/**
 * The cache could not do what was asked; the message says what and where, for the user. An IOException, since
 * to a source writing through the ingest service a full disk and a locked cache are the same kind of failure.
 */
public final class CacheException extends IOException {
    private static final long serialVersionUID = 1L;

    public CacheException(String message, Throwable cause) {
        super(message, cause);
    }
}
