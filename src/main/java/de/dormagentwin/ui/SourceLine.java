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

    public static String of(SourceStatus status) {
        // A source's name and problem quote its feed and URL: escaped, so that a feed cannot disguise the line.
        return SafeText.of(status.source()) + ": " + switch (status.state()) {
            case STARTING -> "starting";
            case LIVE -> "live, updated " + CLOCK.format(status.lastSuccess());
            case RETRYING -> "retrying since " + CLOCK.format(status.since()) + " (" + SafeText.of(status.problem()) + ")";
            case OFFLINE -> "offline since " + CLOCK.format(status.since()) + " (" + SafeText.of(status.problem()) + ")";
        };
    }
}
