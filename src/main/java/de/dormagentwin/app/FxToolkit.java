package de.dormagentwin.app;

import javafx.application.Platform;

import java.util.concurrent.CountDownLatch;

/** Starts the JavaFX toolkit once per process for commands that render without a window of their own. */
final class FxToolkit {
    private static boolean started;

    private FxToolkit() {
    }

    static synchronized void start() throws InterruptedException {
        if (started) {
            return;
        }
        CountDownLatch ready = new CountDownLatch(1);
        try {
            Platform.startup(ready::countDown);
        } catch (IllegalStateException alreadyRunning) {
            ready.countDown();
        }
        Platform.setImplicitExit(false);
        ready.await();
        started = true;
    }
}
