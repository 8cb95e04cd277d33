package de.dormagentwin.ui;

import de.dormagentwin.live.store.Latest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How fresh the cache is, for the status bar: the age of the newest value the viewer shows ("cache: newest value
 * 2 min ago"). An old newest value means the feeds stopped, whatever their state says.
 */
public final class CacheFreshness {
    private CacheFreshness() {
    }

    /** The newest observation time across a snapshot, or null when it holds no value. */
    public static Instant newest(LiveFeed.Snapshot snapshot) {
        Instant newest = null;
        for (List<Latest> values : snapshot.byObject().values()) {
            for (Latest value : values) {
                if (value.hasValue() && (newest == null || value.time().isAfter(newest))) {
                    newest = value.time();
                }
            }
        }
        return newest;
    }

    /** "cache: newest value 2 min ago", or "cache: no data" for null. */
    public static String text(Instant newest, Instant now) {
        Texts texts = PlannerLanguage.texts();
        return newest == null ? texts.get("freshness.noData") : texts.get("freshness.newest", Age.words(Duration.between(newest, now)));
    }

    /** The text for a snapshot at {@code now}. */
    public static String text(LiveFeed.Snapshot snapshot, Instant now) {
        return text(newest(snapshot), now);
    }
}
