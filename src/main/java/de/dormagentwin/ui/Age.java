package de.dormagentwin.ui;

import java.time.Duration;

/** How old a value is, in the words the info panel and the status bar use. */
final class Age {
    private Age() {
    }

    /** "just now", "5 min ago", "3 h ago", "4 days ago"; a time ahead of the clock counts as just now. */
    static String words(Duration age) {
        return words(age, PlannerLanguage.texts());
    }

    /** As {@link #words(Duration)}, in the language of {@code texts}. */
    static String words(Duration age, Texts texts) {
        if (age.isNegative() || age.toMinutes() < 1) {
            return texts.get("age.justNow");
        }
        if (age.toHours() < 1) {
            return texts.get("age.minutes", age.toMinutes());
        }
        if (age.toDays() < 2) {
            return texts.get("age.hours", age.toHours());
        }
        return texts.get("age.days", age.toDays());
    }
}
