package de.dormagentwin.live.ingest;

import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.Observation;
import de.dormagentwin.live.Thing;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where a source puts what it fetched: the cache, through the ingest service. Safe to call from any thread (an
 * MQTT client calls from its own). A thing goes in before its datastreams, a datastream before its observations.
 */
public interface Sink {

    void thing(Thing thing) throws IOException;

    void datastream(Datastream datastream) throws IOException;

    /** Stores a page of observations, batched; the same observation twice is one row, a newer result replaces it. */
    void observations(List<Observation> observations) throws IOException;

    /** The phenomenon time of the newest cached observation of one of this source's datastreams. */
    Optional<Instant> lastTime(String datastreamRemoteId) throws IOException;

    /**
     * A bad record that was skipped, told once per record; the service logs it with the source's name and counts it
     * in the cache as rejected for the source.
     */
    void problem(String message);

    /**
     * Several bad records skipped and told as one message, so a file of a million bad rows does not flood the log;
     * each counts as rejected. Sinks that only collect messages hear it as one problem.
     */
    default void skipped(long records, String message) {
        problem(message);
    }

    /**
     * Something worth telling that lost no record (a connection dropped and to be backfilled): logged, not counted
     * as rejected. Sinks that only collect messages hear it as a problem.
     */
    default void note(String message) {
        problem(message);
    }
}
