package de.dormagentwin.live.store;

import java.time.Instant;

/** A point of a chart: the mean of the observations in a slice of time, with their minimum, maximum and count. */
public record SeriesPoint(Instant time, double mean, double min, double max, int count) {
}
