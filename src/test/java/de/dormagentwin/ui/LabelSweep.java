package de.dormagentwin.ui;

import de.dormagentwin.live.Classification;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.store.Latest;
import de.dormagentwin.scene.OrbitCamera;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Moves the camera over the three houses so that their value labels pass every edge and corner of the view, and
 * notes each label drawn where it must not be: out of the view, or over one of the nodes that stand on it.
 */
final class LabelSweep {
    /** What the sweep saw: how many labels it found drawn, and a line for each one in the wrong place. */
    record Result(int labelsSeen, List<String> misplaced) {
    }

    private LabelSweep() {
    }

    /** PM10 values on the three houses, fresh at {@code now}. */
    static Map<String, List<Latest>> pm10(Instant now) {
        Datastream stream = new Datastream("test", "box/pm10", "box", "Box: PM10", "PM10 concentration", "sensor", "microgram per cubic metre",
                "µg/m³", Classification.PUBLIC);
        return Map.of("house-a", List.of(new Latest(1, stream, "house-a", now, 21, null, 1, null)),
                "house-b", List.of(new Latest(2, stream, "house-b", now, 34, null, 1, null)),
                "house-c", List.of(new Latest(3, stream, "house-c", now, 48, null, 1, null)));
    }

    /** FX thread. Straight down from 150 m, the houses' centre moved across a grid wider than the view. */
    static Result sweep(CityViewport viewport, List<Node> obstacles) {
        int seen = 0;
        List<String> misplaced = new ArrayList<>();
        Bounds view = viewport.localToScene(viewport.getBoundsInLocal());
        for (double x = -160; x <= 160; x += 16) {
            for (double z = -130; z <= 130; z += 2.5) {
                viewport.cityScene().camera().set(new OrbitCamera.View(x, 0, z, 0, 89.9, 150));
                for (Node node : viewport.valueLabels().getChildrenUnmodifiable()) {
                    if (!(node instanceof Label label) || !label.isVisible()) {
                        continue;
                    }
                    seen++;
                    // Its box as laid out: its text is laid out in it at the next pulse, before anything is drawn.
                    Bounds bounds = label.localToScene(label.getLayoutBounds());
                    if (!view.contains(bounds)) {
                        misplaced.add(label.getText() + " at " + bounds + " leaves the view " + view);
                    }
                    for (Node obstacle : obstacles) {
                        Bounds taken = obstacle.localToScene(obstacle.getBoundsInLocal());
                        if (obstacle.isVisible() && taken.intersects(bounds)) {
                            misplaced.add(label.getText() + " at " + bounds + " is over " + obstacle + " at " + taken);
                        }
                    }
                }
            }
        }
        return new Result(seen, misplaced);
    }
}
