package de.dormagentwin.ui;

import de.dormagentwin.live.store.Latest;
import de.dormagentwin.model.text.SafeText;
import de.dormagentwin.overlay.ColorRule;
import de.dormagentwin.overlay.Freshness;
import de.dormagentwin.overlay.SensorMarkers;
import de.dormagentwin.overlay.ThematicOverlay;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What live data draws on a viewport, for the planner and the kiosk alike: the objects' colours, the sensor
 * markers, the value labels and the legend, all by one rule and as of one time.
 */
public final class OverlayView {
    private static final System.Logger LOG = System.getLogger(OverlayView.class.getName());
    private final CityViewport viewport;
    private final ThematicOverlay overlay;
    private final SensorMarkers markers = new SensorMarkers();
    /** What each value was last drawn as, for the debug log: a line per change, not per frame. */
    private final Map<String, String> drawn = new HashMap<>();

    public OverlayView(CityViewport viewport) {
        this.viewport = viewport;
        overlay = new ThematicOverlay(viewport.cityScene().city());
        viewport.cityScene().addLayer(markers.node());
    }

    public SensorMarkers markers() {
        return markers;
    }

    /**
     * Draws the values by a rule (null for none) as of {@code now}; the places in {@code pulsing} are drawn alert red
     * while {@code pulseOn}, and the selected place's marker in the selection's colour. The legend says {@code caption}. FX thread.
     */
    public ThematicOverlay.Result show(Map<String, List<Latest>> valuesByPlace, ColorRule rule, Instant now, String caption,
                                       Set<String> pulsing, boolean pulseOn, String selectedPlace) {
        overlay.setRule(rule);
        overlay.setPulse(pulsing, pulseOn);
        markers.setPulse(pulsing, pulseOn);
        markers.setSelected(selectedPlace);
        ThematicOverlay.Result result = overlay.apply(valuesByPlace, now);
        markers.update(viewport.cityScene().city(), valuesByPlace, rule, now);
        viewport.valueLabels().update(valuesByPlace, rule, markers::top, now);
        viewport.legend().show(result.coloured() > 0 ? rule : null, caption);
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            logChanges(valuesByPlace, now);
        }
        return result;
    }

    /** Each value whose drawing changed (a new value, or fresh to stale and back): what a field check reads. */
    private void logChanges(Map<String, List<Latest>> valuesByPlace, Instant now) {
        valuesByPlace.forEach((place, values) -> {
            for (Latest value : values) {
                if (!value.hasValue()) {
                    continue;
                }
                String key = SafeText.of(place) + " " + SafeText.of(value.datastream().remoteId());
                String state = (Double.isNaN(value.number()) ? SafeText.of(value.text()) : String.valueOf(value.number()))
                        + (Freshness.isStale(value, now) ? ", stale" : ", fresh");
                if (!state.equals(drawn.put(key, state))) {
                    LOG.log(System.Logger.Level.DEBUG, "drawn " + key + " = " + state);
                }
            }
        });
    }
}
