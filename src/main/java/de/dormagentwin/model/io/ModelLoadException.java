package de.dormagentwin.model.io;

import java.io.IOException;

/** A file that cannot be read as a city model at all; the message names the file and, for JSON, line and column. */
public final class ModelLoadException extends IOException {
    private static final long serialVersionUID = 1L;

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }

    public ModelLoadException(String message) {
        super(message);
    }
}
