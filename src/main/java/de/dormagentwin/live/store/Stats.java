package de.dormagentwin.live.store;

import java.util.List;

/** What the cache holds: the number of observations, and per datastream its count and latest value. */
public record Stats(long observations, List<Stream> datastreams) {
    public Stats {
        datastreams = List.copyOf(datastreams);
    }

    public record Stream(Latest latest, long observations) {
    }
}
