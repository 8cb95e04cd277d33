package de.dormagentwin.overlay;

import de.dormagentwin.live.store.Latest;
import de.dormagentwin.scene.CityLayer;
import de.dormagentwin.scene.CityMeshes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Colours the city objects bound to datastreams of one observed property by their values, through the palette
 * texture: no faces array changes. A stale value is drawn faded; a bound stream with no value at all is neutral
 * grey; the objects without such a stream are drawn pale, so the coloured ones stand out.
 */
public final class ThematicOverlay {
    /** The pulse colour of an object whose value is over its limit. */
    public static final int ALERT_ARGB = 0xFFFF1744;
    private final CityLayer layer;
    private final Set<Integer> coloured = new HashSet<>();
    private ColorRule rule;
    private Set<String> pulsing = Set.of();
    private boolean pulseOn;

    public ThematicOverlay(CityLayer layer) {
        this.layer = layer;
    }

    /** The rule to colour by, or null for none; takes effect at the next {@link #apply}. */
    public void setRule(ColorRule rule) {
        this.rule = rule;
    }

    public ColorRule rule() {
        return rule;
    }

    /**
     * Objects with an unacknowledged alert, and the pulse's phase: on, they are drawn alert red; off, in their
     * value's colour (white when the active rule does not cover them). Takes effect at the next {@link #apply}.
     */
    public void setPulse(Set<String> objectIds, boolean on) {
        pulsing = Set.copyOf(objectIds);
        pulseOn = on;
    }

    /** Colours by the given values (latest, or as of a time), judging freshness against {@code now}. FX thread. */
    public Result apply(Map<String, List<Latest>> valuesByObject, Instant now) {
        Set<Integer> previously = new HashSet<>(coloured);
        coloured.clear();
        int stale = 0;
        int missing = 0;
        if (rule != null) {
            CityMeshes meshes = layer.meshes();
            for (Map.Entry<String, List<Latest>> entry : valuesByObject.entrySet()) {
                int index = meshes.objectIndex(entry.getKey());
                Latest value = entry.getValue().stream()
                        .filter(latest -> latest.datastream().observedProperty().equals(rule.observedProperty()))
                        .findFirst().orElse(null);
                if (index < 0 || value == null) {
                    continue;
                }
                if (!value.hasValue() || Double.isNaN(value.number())) {
                    missing++;
                } else if (Freshness.isStale(value, now)) {
                    stale++;
                }
                layer.setOverlayColor(index, colourOf(value, rule, now));
                coloured.add(index);
            }
        }
        for (String objectId : pulsing) {
            int index = layer.meshes().objectIndex(objectId);
            if (index < 0) {
                continue;
            }
            if (pulseOn) {
                layer.setOverlayColor(index, ALERT_ARGB);
            } else if (!coloured.contains(index)) {
                layer.setOverlayColor(index, 0xFFFFFFFF);
            }
            coloured.add(index);
        }
        previously.removeAll(coloured);
        previously.forEach(index -> layer.setOverlayColor(index, 0));
        layer.setContextMuted(rule != null && !coloured.isEmpty());
        return new Result(coloured.size(), stale, missing);
    }

    /** A value's colour under a rule: neutral grey without data, faded when stale. */
    static int colourOf(Latest value, ColorRule rule, Instant now) {
        if (!value.hasValue() || Double.isNaN(value.number())) {
            return Colors.NO_DATA;
        }
        int argb = rule.colorOf(value.number());
        return Freshness.isStale(value, now) ? Colors.stale(argb) : argb;
    }

    /** Values grouped by their place (an object or a point), each place's sorted by datastream name. */
    public static Map<String, List<Latest>> byObject(Collection<Latest> values) {
        Map<String, List<Latest>> byObject = new HashMap<>();
        for (Latest value : values) {
            if (value.objectId() != null) {
                byObject.computeIfAbsent(value.objectId(), id -> new ArrayList<>()).add(value);
            }
        }
        byObject.replaceAll((id, list) -> list.stream().sorted(Comparator.comparing(latest -> latest.datastream().name())).toList());
        return Map.copyOf(byObject);
    }

    /** How many objects were coloured, and of them how many stale or without data. */
    public record Result(int coloured, int stale, int withoutData) {
    }
}
