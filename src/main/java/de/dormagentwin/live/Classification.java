package de.dormagentwin.live;

import java.util.Locale;

/** Who may see a datastream. The kiosk shows {@link #PUBLIC} only; CHEMPARK process data is partner or confidential. */
public enum Classification {
    PUBLIC, PARTNER, CONFIDENTIAL;

    /** The word stored in the cache and printed by the command line. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Classification parse(String word) {
        for (Classification classification : values()) {
            if (classification.word().equalsIgnoreCase(word.trim())) {
                return classification;
            }
        }
        throw new IllegalArgumentException("classification must be public, partner or confidential, not '" + word + "'");
    }
}
