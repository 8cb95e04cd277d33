package de.dormagentwin.testing;

import de.dormagentwin.app.FxToolkit;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Rendering tests need a display with OpenGL. Without one they skip with a message, except under CI=true, where a
 * missing display means a broken set-up and fails the build.
 */
public final class Display3D {
    private Display3D() {
    }

    public static void require() throws InterruptedException {
        boolean ci = "true".equals(System.getenv("CI"));
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            unavailable(ci, "no DISPLAY: run under Xvfb (xvfb-run -a -s \"-screen 0 1920x1080x24\") to run the rendering tests");
        }
        FxToolkit.start();
        if (!Platform.isSupported(ConditionalFeature.SCENE3D)) {
            unavailable(ci, "the display has no 3D support (install Mesa: libgl1-mesa-dri)");
        }
    }

    private static boolean told;
    private static void unavailable(boolean ci, String message) {
        if (ci) {
            Assertions.fail("CI=true but " + message);
        }
        // Surefire's summary shows only a count of skipped tests; say once on the console why they skip.
        if (!told) {
            told = true;
            System.err.println("Rendering tests skipped: " + message);
        }
        Assumptions.abort(message);
    }
}
