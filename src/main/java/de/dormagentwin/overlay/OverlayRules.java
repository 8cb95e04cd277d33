package de.dormagentwin.overlay;

import de.dormagentwin.overlay.ColorRule.Band;

import java.util.List;
import java.util.Optional;

/** The colour rules the twin ships, per observed property. */
public final class OverlayRules {
    private static final int GREEN = 0xFF2E9E44;
    private static final int YELLOW = 0xFFF2D024;
    private static final int ORANGE = 0xFFF08A1C;
    private static final int RED = 0xFFD7261E;
    private static final int BLUE = 0xFF2F6FD0;

    private static final List<ColorRule> DEFAULTS = List.of(
            ColorRule.thresholds("PM10", "PM10 concentration", "µg/m³", "EU daily limit 50 µg/m³",
                    new Band(0, GREEN, "below 20"), new Band(20, YELLOW, "20 to 40"), new Band(40, ORANGE, "40 to 50"),
                    new Band(50, RED, "above 50")),
            ColorRule.thresholds("PM2.5", "PM2.5 concentration", "µg/m³", "EU annual limit 25 µg/m³",
                    new Band(0, GREEN, "below 10"), new Band(10, YELLOW, "10 to 20"), new Band(20, ORANGE, "20 to 25"),
                    new Band(25, RED, "above 25")),
            ColorRule.thresholds("Noise", "noise level", "dB(A)", "",
                    new Band(0, GREEN, "below 55"), new Band(55, YELLOW, "55 to 65"), new Band(65, ORANGE, "65 to 70"),
                    new Band(70, RED, "above 70")),
            ColorRule.thresholds("CO2", "CO2 concentration", "ppm", "",
                    new Band(0, GREEN, "below 450"), new Band(450, YELLOW, "450 to 600"), new Band(600, RED, "above 600")),
            ColorRule.thresholds("NOx (stacks)", "NOx concentration", "mg/m³", "",
                    new Band(0, GREEN, "below 100"), new Band(100, ORANGE, "100 to 200"), new Band(200, RED, "above 200")),
            ColorRule.gradient("Temperature", "air temperature", "°C",
                    new Band(-10, BLUE, "-10"), new Band(10, GREEN, "10"), new Band(20, YELLOW, "20"), new Band(32, RED, "32")),
            ColorRule.gradient("Cars", "car count", "per 15 min",
                    new Band(0, GREEN, "0"), new Band(60, YELLOW, "60"), new Band(150, RED, "150")),
            ColorRule.gradient("Tank levels", "fill level", "%",
                    new Band(0, 0xFFE8F0FF, "0"), new Band(100, BLUE, "100")));

    private OverlayRules() {
    }

    public static List<ColorRule> defaults() {
        return DEFAULTS;
    }

    /** A rule by its name, case-insensitively ("pm10", "Noise"). */
    public static Optional<ColorRule> named(String name) {
        return DEFAULTS.stream().filter(rule -> rule.name().equalsIgnoreCase(name)).findFirst();
    }
}
