package de.dormagentwin.testing;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs test code on the FX thread and hands back its result. */
public final class FxThread {
    private FxThread() {
    }

    public static <T> T call(Callable<T> work) throws Exception {
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

    /** Shows a root in a new window at the screen's corner. FX thread. */
    public static Stage show(Parent root, double width, double height) {
        Stage stage = new Stage();
        stage.setScene(new Scene(root, width, height));
        stage.setX(0);
        stage.setY(0);
        stage.show();
        return stage;
    }

    /** Closes a window shown by a test, if it got that far. */
    public static void close(Stage stage) throws Exception {
        if (stage != null) {
            call(() -> {
                stage.close();
                return null;
            });
        }
    }

    /** A real click through the X server on a node's centre, so that JavaFX picks as it does for a user. */
    public static void clickTheCentreOf(Node node) throws Exception {
        call(() -> {
            Bounds bounds = node.localToScreen(node.getBoundsInLocal());
            Robot robot = new Robot();
            robot.mouseMove(bounds.getCenterX(), bounds.getCenterY());
            robot.mouseClick(MouseButton.PRIMARY);
            return null;
        });
        settle();
    }

    /** Waits until the FX thread has drawn a few more pulses, so that what was changed is on screen. */
    public static void settle() throws Exception {
        for (int i = 0; i < 5; i++) {
            call(() -> null);
            Thread.sleep(60);
        }
    }
}
