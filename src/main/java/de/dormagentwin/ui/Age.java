package de.dormagentwin.ui;

import java.time.Duration;

/** How old a value is, in the words the info panel and the status bar use. */
final class Age {
    private Age() {
    }

    /** "just now", "5 min ago", "3 h ago", "4 days ago"; a time ahead of the clock counts as just now. */
    static String words(Duration age) {
        if (age.isNegative() || age.toMinutes() < 1) {
            return "just now";
        }
        if (age.toHours() < 1) {
            return age.toMinutes() + " min ago";
        }
        if (age.toDays() < 2) {
            return age.toHours() + " h ago";
        }
        return age.toDays() + " days ago";
    }
}
