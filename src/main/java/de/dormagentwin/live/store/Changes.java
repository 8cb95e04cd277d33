package de.dormagentwin.live.store;

import java.util.List;

/** The datastreams whose latest value changed, and the revision to ask "what changed since" with next time. */
public record Changes(List<Latest> values, long revision) {
    public Changes {
        values = List.copyOf(values);
    }
}
