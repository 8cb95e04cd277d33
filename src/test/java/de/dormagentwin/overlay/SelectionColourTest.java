package de.dormagentwin.overlay;

import de.dormagentwin.scene.CityLayer;
import de.dormagentwin.scene.PlanningLayer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The selection must never be read as a value: its colour is none that a legend or a planned building shows. */
class SelectionColourTest {
    /** Euclidean distance in RGB under which two colours side by side on a map are easily taken for one another. */
    private static final double CLEARLY_APART = 120;

    private static double distance(int a, int b) {
        int red = (a >> 16 & 0xFF) - (b >> 16 & 0xFF);
        int green = (a >> 8 & 0xFF) - (b >> 8 & 0xFF);
        int blue = (a & 0xFF) - (b & 0xFF);
        return Math.sqrt(red * red + green * green + blue * blue);
    }

    /** Every colour a rule paints: its bands, and for a gradient the blends between its stops too. */
    private static List<Integer> coloursOf(ColorRule rule) {
        List<Integer> colours = new ArrayList<>();
        rule.bands().forEach(band -> colours.add(band.argb()));
        double low = rule.bands().get(0).from();
        double high = rule.bands().get(rule.bands().size() - 1).from();
        for (int step = 0; step <= 100; step++) {
            colours.add(rule.colorOf(low + (high - low) * step / 100));
        }
        return colours;
    }

    @Test
    void theSelectionColourIsClearlyNoneOfAnyRulesColours() {
        for (ColorRule rule : OverlayRules.defaults()) {
            for (int colour : coloursOf(rule)) {
                assertTrue(distance(CityLayer.SELECTION_ARGB, colour) >= CLEARLY_APART, String.format(
                        "the selection %s is too close to %s of %s", Colors.css(CityLayer.SELECTION_ARGB), Colors.css(colour), rule.name()));
            }
        }
    }

    @Test
    void theSelectionColourIsClearlyNotTheAlertsNorAPlannedBuildings() {
        for (int colour : new int[]{ThematicOverlay.ALERT_ARGB, PlanningLayer.WALL_ARGB, PlanningLayer.ROOF_ARGB, Colors.NO_DATA}) {
            assertTrue(distance(CityLayer.SELECTION_ARGB, colour) >= CLEARLY_APART, Colors.css(colour));
        }
    }
}
