package de.dormagentwin.ui;

import de.dormagentwin.live.SourceStatus;
import de.dormagentwin.live.store.CacheException;
import de.dormagentwin.live.store.LiveStore;
import javafx.application.Platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * For a viewer that reads through {@code twin serve}: the states of the service's sources, as it stores them, or,
 * while the service does not answer, one line saying since when. Asks every {@code period}, off the FX thread, and
 * hands each answer to the FX thread.
 */
public final class ServiceWatch implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ServiceWatch.class.getName());
    /** The line's name while the service is away. */
    public static final String SERVICE = "twin serve";
    /** The problem of a service that does not answer; {@link SourceLine} words it in the planner's language. */
    static final String NOT_ANSWERING = "not answering";

    private final LiveStore store;
    private final Clock clock;
    private final Consumer<List<SourceStatus>> onFxThread;
    private final BackgroundWork.Lane poller;
    private Instant away;
    private Instant lastAnswer;

    /** Asks on a lane of {@code background} of its own, which {@link #close()} ends. */
    public ServiceWatch(LiveStore store, Duration period, Clock clock, Consumer<List<SourceStatus>> onFxThread,
                        BackgroundWork background) {
        this.store = store;
        this.clock = clock;
        this.onFxThread = onFxThread;
        poller = background.lane("twin-service-watch");
        poller.repeat("service watch", period, this::poll);
    }

    private void poll() {
        List<SourceStatus> states;
        try {
            states = store.sourceStates();
            if (away != null) {
                LOG.log(System.Logger.Level.INFO, SERVICE + " answers again; live data follows it");
            }
            away = null;
            lastAnswer = clock.instant();
        } catch (CacheException | RuntimeException e) {
            if (away == null) {
                away = clock.instant();
                LOG.log(System.Logger.Level.WARNING, SERVICE + " does not answer (" + e.getMessage() + "); the last values "
                        + "stay on screen and fade as they age, until it is back");
            }
            states = List.of(new SourceStatus(SERVICE, SourceStatus.State.OFFLINE, away, lastAnswer, NOT_ANSWERING));
        }
        List<SourceStatus> shown = states;
        Platform.runLater(() -> onFxThread.accept(shown));
    }

    @Override
    public void close() {
        poller.close();
    }
}
