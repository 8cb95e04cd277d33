package de.dormagentwin.app;

import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs test code on the FX thread and hands back its result. */
final class FxThread {
    private FxThread() {
    }

    static <T> T call(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(2, TimeUnit.MINUTES);
    }

    /** Waits until the FX thread has drawn a few more pulses, so that what was changed is on screen. */
    static void settle() throws Exception {
        for (int i = 0; i < 5; i++) {
            call(() -> null);
            Thread.sleep(60);
        }
    }
}
