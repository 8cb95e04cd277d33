package de.dormagentwin.scene;

/** A view name the model has no view for: a usage error for the commands that take one. */
public final class UnknownCameraException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UnknownCameraException(String message) {
        super(message);
    }
}
