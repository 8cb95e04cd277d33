package de.dormagentwin.live.ingest;

import java.io.IOException;

/**
 * One place live data comes from (a SensorThings server, an MQTT broker, PEGELONLINE, a CSV folder, the
 * simulator). The ingest service calls {@link #fetch} now and then, one call at a time; a source fetches what is
 * new since what the cache holds and hands it to the sink. A failure is thrown; the service retries with backoff
 * and keeps everything already stored.
 */
public interface Source extends AutoCloseable {

    /** Names the source in messages and in the cache's provenance ({@code source} column): stable between runs. */
    String name();

    /**
     * Fetches what is new. One bad observation goes to {@link Sink#problem} and never drops the rest of its page;
     * an unreachable server, an error status or an unreadable answer is thrown.
     */
    void fetch(Sink sink) throws IOException, InterruptedException;

    /** Stops whatever the source keeps running between fetches (a subscription, a connection). */
    @Override
    default void close() {
    }
}
