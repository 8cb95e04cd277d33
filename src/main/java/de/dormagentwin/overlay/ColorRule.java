package de.dormagentwin.overlay;

import java.util.List;
import java.util.Objects;

/**
 * How the values of one observed property become colours: thresholds (each band from its lower bound up to the
 * next) or a gradient between stops. The legend writes its labels from the bands' bounds.
 */
public record ColorRule(String name, String observedProperty, String unit, List<Band> bands, boolean gradient, String note) {

    /** From {@code from} (inclusive) up to the next band; the first band also takes everything below. */
    public record Band(double from, int argb) {
    }

    public ColorRule {
        Objects.requireNonNull(observedProperty);
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("rule " + name + " has no bands");
        }
        for (int i = 1; i < bands.size(); i++) {
            if (bands.get(i).from() <= bands.get(i - 1).from()) {
                throw new IllegalArgumentException("rule " + name + ": bands must rise, but " + bands.get(i).from()
                        + " follows " + bands.get(i - 1).from());
            }
        }
        bands = List.copyOf(bands);
        note = note == null ? "" : note;
    }

    public static ColorRule thresholds(String name, String observedProperty, String unit, String note, Band... bands) {
        return new ColorRule(name, observedProperty, unit, List.of(bands), false, note);
    }

    public static ColorRule gradient(String name, String observedProperty, String unit, Band... stops) {
        return new ColorRule(name, observedProperty, unit, List.of(stops), true, "");
    }

    /** The colour of a value (opaque ARGB). */
    public int colorOf(double value) {
        if (!gradient) {
            int argb = bands.get(0).argb();
            for (Band band : bands) {
                if (value >= band.from()) {
                    argb = band.argb();
                }
            }
            return argb;
        }
        if (value <= bands.get(0).from()) {
            return bands.get(0).argb();
        }
        for (int i = 1; i < bands.size(); i++) {
            Band upper = bands.get(i);
            if (value <= upper.from()) {
                Band lower = bands.get(i - 1);
                return Colors.mix(lower.argb(), upper.argb(), (value - lower.from()) / (upper.from() - lower.from()));
            }
        }
        return bands.get(bands.size() - 1).argb();
    }
}
