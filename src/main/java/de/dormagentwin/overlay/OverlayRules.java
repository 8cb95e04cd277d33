package de.dormagentwin.overlay;

import de.dormagentwin.live.SafetyQuantities;
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
                    new Band(0, GREEN), new Band(20, YELLOW), new Band(40, ORANGE), new Band(50, RED)),
            ColorRule.thresholds("PM2.5", "PM2.5 concentration", "µg/m³", "EU annual limit 25 µg/m³",
                    new Band(0, GREEN), new Band(10, YELLOW), new Band(20, ORANGE), new Band(25, RED)),
            ColorRule.thresholds("Noise", "noise level", "dB(A)", "",
                    new Band(0, GREEN), new Band(55, YELLOW), new Band(65, ORANGE), new Band(70, RED)),
            ColorRule.thresholds("CO2", "CO2 concentration", "ppm", "",
                    new Band(0, GREEN), new Band(450, YELLOW), new Band(600, RED)),
            ColorRule.thresholds("NOx (stacks)", SafetyQuantities.NOX, "mg/m³", "",
                    new Band(0, GREEN), new Band(100, ORANGE), new Band(200, RED)),
            ColorRule.gradient("Temperature", "air temperature", "°C",
                    new Band(-10, BLUE), new Band(10, GREEN), new Band(20, YELLOW), new Band(32, RED)),
            ColorRule.gradient("Cars", "car count", "per 15 min",
                    new Band(0, GREEN), new Band(60, YELLOW), new Band(150, RED)),
            ColorRule.gradient("Tank levels", "fill level", "%",
                    new Band(0, 0xFFE8F0FF), new Band(100, BLUE)));

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
