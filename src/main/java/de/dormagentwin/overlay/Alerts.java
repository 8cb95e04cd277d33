package de.dormagentwin.overlay;

import de.dormagentwin.live.store.Latest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Limit exceedances: a stream whose current value is at or above its rule's limit (the start of the top band of a
 * threshold rule, such as 50 µg/m³ for PM10) raises an alert. An acknowledged alert stays quiet until its value
 * falls back below the limit; a new exceedance after that is a new alert.
 */
public final class Alerts {

    /** One exceedance: which stream, where, how high, since when, and whether someone has acknowledged it. */
    public record Alert(long datastreamId, String objectId, String property, double value, String unit, double limit,
                        Instant since, boolean acknowledged) {
    }

    private final List<ColorRule> rules;
    /** Per stream in exceedance: when the current exceedance began, and whether it was acknowledged. */
    private final Map<Long, Instant> since = new HashMap<>();
    private final Map<Long, Boolean> acknowledged = new HashMap<>();

    public Alerts(List<ColorRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The limit of a rule: the lower bound of the top band of a threshold rule; gradients have none. */
    public static OptionalDouble limitOf(ColorRule rule) {
        return rule.gradient() ? OptionalDouble.empty() : OptionalDouble.of(rule.bands().get(rule.bands().size() - 1).from());
    }

    /** Updates from the values shown now and returns the alerts, unacknowledged first, then the highest over limit. */
    public List<Alert> update(Map<String, List<Latest>> valuesByObject) {
        Map<Long, Alert> current = new HashMap<>();
        for (List<Latest> values : valuesByObject.values()) {
            for (Latest value : values) {
                if (!value.hasValue() || Double.isNaN(value.number())) {
                    continue;
                }
                for (ColorRule rule : rules) {
                    OptionalDouble limit = limitOf(rule);
                    if (limit.isPresent() && rule.observedProperty().equals(value.datastream().observedProperty())
                            && value.number() >= limit.getAsDouble()) {
                        long id = value.datastreamId();
                        Instant began = since.computeIfAbsent(id, key -> value.time());
                        current.put(id, new Alert(id, value.objectId(), rule.name(), value.number(), rule.unit(), limit.getAsDouble(),
                                began, acknowledged.getOrDefault(id, false)));
                    }
                }
            }
        }
        since.keySet().retainAll(current.keySet());
        acknowledged.keySet().retainAll(current.keySet());
        List<Alert> alerts = new ArrayList<>(current.values());
        alerts.sort(Comparator.comparing(Alert::acknowledged).thenComparing(alert -> -alert.value() / alert.limit()));
        return alerts;
    }

    /** Marks an alert as seen: it stops pulsing, until its stream next exceeds the limit anew. */
    public void acknowledge(long datastreamId) {
        if (since.containsKey(datastreamId)) {
            acknowledged.put(datastreamId, true);
        }
    }
}
