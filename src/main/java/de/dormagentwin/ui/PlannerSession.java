package de.dormagentwin.ui;

import de.dormagentwin.overlay.Alerts;
import de.dormagentwin.overlay.OverlayRules;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the planner is looking at, apart from the controls that show it: the latest live values and the values on
 * screen (the live ones, or those as of a time in history), the alerts over what is on screen and which of them
 * are acknowledged, the pulse of those that are not, the sensor point selected, and the feed followed. As
 * {@link de.dormagentwin.ui.kiosk.KioskSession} is for the kiosk: state and its rules without a control, so it is
 * tested without a window. Used on the FX thread.
 */
final class PlannerSession {
    private final Alerts alerts = new Alerts(OverlayRules.defaults());
    private LiveFeed.Snapshot live = LiveFeed.Snapshot.EMPTY;
    private LiveFeed.Snapshot shown = LiveFeed.Snapshot.EMPTY;
    /** Null while the live values are shown. */
    private Instant shownAt;
    private List<Alerts.Alert> currentAlerts = List.of();
    private boolean pulseOn;
    /** A selected sensor that stands at a point of its own (see {@code Place}); null while an object or nothing is. */
    private String selectedPoint;
    private LiveFeed feed;

    /** Keeps the newest live values, whether or not they are shown now. */
    void receive(LiveFeed.Snapshot snapshot) {
        live = snapshot;
    }

    /** The newest live values. */
    LiveFeed.Snapshot live() {
        return live;
    }

    /**
     * Puts values on screen: the live ones ({@code at} null) or those as of a time in history. The alerts follow
     * them; the pulse rests where none waits for acknowledgement.
     *
     * @return whether an alert waits for acknowledgement, for which the pulse runs
     */
    boolean show(LiveFeed.Snapshot snapshot, Instant at) {
        shown = snapshot;
        shownAt = at;
        currentAlerts = alerts.update(snapshot.byObject());
        boolean waiting = currentAlerts.stream().anyMatch(alert -> !alert.acknowledged());
        if (!waiting) {
            pulseOn = false;
        }
        return waiting;
    }

    /** The values on screen. */
    LiveFeed.Snapshot shown() {
        return shown;
    }

    /** The time in history the values on screen are of; null while they are the live ones. */
    Instant shownAt() {
        return shownAt;
    }

    /** The time the values on screen are for: the history's, or {@code now}. */
    Instant shownTime(Instant now) {
        return shownAt != null ? shownAt : now;
    }

    /** The alerts over the values on screen. */
    List<Alerts.Alert> alerts() {
        return currentAlerts;
    }

    /** The objects with an alert that waits for acknowledgement: they pulse. */
    Set<String> alertingObjects() {
        return currentAlerts.stream().filter(alert -> !alert.acknowledged()).map(Alerts.Alert::objectId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }

    /** Acknowledges a datastream's alert; {@link #show} it again to see it so. */
    void acknowledge(long datastreamId) {
        alerts.acknowledge(datastreamId);
    }

    /** Whether the alerting objects are lit now: the pulse turns this every half second. */
    boolean pulseOn() {
        return pulseOn;
    }

    void turnPulse() {
        pulseOn = !pulseOn;
    }

    String selectedPoint() {
        return selectedPoint;
    }

    /** Selects a sensor standing at a point of its own; null for none (an object, or nothing, is selected). */
    void selectPoint(String place) {
        selectedPoint = place;
    }

    /** The feed followed; null before one is attached or after it is let go. */
    LiveFeed feed() {
        return feed;
    }

    void follow(LiveFeed followed) {
        feed = followed;
    }
}
