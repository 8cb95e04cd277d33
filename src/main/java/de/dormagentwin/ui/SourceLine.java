package de.dormagentwin.ui;

import de.dormagentwin.live.SourceStatus;
import de.dormagentwin.model.text.SafeText;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A source's state in one line, as the planner's status bar and the kiosk's maintenance panel show it. */
public final class SourceLine {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());

    private SourceLine() {
    }

    /** In the planner's language. */
    public static String of(SourceStatus status) {
        return of(status, PlannerLanguage.texts());
    }

    /** In the language of {@code texts}: the kiosk's own. */
    public static String of(SourceStatus status, Texts texts) {
        // A source's name and problem quote its feed and URL: escaped, so that a feed cannot disguise the line.
        return SafeText.of(status.source()) + ": " + switch (status.state()) {
            case STARTING -> texts.get("source.starting");
            case LIVE -> texts.get("source.live", CLOCK.format(status.lastSuccess()));
            case RETRYING -> texts.get("source.retrying", CLOCK.format(status.since()), problem(status, texts));
            case OFFLINE -> texts.get("source.offline", CLOCK.format(status.since()), problem(status, texts));
        };
    }

    /** The problem as the source worded it, except the service watch's own, which has words in both languages. */
    private static String problem(SourceStatus status, Texts texts) {
        return ServiceWatch.NOT_ANSWERING.equals(status.problem()) ? texts.get("source.notAnswering") : SafeText.of(status.problem());
    }
}
