package de.dormagentwin.testing;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;

import java.time.Duration;
import java.util.concurrent.Callable;

/** What a user can read on a pane, and waiting for something to appear there. */
public final class ScreenText {
    private ScreenText() {
    }

    /** Every visible text of the pane (labels, buttons, check boxes), a line each, starting with a line break. FX thread. */
    public static String of(Parent pane) {
        pane.applyCss();
        pane.layout();
        StringBuilder text = new StringBuilder("\n");
        for (Node node : pane.lookupAll("*")) {
            if (node instanceof Labeled labeled && visible(node) && labeled.getText() != null && !labeled.getText().isEmpty()) {
                text.append(labeled.getText()).append('\n');
            }
        }
        return text.toString();
    }

    /** Whether the node and every parent of it is visible. */
    public static boolean visible(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Waits up to 30 s for a text to appear on the pane and returns everything it shows then. */
    public static String waitFor(Parent pane, String expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String text = "";
        while (System.nanoTime() < deadline) {
            text = FxThread.call(() -> of(pane));
            if (text.contains(expected)) {
                return text;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("'" + expected + "' never appeared in: " + text);
    }

    /** Waits up to 30 s for a condition: generous for a loaded machine, and free when the condition holds early. */
    public static void waitUntil(Callable<Boolean> condition, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.call()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("never happened: " + what);
    }
}
