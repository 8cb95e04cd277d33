package de.dormagentwin.live.store;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the cache holds: the number of observations, per datastream its count and latest value, and per source the
 * records it skipped or the cache refused (sources with none are absent).
 */
public record Stats(long observations, List<Stream> datastreams, Map<String, Long> rejected) {
    public Stats {
        datastreams = List.copyOf(datastreams);
        rejected = Collections.unmodifiableMap(new TreeMap<>(rejected));
    }

    public Stats(long observations, List<Stream> datastreams) {
        this(observations, datastreams, Map.of());
    }

    public record Stream(Latest latest, long observations) {
    }
}
