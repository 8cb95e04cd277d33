package de.dormagentwin.live.store;

/** The cache could not do what was asked; the message says what and where, for the user. */
public final class CacheException extends Exception {
    public CacheException(String message, Throwable cause) {
        super(message, cause);
    }
}
