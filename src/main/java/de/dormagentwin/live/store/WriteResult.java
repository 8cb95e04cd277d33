package de.dormagentwin.live.store;

import java.util.List;

/** How many observations a write stored, and why the others were not. */
public record WriteResult(int stored, List<String> rejected) {
    public WriteResult {
        rejected = List.copyOf(rejected);
    }
}
